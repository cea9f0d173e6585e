import { getResponse, type RequestHandler } from 'msw';

/**
 * A `fetch` that answers from msw request handlers in the same page or process, with no service worker
 * and no interception of the global `fetch`: pass it as `DvcClient`'s `fetch` option, or set it as a
 * widget's client. A request no handler matches fails as a network error would.
 *
 * @example
 * ```ts
 * import { DvcClient } from '@dvc-kit/sdk';
 * import { createMockFetch, createMockHandlers } from '@dvc-kit/sdk/mock';
 * const client = new DvcClient({ baseUrl: 'http://127.0.0.1:4000', clientId: 'ministry-portal', fetch: createMockFetch(createMockHandlers()) });
 * document.querySelector('dvc-login').client = client;
 * ```
 */
export function createMockFetch(handlers: readonly RequestHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw request.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    const response = await getResponse([...handlers], request);
    if (!response || response.type === 'error') throw new TypeError(`Failed to fetch: no mock answers ${request.method} ${request.url}`);
    return response;
  };
}
