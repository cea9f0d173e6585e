import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../http/env.js';

/** `GET /healthz`: 200 when the service can reach its database, 503 when not. */
export function healthRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await deps.store.sql.query('SELECT 1');
      return c.json({ status: 'ok' }, 200);
    } catch {
      return c.json({ status: 'database_unavailable' }, 503);
    }
  });
  return routes;
}
