/** One request as the fake service received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Headers;
  readonly body: unknown;
}

/** What the fake service does with a request: answer it, or fail the way the network can. */
export type Play = (request: ReceivedRequest, signal: AbortSignal) => Response | Promise<Response>;

/**
 * A stand-in for `fetch` that plays the identity service: it records each request and answers with
 * the next play (the last one repeats). Like the real `fetch`, it rejects with the signal's reason when
 * the signal is or becomes aborted.
 */
export function fakeService(...plays: Play[]) {
  const requests: ReceivedRequest[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    // The caller's own signal: a Request's copy follows it through a weak link that a garbage collection
    // can drop under load, and then an abort never arrives (the same flake the SMS gateway test had).
    const signal = init?.signal ?? request.signal;
    if (signal.aborted) throw signal.reason;
    const text = request.body ? await request.text() : '';
    const received = { method: request.method, url: request.url, headers: request.headers, body: text ? JSON.parse(text) : undefined };
    requests.push(received);
    const play = plays[Math.min(requests.length - 1, plays.length - 1)]!;
    const waiting = holdOpen(signal);
    try {
      return await Promise.race([
        play(received, signal),
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })),
      ]);
    } finally {
      waiting.release();
    }
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/**
 * Keeps the process alive while an answer is awaited, as the socket of a real request does, until the
 * request ends or is aborted (time-outs use unref'd timers and would otherwise not fire).
 */
function holdOpen(signal: AbortSignal) {
  const timer = setInterval(() => {}, 60_000);
  const release = () => clearInterval(timer);
  signal.addEventListener('abort', release, { once: true });
  return { release };
}

/** A JSON answer. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}): Play => () =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** An RFC 9457 problem answer. */
export const problem = (body: Record<string, unknown>, headers: Record<string, string> = {}): Play => () =>
  new Response(JSON.stringify({ type: 'about:blank', title: String(body.code), ...body }), {
    status: Number(body.status),
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });

/** A bare status with an optional non-JSON body, as a proxy or load balancer answers. */
export const status = (code: number, text = ''): Play => () => new Response(text || null, { status: code });

/** The connection fails before any answer, as `fetch` reports it. */
export const networkDown: Play = () => {
  throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:4000') });
};

/** The service never answers. */
export const silence: Play = () => new Promise<never>(() => {});

/** The service sends its headers, then stalls in the middle of the body until the request is aborted. */
export const stallBody: Play = (_, signal) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"clientId":'));
        holdOpen(signal);
        signal.addEventListener('abort', () => controller.error(signal.reason), { once: true });
      },
    }),
    { status: 200, headers: { 'Content-Type': 'application/json' } },
  );
