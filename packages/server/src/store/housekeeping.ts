import type { Sql } from './sql.js';
import { iso } from './values.js';

/** What {@link sweepExpired} removed. */
export interface SweepReport {
  /** Rows removed per table (codes and refresh tokens go along with their flows and sessions). */
  readonly removed: Readonly<Record<string, number>>;
  /** Delete statements run. */
  readonly batches: number;
  /** Most rows one statement removed: never more than the batch size. */
  readonly largestBatch: number;
}

/** Options of {@link sweepExpired}. */
export interface SweepOptions {
  /** Most rows one statement removes. Default {@link DEFAULT_SWEEP_BATCH}. */
  readonly batchSize?: number;
}

/** Rows one sweep statement removes unless told otherwise. */
export const DEFAULT_SWEEP_BATCH = 500;

const DAY = "interval '1 day'";

// Each selects at most $2 expired rows by an indexed column; rows another instance is deleting
// (or a request holds) are skipped, not waited for.
const batch = (table: string, key: string, condition: string) =>
  `DELETE FROM ${table} WHERE (${key}) IN (SELECT ${key} FROM ${table} WHERE ${condition} LIMIT $2 FOR UPDATE SKIP LOCKED)`;

const STATEMENTS: Readonly<Record<string, string>> = {
  flows: batch('flows', 'id', 'expires_at <= $1::timestamptz'),
  idempotency_keys: batch('idempotency_keys', 'client_id, route, key', `created_at <= $1::timestamptz - ${DAY}`),
  sessions: batch('sessions', 'id', `absolute_expires_at <= $1::timestamptz - ${DAY}`),
  human_checks_used: batch('human_checks_used', 'signature', 'expires_at <= $1::timestamptz'),
  // An event counts until its bucket's longest window has passed (a day for the look-up limits).
  rate_limit_events: batch('rate_limit_events', 'id', 'keep_until <= $1::timestamptz'),
  // Keys without an event still counting.
  rate_limit_keys: batch(
    'rate_limit_keys',
    'key',
    'NOT EXISTS (SELECT 1 FROM rate_limit_events e WHERE e.key = rate_limit_keys.key AND e.keep_until > $1::timestamptz)',
  ),
  sign_in_throttle: batch('sign_in_throttle', 'id_key', `last_failure_at <= $1::timestamptz - ${DAY}`),
  sms_outbox: batch('sms_outbox', 'id', `created_at <= $1::timestamptz - ${DAY}`),
  // Kept a day past expiry, so a late or replayed use is told "expired" or "used", not "not found".
  signing_requests: batch('signing_requests', 'id', `expires_at <= $1::timestamptz - ${DAY}`),
  signature_challenges: batch('signature_challenges', 'id', `expires_at <= $1::timestamptz - ${DAY}`),
  passkey_challenges: batch('passkey_challenges', 'id', 'expires_at <= $1::timestamptz'),
};

const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Removes what no rule needs any more: expired flows (with their codes), idempotency answers older
 * than a day, sessions a day past their absolute end (with their refresh tokens), spent human checks
 * past their expiry, limit events past their bucket's longest window (and the counter keys left
 * without any), sign-in failure counts older than a day, development outbox messages older than a day, signature challenges and signing requests a day past their expiry, and passkey challenges past theirs.
 *
 * It deletes in batches of at most `batchSize` rows, each its own short statement over an index,
 * and yields between batches, so a request never waits behind a long delete. Rows locked by another
 * instance's sweep are skipped, so several instances on one database sweep side by side.
 *
 * @example
 * ```ts
 * const report = await sweepExpired(db, new Date(), { batchSize: 500 });
 * console.log(report.removed.flows, report.batches);
 * ```
 */
export async function sweepExpired(sql: Sql, now: Date, options: SweepOptions = {}): Promise<SweepReport> {
  const size = options.batchSize ?? DEFAULT_SWEEP_BATCH;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be a positive integer, not ${size}`);
  const at = iso(now);
  const removed: Record<string, number> = {};
  let batches = 0;
  let largestBatch = 0;
  for (const [table, statement] of Object.entries(STATEMENTS)) {
    removed[table] = 0;
    for (;;) {
      const count = (await sql.query(`${statement} RETURNING 1 AS removed`, [at, size])).length;
      batches += 1;
      largestBatch = Math.max(largestBatch, count);
      removed[table] += count;
      if (count < size) break;
      await yieldToRequests();
    }
  }
  return { removed, batches, largestBatch };
}
