import type { CallOptions, DvcClientCore } from '../client/client.js';
import type { DevelopmentCertificate, DevelopmentCertificateRequest } from '../contract/development-certificates.js';
import { DEVELOPMENT_CA_PATHS } from '../contract/flow-paths.js';
import type { SignatureAlgorithm } from '../contract/signatures.js';
import { toBase64Url } from './base64.js';
import { SignerError, type SignerErrorCode } from './errors.js';
import type { Signer, SignerCertificate, SignerCertificateDetails, SignerSignature, SignRequest } from './signer.js';

/** A certificate a {@link DevelopmentSigner} holds, with the WebCrypto private key that signs for it. */
export interface DevelopmentKey {
  /** The certificate, DER in base64 (or PEM). */
  readonly certificate: string;
  readonly intermediates?: readonly string[];
  /** An ECDSA (P-256 / P-384), RSASSA-PKCS1-v1_5 or RSA-PSS private key with the `sign` usage. */
  readonly privateKey: CryptoKey;
  readonly details: SignerCertificateDetails;
}

/** Whose certificate the development CA should issue: what goes into its subject. */
export type DevelopmentHolder = Omit<DevelopmentCertificateRequest, 'publicKey'>;

/**
 * How the development signer acts out the holder at the plugin's dialog, for each signature: `'sign'`,
 * or the refusal to act out (`'cancelled'`, `'pin_incorrect'`, `'pin_locked'` …).
 */
export type DevelopmentHolderResponse = (request: {
  readonly certificate: SignerCertificate;
  readonly data: Uint8Array;
}) => 'sign' | SignerErrorCode | Promise<'sign' | SignerErrorCode>;

/** Options of a {@link DevelopmentSigner}. */
export interface DevelopmentSignerOptions {
  /** What {@link Signer.name} says; "DVC Kit development signer" by default. */
  readonly name?: string;
  /** Acts out the holder for each signature; signs every time by default. */
  readonly respond?: DevelopmentHolderResponse;
}

/** The key a {@link DevelopmentSigner.fromService} makes: ECDSA P-256 (the default) or RSA 2048 (PKCS#1 v1.5). */
export type DevelopmentKeyAlgorithm = 'ECDSA' | 'RSASSA-PKCS1-v1_5';

const KEY_PARAMS: Readonly<Record<DevelopmentKeyAlgorithm, EcKeyGenParams | RsaHashedKeyGenParams>> = {
  ECDSA: { name: 'ECDSA', namedCurve: 'P-256' },
  'RSASSA-PKCS1-v1_5': { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
};

/**
 * A {@link Signer} for development and tests only: it holds test certificates and their private keys
 * in WebCrypto and signs with them, no USB token or plugin involved. **Never offer it to citizens** —
 * a certificate it holds is trusted only by a service in development mode with
 * `signatures.developmentCa` on (whose development CA issued it), and by no production service.
 *
 * Make one with {@link DevelopmentSigner.fromService}, which makes the key pairs (the private keys not
 * extractable) and has the service's development CA certify them, or give it keys and certificates you
 * made yourself. `respond` acts out the holder, so a page's handling of `cancelled`, `pin_locked` and
 * the other refusals can be tried without a token.
 *
 * @example
 * ```ts
 * import { DvcClient } from '@dvc-kit/sdk';
 * import { DevelopmentSigner, signChallenge } from '@dvc-kit/sdk/signer';
 *
 * const client = new DvcClient({ baseUrl: 'http://127.0.0.1:4000', clientId: 'provincial-portal' });
 * const signer = await DevelopmentSigner.fromService(client, [{ holder: 'Nguyễn Văn An', idNumber: '001090001234' }]);
 * const signed = await signChallenge(client, signer, { operation: 'upgrade', subjectType: 'citizen' });
 * ```
 */
export class DevelopmentSigner implements Signer {
  readonly name: string;
  readonly #keys: readonly DevelopmentKey[];
  readonly #respond: DevelopmentHolderResponse;

  constructor(keys: readonly DevelopmentKey[], options: DevelopmentSignerOptions = {}) {
    this.#keys = keys;
    this.name = options.name ?? 'DVC Kit development signer';
    this.#respond = options.respond ?? (() => 'sign');
  }

  /**
   * Makes a key pair per holder with WebCrypto and has the service's development CA
   * (`POST /dev/signature-certificates`, development mode with `signatures.developmentCa`) issue each a
   * certificate saying who holds it.
   *
   * @throws {DvcError} (of the client's class) `not_found` when the service has no development CA,
   * `validation_failed` naming a field of a holder.
   */
  static async fromService(
    client: DvcClientCore,
    holders: readonly DevelopmentHolder[],
    options: DevelopmentSignerOptions & CallOptions & { readonly algorithm?: DevelopmentKeyAlgorithm } = {},
  ): Promise<DevelopmentSigner> {
    const keys: DevelopmentKey[] = [];
    for (const holder of holders) {
      const pair = (await crypto.subtle.generateKey(KEY_PARAMS[options.algorithm ?? 'ECDSA'], false, ['sign', 'verify'])) as CryptoKeyPair;
      const publicKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
      const request = { path: DEVELOPMENT_CA_PATHS.certificates, body: { ...holder, publicKey }, idempotent: false };
      const issued = await client.request<DevelopmentCertificate>(request, options);
      keys.push({
        certificate: issued.certificate,
        privateKey: pair.privateKey,
        details: {
          holder: holder.holder,
          ...(holder.organisation !== undefined ? { organisation: holder.organisation } : {}),
          ...(holder.idNumber !== undefined ? { idNumber: holder.idNumber } : {}),
          ...(holder.taxCode !== undefined ? { taxCode: holder.taxCode } : {}),
          validFrom: issued.validFrom,
          validUntil: issued.validUntil,
          serialNumber: issued.serialNumber,
          issuer: 'DVC Kit Development CA',
        },
      });
    }
    return new DevelopmentSigner(keys, options);
  }

  async listCertificates(options: { readonly signal?: AbortSignal } = {}): Promise<readonly SignerCertificate[]> {
    if (options.signal?.aborted) throw new SignerError('cancelled', { cause: options.signal.reason });
    return this.#keys.map(certificateOf);
  }

  async sign(request: SignRequest): Promise<SignerSignature> {
    if (request.signal?.aborted) throw new SignerError('cancelled', { cause: request.signal.reason });
    const index = this.#keys.findIndex((key, at) => certificateOf(key, at).id === request.certificateId);
    const key = this.#keys[index];
    if (!key) throw new SignerError('certificate_not_found');
    const answer = await this.#respond({ certificate: certificateOf(key, index), data: request.data });
    if (answer !== 'sign') throw new SignerError(answer);
    if (request.signal?.aborted) throw new SignerError('cancelled', { cause: request.signal.reason });
    const { params, algorithm } = signingParams(key.privateKey);
    const signature = new Uint8Array(await crypto.subtle.sign(params, key.privateKey, Uint8Array.from(request.data)));
    return {
      certificate: key.certificate,
      ...(key.intermediates ? { intermediates: key.intermediates } : {}),
      signature: toBase64Url(signature),
      algorithm,
    };
  }
}

function certificateOf(key: DevelopmentKey, index: number): SignerCertificate {
  return {
    id: `development-${index}`,
    certificate: key.certificate,
    ...(key.intermediates ? { intermediates: key.intermediates } : {}),
    details: key.details,
  };
}

function signingParams(key: CryptoKey): { params: AlgorithmIdentifier | EcdsaParams | RsaPssParams; algorithm: SignatureAlgorithm } {
  switch (key.algorithm.name) {
    case 'ECDSA':
      return { params: { name: 'ECDSA', hash: 'SHA-256' }, algorithm: 'ECDSA' };
    case 'RSASSA-PKCS1-v1_5':
      return { params: { name: 'RSASSA-PKCS1-v1_5' }, algorithm: 'RSASSA-PKCS1-v1_5' };
    case 'RSA-PSS':
      return { params: { name: 'RSA-PSS', saltLength: 32 }, algorithm: 'RSA-PSS' };
    default:
      throw new SignerError('unsupported');
  }
}
