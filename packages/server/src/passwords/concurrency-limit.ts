import { availableParallelism } from 'node:os';

/**
 * Runs at most `limit` tasks at once; the others wait their turn, first come first served.
 *
 * @example
 * ```ts
 * const argon2 = new ConcurrencyLimit(2);
 * const ok = await argon2.run(() => verify(stored, password));
 * ```
 */
export class ConcurrencyLimit {
  /** The most tasks running at once. */
  readonly limit: number;
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`A concurrency limit must be a whole number ≥ 1, not ${limit}`);
    this.limit = limit;
  }

  /** Runs `task` when a place is free; its result or error comes back as is. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }
}

/**
 * How many password hashes to run at once by default: one per CPU core but one (at least one), and
 * always one libuv thread-pool thread fewer than the pool has (`UV_THREADPOOL_SIZE`, 4 by default).
 * argon2 runs on that pool, and so do Web Crypto (human-check HMAC, token signatures) and file I/O:
 * with every thread busy hashing, a 0.3 ms token signature waited 70–170 ms behind the hashes. The
 * core left over keeps the event loop and the database going, and each hash running holds 19 MiB:
 * on two cores one at a time kept loaded memory under 150 MB with the same sign-ins per second.
 */
export function defaultHashConcurrency(): number {
  const pool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(availableParallelism() - 1, pool - 1));
}
