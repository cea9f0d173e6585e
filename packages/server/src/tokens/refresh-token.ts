import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** A new opaque refresh token: 256 bits from the CSPRNG, base64url. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The stored form of a refresh token: its SHA-256. The token has 256 bits of randomness, so a fast
 * hash is enough; a database leak gives no usable token.
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The key that derives successors of refresh tokens, made from a server key (HKDF-SHA256 with its own
 * label, so it is independent of every other use of that key).
 */
export function refreshSuccessorKey(serverKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, '', 'dvc-kit/refresh-token-successor/v1', 32));
}

/**
 * The refresh token a presented one is rotated into: an HMAC of the presented token under
 * {@link refreshSuccessorKey}, 256 bits, base64url. Deterministic, so a double submit of the same token
 * recomputes the same successor and the service can answer both with it — without ever storing a
 * token in clear. Unpredictable without the server key, so knowing a spent token gives nothing.
 *
 * @example
 * ```ts
 * const next = successorRefreshToken(key, presented);
 * await store.sessions.rotateRefreshToken(hashRefreshToken(presented), hashRefreshToken(next), clientId, now, idle, grace);
 * ```
 */
export function successorRefreshToken(key: Buffer, presented: string): string {
  return createHmac('sha256', key).update(presented, 'utf8').digest('base64url');
}
