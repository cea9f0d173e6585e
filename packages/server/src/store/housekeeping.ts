import type { Sql } from './sql.js';
import { iso } from './values.js';

/** Rows removed by {@link sweepExpired}, by table. */
export type SweepReport = Record<string, number>;

const DAY = "interval '1 day'";

/**
 * Removes what no rule needs any more: expired flows (with their codes), idempotency answers older
 * than a day, sessions a day past their absolute end (with their refresh tokens), spent human checks
 * past their expiry, limit events past their bucket's longest window (and the counter keys left without any), sign-in failure counts older than a
 * day, and development outbox messages older than a day. Each statement stands alone, so a sweep
 * never blocks a request for long.
 */
export async function sweepExpired(sql: Sql, now: Date): Promise<SweepReport> {
  const at = iso(now);
  const statements: Record<string, string> = {
    flows: 'DELETE FROM flows WHERE expires_at <= $1::timestamptz',
    idempotency_keys: `DELETE FROM idempotency_keys WHERE created_at <= $1::timestamptz - ${DAY}`,
    sessions: `DELETE FROM sessions WHERE absolute_expires_at <= $1::timestamptz - ${DAY}`,
    human_checks_used: 'DELETE FROM human_checks_used WHERE expires_at <= $1::timestamptz',
    rate_limit_events: 'DELETE FROM rate_limit_events WHERE keep_until <= $1::timestamptz',
    // Keys without an event still counting; one a sender holds right now is skipped, not waited for.
    rate_limit_keys: `DELETE FROM rate_limit_keys WHERE key IN (
      SELECT k.key FROM rate_limit_keys k
      WHERE NOT EXISTS (SELECT 1 FROM rate_limit_events e WHERE e.key = k.key AND e.keep_until > $1::timestamptz)
      FOR UPDATE OF k SKIP LOCKED)`,
    sign_in_throttle: `DELETE FROM sign_in_throttle WHERE last_failure_at <= $1::timestamptz - ${DAY}`,
    sms_outbox: `DELETE FROM sms_outbox WHERE created_at <= $1::timestamptz - ${DAY}`,
  };
  const report: SweepReport = {};
  for (const [table, statement] of Object.entries(statements)) {
    report[table] = (await sql.query(`${statement} RETURNING 1 AS removed`, [at])).length;
  }
  return report;
}
