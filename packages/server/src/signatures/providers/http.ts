import * as z from 'zod';
import { ProviderUnavailableError, type SigningOrder, type SigningOutcome, type SigningProvider, type SigningStart } from './provider.js';

/** Where the operator's signing provider is and how to call it (`signatures.providers.<method>` with `driver: "http"`). */
export interface HttpSigningProviderOptions {
  /** Base URL of the provider's API, e.g. `https://smartca-gateway.internal/dvc/v1`; the paths below are relative to it. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Milliseconds one call may take before the provider counts as unavailable. Default 5000. */
  readonly timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch;
}

/** Most bytes of one answer read from the provider (a certificate chain and a signature fit well within). */
const MAX_ANSWER_BYTES = 256 * 1024;

const StartedSchema = z.object({ transactionId: z.string().min(1).max(256) });
const CertificateText = z.string().min(1).max(16_384);
const OutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  z.object({
    status: z.literal('signed'),
    certificate: CertificateText,
    intermediates: z.array(CertificateText).max(4).default([]),
    algorithm: z.enum(['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA']),
    signature: z.string().min(1).max(2048),
  }),
  z.object({ status: z.literal('refused') }),
  z.object({ status: z.literal('expired') }),
  z.object({ status: z.literal('failed') }),
]);

/**
 * A SIM-signature or remote-signing provider behind an operator-run HTTP API, with a bearer token and
 * a time limit per call. The JSON contract (also in docs/guides/signatures.md):
 *
 * - `POST {baseUrl}/sign-requests` with `{ reference, method, holder: { kind, value }, dataToSign,
 *   hashAlgorithm: "SHA-256", displayText, expiresAt }` (`dataToSign` base64url; `kind` `phone` (E.164),
 *   `id_number` (digits) or `account`) → `2xx { transactionId }`; `404` or `422` with
 *   `{ error: "unknown_holder" }` when the provider has no such holder.
 * - `GET {baseUrl}/sign-requests/{transactionId}` → `2xx { status: "pending" | "refused" | "expired" |
 *   "failed" }` or `{ status: "signed", certificate, intermediates?, algorithm, signature }` (certificates
 *   base64 DER or PEM; `algorithm` `RSASSA-PKCS1-v1_5`, `RSA-PSS` or `ECDSA`, each with SHA-256; the
 *   signature base64 or base64url, over `dataToSign` exactly).
 * - `DELETE {baseUrl}/sign-requests/{transactionId}` → `2xx` (or `404` when it is already gone).
 *
 * Redirects are not followed. Any other answer, a body that breaks the contract, a network error or the
 * time-out is {@link ProviderUnavailableError}. The service checks whatever comes back — the
 * certificate's path, revocation and number, and the signature — so the provider is trusted to deliver,
 * not to judge.
 *
 * @example
 * ```ts
 * const provider = new HttpSigningProvider({ baseUrl: 'https://smartca-gateway.internal/dvc/v1', token: process.env.SMARTCA_TOKEN! });
 * ```
 */
export class HttpSigningProvider implements SigningProvider {
  readonly #options: HttpSigningProviderOptions;

  constructor(options: HttpSigningProviderOptions) {
    this.#options = options;
  }

  async start(order: SigningOrder): Promise<SigningStart> {
    const { status, body } = await this.#call('POST', 'sign-requests', {
      reference: order.reference,
      method: order.method,
      holder: { kind: order.holder.kind, value: order.holder.value },
      dataToSign: Buffer.from(order.dataToSign).toString('base64url'),
      hashAlgorithm: 'SHA-256',
      displayText: order.displayText,
      expiresAt: order.expiresAt.toISOString(),
    });
    if ((status === 404 || status === 422) && (body as { error?: unknown } | undefined)?.error === 'unknown_holder') return { kind: 'unknown_holder' };
    if (status < 200 || status > 299) throw new ProviderUnavailableError(`Signing provider answered ${status} to a new request`);
    const started = StartedSchema.safeParse(body);
    if (!started.success) throw new ProviderUnavailableError('Signing provider answered a new request without a transactionId');
    return { kind: 'started', transactionId: started.data.transactionId };
  }

  async outcome(transactionId: string): Promise<SigningOutcome> {
    const { status, body } = await this.#call('GET', `sign-requests/${encodeURIComponent(transactionId)}`);
    if (status < 200 || status > 299) throw new ProviderUnavailableError(`Signing provider answered ${status} to a status request`);
    const parsed = OutcomeSchema.safeParse(body);
    if (!parsed.success) throw new ProviderUnavailableError('Signing provider answered a status request outside the contract');
    const outcome = parsed.data;
    if (outcome.status === 'signed') {
      return { kind: 'signed', certificate: outcome.certificate, intermediates: outcome.intermediates, algorithm: outcome.algorithm, signature: outcome.signature };
    }
    return { kind: outcome.status === 'expired' ? 'timed_out' : outcome.status };
  }

  async cancel(transactionId: string): Promise<void> {
    const { status } = await this.#call('DELETE', `sign-requests/${encodeURIComponent(transactionId)}`);
    if (status !== 404 && (status < 200 || status > 299)) throw new ProviderUnavailableError(`Signing provider answered ${status} to a cancellation`);
  }

  async #call(method: 'GET' | 'POST' | 'DELETE', path: string, payload?: unknown): Promise<{ status: number; body: unknown }> {
    const { baseUrl, token, timeoutMs = 5000, fetch: fetcher = globalThis.fetch } = this.#options;
    const url = new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
    let response: Response;
    try {
      response = await fetcher(url, {
        method,
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new ProviderUnavailableError('Signing provider unreachable', { cause: error });
    }
    try {
      const text = await readBounded(response);
      let body: unknown;
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: response.status, body };
    } catch (error) {
      throw new ProviderUnavailableError('Signing provider answer unreadable', { cause: error });
    }
  }
}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new Error('answer too large');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
