import type { Sql } from './sql.js';
import { iso } from './values.js';

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
    async take(buckets, now) {
      const sorted = [...buckets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      const keys = [...new Set(sorted.map((bucket) => bucket.key))];
      const longest = keys.map((key) => Math.max(...sorted.filter((bucket) => bucket.key === key).flatMap((bucket) => bucket.limits.map((limit) => limit.windowSeconds))));
      const limits = sorted.flatMap((bucket) => bucket.limits.map((limit) => ({ key: bucket.key, ...limit })));
      // One statement (one round trip), atomic on its own or inside the caller's transaction: the
      // function locks the buckets' rows in key order (a row a sweep removes meanwhile is made again),
      // then, in statements after the locks, forgets events past each key's longest window, checks
      // every limit and, only if all have room, records one event per bucket, kept for the bucket's
      // longest window (at least an hour) so the sweep never forgets an event that still counts.
      const [row] = await sql.query<{ retry_after_ms: unknown; ids: unknown }>(
        'SELECT retry_after_ms, ids FROM dvc_take_limits($1::text[], $2::int[], $3::text[], $4::int[], $5::text[], $6::int[], $7::int[], $8::timestamptz)',
        [
          keys,
          longest,
          sorted.map((bucket) => bucket.key),
          sorted.map((bucket) => Math.max(3600, ...bucket.limits.map((limit) => limit.windowSeconds))),
          limits.map((limit) => limit.key),
          limits.map((limit) => limit.max),
          limits.map((limit) => limit.windowSeconds),
          iso(now),
        ],
      );
      const retryAfterMs = Number(row?.retry_after_ms ?? 0);
      if (retryAfterMs > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
      return { ok: true, events: ((row?.ids ?? []) as unknown[]).map(String) };
    },
    async giveBack(events) {
      if (events.length) await sql.query('DELETE FROM rate_limit_events WHERE id = ANY($1::bigint[])', [[...events]]);
    },
  };
}
