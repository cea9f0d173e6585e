import * as z from 'zod';

/**
 * The key-encryption key of a development service started without one, for a database that is not
 * a PGlite folder (in memory, or PostgreSQL). Public, so it protects nothing: development data only;
 * production refuses it.
 */
export const DEVELOPMENT_SHARED_KEK = 'dvc-kit-development-only-key-encryption-key-not-a-secret-0123456789';

const HEX = /^[0-9a-fA-F]{64,}$/;
const BASE64 = /^[A-Za-z0-9_+/-]{43,}={0,2}$/;

/** Whether a string holds at least 32 bytes of randomness as hex or base64(url), not a placeholder. */
function looksRandom(value: string): boolean {
  if (HEX.test(value)) return new Set(value.toLowerCase()).size >= 10;
  return BASE64.test(value) && new Set(value).size >= 16;
}

/**
 * A key-encryption key as written in the configuration: at least 32 bytes of randomness in
 * base64url (43 characters or more), base64, or hex (64 characters or more). A word, a repeated
 * character or a short string is refused.
 */
export const KeyEncryptionKeySchema = z
  .string()
  .refine(looksRandom, 'must be at least 32 random bytes in base64url (43+ characters) or hex (64+), e.g. `openssl rand -base64 32`')
  .describe('Key-encryption key (KEK) that encrypts the signing and HMAC keys kept in the database: 32+ random bytes in base64url; required in production');
