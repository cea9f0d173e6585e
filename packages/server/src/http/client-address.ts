import type { Context } from 'hono';
import type { AppEnv } from './env.js';

/**
 * The caller's network address for per-address limits: the first `X-Forwarded-For` entry when the
 * service runs behind a proxy the operator trusts, else the socket's address, else `'unknown'`
 * (when the app is called without a server, as in tests).
 */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as Partial<AppEnv['Bindings']> | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}
