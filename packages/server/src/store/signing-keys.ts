import type { Row, Sql } from './sql.js';
import { iso, toDate, toDateOrNull } from './values.js';

/** A token-signing key pair as stored (JWK JSON text). */
export interface SigningKeyRecord {
  readonly kid: string;
  readonly alg: 'ES256';
  readonly privateJwk: string;
  readonly publicJwk: string;
  readonly createdAt: Date;
  /** After this time the key is no longer published; `null` while in use. */
  readonly retiredAt: Date | null;
}

/** Token-signing keys. The newest unretired key signs; every unexpired one is published. */
export interface SigningKeyRepository {
  /** Stores a newly generated key pair; it signs from now on and is published until it expires. */
  add(key: SigningKeyRecord): Promise<void>;
  /** Keys to publish at `now`, newest first. */
  published(now: Date): Promise<SigningKeyRecord[]>;
  /** Retires every key but `kid`, keeping them published until `retireAt`. */
  retireAllBut(kid: string, retireAt: Date): Promise<void>;
  /** Every stored key, retired and expired ones included, oldest first. */
  all(): Promise<SigningKeyRecord[]>;
  /** Replaces a key's stored private JWK with `to` if it is still `from`; whether it did. */
  replacePrivateJwk(kid: string, from: string, to: string): Promise<boolean>;
}

function toRecord(row: Row): SigningKeyRecord {
  return {
    kid: String(row.kid),
    alg: 'ES256',
    privateJwk: String(row.private_jwk),
    publicJwk: String(row.public_jwk),
    createdAt: toDate(row.created_at),
    retiredAt: toDateOrNull(row.retired_at),
  };
}

/** The signing-key repository over a SQL connection or transaction. */
export function signingKeyRepository(sql: Sql): SigningKeyRepository {
  return {
    async add(key) {
      await sql.query(
        `INSERT INTO signing_keys (kid, alg, private_jwk, public_jwk, created_at, retired_at)
         VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz)`,
        [key.kid, key.alg, key.privateJwk, key.publicJwk, iso(key.createdAt), key.retiredAt ? iso(key.retiredAt) : null],
      );
    },
    async published(now) {
      const rows = await sql.query(
        `SELECT kid, alg, private_jwk, public_jwk, created_at, retired_at FROM signing_keys
         WHERE retired_at IS NULL OR retired_at > $1::timestamptz ORDER BY created_at DESC, kid`,
        [iso(now)],
      );
      return rows.map(toRecord);
    },
    async all() {
      const rows = await sql.query('SELECT kid, alg, private_jwk, public_jwk, created_at, retired_at FROM signing_keys ORDER BY created_at, kid');
      return rows.map(toRecord);
    },
    async replacePrivateJwk(kid, from, to) {
      const rows = await sql.query('UPDATE signing_keys SET private_jwk = $3 WHERE kid = $1 AND private_jwk = $2 RETURNING kid', [kid, from, to]);
      return rows.length > 0;
    },
    async retireAllBut(kid, retireAt) {
      await sql.query('UPDATE signing_keys SET retired_at = $2::timestamptz WHERE kid <> $1 AND retired_at IS NULL', [kid, iso(retireAt)]);
    },
  };
}
