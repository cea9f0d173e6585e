import { pickLanguage } from '@dvc-kit/sdk';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/** Sets `c.var.lang` from `Accept-Language` (Vietnamese unless English is preferred). */
export function languageMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('lang', pickLanguage(c.req.header('Accept-Language')));
    await next();
  };
}
