import type { Sql } from './sql.js';
import { iso, toDate } from './values.js';

/** At most `max` events in any `windowSeconds`. */
export interface SlidingLimit {
  readonly max: number;
  readonly windowSeconds: number;
}

/** A counter key (a keyed hash of a phone, a client address…) and the limits it obeys. */
export interface LimitBucket {
  readonly key: string;
  readonly limits: readonly SlidingLimit[];
}

/** Answer of {@link SendLimitRepository.take}: when allowed, the events recorded (to give back). */
export type LimitDecision =
  | { readonly ok: true; readonly events: readonly string[] }
  | { readonly ok: false; readonly retryAfterSeconds: number };

/**
 * Sliding-window counters: code sends, register look-ups, sign-in attempts per address. Taking locks
 * each bucket's row (in a fixed order) for the rest of the transaction, so parallel requests cannot
 * both pass the last free slot. Each event is kept as long as its bucket's longest window (at least an
 * hour), and the sweep forgets it after that.
 */
export interface SendLimitRepository {
  /** Records one event in every bucket if all of them have room; otherwise records none. */
  take(buckets: readonly LimitBucket[], now: Date): Promise<LimitDecision>;
  /** Removes events {@link take} recorded, as if they had not happened (e.g. a correct password). */
  giveBack(events: readonly string[]): Promise<void>;
}

/**
 * The send-limit repository. Call {@link SendLimitRepository.take} inside a transaction so the
 * row locks hold until the send is recorded.
 */
export function sendLimitRepository(sql: Sql): SendLimitRepository {
  return {
    take(buckets, now) {
      return sql.transaction(async (tx) => {
        const sorted = [...buckets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        let retryAfterMs = 0;
        for (const bucket of sorted) {
          // Creates the bucket's row or locks it, in one statement: a row a sweep removes meanwhile is made again.
          await tx.query('INSERT INTO rate_limit_keys (key) VALUES ($1) ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key', [bucket.key]);
          const longest = Math.max(...bucket.limits.map((limit) => limit.windowSeconds));
          await tx.query(`DELETE FROM rate_limit_events WHERE key = $1 AND at <= $2::timestamptz - $3::int * interval '1 second'`, [bucket.key, iso(now), longest]);
          for (const limit of bucket.limits) {
            const rows = await tx.query(
              `SELECT at FROM rate_limit_events WHERE key = $1 AND at > $2::timestamptz - $3::int * interval '1 second'
               ORDER BY at DESC LIMIT $4::int`,
              [bucket.key, iso(now), limit.windowSeconds, limit.max],
            );
            if (rows.length >= limit.max) {
              // The oldest of the last `max` events leaves the window first.
              const oldest = toDate(rows[rows.length - 1]!.at);
              retryAfterMs = Math.max(retryAfterMs, oldest.getTime() + limit.windowSeconds * 1000 - now.getTime());
            }
          }
        }
        if (retryAfterMs > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
        const events: string[] = [];
        for (const bucket of sorted) {
          // Kept for the longest window, and at least an hour as before windows of a day existed.
          const keep = Math.max(3600, ...bucket.limits.map((limit) => limit.windowSeconds));
          const [event] = await tx.query(
            `INSERT INTO rate_limit_events (key, at, keep_until) VALUES ($1, $2::timestamptz, $2::timestamptz + $3::int * interval '1 second')
             RETURNING id::text AS id`,
            [bucket.key, iso(now), keep],
          );
          events.push(String(event!.id));
        }
        return { ok: true, events };
      });
    },
    async giveBack(events) {
      for (const id of events) await sql.query('DELETE FROM rate_limit_events WHERE id = $1::bigint', [id]);
    },
  };
}
