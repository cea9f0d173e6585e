import type { SubjectType, VerificationMethod } from '@dvc-kit/sdk';
import type { Row, Sql } from './sql.js';
import { iso, toDate } from './values.js';

/** An account as stored. The password hash never leaves the service. */
export interface AccountRecord {
  /** Opaque UUID, the `sub` of every token. */
  readonly sub: string;
  /**
   * Normalised ID number (digits only): a citizen's, or an agency officer's (their work account, apart
   * from their citizen account); `null` for an enterprise, which is its tax code.
   */
  readonly idNumber: string | null;
  /** NFC full name: the citizen's or officer's; an enterprise's is its organisation name. */
  readonly fullName: string;
  /** `yyyy-mm-dd`, a citizen's; `null` for an enterprise or an agency officer (not collected). */
  readonly birthDate: string | null;
  /** An enterprise's tax code (MST: 10 digits, or 10-3 for a branch), its key; `null` (or absent) otherwise. */
  readonly taxCode?: string | null;
  /**
   * The organisation: an enterprise's name, an agency officer's agency, from the newest certificate's
   * O (or CN); `null` (or absent) for a citizen.
   */
  readonly organisationName?: string | null;
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
  /**
   * The other ID numbers the account signs in with, besides `idNumber` (the one it registered with):
   * the 12-digit CCCD its holder added to a CMND account. Empty (or absent, read as empty) otherwise.
   */
  readonly idNumberAliases?: readonly string[];
  /** argon2id PHC string. */
  readonly passwordHash: string;
  readonly consentVersion: string;
  readonly consentAt: Date;
  readonly createdAt: Date;
}

/** What {@link AccountRepository.addCccd} did. */
export type CccdAddition =
  /** The CCCD now signs in to the account. */
  | 'added'
  /** Another account signs in with that number (registered with it, or added it): nothing changed. */
  | 'in_use'
  /** The account registered with a 12-digit number, or has a CCCD added already: nothing changed. */
  | 'has_cccd';

/**
 * Stored accounts. Each account signs in with the ID number it registered with and, for a CMND
 * account, the CCCD its holder added; each ID number belongs to at most one account, whichever way
 * it came (one primary key over every account's numbers, so parallel writers cannot both win).
 */
export interface AccountRepository {
  /**
   * Inserts an account; `false` (and nothing stored) when the ID number already signs in to an
   * account, as its registered number or as an added CCCD.
   */
  create(account: AccountRecord): Promise<boolean>;
  /** The citizen account a normalised ID number signs in to (registered with it, or added it), if there is one. */
  findByIdNumber(idNumber: string): Promise<AccountRecord | undefined>;
  /**
   * The account a subject type knows by a number: a citizen's by {@link findByIdNumber}, an agency
   * officer's by the officer's ID number among agency accounts, an enterprise's by its tax code.
   */
  findByHolder(subjectType: SubjectType, number: string): Promise<AccountRecord | undefined>;
  /**
   * Adds a 12-digit CCCD the account then also signs in with, only to an account registered with a
   * 9-digit CMND that has none added yet, and only when no account signs in with that number.
   */
  addCccd(sub: string, cccd: string, now: Date): Promise<CccdAddition>;
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
  /**
   * Records the organisation the newest certificate names, for an enterprise (its name too) or an agency
   * officer; `false` for a citizen's account or no account.
   */
  replaceOrganisationName(sub: string, name: string): Promise<boolean>;
  /**
   * Raises an account's identity level and records the method that proved it, but only if the account
   * still has `expected` (level and method) and the new level is higher: of parallel upgrades one wins;
   * `false` otherwise, with nothing changed.
   */
  raiseIal(sub: string, expected: { ial: 1 | 2 | 3; verificationMethod: VerificationMethod }, next: { ial: 1 | 2 | 3; verificationMethod: VerificationMethod }): Promise<boolean>;
}

const COLUMNS = `a.sub::text AS sub, a.id_number, a.full_name, a.birth_date::text AS birth_date, a.phone, a.email, a.subject_type, a.ial,
  a.verification_method, a.bhxh_code, a.tax_code, a.organisation_name, a.password_hash, a.consent_version, a.consent_at, a.created_at,
  (SELECT coalesce(string_agg(n.id_number, ',' ORDER BY n.added_at, n.id_number), '') FROM account_id_numbers n
    WHERE n.account_sub = a.sub AND n.id_number <> a.id_number) AS id_number_aliases`;

function fromRow(row: Row): AccountRecord {
  return {
    sub: String(row.sub),
    idNumber: row.id_number === null ? null : String(row.id_number),
    fullName: String(row.full_name),
    birthDate: row.birth_date === null ? null : String(row.birth_date),
    taxCode: row.tax_code === null || row.tax_code === undefined ? null : String(row.tax_code),
    organisationName: row.organisation_name === null || row.organisation_name === undefined ? null : String(row.organisation_name),
    phone: String(row.phone),
    email: row.email === null ? null : String(row.email),
    subjectType: row.subject_type as SubjectType,
    ial: Number(row.ial) as 1 | 2 | 3,
    verificationMethod: row.verification_method as VerificationMethod,
    bhxhCode: row.bhxh_code === null || row.bhxh_code === undefined ? null : String(row.bhxh_code),
    idNumberAliases: row.id_number_aliases ? String(row.id_number_aliases).split(',') : [],
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
      if (account.subjectType !== 'citizen') {
        // Unique per subject type (an officer's number among agency accounts, an enterprise's tax code):
        // of parallel inserts one wins, the others do nothing.
        const rows = await sql.query(
          `INSERT INTO accounts (sub, id_number, full_name, birth_date, phone, email, subject_type, ial, verification_method,
             password_hash, consent_version, consent_at, created_at, tax_code, organisation_name)
           VALUES ($1::uuid, $2, $3, NULL, $4, $5, $6, $7, $8, $9, $10, $11::timestamptz, $12::timestamptz, $13, $14)
           ON CONFLICT DO NOTHING
           RETURNING sub`,
          [account.sub, account.idNumber, account.fullName, account.phone, account.email, account.subjectType, account.ial,
            account.verificationMethod, account.passwordHash, account.consentVersion, iso(account.consentAt), iso(account.createdAt),
            account.taxCode ?? null, account.organisationName ?? null],
        );
        return rows.length === 1;
      }
      // The number is claimed first: the account row exists only if the claim won (a parallel claim
      // waits for the other to commit, then does nothing). Its reference is checked at the statement's end.
      const rows = await sql.query(
        `WITH claimed AS (
           INSERT INTO account_id_numbers (id_number, account_sub, added_as, added_at)
           VALUES ($2, $1::uuid, 'registered', $13::timestamptz)
           ON CONFLICT (id_number) DO NOTHING
           RETURNING account_sub
         )
         INSERT INTO accounts (sub, id_number, full_name, birth_date, phone, email, subject_type, ial, verification_method,
           password_hash, consent_version, consent_at, created_at, bhxh_code)
         SELECT $1::uuid, $2, $3, $4::date, $5, $6, $7, $8, $9, $10, $11, $12::timestamptz, $13::timestamptz, $14 FROM claimed
         RETURNING sub`,
        [account.sub, account.idNumber, account.fullName, account.birthDate, account.phone, account.email, account.subjectType,
          account.ial, account.verificationMethod, account.passwordHash, account.consentVersion, iso(account.consentAt), iso(account.createdAt),
          account.bhxhCode ?? null],
      );
      return rows.length === 1;
    },
    async findByIdNumber(idNumber) {
      const [row] = await sql.query(
        `SELECT ${COLUMNS} FROM account_id_numbers i JOIN accounts a ON a.sub = i.account_sub WHERE i.id_number = $1`,
        [idNumber],
      );
      return row ? fromRow(row) : undefined;
    },
    async findByHolder(subjectType, number) {
      if (subjectType === 'citizen') return this.findByIdNumber(number);
      const [row] = await sql.query(
        subjectType === 'enterprise'
          ? `SELECT ${COLUMNS} FROM accounts a WHERE a.tax_code = $1 AND a.subject_type = 'enterprise'`
          : `SELECT ${COLUMNS} FROM accounts a WHERE a.id_number = $1 AND a.subject_type = 'agency'`,
        [number],
      );
      return row ? fromRow(row) : undefined;
    },
    async addCccd(sub, cccd, now) {
      const rows = await sql.query(
        `INSERT INTO account_id_numbers (id_number, account_sub, added_as, added_at)
         SELECT $2, a.sub, 'cccd', $3::timestamptz FROM accounts a WHERE a.sub = $1::uuid AND a.subject_type = 'citizen' AND length(a.id_number) = 9
         ON CONFLICT DO NOTHING
         RETURNING id_number`,
        [sub, cccd, iso(now)],
      );
      if (rows.length === 1) return 'added';
      const [owner] = await sql.query('SELECT account_sub::text AS sub FROM account_id_numbers WHERE id_number = $1', [cccd]);
      return owner && String(owner.sub) !== sub ? 'in_use' : 'has_cccd';
    },
    async findBySub(sub) {
      if (!/^[0-9a-f-]{36}$/i.test(sub)) return undefined;
      const [row] = await sql.query(`SELECT ${COLUMNS} FROM accounts a WHERE a.sub = $1::uuid`, [sub]);
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
    async replaceOrganisationName(sub, name) {
      const rows = await sql.query(
        `UPDATE accounts SET organisation_name = $2, full_name = CASE WHEN subject_type = 'enterprise' THEN $2 ELSE full_name END
         WHERE sub = $1::uuid AND subject_type <> 'citizen' RETURNING sub`,
        [sub, name],
      );
      return rows.length === 1;
    },
    async raiseIal(sub, expected, next) {
      if (next.ial <= expected.ial) return false;
      const rows = await sql.query(
        `UPDATE accounts SET ial = $4, verification_method = $5
         WHERE sub = $1::uuid AND ial = $2 AND verification_method = $3 AND ial < $4
         RETURNING sub`,
        [sub, expected.ial, expected.verificationMethod, next.ial, next.verificationMethod],
      );
      return rows.length === 1;
    },
  };
}
