import { createHash, randomBytes } from 'node:crypto';

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
