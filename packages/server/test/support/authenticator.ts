import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

// A software WebAuthn authenticator for the service's tests: one ES256 (P-256) key per passkey,
// "none" attestation, answers built byte for byte as WebAuthn Level 3 lays them out:
//
//   authenticatorData = SHA-256(rpId) ‖ flags ‖ signCount (4 bytes, big-endian)
//                       [‖ aaguid (16) ‖ credentialId length (2, big-endian) ‖ credentialId ‖ COSE key]
//   attestationObject = CBOR { "fmt": "none", "attStmt": {}, "authData": authenticatorData }
//   assertion signature = ECDSA-SHA-256 (DER) over authenticatorData ‖ SHA-256(clientDataJSON)

/** Flags of authenticatorData (WebAuthn §6.1). */
export const FLAGS = { UP: 0x01, UV: 0x04, BE: 0x08, BS: 0x10, AT: 0x40 } as const;

type Cbor = number | string | Uint8Array | readonly Cbor[] | ReadonlyMap<Cbor, Cbor> | { readonly [key: string]: Cbor };

function head(major: number, length: number): Buffer {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = (major << 5) | 26;
  out.writeUInt32BE(length, 1);
  return out;
}

/** Canonical-enough CBOR (RFC 8949) of what attestation objects and COSE keys hold. */
export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map((item: Cbor) => cbor(item))]);
  const entries: [Cbor, Cbor][] = value instanceof Map ? [...value.entries()] : Object.entries(value);
  return Buffer.concat([head(5, entries.length), ...entries.flatMap(([key, item]) => [cbor(key), cbor(item)])]);
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64url = (data: Uint8Array) => Buffer.from(data).toString('base64url');

/** How the authenticator answers: which flags it sets, and how its counter moves. */
export interface AuthenticatorOptions {
  /** Set UV (the holder was verified). Default true. */
  readonly userVerified?: boolean;
  /** Backup eligible and backed up: a synced ("multi-device") passkey. Default false (bound to this device). */
  readonly synced?: boolean;
  /** The counter's start; `null` for an authenticator that keeps none (always 0). Default 0, then +1 a use. */
  readonly counter?: number | null;
}

/** What a ceremony is answered from: the options' challenge, and where the page runs. */
export interface Ceremony {
  readonly challenge: string;
  readonly origin: string;
  readonly rpId: string;
  /** Overrides the clientDataJSON `type` (for bad-input tests). */
  readonly type?: string;
}

/** One passkey held by the software authenticator. */
export class SoftwarePasskey {
  readonly id: string;
  readonly #privateKey: KeyObject;
  readonly #publicKey: KeyObject;
  readonly #options: Required<AuthenticatorOptions>;
  /** The counter the next assertion carries; set it back to replay an old value. */
  counter: number;
  /** Whether it sets UV (verified its holder); change it to answer one ceremony otherwise. */
  userVerified: boolean;

  constructor(options: AuthenticatorOptions = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.#privateKey = privateKey;
    this.#publicKey = publicKey;
    this.id = b64url(randomBytes(32));
    this.#options = { userVerified: options.userVerified ?? true, synced: options.synced ?? false, counter: options.counter === undefined ? 0 : options.counter };
    this.counter = this.#options.counter ?? 0;
    this.userVerified = this.#options.userVerified;
  }

  #flags(extra: number): number {
    const { synced } = this.#options;
    return FLAGS.UP | (this.userVerified ? FLAGS.UV : 0) | (synced ? FLAGS.BE | FLAGS.BS : 0) | extra;
  }

  #authData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
  }

  /** The COSE_Key (RFC 9053) of the public key: EC2, ES256, P-256, x and y. */
  coseKey(): Buffer {
    const jwk = this.#publicKey.export({ format: 'jwk' });
    return cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
  }

  /** `PublicKeyCredential.toJSON()` of `navigator.credentials.create()` with these options. */
  register(ceremony: Ceremony): Record<string, any> {
    const clientDataJSON = Buffer.from(JSON.stringify({ type: ceremony.type ?? 'webauthn.create', challenge: ceremony.challenge, origin: ceremony.origin, crossOrigin: false }));
    const rawId = Buffer.from(this.id, 'base64url');
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(rawId.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, rawId, this.coseKey()]);
    const authData = this.#authData(ceremony.rpId, this.#flags(FLAGS.AT), this.#options.counter ?? 0, attested);
    const attestationObject = cbor({ fmt: 'none', attStmt: {}, authData });
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal', 'hybrid'] },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /**
   * `PublicKeyCredential.toJSON()` of `navigator.credentials.get()` with these options. The counter
   * moves on by one first (unless the authenticator keeps none).
   */
  assert(ceremony: Ceremony): Record<string, any> {
    if (this.#options.counter !== null) this.counter += 1;
    const clientDataJSON = Buffer.from(JSON.stringify({ type: ceremony.type ?? 'webauthn.get', challenge: ceremony.challenge, origin: ceremony.origin, crossOrigin: false }));
    const authData = this.#authData(ceremony.rpId, this.#flags(0), this.#options.counter === null ? 0 : this.counter);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.#privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature) },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }
}
