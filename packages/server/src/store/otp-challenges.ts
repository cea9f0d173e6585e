import type { Row, Sql } from './sql.js';
import { iso, toDate } from './values.js';

/** What a one-time code is for; part of what its HMAC binds. */
export type OtpPurpose = 'registration' | 'sign_in' | 'recovery' | 'account_change' | 'phone_recovery';

/** `active` until used, superseded by a resend, or `failed` (its SMS could not be sent). */
export type OtpStatus = 'active' | 'used' | 'superseded' | 'failed';

/** One code sent to one phone for one flow. The code itself is never stored, only its HMAC. */
export interface OtpChallengeRecord {
  readonly id: string;
  readonly flowId: string;
  readonly purpose: OtpPurpose;
  /** E.164. */
  readonly phone: string;
  /** Hex HMAC-SHA256 of the code bound to id, purpose and phone. */
  readonly codeHmac: string;
  /** Tries so far, counted before the comparison. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly status: OtpStatus;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly resendAt: Date;
}

/** Why {@link OtpChallengeRepository.takeAttempt} gave no try. */
export type NoAttempt = 'none' | 'expired' | 'exhausted';

/** Codes of flows. At most one is active per flow (a partial unique index says so). */
export interface OtpChallengeRepository {
  /** Stores a new active code; `false` when the flow already has an active one. */
  create(challenge: OtpChallengeRecord): Promise<boolean>;
  /** The flow's active code, if any. */
  active(flowId: string): Promise<OtpChallengeRecord | undefined>;
  /**
   * Atomically counts one try of the flow's active, unexpired code that has tries left, and returns it
   * to compare against; otherwise says why there is no try. Parallel guesses never pass the limit.
   */
  takeAttempt(flowId: string, now: Date): Promise<OtpChallengeRecord | NoAttempt>;
  /** Marks a code used; `false` when it was no longer active (used once only). */
  markUsed(id: string): Promise<boolean>;
  /**
   * Supersedes the flow's active code if its resend time has come; `false` when it has not (or a
   * parallel resend won). A flow with no active code needs no superseding: `true`.
   */
  supersedeForResend(flowId: string, now: Date): Promise<boolean>;
  /** Marks a code whose SMS could not be sent, so a resend is allowed at once. */
  markFailed(id: string): Promise<void>;
}

const COLUMNS = 'id, flow_id, purpose, phone, code_hmac, attempts, max_attempts, status, created_at, expires_at, resend_at';

function fromRow(row: Row): OtpChallengeRecord {
  return {
    id: String(row.id),
    flowId: String(row.flow_id),
    purpose: row.purpose as OtpPurpose,
    phone: String(row.phone),
    codeHmac: String(row.code_hmac),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    status: row.status as OtpStatus,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    resendAt: toDate(row.resend_at),
  };
}

/** The one-time-code repository over a SQL connection or transaction. */
export function otpChallengeRepository(sql: Sql): OtpChallengeRepository {
  const active = async (flowId: string) => {
    const [row] = await sql.query(`SELECT ${COLUMNS} FROM otp_challenges WHERE flow_id = $1 AND status = 'active'`, [flowId]);
    return row ? fromRow(row) : undefined;
  };
  return {
    async create(challenge) {
      const rows = await sql.query(
        `INSERT INTO otp_challenges (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10::timestamptz, $11::timestamptz)
         ON CONFLICT (flow_id) WHERE status = 'active' DO NOTHING
         RETURNING id`,
        [challenge.id, challenge.flowId, challenge.purpose, challenge.phone, challenge.codeHmac, challenge.attempts,
          challenge.maxAttempts, challenge.status, iso(challenge.createdAt), iso(challenge.expiresAt), iso(challenge.resendAt)],
      );
      return rows.length === 1;
    },
    active,
    async takeAttempt(flowId, now) {
      const [row] = await sql.query(
        `UPDATE otp_challenges SET attempts = attempts + 1
         WHERE flow_id = $1 AND status = 'active' AND attempts < max_attempts AND expires_at > $2::timestamptz
         RETURNING ${COLUMNS}`,
        [flowId, iso(now)],
      );
      if (row) return fromRow(row);
      const current = await active(flowId);
      if (!current) return 'none';
      if (current.expiresAt.getTime() <= now.getTime()) return 'expired';
      return 'exhausted';
    },
    async markUsed(id) {
      const rows = await sql.query(`UPDATE otp_challenges SET status = 'used' WHERE id = $1 AND status = 'active' RETURNING id`, [id]);
      return rows.length === 1;
    },
    async supersedeForResend(flowId, now) {
      const rows = await sql.query(
        `UPDATE otp_challenges SET status = 'superseded'
         WHERE flow_id = $1 AND status = 'active' AND resend_at <= $2::timestamptz RETURNING id`,
        [flowId, iso(now)],
      );
      if (rows.length === 1) return true;
      return (await active(flowId)) === undefined;
    },
    async markFailed(id) {
      await sql.query(`UPDATE otp_challenges SET status = 'failed' WHERE id = $1 AND status = 'active'`, [id]);
    },
  };
}
