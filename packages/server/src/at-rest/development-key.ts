import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError, type ServerConfig } from '../config.js';
import { DEVELOPMENT_SHARED_KEK } from './key-encryption-key.js';

/** The file a development service keeps its generated key-encryption key in, inside the PGlite folder. */
export const DEVELOPMENT_KEK_FILE = 'development-key-encryption-key';


/** Where the key-encryption key a service runs with came from. */
export type KekSource = 'configured' | 'development-file' | 'development-shared';

/**
 * The key-encryption key to run with: the configured one; in development without one, a key
 * generated once into the PGlite data folder (file mode 0600) or, for an in-memory or PostgreSQL
 * database, {@link DEVELOPMENT_SHARED_KEK}. Never a generated key in production.
 *
 * @throws {ConfigError} in production without `secrets.keyEncryptionKey`.
 */
export async function resolveKeyEncryptionKey(config: ServerConfig, dataDir: string | undefined): Promise<{ kek: string; source: KekSource }> {
  if (config.secrets.keyEncryptionKey) return { kek: config.secrets.keyEncryptionKey, source: 'configured' };
  if (config.mode !== 'development') {
    throw new ConfigError(['secrets.keyEncryptionKey: production stores signing and HMAC keys encrypted: set secrets.keyEncryptionKey (DVC_KEY_ENCRYPTION_KEY)']);
  }
  if (!dataDir) return { kek: DEVELOPMENT_SHARED_KEK, source: 'development-shared' };
  const file = join(dataDir, DEVELOPMENT_KEK_FILE);
  try {
    await writeFile(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { kek: (await readFile(file, 'utf8')).trim(), source: 'development-file' };
}
