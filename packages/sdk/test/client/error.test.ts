import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcError, DvcErrorCore } from '../../src/client/error.js';
import { DvcClientCore } from '../../src/client/client.js';
import { getConfig } from '../../src/client/sign-in.js';

describe('DvcError', () => {
  test('reads a 401 with an RFC 9470 step-up challenge as insufficient_user_authentication carrying the requirement', async () => {
    const challenge = 'Bearer error="insufficient_user_authentication", error_description="A higher assurance level is required", acr_values="urn:dvc-kit:acr:ial3-aal2", max_age=300';
    const plain = await DvcError.fromResponse(new Response('{}', { status: 401, headers: { 'WWW-Authenticate': challenge } }));
    assert.equal(plain.code, 'insufficient_user_authentication');
    assert.equal(plain.status, 401);
    assert.deepEqual(plain.requirement, { ial: 3, aal: 2, maxAge: 300 });
    assert.equal(plain.localizedMessage('vi'), 'Dịch vụ này cần mức xác minh hoặc mức đăng nhập cao hơn. Vui lòng xác thực thêm để tiếp tục.');

    const body = { type: 'https://dvc-kit.dev/problems/unauthorized', title: 'Unauthorized', status: 401, code: 'unauthorized', detail: 'Cần đăng nhập lại.' };
    const withProblem = await DvcError.fromResponse(new Response(JSON.stringify(body), { status: 401, headers: { 'WWW-Authenticate': challenge } }));
    assert.equal(withProblem.code, 'insufficient_user_authentication', 'the challenge wins over the body\'s code');
    assert.equal(withProblem.message, 'Cần đăng nhập lại.');

    const client = new DvcClientCore({ baseUrl: 'http://id.dvc.test', clientId: 'provincial-portal', fetch: async () => new Response('{}', { status: 401, headers: { 'WWW-Authenticate': challenge } }) }, DvcError);
    await assert.rejects(getConfig(client), (error: unknown) => error instanceof DvcError && error.code === 'insufficient_user_authentication' && error.requirement?.ial === 3);
  });

  test('a code this SDK does not list is internal on DvcError, kept as sent with the service\'s words on DvcErrorCore; a malformed one is internal on both', async () => {
    const answer = (code: unknown) => new Response(JSON.stringify({ code, detail: 'Lời của dịch vụ.' }), { status: 422 });
    const full = await DvcError.fromResponse(answer('cert_from_the_future'));
    assert.equal(full.code, 'internal');
    assert.equal(full.message, 'Lời của dịch vụ.');
    const core = await DvcErrorCore.fromResponse(answer('cert_from_the_future'));
    assert.equal(core.code, 'cert_from_the_future');
    assert.equal(core.message, 'Lời của dịch vụ.');
    assert.equal(core.status, 422);
    assert.equal((await DvcErrorCore.fromResponse(answer('too_many_attempts'))).code, 'too_many_attempts');
    for (const malformed of ['Not A Code', '', 'x'.repeat(65), '<script>', 42]) {
      assert.equal((await DvcErrorCore.fromResponse(answer(malformed))).code, 'internal', String(malformed));
      assert.equal((await DvcError.fromResponse(answer(malformed))).code, 'internal', String(malformed));
    }
  });

  test('a 401 without a step-up challenge stays what its body says, with no requirement', async () => {
    const error = await DvcError.fromResponse(new Response(JSON.stringify({ code: 'unauthorized' }), { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } }));
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.requirement, undefined);
  });

  test('is an Error named DvcError with a code, status 0 and no field errors when no response arrived', () => {
    const error = new DvcError('timeout');
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'DvcError');
    assert.equal(error.code, 'timeout');
    assert.equal(error.status, 0);
    assert.deepEqual(error.fieldErrors, []);
    assert.equal(error.message, 'The identity service took too long to answer. Please try again.');
  });

  test('looks its citizen-facing text up from the code in either language', () => {
    const error = new DvcError('too_many_attempts', { status: 429, retryAfter: 90 });
    assert.equal(error.localizedMessage('vi'), 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 90 giây.');
    assert.equal(error.localizedMessage('en'), 'Too many attempts. Please try again in 90 seconds.');
  });

  test('fromResponse ignores field errors that are not a list and a Retry-After of 0', async () => {
    const response = new Response(JSON.stringify({ code: 'validation_failed', status: 400, errors: 'phone' }), { status: 400, headers: { 'Retry-After': '0' } });
    const error = await DvcError.fromResponse(response);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.fieldErrors, []);
    assert.equal(error.retryAfter, undefined);
  });

  test('fromResponse carries how many wrong codes are still allowed after otp_invalid', async () => {
    const body = { type: 'https://dvc-kit.dev/problems/otp_invalid', title: 'Bad Request', status: 400, code: 'otp_invalid', remainingAttempts: 3 };
    const error = await DvcError.fromResponse(new Response(JSON.stringify(body), { status: 400 }));
    assert.equal(error.code, 'otp_invalid');
    assert.equal(error.remainingAttempts, 3);
  });

  test('DvcErrorCore carries no texts: its message is the service\'s detail or the code, and fromResponse builds the class it is called on', async () => {
    assert.equal(new DvcErrorCore('timeout').message, 'timeout');
    const body = { type: 'https://dvc-kit.dev/problems/invalid_credentials', title: 'Unauthorized', status: 401, code: 'invalid_credentials', detail: 'Số định danh hoặc mật khẩu không đúng.' };
    const core = await DvcErrorCore.fromResponse(new Response(JSON.stringify(body), { status: 401 }));
    assert.ok(core instanceof DvcErrorCore && !(core instanceof DvcError));
    assert.equal(core.message, 'Số định danh hoặc mật khẩu không đúng.');
    const full = await DvcError.fromResponse(new Response(JSON.stringify(body), { status: 401 }));
    assert.ok(full instanceof DvcError && full instanceof DvcErrorCore);
    assert.equal(full.localizedMessage('en'), 'The ID number or password is incorrect.');
  });

  test('a DvcClientCore throws errors of the class it is given', async () => {
    const fetch = async () => { throw new TypeError('offline'); };
    const core = new DvcClientCore({ baseUrl: 'http://127.0.0.1:9', clientId: 'p', retries: 0, fetch }, DvcErrorCore);
    const error = await getConfig(core).then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof DvcErrorCore && !(error instanceof DvcError));
    assert.equal(error.code, 'network');
  });
});
