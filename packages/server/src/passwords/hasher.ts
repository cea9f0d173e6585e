import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { ConcurrencyLimit, defaultHashConcurrency } from './concurrency-limit.js';

/** argon2id cost parameters. */
export interface Argon2Params {
  /** KiB of memory; at least 19456 (19 MiB). */
  readonly memoryCost: number;
  /** Passes; at least 2. */
  readonly timeCost: number;
  readonly parallelism: number;
}

// `Algorithm` is a const enum in the binding's declarations; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/**
 * Hashes and checks passwords with argon2id. Passwords are NFC-normalised first (the same text typed
 * on two keyboards is the same password) and never truncated. {@link PasswordHasher.verifyOrDummy}
 * spends the same time whether or not there is an account, so timing reveals nothing.
 *
 * At most `concurrency` hashes run at once (default: {@link defaultHashConcurrency}); more would not
 * finish sooner on the same cores, would hold 19 MiB each, and would fill the thread pool that Web
 * Crypto and file I/O share with argon2.
 */
export class PasswordHasher {
  readonly #params: Argon2Params;
  readonly #limit: ConcurrencyLimit;
  #dummy: Promise<string> | undefined;

  constructor(params: Argon2Params, options: { readonly concurrency?: number } = {}) {
    this.#params = params;
    this.#limit = new ConcurrencyLimit(options.concurrency ?? defaultHashConcurrency());
  }

  /** The argon2id PHC string of a password. */
  hash(password: string): Promise<string> {
    return this.#limit.run(() => hash(password.normalize('NFC'), { ...this.#params, algorithm: ARGON2ID }));
  }

  /** Whether a password matches a stored hash. */
  async verify(stored: string, password: string): Promise<boolean> {
    try {
      return await this.#limit.run(() => verify(stored, password.normalize('NFC')));
    } catch {
      return false;
    }
  }

  /**
   * Checks a password against the account's hash, or — when there is no account — against a dummy
   * hash with the same parameters, and answers `false`. Either way one argon2id verification is spent.
   */
  async verifyOrDummy(stored: string | undefined, password: string): Promise<boolean> {
    if (stored !== undefined) return this.verify(stored, password);
    this.#dummy ??= this.hash(randomBytes(24).toString('base64url'));
    await this.verify(await this.#dummy, password);
    return false;
  }
}
