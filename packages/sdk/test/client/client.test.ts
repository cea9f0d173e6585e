import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcClient, DvcClientCore, type DvcClientOptions } from '../../src/client/client.js';
import { DvcError, DvcErrorCore } from '../../src/client/error.js';
import * as operations from '../../src/client/index.js';
import { fakeService, json, networkDown, problem, silence, stallBody, status, type Play } from './fake-service.js';

const config = { clientId: 'provincial-portal', clientName: 'Cổng dịch vụ công tỉnh' };
const otp = { maskedPhone: '097****398', length: 6, expiresAt: '2026-01-01T00:03:00Z', resendAt: '2026-01-01T00:01:00Z' };
const registration = {
  subjectType: 'citizen' as const,
  method: 'mobile' as const,
  idNumber: '001090001234',
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-09-05',
  phone: '+84971234398',
  consentVersion: '2025-01',
};

function clientOf(plays: Play[], options: Partial<DvcClientOptions> = {}) {
  const service = fakeService(...plays);
  const client = new DvcClient({ baseUrl: 'https://id.example.gov.vn/', clientId: 'provincial-portal', fetch: service.fetch, ...options });
  return { client, requests: service.requests };
}

async function failure(promise: Promise<unknown>): Promise<DvcError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DvcError, `expected a DvcError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('DvcClient requests', () => {
  test('sends the portal’s client id, the language and Accept to the service’s path', async () => {
    const { client, requests } = clientOf([json(config)]);
    assert.deepEqual(await client.getConfig(), config);
    const [request] = requests;
    assert.equal(request!.method, 'GET');
    assert.equal(request!.url, 'https://id.example.gov.vn/v1/config');
    assert.equal(request!.headers.get('DVC-Client'), 'provincial-portal');
    assert.equal(request!.headers.get('Accept-Language'), 'vi');
    assert.equal(request!.headers.get('Accept'), 'application/json, application/problem+json');
    assert.equal(request!.headers.get('Authorization'), null);
  });

  test('asks for English problem texts when the client speaks English, and follows a change of language', async () => {
    const { client, requests } = clientOf([json(config)], { lang: 'en' });
    await client.getConfig();
    client.lang = 'vi';
    await client.getConfig();
    assert.deepEqual(requests.map((request) => request.headers.get('Accept-Language')), ['en', 'vi']);
  });

  test('posts the registration as JSON with the Idempotency-Key given', async () => {
    const { client, requests } = clientOf([json({ registrationId: 'reg_1', otp }, 201)]);
    const started = await client.startRegistration(registration, { idempotencyKey: 'b3f1c2d4-registration' });
    assert.deepEqual(started, { registrationId: 'reg_1', otp });
    const [request] = requests;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, 'https://id.example.gov.vn/v1/registrations');
    assert.equal(request!.headers.get('Content-Type'), 'application/json');
    assert.equal(request!.headers.get('Idempotency-Key'), 'b3f1c2d4-registration');
    assert.deepEqual(request!.body, registration);
  });

  test('sends no Idempotency-Key when none is given', async () => {
    const { client, requests } = clientOf([json({ signInId: 'sgn_1', otp })]);
    await client.startSignIn({ idNumber: '001090001234', password: 'Sông-Hồng-2024' });
    assert.equal(requests[0]!.headers.get('Idempotency-Key'), null);
  });

  test('reads the account with the access token as a Bearer Authorization header', async () => {
    const account = { sub: 'acc_7f3a', fullName: 'Nguyễn Văn An' };
    const { client, requests } = clientOf([json(account)]);
    assert.deepEqual(await client.getAccount('eyJ.access.token'), account);
    assert.equal(requests[0]!.url, 'https://id.example.gov.vn/v1/userinfo');
    assert.equal(requests[0]!.headers.get('Authorization'), 'Bearer eyJ.access.token');
  });

  test('puts the flow id, escaped, into the code paths and sends the code', async () => {
    const { client, requests } = clientOf([json({ registrationId: 'reg/1', next: 'password' }), json({ otp }), json({ tokens: {}, account: {} })]);
    await client.verifyRegistrationCode('reg/1', { code: '012345' });
    await client.resendRegistrationCode('reg/1');
    await client.verifySignInCode('sgn 1', { code: '654321' });
    assert.deepEqual(requests.map((request) => [request.method, request.url, request.body]), [
      ['POST', 'https://id.example.gov.vn/v1/registrations/reg%2F1/otp/verify', { code: '012345' }],
      ['POST', 'https://id.example.gov.vn/v1/registrations/reg%2F1/otp/resend', {}],
      ['POST', 'https://id.example.gov.vn/v1/sign-ins/sgn%201/otp/verify', { code: '654321' }],
    ]);
  });

  test('trades a refresh token and signs out with it; a 204 answer resolves to undefined', async () => {
    const tokens = { tokenType: 'Bearer', accessToken: 'a', idToken: 'i', refreshToken: 'r2', expiresIn: 300 };
    const { client, requests } = clientOf([json(tokens), status(204)]);
    assert.deepEqual(await client.refresh('r1'), tokens);
    assert.equal(await client.signOut('r2'), undefined);
    assert.deepEqual(requests.map((request) => [request.url, request.body]), [
      ['https://id.example.gov.vn/v1/tokens/refresh', { refreshToken: 'r1' }],
      ['https://id.example.gov.vn/v1/sign-out', { refreshToken: 'r2' }],
    ]);
  });
});

describe('DvcClient errors from problem responses', () => {
  test('gives the problem’s code, status, text, field errors and body', async () => {
    const body = {
      status: 400,
      code: 'validation_failed',
      detail: 'Thông tin chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.',
      errors: [{ field: 'phone', code: 'phone_carrier', message: 'Đầu số này không thuộc nhà mạng di động Việt Nam.' }],
    };
    const { client } = clientOf([problem(body)]);
    const error = await failure(client.startRegistration({ ...registration, phone: '0241234567' }));
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.status, 400);
    assert.equal(error.message, body.detail);
    assert.deepEqual(error.fieldErrors, body.errors);
    assert.equal(error.problem?.code, 'validation_failed');
    assert.equal(error.retryAfter, undefined);
  });

  test('takes retryAfter from the problem body', async () => {
    const { client } = clientOf([problem({ status: 429, code: 'too_many_attempts', retryAfter: 120 }, { 'Retry-After': '60' })]);
    const error = await failure(client.startSignIn({ idNumber: '001090001234', password: 'wrong' }));
    assert.equal(error.code, 'too_many_attempts');
    assert.equal(error.retryAfter, 120);
  });

  test('takes retryAfter from the Retry-After header when the body has none', async () => {
    const { client } = clientOf([problem({ status: 429, code: 'otp_rate_limited' }, { 'Retry-After': '45' })]);
    const error = await failure(client.resendSignInCode('sgn_1'));
    assert.equal(error.code, 'otp_rate_limited');
    assert.equal(error.retryAfter, 45);
    assert.equal(error.localizedMessage('vi'), 'Đã gửi quá nhiều mã tới số điện thoại này. Vui lòng thử lại sau 45 giây.');
    assert.equal(error.localizedMessage('en'), 'Too many codes were sent to this number. Please try again in 45 seconds.');
  });

  test('reads a Retry-After HTTP date as the seconds left until then', async () => {
    // An HTTP date has whole seconds; the time the test takes may cost one of them.
    const inNinetySeconds = new Date(Math.floor(Date.now() / 1000) * 1000 + 90_000).toUTCString();
    const { client } = clientOf([problem({ status: 429, code: 'too_many_attempts' }, { 'Retry-After': inNinetySeconds })]);
    const { retryAfter } = await failure(client.startSignIn({ idNumber: '001090001234', password: 'x' }));
    assert.ok(retryAfter === 90 || retryAfter === 89, `retryAfter ${retryAfter}`);
  });

  test('ignores a Retry-After header that is unreadable, zero or a date already past', async () => {
    for (const header of ['soon', '0', '-5', '1.5', 'Wed, 21 Oct 2015 07:28:00 GMT']) {
      const { client } = clientOf([problem({ status: 429, code: 'too_many_attempts' }, { 'Retry-After': header })]);
      assert.equal((await failure(client.startSignIn({ idNumber: '001090001234', password: 'x' }))).retryAfter, undefined, header);
    }
  });

  test('names a code this SDK does not know internal, keeping the status', async () => {
    const { client } = clientOf([problem({ status: 418, code: 'teapot_brewing' })]);
    const error = await failure(client.startSignIn({ idNumber: '001090001234', password: 'x' }));
    assert.equal(error.code, 'internal');
    assert.equal(error.status, 418);
  });

  test('names a 404 without a problem body not_found and any other bare failure internal', async () => {
    const { client } = clientOf([status(404), status(500, '<html>Internal Server Error</html>')], { retries: 0 });
    assert.equal((await failure(client.getConfig())).code, 'not_found');
    const error = await failure(client.getConfig());
    assert.equal(error.code, 'internal');
    assert.equal(error.status, 500);
    assert.deepEqual(error.fieldErrors, []);
  });

  test('fails with internal when a success answer is not JSON, as from a captive portal', async () => {
    const { client } = clientOf([status(200, '<html>Đăng nhập Wi-Fi</html>')]);
    const error = await failure(client.getConfig());
    assert.equal(error.code, 'internal');
    assert.equal(error.status, 200);
  });

  test('gives an English message from the code when the problem has no detail', async () => {
    const { client } = clientOf([problem({ status: 401, code: 'invalid_credentials' })]);
    assert.equal((await failure(client.startSignIn({ idNumber: '001090001234', password: 'x' }))).message, 'The ID number or password is incorrect.');
  });
});

describe('DvcClient retries', () => {
  test('retries an idempotent GET after a network failure', async () => {
    const { client, requests } = clientOf([networkDown, json(config)]);
    assert.deepEqual(await client.getConfig(), config);
    assert.equal(requests.length, 2);
  });

  test('retries an idempotent GET after a 503 and a 502', async () => {
    const { client, requests } = clientOf([problem({ status: 503, code: 'registry_unavailable' }), status(502), json(config)]);
    assert.deepEqual(await client.getConfig(), config);
    assert.equal(requests.length, 3);
  });

  test('gives up after the configured number of extra tries with the last failure', async () => {
    const { client, requests } = clientOf([problem({ status: 503, code: 'sms_unavailable' })], { retries: 1 });
    const error = await failure(client.getConfig());
    assert.equal(error.code, 'sms_unavailable');
    assert.equal(requests.length, 2);
  });

  test('gives up on a network that stays down with code network', async () => {
    const { client, requests } = clientOf([networkDown]);
    const error = await failure(client.getConfig());
    assert.equal(error.code, 'network');
    assert.equal(error.status, 0);
    assert.equal(requests.length, 3, 'one try and the two extra tries of the default');
  });

  test('never retries a POST without an Idempotency-Key, whatever the failure', async () => {
    let attempts = 0;
    const counting = (play: Play): Play => (request, signal) => { attempts++; return play(request, signal); };
    const { client } = clientOf([counting(problem({ status: 503, code: 'sms_unavailable' })), counting(json({ signInId: 'sgn_1', otp }))]);
    assert.equal((await failure(client.startSignIn({ idNumber: '001090001234', password: 'x' }))).code, 'sms_unavailable');
    assert.equal(attempts, 1);

    const down = clientOf([counting(networkDown)]);
    attempts = 0;
    assert.equal((await failure(down.client.startRegistration(registration))).code, 'network');
    assert.equal((await failure(down.client.verifySignInCode('sgn_1', { code: '012345' }))).code, 'network');
    assert.equal(attempts, 2, 'each call tried once');
  });

  test('retries a registration POST that carries an Idempotency-Key, with the same key', async () => {
    const { client, requests } = clientOf([problem({ status: 503, code: 'registry_unavailable' }), json({ registrationId: 'reg_1', otp }, 201)]);
    assert.deepEqual(await client.startRegistration(registration, { idempotencyKey: 'key-1' }), { registrationId: 'reg_1', otp });
    assert.deepEqual(requests.map((request) => request.headers.get('Idempotency-Key')), ['key-1', 'key-1']);
  });

  test('retries the sign-in code step that carries an Idempotency-Key, with the same key: the service replays its tokens', async () => {
    const signedIn = { tokens: { tokenType: 'Bearer', accessToken: 'a.b.c', idToken: 'd.e.f', refreshToken: 'r', expiresIn: 600 }, account: { sub: 's' } };
    const { client, requests } = clientOf([networkDown, json(signedIn)]);
    assert.deepEqual(await client.verifySignInCode('sgn_1', { code: '012345' }, { idempotencyKey: 'sign-in-1' }), signedIn);
    assert.deepEqual(requests.map((request) => request.headers.get('Idempotency-Key')), ['sign-in-1', 'sign-in-1']);
  });

  test('does not retry answers that a retry cannot change (400, 429, 500)', async () => {
    for (const code of [400, 429, 500]) {
      const { client, requests } = clientOf([status(code), json(config)]);
      await failure(client.getConfig());
      assert.equal(requests.length, 1, String(code));
    }
  });
});

describe('DvcClient time-outs and cancellation', () => {
  test('fails with timeout when the service does not answer in time', async () => {
    const { client } = clientOf([silence], { timeoutMs: 50, retries: 0 });
    const error = await failure(client.getConfig());
    assert.equal(error.code, 'timeout');
    assert.equal(error.status, 0);
  });

  test('fails with timeout when the service stalls in the middle of the body', async () => {
    const { client } = clientOf([stallBody], { timeoutMs: 50 });
    assert.equal((await failure(client.getConfig())).code, 'timeout');
  });

  test('fails with aborted when the caller cancels a call in flight', async () => {
    const { client } = clientOf([silence]);
    const controller = new AbortController();
    const call = client.getConfig({ signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    assert.equal((await failure(call)).code, 'aborted');
  });

  test('fails with aborted when the caller cancels in the middle of the body', async () => {
    const { client } = clientOf([stallBody]);
    const controller = new AbortController();
    const call = client.getConfig({ signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    assert.equal((await failure(call)).code, 'aborted');
  });

  test('fails with aborted without calling the service when the signal is already aborted', async () => {
    const { client, requests } = clientOf([json(config)]);
    assert.equal((await failure(client.getConfig({ signal: AbortSignal.abort() }))).code, 'aborted');
    assert.equal(requests.length, 0);
  });

  test('fails with aborted when the caller cancels while waiting to retry', async () => {
    const { client, requests } = clientOf([status(503), json(config)]);
    const controller = new AbortController();
    const call = client.getConfig({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    assert.equal((await failure(call)).code, 'aborted');
    assert.equal(requests.length, 1);
  });

  test('does not retry a time-out: the service may still be working on it', async () => {
    const { client, requests } = clientOf([silence, json(config)], { timeoutMs: 50 });
    assert.equal((await failure(client.getConfig())).code, 'timeout');
    assert.equal(requests.length, 1);
  });
});

describe('the operations as functions of a DvcClientCore', () => {
  // Every method of DvcClient and the arguments it is called with here (after the client itself).
  const calls: Record<string, readonly unknown[]> = {
    getConfig: [],
    getHumanCheckChallenge: [],
    startSignIn: [{ idNumber: '001090001234', password: 'x' }],
    verifySignInCode: ['sgn/1', { code: '123456' }],
    resendSignInCode: ['sgn/1'],
    startRegistration: [registration],
    verifyRegistrationCode: ['reg 1', { code: '123456' }],
    resendRegistrationCode: ['reg 1'],
    completeRegistration: ['reg 1', { password: 'p', passwordConfirmation: 'p' }],
    startRecovery: [{ idNumber: '001090001234' }],
    verifyRecoveryCode: ['rec/1', { code: '123456' }],
    resendRecoveryCode: ['rec/1'],
    completeRecovery: ['rec/1', { password: 'p', passwordConfirmation: 'p' }],
    startPhoneRecovery: [{ idNumber: '001090001234', bhxhCode: '0101234567', fullName: 'An', birthDate: '1990-09-05', phone: '0961234398' }],
    verifyPhoneRecoveryCode: ['phr/1', { code: '123456' }],
    resendPhoneRecoveryCode: ['phr/1'],
    startPasswordChange: ['token', { currentPassword: 'p' }],
    startEmailChange: ['token', { currentPassword: 'p', email: 'an@example.vn' }],
    startPhoneChange: ['token', { currentPassword: 'p', phone: '0912345678' }],
    startCccdAddition: ['token', { currentPassword: 'p', cccd: '001090001234' }],
    verifyAccountChangeCode: ['token', 'chg/1', { code: '123456' }],
    resendAccountChangeCode: ['token', 'chg/1'],
    completePasswordChange: ['token', 'chg/1', { password: 'p', passwordConfirmation: 'p' }],
    signOutEverywhere: ['token'],
    refresh: ['r1'],
    signOut: ['r1'],
    getAccount: ['token'],
    createSignatureChallenge: [{ operation: 'register', subjectType: 'enterprise' }],
    previewSignatureCertificate: ['sgc/1', { certificate: 'MIIB', taxCode: '0101234567' }],
    startSignatureRequest: [{ challengeId: 'sgc/1', method: 'sim_signature', holder: { phone: '0971234398' } }],
    getSignatureRequest: ['sgr/1'],
    cancelSignatureRequest: ['sgr/1'],
    startSignatureRegistration: [{ subjectType: 'citizen', method: 'usb_token', idNumber: '001090001234', signature: { challengeId: 'sgc/1' } }],
    signInWithSignature: [{ challengeId: 'sgc/1', certificate: 'MIIB', algorithm: 'ECDSA', signature: 'AA' }],
    upgradeAssurance: ['token', { challengeId: 'sgc/1', certificate: 'MIIB', algorithm: 'ECDSA', signature: 'AA' }],
    startPasskeyRegistration: ['token', { currentPassword: 'p' }],
    addPasskey: ['token', { registrationId: 'r', credential: { id: 'c' } }],
    listPasskeys: ['token'],
    removePasskey: ['token', 'cred/1'],
    newSignInPasskeyOptions: ['sgn/1'],
    verifySignInPasskey: ['sgn/1', { id: 'c' }],
    getSessionAssurance: ['token'],
    checkSessionAssurance: ['token', { ial: 3, maxAge: 300 }],
  };

  test('cover every method of DvcClient', () => {
    const methods = Object.getOwnPropertyNames(DvcClient.prototype).filter((name) => name !== 'constructor');
    assert.deepEqual(methods.sort(), Object.keys(calls).sort());
  });

  test('send what the methods send, retried as the methods retry them (a 503 is tried again only when safe)', async () => {
    for (const [name, args] of Object.entries(calls)) {
      for (const idempotencyKey of [undefined, 'key-1']) {
        const viaMethod = clientOf([status(503), json({})], { retries: 1 });
        const viaFunction = fakeService(status(503), json({}));
        const core = new DvcClientCore({ baseUrl: 'https://id.example.gov.vn', clientId: 'provincial-portal', fetch: viaFunction.fetch, retries: 1 }, DvcErrorCore);
        const callOptions = idempotencyKey ? { idempotencyKey } : undefined;
        const method = (viaMethod.client as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!;
        const fn = (operations as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!;
        const settled = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: DvcErrorCore) => error.code);
        const byMethod = await settled(method.call(viaMethod.client, ...args, callOptions));
        const byFunction = await settled(fn(core, ...args, callOptions));
        assert.equal(byFunction, byMethod, name);
        const seen = (requests: readonly { method: string; url: string; body: unknown; headers: Headers }[]) =>
          requests.map((r) => [r.method, r.url, r.body, r.headers.get('Authorization'), r.headers.get('Idempotency-Key'), r.headers.get('DVC-Client')]);
        assert.deepEqual(seen(viaFunction.requests), seen(viaMethod.requests), `${name} ${idempotencyKey ?? 'without a key'}`);
      }
    }
  });

  test('startAccountChange sends each kind of change as its own start function does, never retried', async () => {
    const starts = { password: 'startPasswordChange', email: 'startEmailChange', phone: 'startPhoneChange', cccd: 'startCccdAddition' } as const;
    for (const [kind, name] of Object.entries(starts)) {
      const [token, body] = calls[name]!;
      const requests: unknown[][][] = [];
      for (const start of [(core: DvcClientCore) => operations[name](core, token as string, body as never, { idempotencyKey: 'key-1' }), (core: DvcClientCore) => operations.startAccountChange(core, token as string, kind as never, body as never, { idempotencyKey: 'key-1' })]) {
        const service = fakeService(status(503), json({}));
        const core = new DvcClientCore({ baseUrl: 'https://id.example.gov.vn', clientId: 'provincial-portal', fetch: service.fetch, retries: 1 }, DvcErrorCore);
        await assert.rejects(start(core), DvcErrorCore, kind);
        assert.equal(service.requests.length, 1, `${kind}: a start is not sent again`);
        requests.push(service.requests.map((r) => [r.method, r.url, r.body, r.headers.get('Authorization'), r.headers.get('Idempotency-Key')]));
      }
      assert.deepEqual(requests[1], requests[0], kind);
      assert.match(String(requests[1]![0]![1]), kind === 'cccd' ? /\/v1\/account\/cccd-additions$/ : new RegExp(`/v1/account/${kind}-changes$`));
    }
  });
});
