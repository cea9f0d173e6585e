import type { DocumentType } from '@dvc-kit/sdk/contract';
import type { Row, Sql } from './sql.js';
import { iso, toDate } from './values.js';

/**
 * One entry of the operator audit log: who (the operator credential and the named officer) did what
 * to which account, on what in-person evidence, when and from which address. Phones only as keyed
 * hashes; no ID number.
 */
export interface OperatorAuditRecord {
  /** Random UUID. */
  readonly id: string;
  readonly at: Date;
  readonly action: 'phone_replaced';
  readonly accountSub: string;
  readonly operatorId: string;
  readonly officerId: string;
  readonly officerName: string;
  readonly documentType: DocumentType;
  readonly note: string | null;
  readonly oldPhoneHash: string;
  readonly newPhoneHash: string;
  /** The client address the call came from. */
  readonly address: string;
}

/** The operator audit log: written in the transaction of the change it records, never swept. */
export interface OperatorAuditRepository {
  /** Appends an entry. */
  add(entry: OperatorAuditRecord): Promise<void>;
  /** An account's newest `limit` entries, newest first. */
  forAccount(accountSub: string, limit: number): Promise<readonly OperatorAuditRecord[]>;
}

function fromRow(row: Row): OperatorAuditRecord {
  return {
    id: String(row.id),
    at: toDate(row.at),
    action: row.action as 'phone_replaced',
    accountSub: String(row.account_sub),
    operatorId: String(row.operator_id),
    officerId: String(row.officer_id),
    officerName: String(row.officer_name),
    documentType: row.document_type as DocumentType,
    note: row.note === null || row.note === undefined ? null : String(row.note),
    oldPhoneHash: String(row.old_phone_hash),
    newPhoneHash: String(row.new_phone_hash),
    address: String(row.address),
  };
}

/** The operator audit repository over a SQL connection or transaction. */
export function operatorAuditRepository(sql: Sql): OperatorAuditRepository {
  return {
    async add(entry) {
      await sql.query(
        `INSERT INTO operator_audit (id, at, action, account_sub, operator_id, officer_id, officer_name, document_type, note, old_phone_hash, new_phone_hash, address)
         VALUES ($1::uuid, $2::timestamptz, $3, $4::uuid, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [entry.id, iso(entry.at), entry.action, entry.accountSub, entry.operatorId, entry.officerId, entry.officerName, entry.documentType,
          entry.note, entry.oldPhoneHash, entry.newPhoneHash, entry.address],
      );
    },
    async forAccount(accountSub, limit) {
      if (!/^[0-9a-f-]{36}$/i.test(accountSub)) return [];
      const rows = await sql.query(
        `SELECT id::text AS id, at, action, account_sub::text AS account_sub, operator_id, officer_id, officer_name, document_type, note,
           old_phone_hash, new_phone_hash, address
         FROM operator_audit WHERE account_sub = $1::uuid ORDER BY at DESC, id LIMIT $2`,
        [accountSub, limit],
      );
      return rows.map(fromRow);
    },
  };
}
