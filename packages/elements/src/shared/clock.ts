/**
 * Where the widgets read the time and how they tick, so a test can move time forward instead of
 * waiting (the one-time-code countdown and the resend button depend on it).
 *
 * @example
 * ```ts
 * let now = Date.parse('2026-01-01T00:00:00Z');
 * const ticks = new Set<() => void>();
 * const clock: Clock = { now: () => now, every: (_ms, tick) => (ticks.add(tick), () => ticks.delete(tick)) };
 * login.clock = clock;
 * now += 60_000; ticks.forEach((tick) => tick());
 * ```
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `tick` every `ms` milliseconds until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

/** The real clock: `Date.now` and `setInterval`. */
export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  every(ms: number, tick: () => void) {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
});
