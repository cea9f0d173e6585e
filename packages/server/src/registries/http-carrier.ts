import { OperatorEndpoint, type OperatorEndpointOptions } from '../http/operator-endpoint.js';
import type { CarrierRegistry, SubscriberMatch, SubscriberQuery } from './carrier.js';
import { RegistryUnavailableError } from './carrier.js';

/**
 * Options of {@link HttpCarrierRegistry}: the operator's carrier-verification endpoint, its bearer
 * token and how long the register may take before it counts as unavailable.
 */
export type HttpCarrierRegistryOptions = OperatorEndpointOptions;

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
  readonly #endpoint: OperatorEndpoint;

  constructor(options: HttpCarrierRegistryOptions) {
    this.#endpoint = new OperatorEndpoint(options, { name: 'Carrier register', error: RegistryUnavailableError });
  }

  async verifySubscriber(query: SubscriberQuery): Promise<SubscriberMatch> {
    const body = await this.#endpoint.postForJson({ idNumber: query.idNumber, fullName: query.fullName, birthDate: query.birthDate, phone: query.phone });
    const result = (body as { result?: unknown } | null)?.result;
    if (result === 'match' || result === 'mismatch') return result;
    throw new RegistryUnavailableError('Carrier register answered without a result');
  }
}
