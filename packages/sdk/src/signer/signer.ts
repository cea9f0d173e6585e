import type { CertificateDetails, SignatureAlgorithm } from '../contract/signatures.js';

/**
 * What a signer says a certificate is, for the page's picker: the holder at least, and what else the
 * plugin reads. The service's reading (`previewSignatureCertificate`, after its checks) is the one to
 * show before the citizen confirms; this one only tells certificates apart.
 */
export type SignerCertificateDetails = Pick<CertificateDetails, 'holder'> & Partial<Omit<CertificateDetails, 'holder'>>;

/** A certificate a signer can sign with. */
export interface SignerCertificate {
  /** The signer's handle for it, given back to {@link Signer.sign}. Opaque; stable while the token stays in. */
  readonly id: string;
  /** The certificate, DER in base64 (or PEM), as the service takes it. */
  readonly certificate: string;
  /** The CA certificates between it and a trust anchor, when the plugin exports them. */
  readonly intermediates?: readonly string[];
  readonly details: SignerCertificateDetails;
}

/** What {@link Signer.sign} is asked: which certificate signs which bytes. */
export interface SignRequest {
  /** A {@link SignerCertificate.id} from {@link Signer.listCertificates}. */
  readonly certificateId: string;
  /** The bytes to sign, exactly: a challenge's `toBeSigned`, base64url-decoded. */
  readonly data: Uint8Array;
  /** Cancels the request; the signer then fails with `cancelled`. */
  readonly signal?: AbortSignal;
}

/** A signature made by a signer: what a signed challenge carries besides its id. */
export interface SignerSignature {
  /** The certificate that signed, DER in base64 (or PEM). */
  readonly certificate: string;
  readonly intermediates?: readonly string[];
  /** The signature over the request's bytes with SHA-256, base64url. */
  readonly signature: string;
  readonly algorithm: SignatureAlgorithm;
}

/**
 * The page's side of a USB token: a small interface any signing plugin can be put behind. List the
 * certificates the holder can use, then sign bytes with the one they chose. Every refusal or failure is
 * a {@link SignerError} with a stable code (`cancelled`, `signer_unavailable`, `pin_locked` …).
 *
 * Two kinds come with the SDK: {@link DevelopmentSigner} (a test certificate in WebCrypto, for
 * development against a service with its development CA) and {@link PluginSigner} (an adapter over a
 * vendor's signing plugin, such as those Vietnamese CAs ship that listen on localhost).
 * {@link signChallenge} runs a whole signature with one.
 *
 * @example
 * ```ts
 * const [certificate] = await signer.listCertificates();
 * const { signature, algorithm } = await signer.sign({ certificateId: certificate.id, data: toBeSignedBytes });
 * ```
 */
export interface Signer {
  /** What to call the signer on screen (e.g. "VNPT-CA Plugin", "Development signer"). */
  readonly name: string;
  /**
   * The certificates the holder can sign with now; empty when the token holds none.
   *
   * @throws {SignerError} `signer_unavailable` (no plugin or no token), `timeout`, `cancelled`, `failed`.
   */
  listCertificates(options?: { readonly signal?: AbortSignal }): Promise<readonly SignerCertificate[]>;
  /**
   * Signs the bytes with the chosen certificate; the plugin may ask the holder for the PIN and to confirm.
   *
   * @throws {SignerError} `cancelled`, `pin_incorrect`, `pin_locked`, `certificate_not_found`,
   * `signer_unavailable`, `timeout`, `unsupported`, `failed`.
   */
  sign(request: SignRequest): Promise<SignerSignature>;
}
