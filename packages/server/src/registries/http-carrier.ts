import type { CarrierRegistry, SubscriberMatch, SubscriberQuery } from './carrier.js';
import { RegistryUnavailableError } from './carrier.js';

/** Options of {@link HttpCarrierRegistry}. */
export interface HttpCarrierRegistryOptions {
  /** The operator's carrier-verification endpoint. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Milliseconds before the register counts as unavailable. Default 5000. */
  readonly timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch;
}

/**
 * Asks an operator-run carrier gateway: `POST <url>` with the JSON body
 * `{"idNumber","fullName","birthDate","phone"}` (normalised: digits, NFC, `yyyy-mm-dd`, E.164) and a
 * bearer token; expects `200 {"result": "match" | "mismatch"}`. Any other answer, a network error or
 * the time-out is {@link RegistryUnavailableError}.
 *
 * @example
 * ```ts
 * const carrier = new HttpCarrierRegistry({ url: 'https://carrier-gw.internal/verify', token: process.env.CARRIER_TOKEN! });
 * ```
 */
export class HttpCarrierRegistry implements CarrierRegistry {
  readonly #options: HttpCarrierRegistryOptions;

  constructor(options: HttpCarrierRegistryOptions) {
    this.#options = options;
  }

  async verifySubscriber(query: SubscriberQuery): Promise<SubscriberMatch> {
    const fetcher = this.#options.fetch ?? globalThis.fetch;
    let body: unknown;
    try {
      const response = await fetcher(this.#options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${this.#options.token}` },
        body: JSON.stringify({ idNumber: query.idNumber, fullName: query.fullName, birthDate: query.birthDate, phone: query.phone }),
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 5000),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new RegistryUnavailableError(`Carrier register answered ${response.status}`);
      }
      body = await response.json();
    } catch (error) {
      if (error instanceof RegistryUnavailableError) throw error;
      throw new RegistryUnavailableError('Carrier register unreachable', { cause: error });
    }
    const result = (body as { result?: unknown } | null)?.result;
    if (result === 'match' || result === 'mismatch') return result;
    throw new RegistryUnavailableError('Carrier register answered without a result');
  }
}
