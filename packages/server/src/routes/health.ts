import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../http/env.js';
import { MIGRATIONS } from '../store/migrations.js';

/** The schema version this code expects: its newest migration. */
const EXPECTED_SCHEMA = Math.max(...MIGRATIONS.map((migration) => migration.version));

/**
 * Liveness and readiness, for load balancers and orchestrators:
 *
 * - `GET /healthz` (liveness): 200 when the service can reach its database, 503 when not. Cheap: one
 *   `SELECT 1`.
 * - `GET /readyz` (readiness): 200 `{ status: 'ready' }` when the database answers and every migration
 *   this code knows is applied; 503 `{ status: 'database_unavailable' }` or `{ status: 'schema_behind' }`
 *   otherwise, so a load balancer sends no traffic to an instance that cannot serve it.
 */
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
  routes.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    let applied: Set<number>;
    try {
      const rows = await deps.store.sql.query<{ version: number }>('SELECT version FROM schema_migrations');
      applied = new Set(rows.map((row) => Number(row.version)));
    } catch {
      return c.json({ status: 'database_unavailable' }, 503);
    }
    const schema = { expected: EXPECTED_SCHEMA, applied: Math.max(0, ...applied) };
    const missing = MIGRATIONS.filter((migration) => !applied.has(migration.version));
    return missing.length === 0 ? c.json({ status: 'ready', schema }, 200) : c.json({ status: 'schema_behind', schema }, 503);
  });
  return routes;
}
