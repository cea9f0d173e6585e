import { PATHS } from '@dvc-kit/sdk';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../http/env.js';
import { SERVER_VERSION } from '../version.js';

/**
 * `GET /`: what this service is — name, version, mode — and where to go next (health, JWKS, the
 * widget configuration, the outbox in development), so an operator or integrator opening the base
 * URL sees a service rather than a 404. Holds nothing that is not already public.
 */
export function rootRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({
      service: 'DVC Kit identity service',
      package: '@dvc-kit/server',
      version: SERVER_VERSION,
      mode: deps.config.mode,
      links: {
        health: '/healthz',
        jwks: PATHS.jwks,
        config: PATHS.config,
        ...(deps.outbox ? { outbox: '/dev/outbox' } : {}),
      },
      openapi: 'The OpenAPI 3.1 document of /v1 is generated from the SDK contract and published with the documentation as docs/openapi.json.',
    });
  });
  return routes;
}
