import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ServerConfig } from '../config.js';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

/** One configured operator credential. */
export type OperatorConfig = ServerConfig['operators'][number];

/** The Hono environment of the operator API: the operator whose credential the request carries. */
export interface OperatorEnv {
  Bindings: AppEnv['Bindings'];
  Variables: AppEnv['Variables'] & {
    /** The operator credential the request's bearer token belongs to. */
    operator: OperatorConfig;
  };
}

/**
 * The operator credential a bearer token belongs to: its SHA-256 compared with every configured hash
 * in constant time (all of them, whichever matches), so neither a match nor its place shows in the time.
 */
export function operatorOf(operators: readonly OperatorConfig[], token: string | undefined): OperatorConfig | undefined {
  const digest = createHash('sha256').update(token ?? '', 'utf8').digest();
  let found: OperatorConfig | undefined;
  for (const operator of operators) {
    if (timingSafeEqual(digest, Buffer.from(operator.tokenSha256, 'hex')) && token !== undefined) found ??= operator;
  }
  return found;
}

/**
 * The operator API's door (`/operator/v1/*`), which portals cannot use:
 *
 * - no CORS: a preflight, or any request that carries an `Origin` (a browser page), is refused with
 *   `403 origin_not_allowed` and no `Access-Control-Allow-Origin`, so no portal page can call it;
 *   the `DVC-Client` header means nothing here;
 * - an `Authorization: Bearer` token whose SHA-256 is a configured operator's, else
 *   `401 unauthorized` with `WWW-Authenticate`, without reading the body.
 */
export function operatorMiddleware(operators: readonly OperatorConfig[]): MiddlewareHandler<OperatorEnv> {
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' || c.req.header('Origin') !== undefined) return problemResponse('origin_not_allowed', c.var.lang);
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(c.req.header('Authorization') ?? '')?.[1];
    const operator = operatorOf(operators, token);
    if (!operator) {
      const response = problemResponse('unauthorized', c.var.lang);
      response.headers.set('WWW-Authenticate', token ? 'Bearer realm="dvc-operator", error="invalid_token"' : 'Bearer realm="dvc-operator"');
      return response;
    }
    c.set('operator', operator);
    await next();
  };
}
