import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PASSWORD_POLICY } from '../../src/password/policy.js';
import { COMMON_PASSWORD_BASES, isCommonPassword, passwordBase } from '../../src/password/common.js';
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

test('every common base is stored lower-case without diacritics, so the folded lookup finds it', () => {
  for (const base of COMMON_PASSWORD_BASES) assert.match(base, /^[a-z]+$/, base);
});

test('the short list stays short enough for the widget bundle', () => {
  assert.ok(COMMON_PASSWORD_BASES.size <= 80, `${COMMON_PASSWORD_BASES.size} bases`);
});

test('every common base, decorated the usual ways, is refused as common by the default policy', () => {
  for (const base of COMMON_PASSWORD_BASES) {
    const capital = base.charAt(0).toUpperCase() + base.slice(1);
    for (const password of [`${capital}@123`, `${capital}@2024!`, `!${capital}99`, `${capital.slice(0, -1).replace(/a/g, '@').replace(/o/g, '0')}${capital.slice(-1)}1!`]) {
      assert.ok(isCommonPassword(password), password);
      assert.ok(checkPassword(password, DEFAULT_PASSWORD_POLICY).unmet.includes('common'), password);
    }
  }
});

test('the composition rule lets the classic guessable passwords through; only the common list catches them', () => {
  for (const password of ['Password@123', 'P@ssw0rd1!', 'Matkhau@2024', 'Anhyeuem@1', 'Hanoi@2024', 'Nguyen@123']) {
    assert.deepEqual(checkPassword(password, DEFAULT_PASSWORD_POLICY).unmet, ['common'], password);
    assert.deepEqual(checkPassword(password, { ...DEFAULT_PASSWORD_POLICY, rejectCommon: false }).unmet, [], password);
  }
});

test('passwordBase takes off capitals, diacritics, substitutions and the digits and symbols at both ends', () => {
  assert.equal(passwordBase('P@ssw0rd1!'), 'password');
  assert.equal(passwordBase('Mật-Khẩu@2024'), 'matkhau');
  assert.equal(passwordBase('##Đà.Nẵng2025'), 'danang');
  assert.equal(isCommonPassword('Sông-Hồng-2024'), false);
  assert.equal(isCommonPassword('Ba con mèo trèo cây cau!1'), false);
});
