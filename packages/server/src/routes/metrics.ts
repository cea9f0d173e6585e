import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';
import { problemResponse } from '../http/problem.js';
import type { ServiceMetrics } from '../metrics/service-metrics.js';

/** Where metrics are served and who may read them. */
export interface MetricsRouteOptions {
  /** Bearer token a scraper must send (`Authorization: Bearer …`); absent only in development. */
  readonly token: string | undefined;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** Whether the request carries the bearer token, compared in constant time. */
function authorised(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * `GET /metrics`: the service's Prometheus metrics, only mounted when `metrics.enabled`. With a token
 * configured (always in production) a scrape without `Authorization: Bearer <token>` is refused with
 * `401 unauthorized`, so the endpoint is never public.
 */
export function metricsRoutes(metrics: ServiceMetrics, options: MetricsRouteOptions): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/metrics', async (c) => {
    if (options.token !== undefined && !authorised(c.req.header('Authorization'), options.token)) {
      const refused = problemResponse('unauthorized', c.var.lang ?? 'vi');
      refused.headers.set('WWW-Authenticate', 'Bearer realm="metrics"');
      return refused;
    }
    return c.body(await metrics.exposition(), 200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
  });
  return routes;
}
