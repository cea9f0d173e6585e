import type { MiddlewareHandler } from 'hono';
import type { Clock } from '../config.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import type { AppEnv } from './env.js';

/** Seconds between two sweeps of expired rows. */
export const SWEEP_EVERY_SECONDS = 600;

/**
 * Sweeps expired rows (see `sweepExpired`) after a request, at most every ten minutes per instance,
 * so the service needs no timer or cron of its own. A failed sweep is logged and never fails the
 * request.
 */
export function housekeepingMiddleware(deps: { store: Store; clock: Clock; log: Logger }): MiddlewareHandler<AppEnv> {
  let last = -Infinity;
  let running = false;
  return async (_c, next) => {
    await next();
    const now = deps.clock();
    if (running || now.getTime() - last < SWEEP_EVERY_SECONDS * 1000) return;
    running = true;
    last = now.getTime();
    try {
      const removed = await deps.store.sweep(now);
      deps.log.info('housekeeping.swept', removed);
    } catch (error) {
      deps.log.error('housekeeping.failed', { error: error instanceof Error ? error.name : 'unknown' });
    } finally {
      running = false;
    }
  };
}
