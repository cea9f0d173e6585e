import type { Row, Sql } from './sql.js';
import { iso, toDate, toDateOrNull, toInt } from './values.js';

/** A passkey (WebAuthn credential) of an account: its public key, never a secret. */
export interface PasskeyRecord {
  /** The credential id, base64url. */
  readonly id: string;
  readonly accountSub: string;
  /** The COSE public key, base64url. */
  readonly publicKey: string;
  /** The authenticator's signature counter at its last use (0 for authenticators that keep none). */
  readonly counter: number;
  readonly transports: readonly string[];
  /** `multi_device`: synced (backup eligible); `single_device`: bound to one authenticator. */
  readonly deviceType: 'single_device' | 'multi_device';
  readonly backedUp: boolean;
  readonly name: string | null;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

/** What a passkey challenge is for. */
export type PasskeyChallengePurpose = 'register' | 'sign_in';

/**
 * A WebAuthn challenge the service handed out: to add a passkey (bound to the account, the session and
 * the portal that asked) or to sign in with one (bound to the sign-in flow). Used once.
 */
export interface PasskeyChallengeRecord {
  /** Random id: the `registrationId` of an addition. */
  readonly id: string;
  readonly purpose: PasskeyChallengePurpose;
  /** The challenge as the browser echoes it in `clientDataJSON` (base64url). */
  readonly challenge: string;
  readonly clientId: string;
  readonly accountSub: string;
  /** The session that asked to add a passkey. */
  readonly sessionId: string | null;
  /** The sign-in the challenge belongs to. */
  readonly flowId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** Passkeys and their challenges. */
export interface PasskeyRepository {
  /** The account's passkeys, oldest first. */
  listForAccount(accountSub: string): Promise<PasskeyRecord[]>;
  /** How many passkeys the account has. */
  countForAccount(accountSub: string): Promise<number>;
  /** The passkey with this credential id, if it is the account's. */
  find(id: string, accountSub: string): Promise<PasskeyRecord | undefined>;
  /**
   * Stores a new passkey unless the account already holds `max` of them; `'exists'` when the credential
   * id is already stored (for any account), `'limit'` when the account is full.
   */
  add(passkey: PasskeyRecord, max: number): Promise<'added' | 'exists' | 'limit'>;
  /**
   * Records a use: the new counter, the backup state and the time. Refused (`false`) when the stored
   * counter is not below the new one — a replayed or cloned authenticator — unless both are 0 (an
   * authenticator that keeps no counter).
   */
  recordUse(id: string, accountSub: string, counter: number, backedUp: boolean, at: Date): Promise<boolean>;
  /** Removes the account's passkey; `false` when it has none with this id. */
  remove(id: string, accountSub: string): Promise<boolean>;
  /**
   * Stores a new challenge. A sign-in's is refused (`false`) when its flow already has `maxPerFlow`
   * challenges; parallel requests of one flow are serialised on the flow's row, so the cap holds.
   */
  createChallenge(challenge: PasskeyChallengeRecord, maxPerFlow?: number): Promise<boolean>;
  /**
   * Spends an unused, unexpired challenge of this purpose with this exact value, bound to the given
   * session or flow: the row, or `undefined` when there is none (unknown, used, expired, or another's).
   * Atomic: of parallel requests, one gets it.
   */
  spendChallenge(match: { purpose: PasskeyChallengePurpose; challenge: string; clientId: string; id?: string; sessionId?: string; flowId?: string }, now: Date): Promise<PasskeyChallengeRecord | undefined>;
}

function passkeyFromRow(row: Row): PasskeyRecord {
  return {
    id: String(row.id),
    accountSub: String(row.account_sub),
    publicKey: String(row.public_key),
    counter: toInt(row.counter),
    transports: (row.transports ?? []) as string[],
    deviceType: row.device_type === 'multi_device' ? 'multi_device' : 'single_device',
    backedUp: row.backed_up === true,
    name: row.name === null ? null : String(row.name),
    createdAt: toDate(row.created_at),
    lastUsedAt: toDateOrNull(row.last_used_at),
  };
}

function challengeFromRow(row: Row): PasskeyChallengeRecord {
  return {
    id: String(row.id),
    purpose: row.purpose as PasskeyChallengePurpose,
    challenge: String(row.challenge),
    clientId: String(row.client_id),
    accountSub: String(row.account_sub),
    sessionId: row.session_id === null ? null : String(row.session_id),
    flowId: row.flow_id === null ? null : String(row.flow_id),
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
  };
}

const PASSKEY_COLUMNS = `id, account_sub::text AS account_sub, public_key, counter, transports, device_type, backed_up, name, created_at, last_used_at`;

/** The passkey repository over a SQL connection or transaction. */
export function passkeyRepository(sql: Sql): PasskeyRepository {
  return {
    async listForAccount(accountSub) {
      const rows = await sql.query(`SELECT ${PASSKEY_COLUMNS} FROM passkeys WHERE account_sub = $1::uuid ORDER BY created_at, id`, [accountSub]);
      return rows.map(passkeyFromRow);
    },
    async countForAccount(accountSub) {
      const [row] = await sql.query('SELECT count(*)::int AS n FROM passkeys WHERE account_sub = $1::uuid', [accountSub]);
      return toInt(row?.n ?? 0);
    },
    async find(id, accountSub) {
      const [row] = await sql.query(`SELECT ${PASSKEY_COLUMNS} FROM passkeys WHERE id = $1 AND account_sub = $2::uuid`, [id, accountSub]);
      return row ? passkeyFromRow(row) : undefined;
    },
    async add(passkey, max) {
      return sql.transaction(async (tx) => {
        // The account's row, locked, serialises parallel additions so the limit holds.
        await tx.query('SELECT 1 FROM accounts WHERE sub = $1::uuid FOR UPDATE', [passkey.accountSub]);
        const [count] = await tx.query('SELECT count(*)::int AS n FROM passkeys WHERE account_sub = $1::uuid', [passkey.accountSub]);
        if (toInt(count?.n ?? 0) >= max) return 'limit';
        const rows = await tx.query(
          `INSERT INTO passkeys (id, account_sub, public_key, counter, transports, device_type, backed_up, name, created_at, last_used_at)
           VALUES ($1, $2::uuid, $3, $4, $5::jsonb, $6, $7, $8, $9::timestamptz, NULL)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [passkey.id, passkey.accountSub, passkey.publicKey, passkey.counter, JSON.stringify(passkey.transports), passkey.deviceType, passkey.backedUp, passkey.name, iso(passkey.createdAt)],
        );
        return rows.length === 1 ? 'added' : 'exists';
      });
    },
    async recordUse(id, accountSub, counter, backedUp, at) {
      const rows = await sql.query(
        `UPDATE passkeys SET counter = $3, backed_up = $4, last_used_at = $5::timestamptz
         WHERE id = $1 AND account_sub = $2::uuid AND (counter < $3 OR (counter = 0 AND $3 = 0)) RETURNING id`,
        [id, accountSub, counter, backedUp, iso(at)],
      );
      return rows.length === 1;
    },
    async remove(id, accountSub) {
      const rows = await sql.query('DELETE FROM passkeys WHERE id = $1 AND account_sub = $2::uuid RETURNING id', [id, accountSub]);
      return rows.length === 1;
    },
    async createChallenge(challenge, maxPerFlow) {
      return sql.transaction(async (tx) => {
        if (challenge.flowId !== null && maxPerFlow !== undefined) {
          const [flow] = await tx.query('SELECT id FROM flows WHERE id = $1 FOR UPDATE', [challenge.flowId]);
          const [count] = await tx.query('SELECT count(*)::int AS n FROM passkey_challenges WHERE flow_id = $1', [challenge.flowId]);
          if (!flow || toInt(count?.n ?? 0) >= maxPerFlow) return false;
        }
        await tx.query(
          `INSERT INTO passkey_challenges (id, purpose, challenge, client_id, account_sub, session_id, flow_id, created_at, expires_at)
           VALUES ($1, $2, $3, $4, $5::uuid, $6, $7, $8::timestamptz, $9::timestamptz)`,
          [challenge.id, challenge.purpose, challenge.challenge, challenge.clientId, challenge.accountSub, challenge.sessionId, challenge.flowId, iso(challenge.createdAt), iso(challenge.expiresAt)],
        );
        return true;
      });
    },
    async spendChallenge(match, now) {
      const [row] = await sql.query(
        `UPDATE passkey_challenges SET used_at = $4::timestamptz
         WHERE purpose = $1 AND challenge = $2 AND client_id = $3 AND used_at IS NULL AND expires_at > $4::timestamptz
           AND ($5::text IS NULL OR id = $5) AND ($6::text IS NULL OR session_id = $6) AND ($7::text IS NULL OR flow_id = $7)
         RETURNING id, purpose, challenge, client_id, account_sub::text AS account_sub, session_id, flow_id, created_at, expires_at`,
        [match.purpose, match.challenge, match.clientId, iso(now), match.id ?? null, match.sessionId ?? null, match.flowId ?? null],
      );
      return row ? challengeFromRow(row) : undefined;
    },
  };
}
