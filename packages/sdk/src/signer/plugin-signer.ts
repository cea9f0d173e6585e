import type { SignatureAlgorithm } from '../contract/signatures.js';
import { fromBase64, toBase64Url } from './base64.js';
import { SIGNER_ERROR_CODES, SignerError, type SignerErrorCode } from './errors.js';
import type { Signer, SignerCertificate, SignerSignature, SignRequest } from './signer.js';

/**
 * What one vendor's signing plugin does, in its own words: the only part written per vendor. The
 * plugins Vietnamese CAs ship mostly run on the citizen's computer and listen on a localhost port
 * (HTTP or WebSocket), each with its own messages; a binding speaks that protocol and nothing else —
 * {@link PluginSigner} adds the time limits, the cancellation, the checks of what the plugin answered
 * and the stable error codes.
 *
 * `V` is the vendor's own description of a certificate, handed back to `sign` as the plugin gave it.
 */
export interface SigningPluginBinding<V> {
  /** What to call the plugin on screen, e.g. the vendor's product name. */
  readonly name: string;
  /** The certificates on the token as the plugin lists them. Throw (anything) when the plugin fails. */
  listCertificates(signal: AbortSignal): Promise<readonly V[]>;
  /** One certificate in the SDK's shape: an id stable while the token stays in, the DER (base64), what it says. */
  describe(certificate: V): SignerCertificate;
  /**
   * Asks the plugin to sign `data` — the exact bytes, hashed with SHA-256 by the plugin — with the
   * certificate's key; the plugin asks for the PIN. The signature as bytes or base64 / base64url text.
   */
  sign(certificate: V, data: Uint8Array, signal: AbortSignal): Promise<{ readonly signature: Uint8Array | string; readonly algorithm: SignatureAlgorithm }>;
  /**
   * Which {@link SignerErrorCode} a failure of the plugin means (its error code, its HTTP status, a
   * refused connection → `signer_unavailable`); `undefined` for `failed`.
   */
  classify(error: unknown): SignerErrorCode | undefined;
}

/** Options of a {@link PluginSigner}. */
export interface PluginSignerOptions {
  /** Milliseconds the plugin may take to list the certificates: 10 s by default. */
  readonly listTimeoutMs?: number;
  /** Milliseconds the holder and the plugin may take to sign (PIN, confirmation): 2 minutes by default. */
  readonly signTimeoutMs?: number;
}

/**
 * The adapter that puts a vendor's signing plugin behind the {@link Signer} interface. Give it a
 * {@link SigningPluginBinding} for the vendor's protocol; it makes every call with a time limit
 * (`timeout`), ends it when the page's signal aborts (`cancelled`), turns the plugin's failures into
 * {@link SignerError}s through the binding's `classify` (`failed` when it has no better word, the
 * plugin's error as the `cause`), and refuses answers that cannot be right — a certificate id it did
 * not list (`certificate_not_found`), an empty or non-base64 signature, an algorithm the service does
 * not verify (`failed`) — rather than pass them on to the service.
 *
 * @example
 * ```ts
 * // A plugin that listens on https://127.0.0.1:PORT (the port and messages are the vendor's).
 * const binding: SigningPluginBinding<VendorCertificate> = {
 *   name: 'Vendor CA Plugin',
 *   async listCertificates(signal) {
 *     const response = await fetch('https://127.0.0.1:PORT/certificates', { signal });
 *     if (!response.ok) throw new VendorError(response.status);
 *     return (await response.json()).certificates;
 *   },
 *   describe: (c) => ({ id: c.serial, certificate: c.base64, details: { holder: c.subjectCN, issuer: c.issuerCN, validUntil: c.notAfter } }),
 *   async sign(c, data, signal) {
 *     const body = JSON.stringify({ serial: c.serial, data: toBase64(data) });
 *     const response = await fetch('https://127.0.0.1:PORT/sign', { method: 'POST', signal, body });
 *     const answer = await response.json();
 *     if (answer.error) throw new VendorError(answer.error);
 *     return { signature: answer.signature, algorithm: 'RSASSA-PKCS1-v1_5' };
 *   },
 *   classify: (error) => (error instanceof TypeError ? 'signer_unavailable' : error instanceof VendorError ? VENDOR_CODES[error.code] : undefined),
 * };
 * const signer = new PluginSigner(binding);
 * ```
 */
export class PluginSigner<V> implements Signer {
  readonly name: string;
  readonly #binding: SigningPluginBinding<V>;
  readonly #listTimeoutMs: number;
  readonly #signTimeoutMs: number;
  /** The certificates of the last listing, by id: `sign` hands the plugin back its own description. */
  #listed = new Map<string, { vendor: V; certificate: SignerCertificate }>();

  constructor(binding: SigningPluginBinding<V>, options: PluginSignerOptions = {}) {
    this.#binding = binding;
    this.name = binding.name;
    this.#listTimeoutMs = options.listTimeoutMs ?? 10_000;
    this.#signTimeoutMs = options.signTimeoutMs ?? 120_000;
  }

  async listCertificates(options: { readonly signal?: AbortSignal } = {}): Promise<readonly SignerCertificate[]> {
    const vendor = await this.#call((signal) => this.#binding.listCertificates(signal), this.#listTimeoutMs, options.signal);
    const listed = new Map<string, { vendor: V; certificate: SignerCertificate }>();
    for (const item of vendor) {
      let certificate: SignerCertificate;
      try {
        certificate = this.#binding.describe(item);
      } catch (error) {
        throw new SignerError('failed', { message: 'The plugin listed a certificate the binding cannot read.', cause: error });
      }
      if (!certificate.id || !certificate.certificate) {
        throw new SignerError('failed', { message: 'The plugin listed a certificate without an id or its bytes.' });
      }
      listed.set(certificate.id, { vendor: item, certificate });
    }
    this.#listed = listed;
    return [...listed.values()].map((entry) => entry.certificate);
  }

  async sign(request: SignRequest): Promise<SignerSignature> {
    const entry = this.#listed.get(request.certificateId);
    if (!entry) throw new SignerError('certificate_not_found');
    const data = Uint8Array.from(request.data);
    const answer = await this.#call((signal) => this.#binding.sign(entry.vendor, data, signal), this.#signTimeoutMs, request.signal);
    if (!ALGORITHMS.includes(answer.algorithm)) {
      throw new SignerError('failed', { message: `The plugin signed with an algorithm the service does not verify: ${String(answer.algorithm)}.` });
    }
    const signature = signatureBytes(answer.signature);
    if (!signature) throw new SignerError('failed', { message: 'The plugin answered without a signature.' });
    return {
      certificate: entry.certificate.certificate,
      ...(entry.certificate.intermediates ? { intermediates: entry.certificate.intermediates } : {}),
      signature: toBase64Url(signature),
      algorithm: answer.algorithm,
    };
  }

  /** One call of the binding under a time limit and the page's signal, its failures as {@link SignerError}s. */
  async #call<T>(run: (signal: AbortSignal) => Promise<T>, timeoutMs: number, outer: AbortSignal | undefined): Promise<T> {
    if (outer?.aborted) throw new SignerError('cancelled', { cause: outer.reason });
    const controller = new AbortController();
    let ended: SignerErrorCode | undefined;
    let stop: (error: SignerError) => void = () => {};
    const stopped = new Promise<never>((_, reject) => {
      stop = reject;
    });
    const end = (code: SignerErrorCode, cause?: unknown) => {
      if (ended) return;
      ended = code;
      controller.abort(cause);
      stop(new SignerError(code, { cause }));
    };
    const timer = setTimeout(() => end('timeout'), timeoutMs);
    const onAbort = () => end('cancelled', outer?.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    try {
      // A plugin that ignores the signal is not waited for: the race ends the call all the same.
      return await Promise.race([run(controller.signal), stopped]);
    } catch (error) {
      if (error instanceof SignerError) throw error;
      if (ended) throw new SignerError(ended, { cause: error });
      throw new SignerError(this.#classify(error), { cause: error });
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  }

  #classify(error: unknown): SignerErrorCode {
    try {
      const code = this.#binding.classify(error);
      return code !== undefined && (SIGNER_ERROR_CODES as readonly string[]).includes(code) ? code : 'failed';
    } catch {
      return 'failed';
    }
  }
}

/** The algorithms the service verifies (`SignatureAlgorithmSchema`), without the schema: the signer's entry carries no zod, so a widget bundle may import it. */
const ALGORITHMS: readonly unknown[] = ['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA'] satisfies readonly SignatureAlgorithm[];

function signatureBytes(signature: Uint8Array | string): Uint8Array | undefined {
  if (typeof signature !== 'string') return signature.byteLength > 0 ? signature : undefined;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(signature)) return undefined;
  try {
    const bytes = fromBase64(signature);
    return bytes.byteLength > 0 ? bytes : undefined;
  } catch {
    return undefined;
  }
}
