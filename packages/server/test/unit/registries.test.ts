import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpCarrierRegistry, RegistryUnavailableError, SandboxCarrierRegistry } from '../../src/index.js';

const an = { idNumber: '001090001234', fullName: 'Nguyễn Văn An', birthDate: '1990-09-05', phone: '+84971234398' };

describe('sandbox carrier register', () => {
  test('matches a fixture citizen by phone, ID number, name and birth date', async () => {
    const carrier = await SandboxCarrierRegistry.fromFile();
    assert.equal(await carrier.verifySubscriber(an), 'match');
    assert.equal(await carrier.verifySubscriber({ ...an, fullName: 'NGUYỄN  VĂN AN' }), 'match', 'case and spacing do not matter');
    assert.equal(await carrier.verifySubscriber({ ...an, fullName: 'Nguyen Van An' }), 'mismatch', 'diacritics do');
    assert.equal(await carrier.verifySubscriber({ ...an, birthDate: '1990-09-06' }), 'mismatch');
    assert.equal(await carrier.verifySubscriber({ ...an, idNumber: '079195004321' }), 'mismatch');
    assert.equal(await carrier.verifySubscriber({ ...an, phone: '+84912345678' }), 'mismatch');
    assert.equal(await carrier.verifySubscriber({ ...an, phone: '+84970000000' }), 'mismatch');
  });
});

describe('HTTP carrier register', () => {
  const answering = (respond: (request: Request) => Response | Promise<Response>) => {
    const seen: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push(request.clone());
      return respond(request);
    };
    return { seen, fetch: fetch as typeof globalThis.fetch };
  };

  test('posts the normalised details with the bearer token and reads the result', async () => {
    const { seen, fetch } = answering(() => Response.json({ result: 'match' }));
    const carrier = new HttpCarrierRegistry({ url: 'https://carrier.internal/verify', token: 's3cret', fetch });
    assert.equal(await carrier.verifySubscriber(an), 'match');
    const [request] = seen;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, 'https://carrier.internal/verify');
    assert.equal(request!.headers.get('Authorization'), 'Bearer s3cret');
    assert.deepEqual(await request!.json(), an);
  });

  test('passes on a mismatch', async () => {
    const { fetch } = answering(() => Response.json({ result: 'mismatch' }));
    assert.equal(await new HttpCarrierRegistry({ url: 'https://c.internal', token: 't', fetch }).verifySubscriber(an), 'mismatch');
  });

  test('an error status, a nonsense answer, a network failure or a time-out is RegistryUnavailableError', async () => {
    const cases: Array<(request: Request) => Response | Promise<Response>> = [
      () => new Response('busy', { status: 503 }),
      () => Response.json({ verdict: 'yes' }),
      () => new Response('<html>', { status: 200 }),
      () => {
        throw new TypeError('fetch failed');
      },
      // A gateway that never answers (the timer only keeps the test process alive meanwhile).
      (request) =>
        new Promise((_, reject) => {
          const alive = setTimeout(() => {}, 5000);
          request.signal.addEventListener('abort', () => {
            clearTimeout(alive);
            reject(request.signal.reason);
          });
        }),
    ];
    for (const respond of cases) {
      const { fetch } = answering(respond);
      const carrier = new HttpCarrierRegistry({ url: 'https://c.internal', token: 't', fetch, timeoutMs: 100 });
      await assert.rejects(carrier.verifySubscriber(an), RegistryUnavailableError);
    }
  });
});
