import type { Row, Sql } from './sql.js';
import { iso, toDate } from './values.js';

/**
 * One lost-phone recovery a citizen completed ("Mất số điện thoại nhận OTP"), with the consent to
 * personal-data processing they gave when they started it: which text (`consentVersion`) and when.
 * No phone or ID number: the account holds those.
 */
export interface PhoneRecoveryRecord {
  /** The recovery's flow id. */
  readonly id: string;
  readonly accountSub: string;
  /** The portal the citizen recovered through. */
  readonly clientId: string;
  /** The version of the consent text the citizen agreed to (`consentVersion` of the configuration then). */
  readonly consentVersion: string;
  /** When the citizen agreed: the recovery's start. */
  readonly consentAt: Date;
  /** When the new phone became the account's. */
  readonly completedAt: Date;
}

/** The completed lost-phone recoveries: written in the transaction that replaces the phone, never swept. */
export interface PhoneRecoveryRepository {
  /** Records a completed recovery. */
  add(record: PhoneRecoveryRecord): Promise<void>;
  /** An account's newest `limit` recoveries, newest first. */
  forAccount(accountSub: string, limit: number): Promise<readonly PhoneRecoveryRecord[]>;
}

function fromRow(row: Row): PhoneRecoveryRecord {
  return {
    id: String(row.id),
    accountSub: String(row.account_sub),
    clientId: String(row.client_id),
    consentVersion: String(row.consent_version),
    consentAt: toDate(row.consent_at),
    completedAt: toDate(row.completed_at),
  };
}

/** The phone-recovery repository over a SQL connection or transaction. */
export function phoneRecoveryRepository(sql: Sql): PhoneRecoveryRepository {
  return {
    async add(record) {
      await sql.query(
        `INSERT INTO phone_recoveries (id, account_sub, client_id, consent_version, consent_at, completed_at)
         VALUES ($1, $2::uuid, $3, $4, $5::timestamptz, $6::timestamptz)`,
        [record.id, record.accountSub, record.clientId, record.consentVersion, iso(record.consentAt), iso(record.completedAt)],
      );
    },
    async forAccount(accountSub, limit) {
      if (!/^[0-9a-f-]{36}$/i.test(accountSub)) return [];
      const rows = await sql.query(
        `SELECT id, account_sub::text AS account_sub, client_id, consent_version, consent_at, completed_at
         FROM phone_recoveries WHERE account_sub = $1::uuid ORDER BY completed_at DESC, id LIMIT $2`,
        [accountSub, limit],
      );
      return rows.map(fromRow);
    },
  };
}
