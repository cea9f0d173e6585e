import { PATHS } from '@dvc-kit/sdk';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './env.js';

/** The HSTS policy sent over https: one year, subdomains included. */
export const HSTS_POLICY = 'max-age=31536000; includeSubDomains';

/** What {@link securityHeadersMiddleware} needs to know about where the service runs. */
export interface SecurityHeadersOptions {
  /** The service's public base URL; an `https` issuer means every answer is served over https. */
  readonly issuer: string;
  /** Believe `X-Forwarded-Proto` from the operator's proxy (the `trustProxy` key). */
  readonly trustProxy: boolean;
}

function servedOverHttps(c: Context<AppEnv>, options: SecurityHeadersOptions): boolean {
  if (options.issuer.startsWith('https:')) return true;
  if (new URL(c.req.url).protocol === 'https:') return true;
  return options.trustProxy && c.req.header('X-Forwarded-Proto')?.split(',').at(-1)?.trim().toLowerCase() === 'https';
}

/**
 * Security headers on every answer, through Hono's `secureHeaders`: a CSP that lets a JSON answer
 * load nothing and be framed by no one (`default-src 'none'; frame-ancestors 'none'`, kept as a page
 * sets its own — the dev outbox's style hash), `X-Frame-Options: DENY`, `nosniff`, no referrer; HSTS
 * when served over https. Every `/v1` answer but `GET /v1/config` (the same for every citizen) is
 * `Cache-Control: no-store`: tokens, codes' flows and account data pass there.
 */
export function securityHeadersMiddleware(options: SecurityHeadersOptions): MiddlewareHandler<AppEnv> {
  const secure = secureHeaders({
    contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
    xFrameOptions: 'DENY',
    strictTransportSecurity: false,
    overwrite: false,
  });
  return async (c, next) => {
    await secure(c, next);
    if (servedOverHttps(c, options)) c.res.headers.set('Strict-Transport-Security', HSTS_POLICY);
    const cacheable = c.req.method === 'GET' && c.req.path === PATHS.config;
    if (c.req.path.startsWith('/v1/') && !cacheable) c.res.headers.set('Cache-Control', 'no-store');
  };
}
