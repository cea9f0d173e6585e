import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PASSWORD_POLICY } from '../../src/password/policy.js';
import { COMMON_PASSWORDS } from '../../src/password/common.js';
import { checkPassword } from '../../src/password/check.js';

test('the default policy is the national portal rule: 8 to 128 characters, all four classes, common and personal data refused', () => {
  assert.deepEqual(DEFAULT_PASSWORD_POLICY, {
    minLength: 8,
    maxLength: 128,
    requireLower: true,
    requireUpper: true,
    requireDigit: true,
    requireSpecial: true,
    rejectCommon: true,
    rejectPersonalData: true,
  });
});

test('the default policy cannot be changed by a caller', () => {
  assert.ok(Object.isFrozen(DEFAULT_PASSWORD_POLICY));
});

test('every common password is stored lower-case, so the case-insensitive lookup finds it', () => {
  for (const password of COMMON_PASSWORDS) assert.equal(password, password.toLowerCase());
});

test('every common password is refused as common by the default policy', () => {
  for (const password of COMMON_PASSWORDS) {
    assert.ok(checkPassword(password, DEFAULT_PASSWORD_POLICY).unmet.includes('common'), password);
  }
});
