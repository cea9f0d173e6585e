import { ConfigError } from '../config.js';
import type { Store } from '../store/store.js';
import { KeyEncryption, SealedValueError } from './envelope.js';
import { DEVELOPMENT_SHARED_KEK } from './key-encryption-key.js';

let developmentKeyId: string | undefined;
/** Whether a sealed value was sealed under the public development key. */
function sealedInDevelopment(sealed: string): boolean {
  developmentKeyId ??= new KeyEncryption(DEVELOPMENT_SHARED_KEK).keyId;
  return KeyEncryption.keyIdOf(sealed) === developmentKeyId;
}

/** Where a server secret is sealed: its associated data. */
export const secretContext = (name: string): string => `server_secrets:${name}`;

/** Where a signing key's private JWK is sealed: its associated data. */
export const signingKeyContext = (kid: string): string => `signing_keys:${kid}`;

/** What {@link sealStoredKeys} found. */
export interface SealReport {
  /** Values stored in plaintext (older deployments) that are sealed now. */
  readonly sealedNow: number;
  /** Values already sealed, each opened to prove the key-encryption key is the right one. */
  readonly alreadySealed: number;
}

function refuse(error: unknown, context: string, sealed: string): never {
  if (error instanceof SealedValueError && error.code === 'ERR_KEK_MISMATCH' && sealedInDevelopment(sealed)) {
    throw new ConfigError([
      `secrets.keyEncryptionKey: the stored keys (${context}) were made by a development service under the public development key, so they are not secret: start production on a fresh database, or delete the rows of signing_keys and server_secrets to have new keys made`,
    ]);
  }
  if (error instanceof SealedValueError && error.code === 'ERR_KEK_MISMATCH') {
    throw new ConfigError([
      `secrets.keyEncryptionKey: is not the key the stored keys were encrypted with (${context}); start the service with the key-encryption key it ran with before (DVC_KEY_ENCRYPTION_KEY) — another key cannot open them`,
    ]);
  }
  if (error instanceof SealedValueError) {
    throw new ConfigError([`secrets.keyEncryptionKey: the stored value ${context} does not open (${error.message}); restore it from a backup`]);
  }
  throw error;
}

/**
 * Run at start-up: encrypts every signing key and server secret still stored in plaintext (from an
 * older deployment), and opens every sealed one, so a wrong key-encryption key stops the service
 * before it serves, instead of signing with garbage. A plaintext value is replaced only if nobody
 * changed it meanwhile, so several instances may start at once.
 *
 * @throws {ConfigError} naming `secrets.keyEncryptionKey` when it does not open the stored keys.
 */
export async function sealStoredKeys(store: Store, encryption: KeyEncryption): Promise<SealReport> {
  let sealedNow = 0;
  let alreadySealed = 0;
  for (const { name, value } of await store.secrets.all()) {
    const context = secretContext(name);
    if (KeyEncryption.isSealed(value)) {
      try {
        encryption.open(value, context);
      } catch (error) {
        refuse(error, context, value);
      }
      alreadySealed++;
    } else if (await store.secrets.replace(name, value, encryption.seal(value, context))) {
      sealedNow++;
    }
  }
  for (const key of await store.signingKeys.all()) {
    const context = signingKeyContext(key.kid);
    if (KeyEncryption.isSealed(key.privateJwk)) {
      try {
        encryption.open(key.privateJwk, context);
      } catch (error) {
        refuse(error, context, key.privateJwk);
      }
      alreadySealed++;
    } else if (await store.signingKeys.replacePrivateJwk(key.kid, key.privateJwk, encryption.seal(key.privateJwk, context))) {
      sealedNow++;
    }
  }
  return { sealedNow, alreadySealed };
}
