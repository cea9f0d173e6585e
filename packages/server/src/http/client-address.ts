import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * The caller's network address for per-address limits: the last `X-Forwarded-For` entry — the one
 * the operator's own proxy appended, which a caller cannot forge — when the service runs behind a
 * proxy the operator trusts (`trustProxy`), else the socket's address from
 * `@hono/node-server`'s connection info, else `'unknown'` (the app called without a Node server, as
 * in tests — all such callers then share one address's limit).
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  if (!(c.env as Partial<AppEnv['Bindings']> | undefined)?.incoming) return 'unknown';
  return getConnInfo(c).remote.address ?? 'unknown';
}
