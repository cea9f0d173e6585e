import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

/**
 * Refuses a request body larger than `maxBytes` with `413 body_too_large`, counting bytes as they
 * arrive (Hono's `bodyLimit`): a declared `Content-Length` above the limit is refused before a byte
 * is read, a chunked body as soon as it passes the limit, so the service never holds more than
 * `maxBytes` of it. The answer says `Connection: close`, so the rest of a large body is not read.
 */
export function bodyLimitMiddleware(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      const response = problemResponse('body_too_large', c.var.lang ?? 'vi');
      response.headers.set('Connection', 'close');
      return response;
    },
  });
}
