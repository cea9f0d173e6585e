import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIELD_RULES, PROBLEM_CODES } from '../../src/messages/codes.js';
import { problemsEn, rulesEn } from '../../src/messages/en.js';

const texts = [
  ...PROBLEM_CODES.map((code) => [code, problemsEn[code]] as const),
  ...FIELD_RULES.map((rule) => [rule, rulesEn[rule]] as const),
];

test('every problem code and field rule has a non-empty English text', () => {
  assert.deepEqual(Object.keys(problemsEn).sort(), [...PROBLEM_CODES].sort());
  assert.deepEqual(Object.keys(rulesEn).sort(), [...FIELD_RULES].sort());
  for (const [key, en] of texts) assert.ok(typeof en === 'string' && en.trim().length > 0, key);
});

test('no two problem codes share an English text, so a citizen can tell the failures apart', () => {
  const values = PROBLEM_CODES.map((code) => problemsEn[code]);
  assert.equal(new Set(values).size, values.length);
});

test('the limit texts say how long to wait through a {seconds} placeholder', () => {
  for (const code of ['too_many_attempts', 'otp_resend_too_soon', 'otp_rate_limited'] as const) {
    assert.match(problemsEn[code], /\{seconds\}/, code);
  }
});
