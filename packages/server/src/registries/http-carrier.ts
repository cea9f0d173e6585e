import type { OperatorEndpointOptions } from '../http/operator-endpoint.js';
import type { CarrierRegistry, SubscriberMatch, SubscriberQuery } from './carrier.js';
import { HttpMatchRegister } from './http-match.js';

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
  readonly #register: HttpMatchRegister;

  constructor(options: HttpCarrierRegistryOptions) {
    this.#register = new HttpMatchRegister(options, 'Carrier register');
  }

  verifySubscriber(query: SubscriberQuery): Promise<SubscriberMatch> {
    return this.#register.ask({ idNumber: query.idNumber, fullName: query.fullName, birthDate: query.birthDate, phone: query.phone });
  }
}
