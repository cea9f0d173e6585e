import type { Clock } from '../../src/shared/clock.js';

/** A clock the test moves by hand; `advance` runs the ticks the elapsed time would have run. */
export interface FakeClock extends Clock {
  advance(ms: number): void;
}

export function fakeClock(start = Date.parse('2026-03-02T08:00:00Z')): FakeClock {
  let now = start;
  const timers = new Set<{ ms: number; tick: () => void; next: number }>();
  return {
    now: () => now,
    every(ms, tick) {
      const timer = { ms, tick, next: now + ms };
      timers.add(timer);
      return () => timers.delete(timer);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
        if (!due) break;
        now = due.next;
        due.next += due.ms;
        due.tick();
      }
      now = end;
    },
  };
}
