import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';

/** Whether a `Content-Type` value names JSON (`application/json`, parameters such as `charset` allowed). */
export function isJsonMediaType(value: string): boolean {
  return value.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('Content-Length');
  return request.headers.has('Transfer-Encoding') || (length !== null && length.trim() !== '0');
}

/**
 * The JSON endpoints take JSON only: a `POST` that carries a body, or names a media type, other than
 * `application/json` is refused with `415 unsupported_media_type` before its body is read. A `POST`
 * with neither (a resend sent with no body) passes.
 */
export function jsonContentTypeMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST') {
      const type = c.req.header('Content-Type');
      if (type === undefined ? hasBody(c.req.raw) : !isJsonMediaType(type)) throw new ProblemError('unsupported_media_type');
    }
    await next();
  };
}
