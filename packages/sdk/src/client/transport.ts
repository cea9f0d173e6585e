import type { DvcErrorClass } from './error.js';

/**
 * @internal The HTTP transport every DVC Kit client shares: JSON bodies, a time limit per call,
 * retries of idempotent calls after a network failure or a 502/503/504 (with backoff), and every
 * failure as a {@link DvcError}. The clients only say which headers a call carries.
 */
export interface TransportOptions {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly fetch: typeof fetch;
  /** The client's own headers, read at each call (its language may change). */
  readonly headers: () => Record<string, string>;
  /** The class of the errors thrown: {@link DvcError} for the public clients. */
  readonly errors: DvcErrorClass;
}

/** @internal One call: what to send, with which bearer token, and whether a retry is safe. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, relative to the base URL. */
  readonly path: string;
  readonly body?: unknown;
  readonly bearer?: string;
  readonly idempotent: boolean;
}

/** @internal Options of one call: cancellation and an `Idempotency-Key`. */
export interface TransportCallOptions {
  readonly signal?: AbortSignal;
  readonly idempotencyKey?: string;
}

/** @internal */
export class Transport {
  readonly #options: TransportOptions;

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  /**
   * Sends the call (and its retries when idempotent); the parsed JSON answer, `undefined` for 204. Only a
   * request that got no answer at all (a network failure) or a 502/503/504 is tried again: never a time-out
   * (the service may still be working on it), a cancellation, or a success body cut short or not JSON.
   */
  async call<T>(request: TransportRequest, options: TransportCallOptions = {}): Promise<T> {
    const { baseUrl, timeoutMs, retries, fetch, errors: Failure } = this.#options;
    const { signal, idempotencyKey } = options;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...this.#options.headers() };
    if (body) headers['Content-Type'] = 'application/json';
    if (request.bearer) headers.Authorization = `Bearer ${request.bearer}`;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    for (let attempt = 0; ; attempt++) {
      const retry = request.idempotent && attempt < retries;
      // Waits 200 ms, then 400 ms … before a retry; a cancellation ends the wait (and the call) at once.
      if (attempt) await new Promise((resolve) => (setTimeout(resolve, 100 * 2 ** attempt), signal?.addEventListener('abort', resolve, { once: true })));
      const timeout = AbortSignal.timeout(timeoutMs);
      let response: Response | undefined;
      try {
        signal?.throwIfAborted();
        response = await fetch(baseUrl + request.path, { method: request.method, headers, body, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
        if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
      } catch (cause) {
        const code = signal?.aborted ? 'aborted' : timeout.aborted ? 'timeout' : cause instanceof SyntaxError ? 'internal' : 'network';
        if (code !== 'network' || response || !retry) throw new Failure(code, { cause, status: code === 'internal' ? response?.status : undefined });
        continue;
      }
      const error = await Failure.fromResponse(response);
      if (![502, 503, 504].includes(response.status) || !retry) throw error;
    }
  }
}
