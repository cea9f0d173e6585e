import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AccountSchema, FieldErrorSchema, OtpChallengeSchema, ProblemSchema, SubjectTypeSchema } from '../../src/contract/common.js';

const problem = {
  type: 'https://dvc-kit.example/problems/validation_failed',
  title: 'Validation failed',
  status: 400,
  code: 'validation_failed',
  errors: [{ field: 'phone', code: 'phone_format', message: 'Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0971234398).' }],
};

describe('ProblemSchema', () => {
  test('accepts a problem with field errors, and one with retryAfter', () => {
    assert.ok(ProblemSchema.safeParse(problem).success);
    assert.ok(ProblemSchema.safeParse({ type: 'about:blank', title: 'Too many attempts', status: 429, code: 'too_many_attempts', retryAfter: 120, detail: 'Try again in 120 seconds.' }).success);
  });

  test('refuses a code or field rule that is not in the catalogue', () => {
    assert.equal(ProblemSchema.safeParse({ ...problem, code: 'teapot' }).success, false);
    assert.equal(ProblemSchema.safeParse({ ...problem, errors: [{ field: 'phone', code: 'looks_odd', message: '…' }] }).success, false);
  });

  test('refuses a retryAfter that is not a number of seconds', () => {
    assert.equal(ProblemSchema.safeParse({ ...problem, retryAfter: 'soon' }).success, false);
  });
});

describe('FieldErrorSchema', () => {
  test('needs the field, the rule and its text', () => {
    assert.ok(FieldErrorSchema.safeParse({ field: 'code', code: 'otp_format', message: 'Mã OTP gồm 6 chữ số.' }).success);
    assert.equal(FieldErrorSchema.safeParse({ field: 'code', code: 'otp_format' }).success, false);
  });
});

describe('OtpChallengeSchema', () => {
  test('accepts a masked destination with ISO instants, with or without milliseconds', () => {
    assert.ok(OtpChallengeSchema.safeParse({ maskedPhone: '097****398', length: 6, expiresAt: '2026-01-01T00:03:00Z', resendAt: '2026-01-01T00:01:00.000Z' }).success);
  });

  test('refuses a timing that is not an ISO instant', () => {
    assert.equal(OtpChallengeSchema.safeParse({ maskedPhone: '097****398', length: 6, expiresAt: 'in 3 minutes', resendAt: '2026-01-01T00:01:00Z' }).success, false);
  });
});

describe('SubjectTypeSchema and AccountSchema', () => {
  test('know citizens, enterprises and agencies only', () => {
    for (const type of ['citizen', 'enterprise', 'agency']) assert.ok(SubjectTypeSchema.safeParse(type).success, type);
    assert.equal(SubjectTypeSchema.safeParse('foreigner').success, false);
  });

  test('an account carries the masked ID number and drops any full one sent by mistake', () => {
    const account = { sub: 'acc_7f3a', fullName: 'Nguyễn Văn An', idNumberMasked: '001******234', subjectType: 'citizen', ial: 2, verificationMethod: 'mobile', createdAt: '2026-01-01T00:05:00Z' };
    assert.deepEqual(AccountSchema.parse({ ...account, idNumber: '001090001234' }), account);
  });
});
