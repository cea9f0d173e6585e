import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HttpSms, SmsUnavailableError } from '../../src/index.js';

describe('HTTP SMS gateway', () => {
  test('posts the phone and text with the bearer token', async () => {
    const seen: Request[] = [];
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return new Response(null, { status: 202 });
    }) as typeof globalThis.fetch;
    await new HttpSms({ url: 'https://sms.internal/send', token: 'tok', fetch }).send({ to: '+84971234398', text: 'DVC: Ma xac thuc cua ban la 123456' });
    assert.equal(seen[0]!.headers.get('Authorization'), 'Bearer tok');
    assert.deepEqual(await seen[0]!.json(), { to: '+84971234398', text: 'DVC: Ma xac thuc cua ban la 123456' });
  });

  test('a refusal or an unreachable gateway is SmsUnavailableError', async () => {
    const refusing = (async () => new Response('quota', { status: 429 })) as typeof globalThis.fetch;
    await assert.rejects(new HttpSms({ url: 'https://sms.internal', token: 't', fetch: refusing }).send({ to: '+84971234398', text: 'x' }), SmsUnavailableError);
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    await assert.rejects(new HttpSms({ url: 'https://sms.internal', token: 't', fetch: down }).send({ to: '+84971234398', text: 'x' }), SmsUnavailableError);
  });

  test('a gateway that does not answer in time is SmsUnavailableError', async () => {
    // The timer only keeps the test process alive while the request waits for its time-out. The signal is
    // the caller's own: a `new Request(input, init).signal` only follows it through a weak link, which a
    // garbage collection under load can drop, and then the abort never comes (a flaky test, seen in CI).
    const silent = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_, reject) => {
        const signal = init!.signal!;
        const alive = setTimeout(() => {}, 5000);
        signal.addEventListener('abort', () => {
          clearTimeout(alive);
          reject(signal.reason);
        });
      })) as typeof globalThis.fetch;
    const sms = new HttpSms({ url: 'https://sms.internal', token: 't', fetch: silent, timeoutMs: 100 });
    await assert.rejects(sms.send({ to: '+84971234398', text: 'x' }), SmsUnavailableError);
  });
});
