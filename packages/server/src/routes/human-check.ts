import { PATHS } from '@dvc-kit/sdk';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../http/env.js';

/** `GET /v1/human-check/challenge`: a fresh proof-of-work puzzle (ALTCHA format). */
export function humanCheckRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get(PATHS.humanCheckChallenge, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.humanCheck.challenge());
  });
  return routes;
}
