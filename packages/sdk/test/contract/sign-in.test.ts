import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RefreshSchema, SignedInSchema, SignInStartedSchema, StartSignInSchema, TokenSetSchema } from '../../src/contract/sign-in.js';
import { brokenRules, refusals } from './refusals.js';

const tokens = { tokenType: 'Bearer', accessToken: 'eyJ.a.b', idToken: 'eyJ.c.d', refreshToken: 'rt_opaque', expiresIn: 300 };

describe('StartSignInSchema (POST /v1/sign-ins)', () => {
  test('accepts an ID number and password, with or without a human check', () => {
    assert.ok(StartSignInSchema.safeParse({ idNumber: '001090001234', password: 'Sông-Hồng-2024' }).success);
    assert.ok(StartSignInSchema.safeParse({ idNumber: '012345678', password: 'x', humanCheck: 'eyJudW1iZXIiOjF9' }).success);
  });

  test('does not apply the password policy at sign-in: an old password must still get its answer', () => {
    assert.ok(StartSignInSchema.safeParse({ idNumber: '001090001234', password: 'abc' }).success);
  });

  test('names the missing fields required, in Vietnamese and English', () => {
    assert.deepEqual(refusals(StartSignInSchema, {}, 'vi'), [
      { field: 'idNumber', code: 'required', message: 'Vui lòng nhập thông tin này.' },
      { field: 'password', code: 'required', message: 'Vui lòng nhập thông tin này.' },
    ]);
    assert.deepEqual(refusals(StartSignInSchema, {}, 'en'), [
      { field: 'idNumber', code: 'required', message: 'Please fill this in.' },
      { field: 'password', code: 'required', message: 'Please fill this in.' },
    ]);
  });

  test('refuses a malformed ID number with id_number_format', () => {
    assert.deepEqual(brokenRules(StartSignInSchema, { idNumber: '0010900012', password: 'x' }), { idNumber: 'id_number_format' });
  });

  test('refuses a human check longer than 4096 characters with too_long', () => {
    assert.deepEqual(brokenRules(StartSignInSchema, { idNumber: '001090001234', password: 'x', humanCheck: 'a'.repeat(4097) }), { humanCheck: 'too_long' });
  });

  test('answers a body that is not an object as a whole', () => {
    assert.deepEqual(brokenRules(StartSignInSchema, null), { body: 'required' });
  });
});

describe('RefreshSchema (POST /v1/tokens/refresh and /v1/sign-out)', () => {
  test('accepts a refresh token', () => {
    assert.ok(RefreshSchema.safeParse({ refreshToken: 'rt_opaque' }).success);
  });

  test('refuses an empty refresh token as required and one over 512 characters as too_long', () => {
    assert.deepEqual(brokenRules(RefreshSchema, { refreshToken: '' }), { refreshToken: 'required' });
    assert.deepEqual(brokenRules(RefreshSchema, { refreshToken: 'r'.repeat(513) }), { refreshToken: 'too_long' });
  });
});

describe('sign-in responses', () => {
  test('SignInStartedSchema accepts the flow id and the code challenge', () => {
    const otp = { maskedPhone: '097****398', length: 6, expiresAt: '2026-01-01T00:03:00Z', resendAt: '2026-01-01T00:01:00Z' };
    assert.ok(SignInStartedSchema.safeParse({ signInId: 'sgn_1', otp }).success);
  });

  test('TokenSetSchema accepts Bearer tokens and refuses any other token type', () => {
    assert.ok(TokenSetSchema.safeParse(tokens).success);
    assert.equal(TokenSetSchema.safeParse({ ...tokens, tokenType: 'DPoP' }).success, false);
  });

  test('SignedInSchema needs both the tokens and the account', () => {
    const account = { sub: 'acc_7f3a', fullName: 'Nguyễn Văn An', idNumberMasked: '001******234', subjectType: 'citizen', ial: 2, verificationMethod: 'mobile', createdAt: '2026-01-01T00:05:00Z' };
    assert.ok(SignedInSchema.safeParse({ tokens, account }).success);
    assert.equal(SignedInSchema.safeParse({ tokens }).success, false);
  });
});
