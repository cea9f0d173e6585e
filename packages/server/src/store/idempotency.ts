import { randomBytes } from 'node:crypto';
import type { Sql } from './sql.js';
import { iso, toDate } from './values.js';

/** Which request an `Idempotency-Key` belongs to: the portal, the route, and the key it sent. */
export interface IdempotencyScope {
  readonly clientId: string;
  readonly route: string;
  readonly key: string;
}

/** Timing of {@link IdempotencyRepository.reserve}. */
export interface ReserveTiming {
  readonly now: Date;
  /** How long an answer is kept. */
  readonly keepSeconds: number;
  /** How long the request holds the key before a retry may take it over. */
  readonly leaseSeconds: number;
}

/**
 * Answer of {@link IdempotencyRepository.reserve}: `new` (the caller does the work, holding `lease`;
 * `takenOver` when an earlier request with this key and body died without an answer), `replay`
 * (the stored answer), `conflict` (the key was used with another body), or `pending` (a live request
 * holds it until `leaseUntil`).
 */
export type Reservation =
  | { readonly state: 'new'; readonly lease: string; readonly takenOver: boolean }
  | { readonly state: 'replay'; readonly status: number; readonly body: string }
  | { readonly state: 'conflict' }
  | { readonly state: 'pending'; readonly leaseUntil: Date };

/** A stored answer. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: string;
}

/**
 * Stored answers of state-changing requests sent with an `Idempotency-Key`, kept for a day. The key
 * is reserved with a lease before the work starts, so a parallel repeat waits for the first answer
 * instead of doing the work twice, and a repeat after the lease ends (the first request died with
 * its process) takes the key over atomically instead of being refused for a day.
 */
export interface IdempotencyRepository {
  /** Claims a key for a request (identified by a keyed hash of its body), or says what is known of it. */
  reserve(scope: IdempotencyScope, requestHash: string, timing: ReserveTiming): Promise<Reservation>;
  /**
   * Stores the answer of a reserved request; `false` (nothing stored) when the lease was taken over
   * or an answer is already stored. Call it inside the work's transaction to store both or neither.
   */
  complete(scope: IdempotencyScope, lease: string, answer: StoredAnswer): Promise<boolean>;
  /** The answer stored for this key and body, if any. */
  answer(scope: IdempotencyScope, requestHash: string): Promise<StoredAnswer | undefined>;
  /** Forgets a reservation whose request failed, so it can be retried; only while `lease` holds it. */
  release(scope: IdempotencyScope, lease: string): Promise<void>;
}

/** The idempotency repository over a SQL connection or transaction. */
export function idempotencyRepository(sql: Sql): IdempotencyRepository {
  const where = 'client_id = $1 AND route = $2 AND key = $3';
  const args = (scope: IdempotencyScope) => [scope.clientId, scope.route, scope.key];
  return {
    async reserve(scope, requestHash, { now, keepSeconds, leaseSeconds }) {
      const at = iso(now);
      const leaseUntil = iso(new Date(now.getTime() + leaseSeconds * 1000));
      const lease = randomBytes(16).toString('base64url');
      await sql.query(`DELETE FROM idempotency_keys WHERE ${where} AND created_at <= $4::timestamptz - $5::int * interval '1 second'`, [...args(scope), at, keepSeconds]);
      const inserted = await sql.query(
        `INSERT INTO idempotency_keys (client_id, route, key, request_hash, created_at, lease_until, lease_token)
         VALUES ($1, $2, $3, $4, $5::timestamptz, $6::timestamptz, $7)
         ON CONFLICT (client_id, route, key) DO NOTHING RETURNING key`,
        [...args(scope), requestHash, at, leaseUntil, lease],
      );
      if (inserted.length === 1) return { state: 'new', lease, takenOver: false };
      // One statement, so of two parallel retries only one takes a dead request's key over.
      const taken = await sql.query(
        `UPDATE idempotency_keys SET lease_until = $6::timestamptz, lease_token = $7
         WHERE ${where} AND request_hash = $4 AND status IS NULL AND (lease_until IS NULL OR lease_until <= $5::timestamptz)
         RETURNING key`,
        [...args(scope), requestHash, at, leaseUntil, lease],
      );
      if (taken.length === 1) return { state: 'new', lease, takenOver: true };
      const [row] = await sql.query(`SELECT request_hash, status, body, lease_until FROM idempotency_keys WHERE ${where}`, args(scope));
      if (!row) return { state: 'pending', leaseUntil: now };
      if (row.request_hash !== requestHash) return { state: 'conflict' };
      if (row.status === null) return { state: 'pending', leaseUntil: row.lease_until === null ? now : toDate(row.lease_until) };
      return { state: 'replay', status: Number(row.status), body: String(row.body) };
    },
    async complete(scope, lease, answer) {
      const rows = await sql.query(
        `UPDATE idempotency_keys SET status = $5, body = $6, lease_until = NULL, lease_token = NULL
         WHERE ${where} AND lease_token = $4 AND status IS NULL RETURNING key`,
        [...args(scope), lease, answer.status, answer.body],
      );
      return rows.length === 1;
    },
    async answer(scope, requestHash) {
      const [row] = await sql.query(`SELECT status, body FROM idempotency_keys WHERE ${where} AND request_hash = $4 AND status IS NOT NULL`, [...args(scope), requestHash]);
      return row ? { status: Number(row.status), body: String(row.body) } : undefined;
    },
    async release(scope, lease) {
      await sql.query(`DELETE FROM idempotency_keys WHERE ${where} AND lease_token = $4 AND status IS NULL`, [...args(scope), lease]);
    },
  };
}
