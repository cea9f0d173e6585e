/**
 * Where an operator-run HTTP endpoint is and how to call it: the `url`, `token` and `timeoutMs` of an
 * `http` driver in the configuration (`sms`, `registries.carrier`).
 */
export interface OperatorEndpointOptions {
  /** The operator's endpoint; the service posts JSON to it. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Milliseconds before the endpoint counts as unavailable. Default 5000. */
  readonly timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch;
}

/** An adapter's "cannot answer now" error, such as `SmsUnavailableError` or `RegistryUnavailableError`. */
export type UnavailableErrorClass = new (message: string, options?: { cause?: unknown }) => Error;

/** How an adapter names its endpoint and which error it throws when the endpoint fails. */
export interface OperatorEndpointFailure {
  /** Starts the error messages, which the service logs: `SMS gateway` → `SMS gateway answered 503`. */
  readonly name: string;
  /** Thrown for a network error, the time-out, a non-2xx answer or an unreadable body. */
  readonly error: UnavailableErrorClass;
}

/**
 * One operator-run HTTP endpoint, the transport shared by the HTTP adapters (SMS gateway, carrier
 * register): `POST <url>` with a JSON body, a bearer token and a time limit. Every way the call can
 * fail becomes the adapter's own error, so the routes answer it with the adapter's problem code.
 *
 * @example
 * ```ts
 * const endpoint = new OperatorEndpoint(options, { name: 'SMS gateway', error: SmsUnavailableError });
 * await endpoint.post({ to: '+84971234398', text: 'DVC: …' });
 * ```
 */
export class OperatorEndpoint {
  readonly #endpoint: OperatorEndpointOptions & OperatorEndpointFailure;

  constructor(options: OperatorEndpointOptions, failure: OperatorEndpointFailure) {
    this.#endpoint = { ...options, ...failure };
  }

  /** Posts `payload`; any 2xx answer means accepted, and its body is not read. */
  async post(payload: unknown): Promise<void> {
    await this.#exchange(payload, false);
  }

  /** Posts `payload` and returns the parsed JSON of a 2xx answer, unchecked: the adapter validates it. */
  postForJson(payload: unknown): Promise<unknown> {
    return this.#exchange(payload, true);
  }

  async #exchange(payload: unknown, readJson: boolean): Promise<unknown> {
    const { url, token, timeoutMs = 5000, fetch: fetcher = globalThis.fetch, name, error: Unavailable } = this.#endpoint;
    try {
      const response = await fetcher(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(readJson ? { Accept: 'application/json' } : {}), Authorization: `Bearer ${token}` },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        await response.body?.cancel();
        throw new Unavailable(`${name} answered ${response.status}`);
      }
      if (readJson) return await response.json();
      await response.body?.cancel();
      return undefined;
    } catch (error) {
      if (error instanceof Unavailable) throw error;
      throw new Unavailable(`${name} unreachable`, { cause: error });
    }
  }
}
