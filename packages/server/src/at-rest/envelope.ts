import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'dvc-sealed.v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const SALT = Buffer.from('dvc-kit at-rest encryption', 'utf8');

/** Why a sealed value could not be opened. */
export type SealedValueErrorCode = 'ERR_KEK_MISMATCH' | 'ERR_SEALED_VALUE_INVALID';

/** Thrown by {@link KeyEncryption.open}: the value was sealed under another key, or was altered. */
export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';
  /** `ERR_KEK_MISMATCH` (another key-encryption key) or `ERR_SEALED_VALUE_INVALID` (altered or moved). */
  readonly code: SealedValueErrorCode;
  constructor(code: SealedValueErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

function derive(kek: string, info: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(kek, 'utf8'), SALT, Buffer.from(info, 'utf8'), length));
}

/**
 * Encrypts secrets at rest under the operator's key-encryption key (KEK): AES-256-GCM with a key
 * derived from the KEK by HKDF-SHA256, a fresh random 96-bit IV per value, and the value's place
 * (e.g. `signing_keys:<kid>`) as associated data, so a sealed value copied to another row does not open.
 *
 * A sealed value is one line of text: `dvc-sealed.v1.<key id>.<iv>.<ciphertext and tag>` (base64url
 * parts). The key id is a derived fingerprint of the KEK (not the KEK itself), so a value sealed
 * under another KEK is told apart from a damaged one.
 *
 * @example
 * ```ts
 * const encryption = new KeyEncryption(process.env.DVC_KEY_ENCRYPTION_KEY!);
 * const sealed = encryption.seal(privateJwk, `signing_keys:${kid}`);
 * encryption.open(sealed, `signing_keys:${kid}`); // privateJwk
 * ```
 */
export class KeyEncryption {
  readonly #key: Buffer;
  /** The fingerprint written in every value this key seals. */
  readonly keyId: string;

  /** @param kek the key-encryption key as configured (`secrets.keyEncryptionKey`). */
  constructor(kek: string) {
    this.#key = derive(kek, 'dvc-kit aes-256-gcm v1', 32);
    this.keyId = derive(kek, 'dvc-kit key id v1', 8).toString('base64url');
  }

  /** Whether a stored value is sealed (as opposed to plaintext from an older deployment). */
  static isSealed(value: string): boolean {
    return value.startsWith(`${PREFIX}.`);
  }

  /** The key id a sealed value names (which KEK sealed it), or `undefined` for a value that is not sealed. */
  static keyIdOf(sealed: string): string | undefined {
    return KeyEncryption.isSealed(sealed) ? sealed.split('.')[2] : undefined;
  }

  /** Encrypts `plaintext` for the place `context` names. */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [PREFIX, this.keyId, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  /**
   * Decrypts a value sealed for `context`.
   * @throws {SealedValueError} `ERR_KEK_MISMATCH` when another KEK sealed it, `ERR_SEALED_VALUE_INVALID`
   *   when it is malformed, altered, or sealed for another place.
   */
  open(sealed: string, context: string): string {
    const parts = sealed.split('.');
    // PREFIX itself holds one dot: dvc-sealed . v1 . keyId . iv . body
    if (parts.length !== 5 || `${parts[0]}.${parts[1]}` !== PREFIX) throw new SealedValueError('ERR_SEALED_VALUE_INVALID', `the value for ${context} is not a sealed value`);
    const [, , keyId, ivText, bodyText] = parts as [string, string, string, string, string];
    if (keyId !== this.keyId) throw new SealedValueError('ERR_KEK_MISMATCH', `the value for ${context} was sealed under another key-encryption key`);
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new SealedValueError('ERR_SEALED_VALUE_INVALID', `the value for ${context} is truncated`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new SealedValueError('ERR_SEALED_VALUE_INVALID', `the value for ${context} does not authenticate: altered, or sealed for another place`);
    }
  }
}
