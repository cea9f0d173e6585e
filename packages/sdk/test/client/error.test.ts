import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcError } from '../../src/client/error.js';

describe('DvcError', () => {
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
});
