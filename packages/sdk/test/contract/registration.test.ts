import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CodeResentSchema,
  CompleteRegistrationSchema,
  RegistrationCodeVerifiedSchema,
  RegistrationCompletedSchema,
  RegistrationStartedSchema,
  StartBhxhRegistrationSchema,
  StartMobileRegistrationSchema,
  StartRegistrationSchema,
  VerifyCodeSchema,
} from '../../src/contract/registration.js';
import { brokenRules, refusals } from './refusals.js';

const body = {
  subjectType: 'citizen',
  method: 'mobile',
  idNumber: '001090001234',
  fullName: 'Nguyễn Văn An',
  birthDate: '1990-09-05',
  phone: '+84971234398',
  consentVersion: '2025-01',
};
const otp = { maskedPhone: '097****398', length: 6, expiresAt: '2026-01-01T00:03:00Z', resendAt: '2026-01-01T00:01:00Z' };
const account = {
  sub: 'acc_7f3a',
  fullName: 'Nguyễn Văn An',
  idNumberMasked: '001******234',
  subjectType: 'citizen',
  ial: 2,
  verificationMethod: 'mobile',
  createdAt: '2026-01-01T00:05:00Z',
};

describe('StartRegistrationSchema (POST /v1/registrations)', () => {
  test('accepts a citizen registering by mobile subscriber', () => {
    assert.deepEqual(StartRegistrationSchema.parse(body), body);
  });

  test('accepts the forms a citizen types: spaced ID number, national phone, dd/mm/yyyy, plus e-mail and human check', () => {
    const typed = { ...body, idNumber: '001 090 001 234', phone: '097 123 4398', birthDate: '05/09/1990', email: 'an.nguyen@example.vn', humanCheck: 'eyJudW1iZXIiOjF9' };
    assert.ok(StartRegistrationSchema.safeParse(typed).success);
  });

  test('drops fields the contract does not know instead of passing them on', () => {
    assert.deepEqual(StartRegistrationSchema.parse({ ...body, isAdmin: true }), body);
  });

  test('names each bad field and the rule it broke', () => {
    assert.deepEqual(
      brokenRules(StartRegistrationSchema, { ...body, idNumber: '12345', fullName: 'R2-D2', birthDate: '31/02/1990', phone: '0241234567', email: 'an.nguyen' }),
      { idNumber: 'id_number_format', fullName: 'name_characters', birthDate: 'date_invalid', phone: 'phone_carrier', email: 'email_format' },
    );
  });

  test('without a method names only method (which fields are asked depends on it), required or invalid_type', () => {
    assert.deepEqual(brokenRules(StartRegistrationSchema, {}), { method: 'required' });
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...body, method: null }), { method: 'required' });
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...body, method: 'carrier-pigeon' }), { method: 'invalid_type' });
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...body, method: 42 }), { method: 'invalid_type' });
    assert.deepEqual(brokenRules(StartRegistrationSchema, 'mobile'), { body: 'required' });
  });

  test('names every missing required field of a method required', () => {
    assert.deepEqual(brokenRules(StartRegistrationSchema, { method: 'mobile' }), {
      subjectType: 'required',
      idNumber: 'required',
      fullName: 'required',
      birthDate: 'required',
      phone: 'required',
      consentVersion: 'required',
    });
  });

  test('refuses a date of birth in another year than the CCCD number gives, on birthDate, in both languages', () => {
    const mismatch = { ...body, birthDate: '05/09/1991' };
    assert.deepEqual(brokenRules(StartRegistrationSchema, mismatch), { birthDate: 'id_number_birth_year' });
    assert.equal(refusals(StartRegistrationSchema, mismatch, 'vi')[0]!.message, 'Năm sinh không khớp với năm sinh trong số định danh cá nhân (chữ số thứ 4 đến 6).');
    assert.equal(refusals(StartRegistrationSchema, mismatch, 'en')[0]!.message, 'The year of birth does not match the one in the personal ID number (digits 4 to 6).');
    // A 9-digit CMND carries no birth year, and a date that is itself wrong keeps its own rule.
    assert.ok(StartRegistrationSchema.safeParse({ ...body, idNumber: '012345678', birthDate: '1991-01-01' }).success);
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...body, birthDate: '31/02/1991' }), { birthDate: 'date_invalid' });
  });

  test('refuses an empty consent version with consent_required', () => {
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...body, consentVersion: '' }), { consentVersion: 'consent_required' });
  });

  test('refuses a subject type other than citizen with subject_type', () => {
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...body, subjectType: 'enterprise' }), { subjectType: 'subject_type' });
  });

  test('refuses a value of the wrong JSON type with invalid_type, not required', () => {
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...body, idNumber: 1090001234, humanCheck: 42 }), {
      idNumber: 'invalid_type',
      humanCheck: 'invalid_type',
    });
  });

  test('gives the rule’s text in Vietnamese and in English', () => {
    const bad = { ...body, phone: '097123' };
    assert.deepEqual(refusals(StartRegistrationSchema, bad, 'vi'), [
      { field: 'phone', code: 'phone_format', message: 'Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0971234398).' },
    ]);
    assert.deepEqual(refusals(StartRegistrationSchema, bad, 'en'), [
      { field: 'phone', code: 'phone_format', message: 'A mobile number has 10 digits and starts with 0 (for example 0971234398).' },
    ]);
  });
});

const bhxh = { ...body, method: 'bhxh', bhxhCode: '0101234567' };

describe('StartRegistrationSchema by social insurance (method bhxh)', () => {
  test('accepts a citizen registering by social insurance, with an optional e-mail', () => {
    assert.deepEqual(StartRegistrationSchema.parse(bhxh), bhxh);
    assert.deepEqual(StartRegistrationSchema.parse({ ...bhxh, email: 'an.nguyen@example.vn' }), { ...bhxh, email: 'an.nguyen@example.vn' });
    assert.deepEqual(StartBhxhRegistrationSchema.parse(bhxh), bhxh);
  });

  test('reads a BHXH code as citizens paste it: spaces, dots, full-width digits, invisible characters', () => {
    for (const bhxhCode of ['01 0123 4567', '0101.234.567', '０１０１２３４５６７', '\u200B0101234567\u00A0']) {
      assert.ok(StartRegistrationSchema.safeParse({ ...bhxh, bhxhCode }).success, bhxhCode);
    }
  });

  test('names a missing BHXH code required and one that is not 10 digits bhxh_format, in both languages', () => {
    const { bhxhCode: _code, ...withoutCode } = bhxh;
    assert.deepEqual(brokenRules(StartRegistrationSchema, withoutCode), { bhxhCode: 'required' });
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...bhxh, bhxhCode: '' }), { bhxhCode: 'required' });
    for (const bhxhCode of ['010123456', '01012345678', 'BH01234567']) {
      assert.deepEqual(brokenRules(StartRegistrationSchema, { ...bhxh, bhxhCode }), { bhxhCode: 'bhxh_format' }, bhxhCode);
    }
    assert.deepEqual(refusals(StartRegistrationSchema, { ...bhxh, bhxhCode: '123' }, 'vi'), [{ field: 'bhxhCode', code: 'bhxh_format', message: 'Mã số BHXH gồm 10 chữ số.' }]);
    assert.deepEqual(refusals(StartRegistrationSchema, { ...bhxh, bhxhCode: '123' }, 'en'), [{ field: 'bhxhCode', code: 'bhxh_format', message: 'A social insurance code has 10 digits.' }]);
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...bhxh, bhxhCode: 1012345678 }), { bhxhCode: 'invalid_type' });
  });

  test('names every missing field of a social-insurance registration required, the BHXH code included', () => {
    assert.deepEqual(brokenRules(StartRegistrationSchema, { method: 'bhxh' }), {
      subjectType: 'required',
      bhxhCode: 'required',
      idNumber: 'required',
      fullName: 'required',
      birthDate: 'required',
      phone: 'required',
      consentVersion: 'required',
    });
  });

  test('applies the same field rules as by mobile subscriber, birth year of the CCCD included', () => {
    assert.deepEqual(
      brokenRules(StartRegistrationSchema, { ...bhxh, idNumber: '12345', fullName: 'R2-D2', birthDate: '31/02/1990', phone: '0241234567', email: 'an.nguyen', subjectType: 'enterprise' }),
      { subjectType: 'subject_type', idNumber: 'id_number_format', fullName: 'name_characters', birthDate: 'date_invalid', phone: 'phone_carrier', email: 'email_format' },
    );
    assert.deepEqual(brokenRules(StartRegistrationSchema, { ...bhxh, birthDate: '05/09/1991' }), { birthDate: 'id_number_birth_year' });
  });

  test('a mobile request is what it was: a stray bhxhCode is dropped, not checked', () => {
    assert.deepEqual(StartRegistrationSchema.parse({ ...body, bhxhCode: 'nonsense' }), body);
    assert.deepEqual(StartMobileRegistrationSchema.parse(body), body);
  });
});

describe('VerifyCodeSchema (POST …/otp/verify)', () => {
  test('accepts a six-digit code', () => {
    assert.ok(VerifyCodeSchema.safeParse({ code: '012345' }).success);
  });

  test('refuses a code that is not six digits with otp_format, in both languages', () => {
    assert.deepEqual(refusals(VerifyCodeSchema, { code: '12345' }, 'vi'), [{ field: 'code', code: 'otp_format', message: 'Mã OTP gồm 6 chữ số.' }]);
    assert.deepEqual(refusals(VerifyCodeSchema, { code: '12345' }, 'en'), [{ field: 'code', code: 'otp_format', message: 'The code has 6 digits.' }]);
  });
});

describe('CompleteRegistrationSchema (POST …/password)', () => {
  test('accepts a password and its confirmation; the policy is checked separately', () => {
    assert.ok(CompleteRegistrationSchema.safeParse({ password: 'Sông-Hồng-2024', passwordConfirmation: 'Sông-Hồng-2024' }).success);
  });

  test('names a missing password and confirmation required', () => {
    assert.deepEqual(brokenRules(CompleteRegistrationSchema, { password: '' }), { password: 'required', passwordConfirmation: 'required' });
  });
});

describe('registration responses', () => {
  test('RegistrationStartedSchema accepts the flow id and the code’s destination and timing', () => {
    assert.ok(RegistrationStartedSchema.safeParse({ registrationId: 'reg_1', otp }).success);
  });

  test('RegistrationStartedSchema refuses code timings that are not ISO instants', () => {
    assert.equal(RegistrationStartedSchema.safeParse({ registrationId: 'reg_1', otp: { ...otp, expiresAt: '01/01/2026 00:03' } }).success, false);
  });

  test('RegistrationCodeVerifiedSchema accepts only password as the next step', () => {
    assert.ok(RegistrationCodeVerifiedSchema.safeParse({ registrationId: 'reg_1', next: 'password' }).success);
    assert.equal(RegistrationCodeVerifiedSchema.safeParse({ registrationId: 'reg_1', next: 'done' }).success, false);
  });

  test('CodeResentSchema accepts a new code challenge', () => {
    assert.ok(CodeResentSchema.safeParse({ otp }).success);
  });

  test('RegistrationCompletedSchema accepts the new account and refuses an unknown subject type', () => {
    assert.ok(RegistrationCompletedSchema.safeParse({ account }).success);
    assert.equal(RegistrationCompletedSchema.safeParse({ account: { ...account, subjectType: 'tourist' } }).success, false);
  });
});
