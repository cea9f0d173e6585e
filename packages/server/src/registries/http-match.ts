import { OperatorEndpoint, type OperatorEndpointOptions } from '../http/operator-endpoint.js';
import { RegistryUnavailableError } from './carrier.js';

/** A register's verdict on the details it was asked about. */
export type RegisterMatch = 'match' | 'mismatch';

/**
 * The HTTP contract every match register shares (carrier, social insurance): `POST <url>` with the
 * normalised details as JSON and the operator's bearer token; `2xx {"result": "match" | "mismatch"}`.
 * Any other answer, a network error or the time-out is {@link RegistryUnavailableError}.
 */
export class HttpMatchRegister {
  readonly #endpoint: OperatorEndpoint;
  readonly #name: string;

  /** @param name the register's name in error messages and logs, e.g. `Carrier register`. */
  constructor(options: OperatorEndpointOptions, name: string) {
    this.#endpoint = new OperatorEndpoint(options, { name, error: RegistryUnavailableError });
    this.#name = name;
  }

  /** Asks the register about `details` and reads its verdict. */
  async ask(details: Record<string, string>): Promise<RegisterMatch> {
    const body = await this.#endpoint.postForJson(details);
    const result = (body as { result?: unknown } | null)?.result;
    if (result === 'match' || result === 'mismatch') return result;
    throw new RegistryUnavailableError(`${this.#name} answered without a result`);
  }
}
