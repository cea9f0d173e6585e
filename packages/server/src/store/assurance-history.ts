import type { VerificationMethod } from '@dvc-kit/sdk';
import type { Row, Sql } from './sql.js';
import { iso, toDate } from './values.js';

/**
 * One step of an account's identity assurance: registered at a level (`registered`, by signature) or
 * raised from a lower one (`upgraded`), by which method, through which portal, on which certificate
 * (its serial number and issuer, never the holder's number) and challenge.
 */
export interface AssuranceHistoryRecord {
  /** Random UUID. */
  readonly id: string;
  readonly accountSub: string;
  readonly at: Date;
  readonly event: 'registered' | 'upgraded';
  /** The level and method before an upgrade; `null` for a registration. */
  readonly from: { readonly ial: 1 | 2 | 3; readonly verificationMethod: VerificationMethod } | null;
  readonly to: { readonly ial: 1 | 2 | 3; readonly verificationMethod: VerificationMethod };
  /** The portal (client id) it was done through. */
  readonly clientId: string;
  readonly certificate: { readonly serialNumber: string; readonly issuer: string } | null;
  readonly challengeId: string | null;
}

/** Accounts' assurance history: written in the transaction of the change it records, kept while the account is. */
export interface AssuranceHistoryRepository {
  /** Appends an entry. */
  add(entry: AssuranceHistoryRecord): Promise<void>;
  /** An account's entries, newest first. */
  forAccount(accountSub: string): Promise<readonly AssuranceHistoryRecord[]>;
}

function fromRow(row: Row): AssuranceHistoryRecord {
  return {
    id: String(row.id),
    accountSub: String(row.account_sub),
    at: toDate(row.at),
    event: row.event as AssuranceHistoryRecord['event'],
    from: row.from_ial === null || row.from_ial === undefined ? null : { ial: Number(row.from_ial) as 1 | 2 | 3, verificationMethod: row.from_method as VerificationMethod },
    to: { ial: Number(row.to_ial) as 1 | 2 | 3, verificationMethod: row.to_method as VerificationMethod },
    clientId: String(row.client_id),
    certificate: row.certificate_serial === null || row.certificate_serial === undefined ? null : { serialNumber: String(row.certificate_serial), issuer: String(row.certificate_issuer) },
    challengeId: row.challenge_id === null || row.challenge_id === undefined ? null : String(row.challenge_id),
  };
}

/** The assurance-history repository over a SQL connection or transaction. */
export function assuranceHistoryRepository(sql: Sql): AssuranceHistoryRepository {
  return {
    async add(entry) {
      await sql.query(
        `INSERT INTO account_assurance_history (id, account_sub, at, event, from_ial, from_method, to_ial, to_method, client_id, certificate_serial, certificate_issuer, challenge_id)
         VALUES ($1::uuid, $2::uuid, $3::timestamptz, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [entry.id, entry.accountSub, iso(entry.at), entry.event, entry.from?.ial ?? null, entry.from?.verificationMethod ?? null, entry.to.ial, entry.to.verificationMethod,
          entry.clientId, entry.certificate?.serialNumber ?? null, entry.certificate?.issuer ?? null, entry.challengeId],
      );
    },
    async forAccount(accountSub) {
      const rows = await sql.query(
        `SELECT id::text AS id, account_sub::text AS account_sub, at, event, from_ial, from_method, to_ial, to_method, client_id, certificate_serial, certificate_issuer, challenge_id
         FROM account_assurance_history WHERE account_sub = $1::uuid ORDER BY at DESC, id`,
        [accountSub],
      );
      return rows.map(fromRow);
    },
  };
}
