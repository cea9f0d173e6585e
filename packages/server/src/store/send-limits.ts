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
        const keys = [...new Set(sorted.map((bucket) => bucket.key))];
        const longest = keys.map((key) => Math.max(...sorted.filter((bucket) => bucket.key === key).flatMap((bucket) => bucket.limits.map((limit) => limit.windowSeconds))));
        // Three statements for any number of buckets (a sign-in's code used to take nine). First the
        // buckets' rows are made or locked, in key order: a row a sweep removes meanwhile is made again.
        await tx.query('INSERT INTO rate_limit_keys (key) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT (key) DO UPDATE SET key = EXCLUDED.key', [keys]);
        // A statement after the locks, so it sees every event a parallel sender committed before them;
        // events past each key's longest window go, the rest are read.
        const rows = await tx.query<{ key: string; at: unknown }>(
          `WITH bucket AS (SELECT * FROM unnest($1::text[], $3::int[]) AS b (key, seconds)),
           gone AS (DELETE FROM rate_limit_events e USING bucket b WHERE e.key = b.key AND e.at <= $2::timestamptz - b.seconds * interval '1 second')
           SELECT e.key, e.at FROM rate_limit_events e JOIN bucket b ON e.key = b.key
           WHERE e.at > $2::timestamptz - b.seconds * interval '1 second'`,
          [keys, iso(now), longest],
        );
        const events = new Map<string, number[]>();
        for (const row of rows) events.set(row.key, [...(events.get(row.key) ?? []), toDate(row.at).getTime()]);
        let retryAfterMs = 0;
        for (const bucket of sorted) {
          const times = (events.get(bucket.key) ?? []).sort((a, b) => b - a);
          for (const limit of bucket.limits) {
            const inWindow = times.filter((at) => at > now.getTime() - limit.windowSeconds * 1000);
            if (inWindow.length >= limit.max) {
              // The oldest of the last `max` events leaves the window first.
              retryAfterMs = Math.max(retryAfterMs, inWindow[limit.max - 1]! + limit.windowSeconds * 1000 - now.getTime());
            }
          }
        }
        if (retryAfterMs > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
        // One event per bucket, kept for the bucket's longest window (at least an hour, as before windows
        // of a day existed), so the sweep never forgets an event that still counts.
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO rate_limit_events (key, at, keep_until)
           SELECT b.key, $2::timestamptz, $2::timestamptz + b.seconds * interval '1 second' FROM unnest($1::text[], $3::int[]) AS b (key, seconds)
           RETURNING id::text AS id`,
          [sorted.map((bucket) => bucket.key), iso(now), sorted.map((bucket) => Math.max(3600, ...bucket.limits.map((limit) => limit.windowSeconds)))],
        );
        return { ok: true, events: inserted.map((row) => String(row.id)) };
      });
    },
    async giveBack(events) {
      if (events.length) await sql.query('DELETE FROM rate_limit_events WHERE id = ANY($1::bigint[])', [[...events]]);
    },
  };
}
