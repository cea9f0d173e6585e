import type { Row, Sql } from './sql.js';
import { iso, toDate, toDateOrNull } from './values.js';

/** What a signature challenge is for; a challenge is accepted only for its own operation. */
export type SignatureChallengeOperation = 'register' | 'sign_in' | 'upgrade';

/** One challenge issued for a certificate to sign, bound to its operation, subject type and portal. */
export interface SignatureChallengeRecord {
  readonly id: string;
  /** base64url of 32 random bytes. */
  readonly nonce: string;
  readonly operation: SignatureChallengeOperation;
  readonly subjectType: 'citizen' | 'enterprise' | 'agency';
  /** The portal (client id) that asked for it. */
  readonly clientId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** When a verified signature used it up; `null` while unused. */
  readonly usedAt: Date | null;
}

/** Why {@link SignatureChallengeRepository.consume} did not hand the challenge over. */
export type ChallengeRefusal = 'not_found' | 'expired' | 'used';

/** Signature challenges. Each is used at most once: {@link SignatureChallengeRepository.consume} is one atomic statement. */
export interface SignatureChallengeRepository {
  /** Stores a new, unused challenge. */
  create(challenge: SignatureChallengeRecord): Promise<void>;
  /** The challenge with this id issued to this portal, whatever its state; `undefined` when there is none. */
  find(id: string, clientId: string): Promise<SignatureChallengeRecord | undefined>;
  /**
   * Uses the challenge up, atomically: of parallel calls for one challenge exactly one gets the record;
   * the others, and any call for an expired challenge or one of another portal or operation, get why not.
   */
  consume(id: string, clientId: string, operation: SignatureChallengeOperation, now: Date): Promise<SignatureChallengeRecord | ChallengeRefusal>;
}

const COLUMNS = 'id, nonce, operation, subject_type, client_id, created_at, expires_at, used_at';

function fromRow(row: Row): SignatureChallengeRecord {
  return {
    id: String(row.id),
    nonce: String(row.nonce),
    operation: row.operation as SignatureChallengeOperation,
    subjectType: row.subject_type as SignatureChallengeRecord['subjectType'],
    clientId: String(row.client_id),
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    usedAt: toDateOrNull(row.used_at),
  };
}

/** The signature-challenge repository over a SQL connection or transaction. */
export function signatureChallengeRepository(sql: Sql): SignatureChallengeRepository {
  const find = async (id: string, clientId: string) => {
    const [row] = await sql.query(`SELECT ${COLUMNS} FROM signature_challenges WHERE id = $1 AND client_id = $2`, [id, clientId]);
    return row ? fromRow(row) : undefined;
  };
  return {
    async create(challenge) {
      await sql.query(
        `INSERT INTO signature_challenges (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8::timestamptz)`,
        [challenge.id, challenge.nonce, challenge.operation, challenge.subjectType, challenge.clientId, iso(challenge.createdAt), iso(challenge.expiresAt),
          challenge.usedAt ? iso(challenge.usedAt) : null],
      );
    },
    find,
    async consume(id, clientId, operation, now) {
      const [row] = await sql.query(
        `UPDATE signature_challenges SET used_at = $4::timestamptz
         WHERE id = $1 AND client_id = $2 AND operation = $3 AND used_at IS NULL AND expires_at > $4::timestamptz
         RETURNING ${COLUMNS}`,
        [id, clientId, operation, iso(now)],
      );
      if (row) return fromRow(row);
      const current = await find(id, clientId);
      if (!current || current.operation !== operation) return 'not_found';
      if (current.usedAt) return 'used';
      return 'expired';
    },
  };
}
