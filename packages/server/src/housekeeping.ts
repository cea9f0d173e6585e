import type { Clock } from './config.js';
import type { Logger } from './log.js';
import type { SweepReport } from './store/housekeeping.js';
import type { Store } from './store/store.js';

/** What {@link startHousekeeping} needs. */
export interface HousekeepingOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  /** Seconds between two sweeps; `0` starts no timer (sweeps run only through {@link Housekeeping.sweep}). */
  readonly intervalSeconds: number;
  /** Most rows one delete statement removes. */
  readonly batchSize: number;
}

/** The sweep of expired rows one service instance runs. */
export interface Housekeeping {
  /**
   * Sweeps now, at the injected clock's time; a call while a sweep runs gets that sweep's report
   * (one sweep at a time per instance).
   */
  sweep(): Promise<SweepReport>;
  /** Stops the timer and waits for a running sweep to end (before the database is closed). */
  stop(): Promise<void>;
}

/**
 * Sweeps expired rows (see `sweepExpired`) on a timer owned by the service, outside the request
 * path: no request runs a sweep or waits for one. The timer is `unref`'d, so it never keeps a process
 * alive, and stopped by the service's `close()`. A failed sweep is logged (table counts only) and
 * the next one tries again. Several instances may sweep one database: they skip each other's rows.
 *
 * @example
 * ```ts
 * const housekeeping = startHousekeeping({ store, clock, log, intervalSeconds: 300, batchSize: 500 });
 * await housekeeping.stop();
 * ```
 */
export function startHousekeeping(options: HousekeepingOptions): Housekeeping {
  const { store, clock, log } = options;
  let running: Promise<SweepReport> | undefined;
  let stopped = false;

  const sweep = (): Promise<SweepReport> => {
    running ??= store.sweep(clock(), { batchSize: options.batchSize }).finally(() => {
      running = undefined;
    });
    return running;
  };

  const timer =
    options.intervalSeconds > 0
      ? setInterval(() => {
          if (stopped || running) return;
          sweep().then(
            (report) => log.info('housekeeping.swept', { ...report.removed, batches: report.batches }),
            (error: unknown) => log.error('housekeeping.failed', { error: error instanceof Error ? error.name : 'unknown' }),
          );
        }, options.intervalSeconds * 1000)
      : undefined;
  timer?.unref();

  return {
    sweep,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
