import { DvcErrorCore, type DvcErrorClass } from './error.js';

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
  readonly method: 'GET' | 'POST';
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

const RETRY_STATUSES = new Set([502, 503, 504]);

/** @internal */
export class Transport {
  readonly #options: TransportOptions;

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  /** Sends the call (and its retries when idempotent); the parsed JSON answer, `undefined` for 204. */
  async call<T>(request: TransportRequest, options: TransportCallOptions = {}): Promise<T> {
    const last = request.idempotent ? this.#options.retries : 0;
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) await delay(200 * 2 ** (attempt - 1), this.#options.errors, options.signal);
      let response: Response;
      try {
        response = await this.#send(request, options);
      } catch (error) {
        if (!(error instanceof DvcErrorCore) || error.code !== 'network' || attempt >= last) throw error;
        continue;
      }
      if (response.ok) return (response.status === 204 ? undefined : await readBody(response, this.#options.errors, options.signal)) as T;
      const error = await this.#options.errors.fromResponse(response);
      if (!RETRY_STATUSES.has(response.status) || attempt >= last) throw error;
    }
  }

  async #send(request: TransportRequest, options: TransportCallOptions): Promise<Response> {
    const timeout = AbortSignal.timeout(this.#options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...this.#options.headers() };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.bearer) headers.Authorization = `Bearer ${request.bearer}`;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    try {
      return await this.#options.fetch(`${this.#options.baseUrl}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
        signal,
      });
    } catch (error) {
      const Failure = this.#options.errors;
      if (options.signal?.aborted) throw new Failure('aborted', { cause: error });
      if (timeout.aborted) throw new Failure('timeout', { cause: error });
      throw new Failure('network', { cause: error });
    }
  }
}

/** Reads a success body: one cut short or not JSON fails like any other call, with a code. */
async function readBody(response: Response, Failure: DvcErrorClass, signal: AbortSignal | undefined): Promise<unknown> {
  try {
    return await response.json();
  } catch (error) {
    if (signal?.aborted) throw new Failure('aborted', { cause: error });
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new Failure('timeout', { cause: error });
    if (error instanceof SyntaxError) throw new Failure('internal', { status: response.status, cause: error });
    throw new Failure('network', { cause: error });
  }
}

function delay(ms: number, Failure: DvcErrorClass, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Failure('aborted'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Failure('aborted'));
    }, { once: true });
  });
}
