import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorsFromIssues, type SchemaIssue } from '../../src/contract/issues.js';
import { CompleteRegistrationSchema, StartRegistrationSchema } from '../../src/contract/registration.js';

const issue = (path: PropertyKey[], message: string, code = 'custom', input?: unknown): SchemaIssue => ({ code, path, message, ...(input !== undefined ? { input } : {}) });

test('names each field by its dotted path in the body', () => {
  assert.deepEqual(fieldErrorsFromIssues([issue(['otp', 'code'], 'otp_format'), issue(['items', 0, 'phone'], 'phone_format')], 'en'), [
    { field: 'otp.code', code: 'otp_format', message: 'The code has 6 digits.' },
    { field: 'items.0.phone', code: 'phone_format', message: 'A mobile number has 10 digits and starts with 0 (for example 0971234398).' },
  ]);
});

test('gives one error per field, the first rule broken', () => {
  const errors = fieldErrorsFromIssues([issue(['idNumber'], 'too_long'), issue(['idNumber'], 'id_number_format')], 'en');
  assert.deepEqual(errors.map((error) => error.code), ['too_long']);
});

test('writes the text in the language asked for', () => {
  assert.deepEqual(fieldErrorsFromIssues([issue(['phone'], 'phone_carrier')], 'vi'), [
    { field: 'phone', code: 'phone_carrier', message: 'Đầu số này không thuộc nhà mạng di động Việt Nam.' },
  ]);
});

test('names an issue on the whole body "body"', () => {
  assert.deepEqual(fieldErrorsFromIssues([issue([], 'invalid_type', 'invalid_type', 'text')], 'en').map((error) => error.field), ['body']);
});

test('turns a message that is not a known rule into invalid_type, and a missing input into required', () => {
  assert.deepEqual(
    fieldErrorsFromIssues([issue(['a'], 'Invalid input', 'invalid_value', 'x'), issue(['b'], 'Invalid input', 'invalid_type', 5), issue(['c'], 'Invalid input', 'invalid_type')], 'en').map((error) => [error.field, error.code]),
    [['a', 'invalid_type'], ['b', 'invalid_type'], ['c', 'required']],
  );
});

test('never echoes the input back in the errors', () => {
  const errors = fieldErrorsFromIssues([issue(['password'], 'password_max_length', 'too_big', 'Secret-Passw0rd!')], 'en');
  assert.doesNotMatch(JSON.stringify(errors), /Secret-Passw0rd/);
});

test('gives no errors for no issues', () => {
  assert.deepEqual(fieldErrorsFromIssues([], 'vi'), []);
});

test('a length rule names its limit in the field message instead of leaving a placeholder', () => {
  const result = CompleteRegistrationSchema.safeParse({ password: 'x'.repeat(2000), passwordConfirmation: 'x' });
  assert.equal(result.success, false);
  const [error] = fieldErrorsFromIssues(result.error!.issues, 'en');
  assert.equal(error?.code, 'password_max_length');
  assert.equal(error?.message, 'At most 1024 characters');
});

test('an old 11-digit phone is refused on its field with the converted number in params and in the text', () => {
  const result = StartRegistrationSchema.safeParse({
    subjectType: 'citizen',
    method: 'mobile',
    idNumber: '001090001234',
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-09-05',
    phone: '0162 123 4567',
    consentVersion: '2025-01',
  });
  assert.equal(result.success, false);
  for (const lang of ['vi', 'en'] as const) {
    const errors = fieldErrorsFromIssues(result.error!.issues, lang);
    assert.deepEqual(errors.map((error) => [error.field, error.code, error.params]), [['phone', 'phone_converted', { suggestion: '0321234567' }]]);
    assert.match(errors[0]!.message, /0321234567/);
  }
});
