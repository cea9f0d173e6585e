import type { Sql } from './sql.js';
import { iso } from './values.js';

/** Which request an `Idempotency-Key` belongs to: the portal, the route, and the key it sent. */
export interface IdempotencyScope {
  readonly clientId: string;
  readonly route: string;
  readonly key: string;
}

/** Answer of {@link IdempotencyRepository.reserve}. */
export type Reservation =
  | { readonly state: 'new' }
  | { readonly state: 'replay'; readonly status: number; readonly body: string }
  | { readonly state: 'conflict' }
  | { readonly state: 'pending' };

/**
 * Stored answers of state-changing requests sent with an `Idempotency-Key`, kept for a day. The key
 * is reserved before the work starts, so a parallel repeat waits for the first answer instead of
 * doing the work twice.
 */
export interface IdempotencyRepository {
  /** Claims a key for a request (identified by a keyed hash of its body), or says what is known of it. */
  reserve(scope: IdempotencyScope, requestHash: string, now: Date, keepSeconds: number): Promise<Reservation>;
  /** Stores the answer of a reserved request. */
  complete(scope: IdempotencyScope, status: number, body: string): Promise<void>;
  /** Forgets a reservation whose request failed, so it can be retried. */
  release(scope: IdempotencyScope): Promise<void>;
}

/** The idempotency repository over a SQL connection or transaction. */
export function idempotencyRepository(sql: Sql): IdempotencyRepository {
  const where = 'client_id = $1 AND route = $2 AND key = $3';
  const args = (scope: IdempotencyScope) => [scope.clientId, scope.route, scope.key];
  return {
    async reserve(scope, requestHash, now, keepSeconds) {
      await sql.query(`DELETE FROM idempotency_keys WHERE ${where} AND created_at <= $4::timestamptz - $5::int * interval '1 second'`, [...args(scope), iso(now), keepSeconds]);
      const inserted = await sql.query(
        `INSERT INTO idempotency_keys (client_id, route, key, request_hash, created_at) VALUES ($1, $2, $3, $4, $5::timestamptz)
         ON CONFLICT (client_id, route, key) DO NOTHING RETURNING key`,
        [...args(scope), requestHash, iso(now)],
      );
      if (inserted.length === 1) return { state: 'new' };
      const [row] = await sql.query(`SELECT request_hash, status, body FROM idempotency_keys WHERE ${where}`, args(scope));
      if (!row) return { state: 'pending' };
      if (row.request_hash !== requestHash) return { state: 'conflict' };
      if (row.status === null) return { state: 'pending' };
      return { state: 'replay', status: Number(row.status), body: String(row.body) };
    },
    async complete(scope, status, body) {
      await sql.query(`UPDATE idempotency_keys SET status = $4, body = $5 WHERE ${where}`, [...args(scope), status, body]);
    },
    async release(scope) {
      await sql.query(`DELETE FROM idempotency_keys WHERE ${where} AND status IS NULL`, args(scope));
    },
  };
}
