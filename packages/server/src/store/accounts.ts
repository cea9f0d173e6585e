import type { SubjectType, VerificationMethod } from '@dvc-kit/sdk';
import type { Row, Sql } from './sql.js';
import { iso, toDate } from './values.js';

/** An account as stored. The password hash never leaves the service. */
export interface AccountRecord {
  /** Opaque UUID, the `sub` of every token. */
  readonly sub: string;
  /** Normalised ID number (digits only). */
  readonly idNumber: string;
  /** NFC full name. */
  readonly fullName: string;
  /** `yyyy-mm-dd`. */
  readonly birthDate: string;
  /** E.164. */
  readonly phone: string;
  readonly email: string | null;
  readonly subjectType: SubjectType;
  readonly ial: 1 | 2 | 3;
  readonly verificationMethod: VerificationMethod;
  /**
   * The 10-digit social-insurance (BHXH) code the social-insurance register matched, for an account
   * registered by social insurance (`null` otherwise; absent is read as `null`). Kept so a citizen who
   * loses the phone can be recovered by a fresh match with the register.
   */
  readonly bhxhCode?: string | null;
  /** argon2id PHC string. */
  readonly passwordHash: string;
  readonly consentVersion: string;
  readonly consentAt: Date;
  readonly createdAt: Date;
}

/** Stored accounts. */
export interface AccountRepository {
  /** Inserts an account; `false` (and nothing stored) when the ID number already has one. */
  create(account: AccountRecord): Promise<boolean>;
  /** The account of a normalised 12-digit ID number, if there is one. */
  findByIdNumber(idNumber: string): Promise<AccountRecord | undefined>;
  /** The account with this subject identifier (the `sub` of its tokens), if there is one. */
  findBySub(sub: string): Promise<AccountRecord | undefined>;
  /**
   * Replaces an account's password hash, but only if it is still `expectedHash` (a parallel change
   * has not landed first); `false` otherwise, with nothing changed.
   */
  replacePasswordHash(sub: string, expectedHash: string, newHash: string): Promise<boolean>;
  /**
   * Replaces an account's phone (E.164), but only if it is still `expectedPhone` (a parallel change
   * has not landed first); `false` otherwise, with nothing changed.
   */
  replacePhone(sub: string, expectedPhone: string, newPhone: string): Promise<boolean>;
  /** Replaces an account's email; `false` when there is no such account. */
  replaceEmail(sub: string, email: string): Promise<boolean>;
}

const COLUMNS = `sub::text AS sub, id_number, full_name, birth_date::text AS birth_date, phone, email, subject_type, ial,
  verification_method, bhxh_code, password_hash, consent_version, consent_at, created_at`;

function fromRow(row: Row): AccountRecord {
  return {
    sub: String(row.sub),
    idNumber: String(row.id_number),
    fullName: String(row.full_name),
    birthDate: String(row.birth_date),
    phone: String(row.phone),
    email: row.email === null ? null : String(row.email),
    subjectType: row.subject_type as SubjectType,
    ial: Number(row.ial) as 1 | 2 | 3,
    verificationMethod: row.verification_method as VerificationMethod,
    bhxhCode: row.bhxh_code === null || row.bhxh_code === undefined ? null : String(row.bhxh_code),
    passwordHash: String(row.password_hash),
    consentVersion: String(row.consent_version),
    consentAt: toDate(row.consent_at),
    createdAt: toDate(row.created_at),
  };
}

/** The account repository over a SQL connection or transaction. */
export function accountRepository(sql: Sql): AccountRepository {
  return {
    async create(account) {
      const rows = await sql.query(
        `INSERT INTO accounts (sub, id_number, full_name, birth_date, phone, email, subject_type, ial, verification_method,
           password_hash, consent_version, consent_at, created_at, bhxh_code)
         VALUES ($1::uuid, $2, $3, $4::date, $5, $6, $7, $8, $9, $10, $11, $12::timestamptz, $13::timestamptz, $14)
         ON CONFLICT (id_number) DO NOTHING
         RETURNING sub`,
        [account.sub, account.idNumber, account.fullName, account.birthDate, account.phone, account.email, account.subjectType,
          account.ial, account.verificationMethod, account.passwordHash, account.consentVersion, iso(account.consentAt), iso(account.createdAt),
          account.bhxhCode ?? null],
      );
      return rows.length === 1;
    },
    async findByIdNumber(idNumber) {
      const [row] = await sql.query(`SELECT ${COLUMNS} FROM accounts WHERE id_number = $1`, [idNumber]);
      return row ? fromRow(row) : undefined;
    },
    async findBySub(sub) {
      if (!/^[0-9a-f-]{36}$/i.test(sub)) return undefined;
      const [row] = await sql.query(`SELECT ${COLUMNS} FROM accounts WHERE sub = $1::uuid`, [sub]);
      return row ? fromRow(row) : undefined;
    },
    async replacePasswordHash(sub, expectedHash, newHash) {
      const rows = await sql.query('UPDATE accounts SET password_hash = $3 WHERE sub = $1::uuid AND password_hash = $2 RETURNING sub', [sub, expectedHash, newHash]);
      return rows.length === 1;
    },
    async replacePhone(sub, expectedPhone, newPhone) {
      const rows = await sql.query('UPDATE accounts SET phone = $3 WHERE sub = $1::uuid AND phone = $2 RETURNING sub', [sub, expectedPhone, newPhone]);
      return rows.length === 1;
    },
    async replaceEmail(sub, email) {
      const rows = await sql.query('UPDATE accounts SET email = $2 WHERE sub = $1::uuid RETURNING sub', [sub, email]);
      return rows.length === 1;
    },
  };
}
