import { PATHS } from '@dvc-kit/sdk';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../http/env.js';

/** `GET /.well-known/jwks.json`: the public keys that sign ID and access tokens (ES256, by `kid`). */
export function jwksRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(PATHS.jwks, async (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(await deps.keyRing.jwks());
  });
  return routes;
}
