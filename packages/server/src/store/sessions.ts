import { readAmr, type AuthenticatorAssuranceLevel, type SignInAuthentication, type SignInMethod, type VneidLevel } from '@dvc-kit/sdk';
import type { Row, Sql } from './sql.js';
import { iso, toDate, toDateOrNull } from './values.js';

/** A signed-in session: one per sign-in, shared by the tokens refreshed from it. */
export interface SessionRecord {
  /** UUID; the `sid` claim. */
  readonly id: string;
  readonly accountSub: string;
  readonly clientId: string;
  readonly authTime: Date;
  /** How this sign-in was made: its method, AAL, `amr` and VNeID level, as its tokens tell them. */
  readonly authentication: SignInAuthentication;
  readonly createdAt: Date;
  /** Ends unless refreshed before this (idle time-out). */
  readonly idleExpiresAt: Date;
  /** Ends at this time whatever happens (absolute time-out). */
  readonly absoluteExpiresAt: Date;
  readonly revokedAt: Date | null;
}

/** Answer of {@link SessionRepository.rotateRefreshToken}. */
export type RotationResult =
  | { readonly outcome: 'rotated'; readonly session: SessionRecord }
  /**
   * The token was rotated moments ago (within the grace) into the successor offered now, and that
   * successor is still unused: a double submit. Answer with the same successor; nothing changes.
   */
  | { readonly outcome: 'repeated'; readonly session: SessionRecord }
  /** The token was already used or revoked: the session has now been ended. */
  | { readonly outcome: 'reused' }
  /** The session ended (signed out, idle, absolute limit, or another portal's token). */
  | { readonly outcome: 'ended' }
  | { readonly outcome: 'unknown' };

/** Sessions and their refresh tokens (stored only as hashes). */
export interface SessionRepository {
  /** Starts a session with its first refresh token. */
  create(session: Omit<SessionRecord, 'revokedAt'>, refreshTokenHash: string): Promise<void>;
  /** The session if it is still active at `now`. */
  findActive(id: string, now: Date): Promise<SessionRecord | undefined>;
  /**
   * Trades a refresh token for a new one, in one transaction: the old one dies; a reused dead one
   * ends the session (someone copied it). The session's idle time-out moves on.
   *
   * Within `graceSeconds` of its rotation, a token presented again with the same `newHash` it was
   * rotated into is a double submit, answered `repeated`, as long as that successor is unused and the
   * session active. The caller makes that possible by deriving the successor from the presented token
   * (see `successorRefreshToken`); with any other successor, or later, it is a reuse.
   */
  rotateRefreshToken(oldHash: string, newHash: string, clientId: string, now: Date, idleSeconds: number, graceSeconds?: number): Promise<RotationResult>;
  /**
   * Whether {@link rotateRefreshToken} would honour this refresh token now (as `rotated` or
   * `repeated`) for `clientId`, without changing anything: it is active, or was rotated within
   * `graceSeconds` into `successorHash` and that successor is unused; and its session is active and
   * belongs to `clientId`. A stored sign-in answer is replayed only while this holds, since presenting
   * a dead token ends the session.
   */
  isRefreshTokenLive(hash: string, successorHash: string, clientId: string, now: Date, graceSeconds: number): Promise<boolean>;
  /**
   * Ends the session a refresh token belongs to, when `clientId` is the portal the session was made
   * for: `'ended'`; `'other_client'` leaves it alive; `'unknown'` when no such token exists.
   */
  revokeByRefreshToken(hash: string, clientId: string, now: Date, reason: string): Promise<'ended' | 'other_client' | 'unknown'>;
  /** Ends a session. */
  revoke(id: string, now: Date, reason: string): Promise<void>;
  /** Ends every session of an account, on every portal, with their refresh tokens; returns how many were open. */
  revokeAllForAccount(accountSub: string, now: Date, reason: string): Promise<number>;
  /**
   * Ends every session of an account but `keepSessionId` (the one asking), on every portal, with their
   * refresh tokens; returns how many were open.
   */
  revokeOtherSessions(accountSub: string, keepSessionId: string, now: Date, reason: string): Promise<number>;
}

const COLUMNS = `id::text AS id, account_sub::text AS account_sub, client_id, auth_time, created_at, idle_expires_at,
  absolute_expires_at, revoked_at, sign_in_method, aal, amr, vneid_level`;

/** A `text[]` column as the driver gives it: an array (node-postgres, PGlite), or its literal `{a,b}`. */
function textArray(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? value.replace(/^\{|\}$/g, '').split(',').filter(Boolean) : [];
}

function authenticationOfRow(row: Row): SignInAuthentication {
  const vneidLevel = row.vneid_level === null || row.vneid_level === undefined ? undefined : (Number(row.vneid_level) as VneidLevel);
  return {
    method: String(row.sign_in_method) as SignInMethod,
    aal: Number(row.aal) as AuthenticatorAssuranceLevel,
    amr: readAmr(textArray(row.amr)),
    ...(vneidLevel ? { vneidLevel } : {}),
  };
}

function fromRow(row: Row): SessionRecord {
  return {
    id: String(row.id),
    accountSub: String(row.account_sub),
    clientId: String(row.client_id),
    authTime: toDate(row.auth_time),
    createdAt: toDate(row.created_at),
    idleExpiresAt: toDate(row.idle_expires_at),
    absoluteExpiresAt: toDate(row.absolute_expires_at),
    revokedAt: toDateOrNull(row.revoked_at),
    authentication: authenticationOfRow(row),
  };
}

function isActive(session: SessionRecord, now: Date): boolean {
  return session.revokedAt === null && session.idleExpiresAt > now && session.absoluteExpiresAt > now;
}

/**
 * A refresh token and its session: whether it is `active`, or `repeatable` — rotated within
 * `graceSeconds` into `successorHash` while that successor is still unused (a double submit).
 */
async function readToken(sql: Sql, hash: string, successorHash: string, now: Date, graceSeconds: number) {
  const [row] = await sql.query(
    `SELECT s.id::text AS id, s.account_sub::text AS account_sub, s.client_id, s.auth_time, s.created_at, s.idle_expires_at,
       s.absolute_expires_at, s.revoked_at, s.sign_in_method, s.aal, s.amr, s.vneid_level, r.status = 'active' AS active,
       r.status = 'rotated' AND r.rotated_at > $2::timestamptz - $3::int * interval '1 second'
         AND EXISTS (SELECT 1 FROM refresh_tokens n WHERE n.token_hash = $4 AND n.session_id = r.session_id AND n.status = 'active') AS repeatable
     FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = $1`,
    [hash, iso(now), graceSeconds, successorHash],
  );
  return row ? { session: fromRow(row), active: row.active === true, repeatable: row.repeatable === true } : undefined;
}

/** The session repository over a SQL connection or transaction. */
export function sessionRepository(sql: Sql): SessionRepository {
  async function revoke(tx: Sql, id: string, now: Date, reason: string) {
    await tx.query('UPDATE sessions SET revoked_at = $2::timestamptz, revoked_reason = $3 WHERE id = $1::uuid AND revoked_at IS NULL', [id, iso(now), reason]);
    await tx.query(`UPDATE refresh_tokens SET status = 'revoked' WHERE session_id = $1::uuid AND status = 'active'`, [id]);
  }
  return {
    async create(session, refreshTokenHash) {
      const { authentication } = session;
      // One statement (one round trip), so atomic on its own: the token's foreign key is checked at its
      // end, when the session row the CTE made is there.
      await sql.query(
        `WITH made AS (
           INSERT INTO sessions (id, account_sub, client_id, auth_time, created_at, idle_expires_at, absolute_expires_at,
             sign_in_method, aal, amr, vneid_level)
           VALUES ($1::uuid, $2::uuid, $3, $4::timestamptz, $5::timestamptz, $6::timestamptz, $7::timestamptz, $9, $10::smallint, $11::text[], $12::smallint)
           RETURNING id, created_at
         )
         INSERT INTO refresh_tokens (token_hash, session_id, status, created_at) SELECT $8, id, 'active', created_at FROM made`,
        [
          session.id, session.accountSub, session.clientId, iso(session.authTime), iso(session.createdAt), iso(session.idleExpiresAt), iso(session.absoluteExpiresAt),
          refreshTokenHash, authentication.method, authentication.aal, [...authentication.amr], authentication.vneidLevel ?? null,
        ],
      );
    },
    async findActive(id, now) {
      if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
      const [row] = await sql.query(`SELECT ${COLUMNS} FROM sessions WHERE id = $1::uuid`, [id]);
      const session = row ? fromRow(row) : undefined;
      return session && isActive(session, now) ? session : undefined;
    },
    rotateRefreshToken(oldHash, newHash, clientId, now, idleSeconds, graceSeconds = 0) {
      return sql.transaction(async (tx): Promise<RotationResult> => {
        // A parallel rotation of the same token holds its row until it commits; then this finds it rotated.
        const [used] = await tx.query(
          `UPDATE refresh_tokens SET status = 'rotated', rotated_at = $2::timestamptz
           WHERE token_hash = $1 AND status = 'active' RETURNING session_id::text AS session_id`,
          [oldHash, iso(now)],
        );
        if (!used) {
          const known = await readToken(tx, oldHash, newHash, now, graceSeconds);
          if (!known) return { outcome: 'unknown' };
          if (known.repeatable && isActive(known.session, now) && known.session.clientId === clientId) return { outcome: 'repeated', session: known.session };
          await revoke(tx, known.session.id, now, 'refresh_token_reused');
          return { outcome: 'reused' };
        }
        const sessionId = String(used.session_id);
        const [row] = await tx.query(`SELECT ${COLUMNS} FROM sessions WHERE id = $1::uuid FOR UPDATE`, [sessionId]);
        const session = row ? fromRow(row) : undefined;
        if (!session || !isActive(session, now) || session.clientId !== clientId) {
          if (session) await revoke(tx, session.id, now, session.clientId !== clientId ? 'wrong_client' : 'expired');
          return { outcome: 'ended' };
        }
        const idle = new Date(Math.min(now.getTime() + idleSeconds * 1000, session.absoluteExpiresAt.getTime()));
        await tx.query('UPDATE sessions SET idle_expires_at = $2::timestamptz WHERE id = $1::uuid', [session.id, iso(idle)]);
        await tx.query(
          `INSERT INTO refresh_tokens (token_hash, session_id, status, created_at) VALUES ($1, $2::uuid, 'active', $3::timestamptz)`,
          [newHash, session.id, iso(now)],
        );
        return { outcome: 'rotated', session: { ...session, idleExpiresAt: idle } };
      });
    },
    async isRefreshTokenLive(hash, successorHash, clientId, now, graceSeconds) {
      const token = await readToken(sql, hash, successorHash, now, graceSeconds);
      return token !== undefined && (token.active || token.repeatable) && isActive(token.session, now) && token.session.clientId === clientId;
    },
    revokeByRefreshToken(hash, clientId, now, reason) {
      return sql.transaction(async (tx) => {
        const [row] = await tx.query(
          `SELECT r.session_id::text AS session_id, s.client_id FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id WHERE r.token_hash = $1`,
          [hash],
        );
        if (!row) return 'unknown';
        if (String(row.client_id) !== clientId) return 'other_client';
        await revoke(tx, String(row.session_id), now, reason);
        return 'ended';
      });
    },
    async revoke(id, now, reason) {
      await sql.transaction((tx) => revoke(tx, id, now, reason));
    },
    async revokeAllForAccount(accountSub, now, reason) {
      return sql.transaction(async (tx) => {
        const ended = await tx.query(
          'UPDATE sessions SET revoked_at = $2::timestamptz, revoked_reason = $3 WHERE account_sub = $1::uuid AND revoked_at IS NULL RETURNING id',
          [accountSub, iso(now), reason],
        );
        await tx.query(
          `UPDATE refresh_tokens SET status = 'revoked' WHERE status = 'active' AND session_id IN (SELECT id FROM sessions WHERE account_sub = $1::uuid)`,
          [accountSub],
        );
        return ended.length;
      });
    },
    async revokeOtherSessions(accountSub, keepSessionId, now, reason) {
      return sql.transaction(async (tx) => {
        const ended = await tx.query(
          `UPDATE sessions SET revoked_at = $3::timestamptz, revoked_reason = $4
           WHERE account_sub = $1::uuid AND id <> $2::uuid AND revoked_at IS NULL RETURNING id`,
          [accountSub, keepSessionId, iso(now), reason],
        );
        await tx.query(
          `UPDATE refresh_tokens SET status = 'revoked'
           WHERE status = 'active' AND session_id IN (SELECT id FROM sessions WHERE account_sub = $1::uuid AND id <> $2::uuid)`,
          [accountSub, keepSessionId],
        );
        return ended.length;
      });
    },
  };
}
