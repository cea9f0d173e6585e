import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES } from '../../src/messages/codes.js';
import { localProblemsEn, localRulesEn, problemsEn, rulesEn } from '../../src/messages/en.js';
import { localProblemsVi, localRulesVi, problemsVi, rulesVi } from '../../src/messages/vi.js';
import { problemMessage, ruleMessage } from '../../src/messages/format.js';
import { everyKey } from './catalogue.js';

describe('problemMessage', () => {
  test('gives the text of a problem code in the language asked for', () => {
    assert.equal(problemMessage('invalid_credentials', 'vi'), 'Số định danh hoặc mật khẩu không đúng.');
    assert.equal(problemMessage('invalid_credentials', 'en'), 'The ID number or password is incorrect.');
  });

  test('fills the {seconds} placeholder', () => {
    assert.equal(problemMessage('too_many_attempts', 'en', { seconds: 60 }), 'Too many attempts. Please try again in 60 seconds.');
    assert.equal(problemMessage('otp_resend_too_soon', 'vi', { seconds: 45 }), 'Vui lòng chờ 45 giây trước khi gửi lại OTP.');
  });

  test('leaves a placeholder it has no value for as it is, rather than printing "undefined"', () => {
    assert.equal(problemMessage('too_many_attempts', 'en'), 'Too many attempts. Please try again in {seconds} seconds.');
  });

  test('falls back to the internal-error text for a code the catalogue does not know', () => {
    // A newer service may send a code this SDK version has never heard of.
    assert.equal(problemMessage('brand_new_code' as never, 'vi'), problemMessage('internal', 'vi'));
  });
});

describe('ruleMessage', () => {
  test('gives the text of a field rule and fills {min} and {max}', () => {
    assert.equal(ruleMessage('password_min_length', 'vi', { min: 8 }), 'Ít nhất 8 ký tự');
    assert.equal(ruleMessage('password_min_length', 'en', { min: 8 }), 'At least 8 characters');
    assert.equal(ruleMessage('password_max_length', 'en', { max: 128 }), 'At most 128 characters');
  });

  test('names the converted number of an old 11-digit phone in both languages', () => {
    assert.match(ruleMessage('phone_converted', 'vi', { suggestion: '0321234567' }), /0321234567/);
    assert.match(ruleMessage('phone_converted', 'en', { suggestion: '0321234567' }), /Your number is now 0321234567\./);
  });

  test('falls back to the invalid-type text for a rule the catalogue does not know', () => {
    assert.equal(ruleMessage('brand_new_rule' as never, 'en'), ruleMessage('invalid_type', 'en'));
  });
});

test('every problem code and field rule gives a non-empty text in Vietnamese and English', () => {
  for (const lang of LANGUAGES) {
    for (const { kind, key } of everyKey) {
      const text = kind === 'problem' ? problemMessage(key, lang, { seconds: 30 }) : ruleMessage(key, lang, { min: 8, max: 128, suggestion: '0321234567' });
      assert.ok(text.trim().length > 0, `${lang} ${key}`);
      assert.doesNotMatch(text, /\{\w+\}/, `${lang} ${key} still has a placeholder`);
    }
  }
});

test('the problems a client words itself are the catalogue’s texts, in both languages, with nothing to fill in', () => {
  assert.deepEqual(Object.keys(localProblemsEn).sort(), Object.keys(localProblemsVi).sort());
  // What no answer from the service can word: every code a transport raises on its own is there.
  for (const code of ['network', 'timeout', 'aborted', 'internal'] as const) assert.ok(code in localProblemsVi, code);
  for (const [code, text] of Object.entries(localProblemsVi)) {
    assert.equal(text, problemsVi[code as keyof typeof localProblemsVi], code);
    assert.doesNotMatch(text, /\{\w+\}/, code);
  }
  for (const [code, text] of Object.entries(localProblemsEn)) assert.equal(text, problemsEn[code as keyof typeof localProblemsEn], code);
});

test('the rules a client checks itself are the catalogue’s texts, in both languages; the service words the rest', () => {
  assert.deepEqual(Object.keys(localRulesEn).sort(), Object.keys(localRulesVi).sort());
  // The generic text for a rule without one, and every rule the SDK's own checks report.
  for (const rule of ['invalid_type', 'required', 'id_number_format', 'phone_converted', 'date_future', 'name_script', 'email_format', 'bhxh_format', 'otp_format', 'consent_required', 'id_number_cccd'] as const) assert.ok(rule in localRulesVi, rule);
  for (const rule of ['min_length', 'max_length', 'lower', 'upper', 'digit', 'special', 'control', 'common', 'personal_data', 'mismatch'] as const) assert.ok(`password_${rule}` in localRulesVi, rule);
  for (const [rule, text] of Object.entries(localRulesVi)) assert.equal(text, rulesVi[rule as keyof typeof localRulesVi], rule);
  for (const [rule, text] of Object.entries(localRulesEn)) assert.equal(text, rulesEn[rule as keyof typeof localRulesEn], rule);
  // Only the service applies these: it sends their text with the field error.
  for (const rule of ['too_long', 'unchanged', 'method_not_offered', 'subject_type', 'password_guessable', 'password_reused']) assert.ok(!(rule in localRulesVi), rule);
});
