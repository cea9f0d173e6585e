import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { KeyEncryption } from '../at-rest/envelope.js';
import { signingKeyContext } from '../at-rest/seal-stored-keys.js';
import type { Clock } from '../config.js';
import type { SigningKeyRecord } from '../store/signing-keys.js';
import type { Store } from '../store/store.js';

/** A public key as published in the JWKS. */
export interface PublicJwk extends JWK {
  readonly kid: string;
  readonly alg: 'ES256';
  readonly use: 'sig';
}

/** How long an instance keeps signing with the key it last read before reading the newest again. */
const ACTIVE_KEY_SECONDS = 5;

/** The key that signs now. */
export interface ActiveSigningKey {
  readonly kid: string;
  readonly key: CryptoKey;
}

/**
 * The service's ES256 signing keys, kept in the database so every instance signs with the same key
 * and publishes the same JWKS. The newest unretired key signs; after {@link KeyRing.rotate} the
 * previous keys stay published until every token they signed has expired. Private keys are stored
 * sealed under the operator's key-encryption key ({@link KeyEncryption}).
 */
export class KeyRing {
  readonly #store: Store;
  readonly #clock: Clock;
  readonly #encryption: KeyEncryption;
  readonly #imported = new Map<string, Promise<CryptoKey>>();
  #active: { readonly key: Promise<ActiveSigningKey>; readonly until: number } | undefined;

  /** @param encryption seals private keys before they are stored and opens them to sign. */
  constructor(store: Store, clock: Clock, encryption: KeyEncryption) {
    this.#store = store;
    this.#clock = clock;
    this.#encryption = encryption;
  }

  /** Makes sure a signing key exists (the first start generates one). */
  async ensureKey(): Promise<void> {
    const keys = await this.#store.signingKeys.published(this.#clock());
    if (!keys.some((key) => key.retiredAt === null)) await this.#generate();
  }

  /**
   * Starts signing with a new key. Older keys stay in the JWKS for `keepOldSeconds` (at least the
   * longest token lifetime), so tokens already issued still verify.
   *
   * @returns the new key's `kid`.
   */
  async rotate(keepOldSeconds: number): Promise<string> {
    const kid = await this.#generate();
    await this.#store.signingKeys.retireAllBut(kid, new Date(this.#clock().getTime() + keepOldSeconds * 1000));
    this.#active = undefined;
    return kid;
  }

  /**
   * The key to sign with now. Read from the database at most once every {@link ACTIVE_KEY_SECONDS}
   * (every token issued used to cost a query): after another instance rotates, this one signs with
   * the previous key for at most that long, which is harmless, for the previous key stays published
   * for at least the longest token lifetime.
   */
  active(): Promise<ActiveSigningKey> {
    const now = Date.now();
    if (this.#active && now < this.#active.until) return this.#active.key;
    const key = this.#readActive();
    this.#active = { key, until: now + ACTIVE_KEY_SECONDS * 1000 };
    key.catch(() => {
      if (this.#active?.key === key) this.#active = undefined;
    });
    return key;
  }

  async #readActive(): Promise<ActiveSigningKey> {
    const keys = await this.#store.signingKeys.published(this.#clock());
    let record = keys.find((key) => key.retiredAt === null);
    if (!record) {
      await this.#generate();
      record = (await this.#store.signingKeys.published(this.#clock())).find((key) => key.retiredAt === null)!;
    }
    return { kid: record.kid, key: await this.#import(record) };
  }

  /** The public keys to publish: `{ keys: [...] }` with `kid`, `alg: ES256`, `use: sig`. */
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    const keys = await this.#store.signingKeys.published(this.#clock());
    return { keys: keys.map((key) => JSON.parse(key.publicJwk) as PublicJwk) };
  }

  /** A public key by `kid`, for verifying the service's own access tokens. */
  async publicKey(kid: string): Promise<CryptoKey | undefined> {
    const record = (await this.#store.signingKeys.published(this.#clock())).find((key) => key.kid === kid);
    if (!record) return undefined;
    return (await importJWK(JSON.parse(record.publicJwk) as JWK, 'ES256')) as CryptoKey;
  }

  #import(record: SigningKeyRecord): Promise<CryptoKey> {
    let key = this.#imported.get(record.kid);
    if (!key) {
      const stored = record.privateJwk;
      const text = KeyEncryption.isSealed(stored) ? this.#encryption.open(stored, signingKeyContext(record.kid)) : stored;
      key = importJWK(JSON.parse(text) as JWK, 'ES256') as Promise<CryptoKey>;
      this.#imported.set(record.kid, key);
    }
    return key;
  }

  async #generate(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const published: PublicJwk = { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y, kid, alg: 'ES256', use: 'sig' };
    await this.#store.signingKeys.add({
      kid,
      alg: 'ES256',
      privateJwk: this.#encryption.seal(JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }), signingKeyContext(kid)),
      publicJwk: JSON.stringify(published),
      createdAt: this.#clock(),
      retiredAt: null,
    });
    return kid;
  }
}
