import { createHmac, randomBytes } from 'node:crypto';
import { KeyEncryption } from './at-rest/envelope.js';
import { secretContext } from './at-rest/seal-stored-keys.js';
import type { ServerConfig } from './config.js';
import type { SecretRepository } from './store/secrets.js';

/** The service's symmetric keys. */
export interface ServerKeys {
  /** HMAC key of stored one-time codes. */
  readonly otpHmacKey: string;
  /** HMAC key that stands in for ID numbers and phones in logs, counters and idempotency records. */
  readonly logHashKey: string;
  /** Signs human-check (ALTCHA) challenges. */
  readonly humanCheckKey: string;
}

const NAMES = ['otpHmacKey', 'logHashKey', 'humanCheckKey'] as const;

/**
 * The keys from the configuration, or — for each one absent — a random key generated once and kept in
 * the database sealed under the key-encryption key, so restarts (and other instances) keep accepting
 * codes and counting limits.
 */
export async function loadServerKeys(config: ServerConfig, secrets: SecretRepository, encryption: KeyEncryption): Promise<ServerKeys> {
  const keys: Partial<Record<(typeof NAMES)[number], string>> = {};
  for (const name of NAMES) {
    const configured = config.secrets[name];
    if (configured) {
      keys[name] = configured;
      continue;
    }
    const stored = await secrets.getOrCreate(name, () => encryption.seal(randomBytes(32).toString('base64url'), secretContext(name)));
    keys[name] = KeyEncryption.isSealed(stored) ? encryption.open(stored, secretContext(name)) : stored;
  }
  return keys as ServerKeys;
}

/** Hex HMAC-SHA256 of `value` under `key`: a stable, non-reversible stand-in for personal data. */
export function keyedHash(key: string, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('hex');
}
