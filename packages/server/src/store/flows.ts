import type { Row, Sql } from './sql.js';
import { iso, toDate } from './values.js';

/** Which journey a flow belongs to. */
export type FlowKind = 'registration' | 'sign_in' | 'recovery' | 'account_change' | 'phone_recovery';

/**
 * Where a flow stands. Registration: `code_sent → code_verified → completed` (or `closed` when the
 * ID number turns out to have an account). Sign-in: `code_sent → completed`. Recovery:
 * `code_sent → code_verified → completed`. Account change: `code_sent → completed` (email, phone, CCCD; a CCCD another account signs in with ends it `closed`) or
 * `code_sent → code_verified → completed` (password). Phone recovery (lost phone): `code_sent → completed`.
 */
export type FlowState = 'code_sent' | 'code_verified' | 'completed' | 'closed';

/** What a registration flow carries from its first step to the account. */
export interface RegistrationDetails {
  /** The registration method (`mobile`, `bhxh`, or a signature's); absent in flows stored before it was recorded. */
  readonly method?: 'mobile' | 'bhxh' | 'usb_token' | 'sim_signature' | 'remote_signing';
  /** By signature: the certificate that proved the identity (serial number, issuing CA), for the account's assurance history. */
  readonly certificate?: { readonly serialNumber: string; readonly issuer: string };
  /** By signature: the challenge it signed. */
  readonly challengeId?: string;
  /** Who registers; absent in flows stored before enterprises and agency officers could (citizens). */
  readonly subjectType?: 'citizen' | 'enterprise' | 'agency';
  /** An enterprise's tax code (its key, also the flow's `idNumber`). */
  readonly taxCode?: string;
  /** An enterprise's or an officer's agency's name, from the certificate. */
  readonly organisationName?: string;
  /** The BHXH code the social-insurance register matched (by social insurance only), for the account. */
  readonly bhxhCode?: string;
  readonly fullName: string;
  /** `yyyy-mm-dd`; `null` for an enterprise or an agency officer. */
  readonly birthDate: string | null;
  readonly email: string | null;
  readonly consentVersion: string;
  /** ISO instant the citizen agreed. */
  readonly consentAt: string;
}

/** Which detail of a signed-in account a change replaces (`cccd`: a CCCD added to a CMND account). */
export type AccountChangeKind = 'password' | 'email' | 'phone' | 'cccd';

/** What an account change carries from its first step to its last. */
export interface AccountChangeDetails {
  readonly change: AccountChangeKind;
  /** The session that started the change: only it may carry the change on. */
  readonly sessionId: string;
  /** End the account's other sessions (on every portal) when the change is made. */
  readonly endOtherSessions: boolean;
  /** The new email (an email change). */
  readonly email?: string;
  /** The phone the account had when the change started (a phone change replaces only that one). */
  readonly previousPhone?: string;
  /** The 12-digit CCCD a CCCD addition adds, as the register matched it. */
  readonly cccd?: string;
}

/** What a lost-phone recovery carries from its match to the new phone: the phone it replaces and the consent given. */
export interface PhoneRecoveryDetails {
  readonly change: 'lost_phone';
  /** The account's phone when the details matched; the recovery replaces only that one. */
  readonly previousPhone: string;
  /** The consent text the citizen agreed to at the start; absent in recoveries started before it was recorded. */
  readonly consentVersion?: string;
  /** ISO instant the citizen agreed. */
  readonly consentAt?: string;
}

/** One registration or sign-in in progress, bound to the portal that started it. */
export interface FlowRecord {
  /** Random, unguessable id (≥ 128 bits). */
  readonly id: string;
  readonly kind: FlowKind;
  readonly clientId: string;
  readonly state: FlowState;
  /** Normalised ID number; an enterprise's registration or account change: its tax code (the number it is known by). */
  readonly idNumber: string;
  /** E.164 phone the codes go to. */
  readonly phone: string;
  /** Registration details; `null` for a sign-in. */
  readonly details: RegistrationDetails | null;
  /** The account signing in or recovering; `null` for a registration (and for a recovery of an ID number without an account). */
  readonly accountSub: string | null;
  /** An account change's (or a lost-phone recovery's) details; absent (or `null`) for every other kind. */
  readonly change?: AccountChangeDetails | PhoneRecoveryDetails | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** Flows in progress. */
export interface FlowRepository {
  /** Stores a new registration or sign-in flow (its id is new; a clash is an error). */
  create(flow: FlowRecord): Promise<void>;
  /** The flow with this id, of this kind, started by this client, not yet expired. */
  find(id: string, kind: FlowKind, clientId: string, now: Date): Promise<FlowRecord | undefined>;
  /** Moves a flow from one state to the next; `false` when it was not in `from` (someone else moved it). */
  advance(id: string, from: FlowState, to: FlowState): Promise<boolean>;
  /** Removes a flow and its codes. */
  delete(id: string): Promise<void>;
  /** Removes flows that expired before `now`; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}

function fromRow(row: Row): FlowRecord {
  return {
    id: String(row.id),
    kind: row.kind as FlowKind,
    clientId: String(row.client_id),
    state: row.state as FlowState,
    idNumber: String(row.id_number),
    phone: String(row.phone),
    details: (row.details ?? null) as RegistrationDetails | null,
    accountSub: row.account_sub === null ? null : String(row.account_sub),
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    ...(row.change_details ? { change: row.change_details as AccountChangeDetails | PhoneRecoveryDetails } : {}),
  };
}

/** The flow repository over a SQL connection or transaction. */
export function flowRepository(sql: Sql): FlowRepository {
  return {
    async create(flow) {
      await sql.query(
        `INSERT INTO flows (id, kind, client_id, state, id_number, phone, details, account_sub, created_at, expires_at, change_details)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::uuid, $9::timestamptz, $10::timestamptz, $11::jsonb)`,
        [flow.id, flow.kind, flow.clientId, flow.state, flow.idNumber, flow.phone,
          flow.details === null ? null : JSON.stringify(flow.details), flow.accountSub, iso(flow.createdAt), iso(flow.expiresAt),
          flow.change ? JSON.stringify(flow.change) : null],
      );
    },
    async find(id, kind, clientId, now) {
      const [row] = await sql.query(
        `SELECT id, kind, client_id, state, id_number, phone, details, account_sub::text AS account_sub, created_at, expires_at, change_details
         FROM flows WHERE id = $1 AND kind = $2 AND client_id = $3 AND expires_at > $4::timestamptz`,
        [id, kind, clientId, iso(now)],
      );
      return row ? fromRow(row) : undefined;
    },
    async advance(id, from, to) {
      const rows = await sql.query('UPDATE flows SET state = $3 WHERE id = $1 AND state = $2 RETURNING id', [id, from, to]);
      return rows.length === 1;
    },
    async delete(id) {
      await sql.query('DELETE FROM flows WHERE id = $1', [id]);
    },
    async deleteExpired(now) {
      const rows = await sql.query('DELETE FROM flows WHERE expires_at <= $1::timestamptz RETURNING id', [iso(now)]);
      return rows.length;
    },
  };
}
