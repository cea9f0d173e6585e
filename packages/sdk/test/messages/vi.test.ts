import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIELD_RULES, PROBLEM_CODES } from '../../src/messages/codes.js';
import { problemsEn, rulesEn } from '../../src/messages/en.js';
import { problemsVi, rulesVi } from '../../src/messages/vi.js';
import { placeholders } from './catalogue.js';

const vietnameseLetter = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
const texts = [
  ...PROBLEM_CODES.map((code) => [code, problemsVi[code], problemsEn[code]] as const),
  ...FIELD_RULES.map((rule) => [rule, rulesVi[rule], rulesEn[rule]] as const),
];

test('every problem code and field rule has a non-empty Vietnamese text', () => {
  assert.deepEqual(Object.keys(problemsVi).sort(), [...PROBLEM_CODES].sort());
  assert.deepEqual(Object.keys(rulesVi).sort(), [...FIELD_RULES].sort());
  for (const [key, vi] of texts) assert.ok(typeof vi === 'string' && vi.trim().length > 0, key);
});

test('every Vietnamese text keeps its diacritics, precomposed (NFC)', () => {
  for (const [key, vi] of texts) {
    assert.match(vi, vietnameseLetter, `${key}: ${vi}`);
    assert.equal(vi, vi.normalize('NFC'), key);
  }
});

test('every Vietnamese text is a translation, not a copy of the English one', () => {
  for (const [key, vi, en] of texts) assert.notEqual(vi, en, key);
});

test('every Vietnamese text has the same placeholders as its English text', () => {
  for (const [key, vi, en] of texts) assert.deepEqual(placeholders(vi), placeholders(en), key);
});

test('the Vietnamese texts use the national portal’s words for resend and forgot password', () => {
  assert.match(problemsVi.otp_expired, /Gửi lại OTP/);
  assert.match(problemsVi.account_exists, /Quên mật khẩu/);
  assert.match(problemsVi.carrier_mismatch, /^Thông tin đăng ký không khớp với thông tin thuê bao tại nhà mạng/);
});
