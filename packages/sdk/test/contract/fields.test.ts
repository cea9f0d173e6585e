import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import {
  BhxhField,
  BirthDateField,
  EmailField,
  FullNameField,
  IdNumberField,
  OtpCodeField,
  PasswordField,
  PhoneField,
} from '../../src/contract/fields.js';
import { brokenRules } from './refusals.js';

const field = (schema: z.ZodMiniType) => z.object({ value: schema });
const ruleFor = (schema: z.ZodMiniType, value: unknown) => brokenRules(field(schema), { value }).value;
const accepts = (schema: z.ZodMiniType, value: unknown) => field(schema).safeParse({ value }).success;

const cases: { name: string; schema: z.ZodMiniType; good: string[]; bad: [unknown, string][] }[] = [
  {
    name: 'IdNumberField',
    schema: IdNumberField,
    good: ['001090001234', '001 090 001 234', '012345678'],
    bad: [['', 'required'], ['12345', 'id_number_format'], ['0'.repeat(33), 'too_long'], [1090001234, 'invalid_type']],
  },
  {
    name: 'PhoneField',
    schema: PhoneField,
    good: ['0971234398', '+84971234398', '097 123 4398', '+84 (0) 97 123 4398', '０９７１２３４３９８'],
    bad: [['', 'required'], ['097123', 'phone_format'], ['0241234567', 'phone_carrier'], ['01621234567', 'phone_converted'], [971234398, 'invalid_type']],
  },
  {
    name: 'BirthDateField',
    schema: BirthDateField,
    good: ['1990-09-05', '05/09/1990'],
    bad: [['', 'required'], ['5 Sep 1990', 'date_format'], ['1990-02-30', 'date_invalid'], ['2999-01-01', 'date_future'], ['1800-01-01', 'date_too_old'], ['1990-09-05T00:00', 'too_long']],
  },
  {
    name: 'FullNameField',
    schema: FullNameField,
    good: ['Nguyễn Văn An', "H'Hen Niê"],
    bad: [['', 'required'], ['R2-D2', 'name_characters'], ['A', 'name_length'], ['a'.repeat(201), 'too_long'], [['Nguyễn', 'An'], 'invalid_type']],
  },
  {
    name: 'EmailField',
    schema: EmailField,
    good: ['an.nguyen@example.vn'],
    bad: [['', 'email_format'], ['an.nguyen', 'email_format'], [`${'a'.repeat(250)}@b.vn`, 'too_long']],
  },
  {
    name: 'BhxhField',
    schema: BhxhField,
    good: ['0123456789', '01 2345 6789', '０１２３４５６７８９'],
    bad: [['', 'required'], ['012345', 'bhxh_format'], ['0'.repeat(33), 'too_long']],
  },
  {
    name: 'OtpCodeField',
    schema: OtpCodeField,
    good: ['012345'],
    bad: [['', 'required'], ['12a456', 'otp_format'], ['1234567', 'too_long'], [123456, 'invalid_type']],
  },
  {
    name: 'PasswordField',
    schema: PasswordField,
    good: ['x', 'Sông-Hồng-2024', 'a'.repeat(1024)],
    bad: [['', 'required'], ['a'.repeat(1025), 'password_max_length'], [12345678, 'invalid_type']],
  },
];

for (const { name, schema, good, bad } of cases) {
  describe(name, () => {
    test(`accepts ${good.map((value) => JSON.stringify(value.length > 20 ? `${value.slice(0, 8)}…` : value)).join(', ')}`, () => {
      for (const value of good) assert.ok(accepts(schema, value), value);
    });

    for (const [value, rule] of bad) {
      const shown = JSON.stringify(value)!;
      test(`refuses ${shown.length > 24 ? `${shown.slice(0, 12)}… (${String(value).length} characters)` : shown} with ${rule}`, () => {
        assert.equal(ruleFor(schema, value), rule);
      });
    }

    test('names a missing value required', () => {
      assert.deepEqual(brokenRules(field(schema), {}), { value: 'required' });
      assert.deepEqual(brokenRules(field(schema), { value: null }), { value: 'required' });
    });
  });
}

test('a value too long for its field is answered too_long, before any format rule', () => {
  assert.equal(ruleFor(IdNumberField, 'x'.repeat(40)), 'too_long');
});

test('the schema keeps the value as typed; normalising is the service’s job', () => {
  assert.deepEqual(field(IdNumberField).parse({ value: '001 090 001 234' }), { value: '001 090 001 234' });
});
