import { CLIENT_HEADER, PATHS } from '@dvc-kit/sdk';
import type { MiddlewareHandler } from 'hono';
import type { ClientConfig } from '../config.js';
import type { AppEnv } from './env.js';
import { problemResponse } from './problem.js';

const ALLOW_HEADERS = ['Content-Type', 'Accept-Language', CLIENT_HEADER, 'Idempotency-Key', 'Authorization'].join(', ');
const EXPOSE_HEADERS = 'Retry-After, Content-Language';

/**
 * CORS and portal identification for `/v1/*`.
 *
 * - Preflight (`OPTIONS`) is answered for an origin any registered portal lists (a preflight carries
 *   no `DVC-Client` header), else refused with `origin_not_allowed`.
 * - Every other request names its portal in `DVC-Client` (or `?client_id=` on `GET /v1/config`);
 *   an unknown one is refused with `unknown_client`; an `Origin` that portal does not list is refused
 *   with `origin_not_allowed`, and that refusal alone carries `Access-Control-Allow-Origin` with the
 *   page's origin, so a widget on a page the portal forgot to list can read why (its first call,
 *   `GET /v1/config`, is a CORS simple request) and tell the portal team. The refusal holds no data
 *   and allows no credentials. Requests without `Origin` (servers) are not origin-checked.
 * - Answers to an allowed origin, problems included, carry `Access-Control-Allow-Origin` with that
 *   origin and expose `Retry-After`. No cookies are used, so no credentials are allowed.
 */
export function clientMiddleware(clients: readonly ClientConfig[]): MiddlewareHandler<AppEnv> {
  const byId = new Map(clients.map((client) => [client.id, client]));
  const anyOrigin = new Set(clients.flatMap((client) => client.origins));

  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (c.req.method === 'OPTIONS') {
      if (!origin || !anyOrigin.has(origin)) return problemResponse('origin_not_allowed', c.var.lang);
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': ALLOW_HEADERS,
          'Access-Control-Expose-Headers': EXPOSE_HEADERS,
          'Access-Control-Max-Age': '600',
          Vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        },
      });
    }

    const clientId = c.req.header(CLIENT_HEADER) ?? (c.req.method === 'GET' && c.req.path === PATHS.config ? c.req.query('client_id') : undefined);
    const client = clientId === undefined ? undefined : byId.get(clientId);
    if (!client) {
      const response = problemResponse('unknown_client', c.var.lang);
      if (origin && anyOrigin.has(origin)) {
        response.headers.set('Access-Control-Allow-Origin', origin);
        response.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
      }
      response.headers.append('Vary', 'Origin');
      return response;
    }
    if (origin !== undefined && !client.origins.includes(origin)) {
      const response = problemResponse('origin_not_allowed', c.var.lang);
      response.headers.set('Access-Control-Allow-Origin', origin);
      response.headers.append('Vary', 'Origin');
      return response;
    }
    c.set('client', client);
    await next();
    // Errors thrown further in have already become problem responses here, so they get the headers too.
    c.header('Vary', 'Origin', { append: true });
    if (origin) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  };
}
