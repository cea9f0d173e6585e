import type { Row, Sql } from './sql.js';
import { iso, toDate } from './values.js';

/** The slow-down rule for wrong passwords. */
export interface ThrottleRule {
  /** Failures answered at once; the wait starts after this many. */
  readonly freeFailures: number;
  /** Seconds the wait grows by per failure after the free ones. */
  readonly stepSeconds: number;
  /** Longest wait. */
  readonly maxWaitSeconds: number;
  /** Failures are forgotten this long after the last one. */
  readonly forgetAfterSeconds: number;
  /** Hard cap of failures per rolling hour window. */
  readonly maxFailuresPerHour: number;
}

/** Answer of {@link SignInThrottleRepository.attempt}. */
export type ThrottleDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Wrong-password counts per ID number (as a keyed hash, whether or not an account exists). An attempt
 * is counted as a failure before the password is checked, in one statement, so parallel guesses
 * cannot slip past the limit; a correct password clears the count.
 */
export interface SignInThrottleRepository {
  /** Counts an attempt unless the ID number must wait; then says how long. */
  attempt(idKey: string, now: Date, rule: ThrottleRule): Promise<ThrottleDecision>;
  /** Clears the count after a correct password. */
  succeeded(idKey: string): Promise<void>;
}

/** Seconds the ID number must still wait, from its row; 0 when it may try. */
export function waitSeconds(row: { failures: number; lastFailureAt: Date; hourStartedAt: Date; hourFailures: number }, now: Date, rule: ThrottleRule): number {
  const nowMs = now.getTime();
  if (nowMs - row.lastFailureAt.getTime() >= rule.forgetAfterSeconds * 1000) return 0;
  let until = 0;
  if (row.failures >= rule.freeFailures) {
    const wait = Math.min((row.failures - rule.freeFailures + 1) * rule.stepSeconds, rule.maxWaitSeconds);
    until = row.lastFailureAt.getTime() + wait * 1000;
  }
  if (row.hourFailures >= rule.maxFailuresPerHour && nowMs - row.hourStartedAt.getTime() < 3_600_000) {
    until = Math.max(until, row.hourStartedAt.getTime() + 3_600_000);
  }
  return Math.max(0, Math.ceil((until - nowMs) / 1000));
}

/** The sign-in throttle over a SQL connection or transaction. */
export function signInThrottleRepository(sql: Sql): SignInThrottleRepository {
  return {
    async attempt(idKey, now, rule) {
      // $2 now, $3 free failures, $4 step, $5 max wait, $6 forget after, $7 hourly cap (all seconds).
      const rows = await sql.query(
        `INSERT INTO sign_in_throttle AS t (id_key, failures, last_failure_at, hour_started_at, hour_failures)
         VALUES ($1, 1, $2::timestamptz, $2::timestamptz, 1)
         ON CONFLICT (id_key) DO UPDATE SET
           failures = CASE WHEN t.last_failure_at <= $2::timestamptz - $6::int * interval '1 second' THEN 1 ELSE t.failures + 1 END,
           last_failure_at = $2::timestamptz,
           hour_started_at = CASE WHEN t.hour_started_at <= $2::timestamptz - interval '1 hour' THEN $2::timestamptz ELSE t.hour_started_at END,
           hour_failures = CASE WHEN t.hour_started_at <= $2::timestamptz - interval '1 hour' THEN 1 ELSE t.hour_failures + 1 END
         WHERE t.last_failure_at <= $2::timestamptz - $6::int * interval '1 second'
            OR (
              (t.failures < $3::int OR $2::timestamptz >= t.last_failure_at + LEAST((t.failures - $3::int + 1) * $4::int, $5::int) * interval '1 second')
              AND (t.hour_failures < $7::int OR t.hour_started_at <= $2::timestamptz - interval '1 hour')
            )
         RETURNING failures`,
        [idKey, iso(now), rule.freeFailures, rule.stepSeconds, rule.maxWaitSeconds, rule.forgetAfterSeconds, rule.maxFailuresPerHour],
      );
      if (rows.length === 1) return { allowed: true };
      const [row] = await sql.query<Row>(
        'SELECT failures, last_failure_at, hour_started_at, hour_failures FROM sign_in_throttle WHERE id_key = $1',
        [idKey],
      );
      const retryAfterSeconds = row
        ? waitSeconds({
            failures: Number(row.failures),
            lastFailureAt: toDate(row.last_failure_at),
            hourStartedAt: toDate(row.hour_started_at),
            hourFailures: Number(row.hour_failures),
          }, now, rule)
        : 1;
      return { allowed: false, retryAfterSeconds: Math.max(1, retryAfterSeconds) };
    },
    async succeeded(idKey) {
      await sql.query(
        'UPDATE sign_in_throttle SET failures = 0, hour_failures = GREATEST(hour_failures - 1, 0) WHERE id_key = $1',
        [idKey],
      );
    },
  };
}
