import type { OperatorEndpointOptions } from '../http/operator-endpoint.js';
import { HttpMatchRegister } from './http-match.js';
import type { InsuredPersonMatch, InsuredPersonQuery, SocialInsuranceRegistry } from './social-insurance.js';

/**
 * Options of {@link HttpSocialInsuranceRegistry}: the operator's social-insurance verification
 * endpoint, its bearer token and how long the register may take before it counts as unavailable.
 */
export type HttpSocialInsuranceRegistryOptions = OperatorEndpointOptions;

/**
 * Asks an operator-run social-insurance gateway: `POST <url>` with the JSON body
 * `{"idNumber","bhxhCode","fullName","birthDate"}` (normalised: digits, NFC, `yyyy-mm-dd`) and a
 * bearer token; expects `200 {"result": "match" | "mismatch"}`. Any other answer, a network error or
 * the time-out is {@link RegistryUnavailableError}.
 *
 * @example
 * ```ts
 * const register = new HttpSocialInsuranceRegistry({ url: 'https://bhxh-gw.internal/verify', token: process.env.BHXH_TOKEN! });
 * ```
 */
export class HttpSocialInsuranceRegistry implements SocialInsuranceRegistry {
  readonly #register: HttpMatchRegister;

  constructor(options: HttpSocialInsuranceRegistryOptions) {
    this.#register = new HttpMatchRegister(options, 'Social-insurance register');
  }

  verifyInsuredPerson(query: InsuredPersonQuery): Promise<InsuredPersonMatch> {
    return this.#register.ask({ idNumber: query.idNumber, bhxhCode: query.bhxhCode, fullName: query.fullName, birthDate: query.birthDate });
  }
}
