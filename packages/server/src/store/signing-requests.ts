import type { CertificateDetails, RemoteSignatureMethod, SignatureAlgorithm } from '@dvc-kit/sdk/contract';
import type { Row, Sql } from './sql.js';
import { iso, toDate, toDateOrNull } from './values.js';

/** Where a signing request stands; every state but `pending` is final. */
export type SigningRequestState = 'pending' | 'signed' | 'refused' | 'timed_out' | 'cancelled' | 'failed';

/** How the holder was named when the request started. */
export type SigningHolderKind = 'phone' | 'id_number' | 'account';

/** What the provider handed back for a signed request: the signature and the certificate that made it. */
export interface SigningResult {
  /** The holder's certificate, base64 DER (or PEM). */
  readonly certificate: string;
  /** Intermediate CA certificates the provider sent with it. */
  readonly intermediates: readonly string[];
  readonly algorithm: SignatureAlgorithm;
  /** The signature over the challenge's bytes, base64 / base64url. */
  readonly signature: string;
}

/**
 * One request to a signing provider to have a holder sign a challenge on their phone (SIM signature,
 * remote signing). At most one per challenge. The holder is kept only as a keyed hash (for the
 * per-holder limit and to match the certificate's number), never in the clear.
 */
export interface SigningRequestRecord {
  readonly id: string;
  readonly challengeId: string;
  /** The portal that started it; only that portal may read, cancel or use it. */
  readonly clientId: string;
  readonly method: RemoteSignatureMethod;
  readonly holderKind: SigningHolderKind;
  /** Keyed hash of the holder's identifier. */
  readonly holderKey: string;
  /** The provider's own reference; `null` until the provider accepted the request. */
  readonly providerRef: string | null;
  readonly state: SigningRequestState;
  readonly createdAt: Date;
  /** When the holder's time to confirm runs out. */
  readonly expiresAt: Date;
  /** When the provider was last asked about it. */
  readonly checkedAt: Date | null;
  readonly settledAt: Date | null;
  /** When `signed`: what the provider returned. */
  readonly result: SigningResult | null;
  /** When `signed`: what the (checked) certificate says. */
  readonly details: CertificateDetails | null;
  /** When `refused`, `timed_out` or `failed`: the problem code that words why. */
  readonly failure: string | null;
}

/** A final state and what comes with it. */
export type SigningSettlement =
  | { readonly state: 'signed'; readonly result: SigningResult; readonly details: CertificateDetails }
  | { readonly state: 'refused' | 'timed_out' | 'cancelled' | 'failed'; readonly failure?: string | undefined };

/**
 * Signing requests. A request leaves `pending` once, by one conditional statement
 * ({@link SigningRequestRepository.settle}), so parallel polls and a cancel agree on one outcome.
 */
export interface SigningRequestRepository {
  /** Stores a new pending request, unless its challenge already has one (`challenge_taken`). */
  create(request: SigningRequestRecord): Promise<'created' | 'challenge_taken'>;
  /** The request with this id started by this portal; `undefined` when there is none. */
  find(id: string, clientId: string): Promise<SigningRequestRecord | undefined>;
  /** Records the provider's reference of a pending request. */
  setProviderRef(id: string, providerRef: string): Promise<void>;
  /**
   * Claims the right to ask the provider now: a pending request with a provider reference not asked
   * since `askedBefore` gets `checkedAt = now`, and is returned to exactly one of parallel callers.
   */
  claimCheck(id: string, clientId: string, now: Date, askedBefore: Date): Promise<SigningRequestRecord | undefined>;
  /** Moves a pending request to its final state; `undefined` when it had already left `pending`. */
  settle(id: string, clientId: string, settlement: SigningSettlement, now: Date): Promise<SigningRequestRecord | undefined>;
}

const COLUMNS =
  'id, challenge_id, client_id, method, holder_kind, holder_key, provider_ref, state, created_at, expires_at, checked_at, settled_at, result, details, failure';

function fromRow(row: Row): SigningRequestRecord {
  return {
    id: String(row.id),
    challengeId: String(row.challenge_id),
    clientId: String(row.client_id),
    method: row.method as RemoteSignatureMethod,
    holderKind: row.holder_kind as SigningHolderKind,
    holderKey: String(row.holder_key),
    providerRef: row.provider_ref === null || row.provider_ref === undefined ? null : String(row.provider_ref),
    state: row.state as SigningRequestState,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    checkedAt: toDateOrNull(row.checked_at),
    settledAt: toDateOrNull(row.settled_at),
    result: (row.result ?? null) as SigningResult | null,
    details: (row.details ?? null) as CertificateDetails | null,
    failure: row.failure === null || row.failure === undefined ? null : String(row.failure),
  };
}

/** The signing-request repository over a SQL connection or transaction. */
export function signingRequestRepository(sql: Sql): SigningRequestRepository {
  return {
    async create(request) {
      const rows = await sql.query(
        `INSERT INTO signing_requests (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10::timestamptz, NULL, NULL, NULL, NULL, NULL)
         ON CONFLICT (challenge_id) DO NOTHING RETURNING id`,
        [request.id, request.challengeId, request.clientId, request.method, request.holderKind, request.holderKey, request.providerRef, request.state,
          iso(request.createdAt), iso(request.expiresAt)],
      );
      return rows.length ? 'created' : 'challenge_taken';
    },
    async find(id, clientId) {
      const [row] = await sql.query(`SELECT ${COLUMNS} FROM signing_requests WHERE id = $1 AND client_id = $2`, [id, clientId]);
      return row ? fromRow(row) : undefined;
    },
    async setProviderRef(id, providerRef) {
      await sql.query(`UPDATE signing_requests SET provider_ref = $2 WHERE id = $1 AND state = 'pending'`, [id, providerRef]);
    },
    async claimCheck(id, clientId, now, askedBefore) {
      const [row] = await sql.query(
        `UPDATE signing_requests SET checked_at = $3::timestamptz
         WHERE id = $1 AND client_id = $2 AND state = 'pending' AND provider_ref IS NOT NULL AND (checked_at IS NULL OR checked_at <= $4::timestamptz)
         RETURNING ${COLUMNS}`,
        [id, clientId, iso(now), iso(askedBefore)],
      );
      return row ? fromRow(row) : undefined;
    },
    async settle(id, clientId, settlement, now) {
      const signed = settlement.state === 'signed';
      const [row] = await sql.query(
        `UPDATE signing_requests SET state = $3, settled_at = $4::timestamptz, result = $5::jsonb, details = $6::jsonb, failure = $7
         WHERE id = $1 AND client_id = $2 AND state = 'pending'
         RETURNING ${COLUMNS}`,
        [id, clientId, settlement.state, iso(now), signed ? JSON.stringify(settlement.result) : null, signed ? JSON.stringify(settlement.details) : null,
          signed ? null : (settlement.failure ?? null)],
      );
      return row ? fromRow(row) : undefined;
    },
  };
}
