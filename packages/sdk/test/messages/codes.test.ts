import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FIELD_RULES, LANGUAGES, PROBLEM_CODES, pickLanguage } from '../../src/messages/codes.js';
import { policyRules } from '../../src/password/check.js';
import { DEFAULT_PASSWORD_POLICY } from '../../src/password/policy.js';

describe('pickLanguage', () => {
  test('answers in Vietnamese when nothing is asked', () => {
    assert.equal(pickLanguage(undefined), 'vi');
    assert.equal(pickLanguage(null), 'vi');
    assert.equal(pickLanguage(''), 'vi');
  });

  test('answers in English when English is preferred', () => {
    assert.equal(pickLanguage('en'), 'en');
    assert.equal(pickLanguage('en-GB,en;q=0.9,vi;q=0.5'), 'en');
    assert.equal(pickLanguage('EN-us'), 'en');
  });

  test('answers in Vietnamese when Vietnamese is preferred', () => {
    assert.equal(pickLanguage('vi'), 'vi');
    assert.equal(pickLanguage('vi-VN,vi;q=0.9,en;q=0.8'), 'vi');
    assert.equal(pickLanguage('en;q=0.5, vi;q=0.8'), 'vi');
  });

  test('skips languages it does not speak and takes the next preferred one', () => {
    assert.equal(pickLanguage('fr-FR,fr;q=0.9,en;q=0.5'), 'en');
    assert.equal(pickLanguage('ja,zh;q=0.9'), 'vi');
    assert.equal(pickLanguage('*'), 'vi');
  });

  test('ignores a language refused with q=0', () => {
    assert.equal(pickLanguage('vi;q=0,en'), 'en');
    assert.equal(pickLanguage('en;q=0'), 'vi');
  });

  test('keeps the header’s order between languages of equal weight', () => {
    assert.equal(pickLanguage('en, vi'), 'en');
    assert.equal(pickLanguage('vi, en'), 'vi');
  });
});

test('DVC Kit speaks Vietnamese first, then English', () => {
  assert.deepEqual(LANGUAGES, ['vi', 'en']);
});

test('problem codes and field rules are each listed once', () => {
  assert.equal(new Set(PROBLEM_CODES).size, PROBLEM_CODES.length);
  assert.equal(new Set(FIELD_RULES).size, FIELD_RULES.length);
});

test('every password rule a policy can list has a field rule password_<rule>', () => {
  const rules = [...policyRules(DEFAULT_PASSWORD_POLICY), 'max_length', 'common', 'personal_data', 'mismatch'];
  for (const rule of rules) assert.ok((FIELD_RULES as readonly string[]).includes(`password_${rule}`), rule);
});
