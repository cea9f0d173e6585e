import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS, ruleMessage } from '@dvc-kit/sdk';
import { RegistryUnavailableError, type CarrierRegistry, type SmsGateway } from '../../src/index.js';
import { AN, MINH, NGOC, PASSWORD } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { json, PROVINCE, registrationBody, startTestService } from '../support/service.js';

export function registrationSpec(db: () => TestDatabase): void {
  describe('registration by mobile subscriber', () => {
    test('a citizen whose details match the carrier gets a code on the masked phone, sets a password and has an IAL2 account', async () => {
      const t = await startTestService(db());
      const started = await t.call('POST', PATHS.registrations, { body: registrationBody(AN) });
      assert.equal(started.status, 201);
      const { registrationId, otp } = await json(started);
      assert.match(registrationId, /^[A-Za-z0-9_-]{22,}$/);
      assert.deepEqual(otp, {
        maskedPhone: '097****398',
        length: 6,
        expiresAt: new Date(t.clock.now().getTime() + 180_000).toISOString(),
        resendAt: new Date(t.clock.now().getTime() + 60_000).toISOString(),
      });
      const [sms] = await t.service.outbox!.messages({ to: AN.phone });
      assert.match(sms!.text, /^DVC: Ma xac thuc cua ban la \d{6}, hieu luc 3 phut\. Khong chia se ma nay cho bat ky ai\.$/);

      const verified = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(verified.status, 200);
      assert.deepEqual(await json(verified), { registrationId, next: 'password' });

      const completed = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
      assert.equal(completed.status, 201);
      const { account } = await json(completed);
      assert.match(account.sub, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.deepEqual({ ...account, sub: 'uuid' }, {
        sub: 'uuid',
        fullName: 'Nguyễn Văn An',
        idNumberMasked: '001******234',
        idNumbersMasked: ['001******234'],
        subjectType: 'citizen',
        ial: 2,
        verificationMethod: 'mobile',
        createdAt: t.clock.now().toISOString(),
      });
    });

    test('pasted identifiers are read as typed (full-width digits, invisible characters, +84 (0)); an old 11-digit phone is refused with the number it became', async () => {
      const t = await startTestService(db());
      const pasted = registrationBody(AN, { idNumber: `\uFEFF${[...AN.idNumber].map((d) => String.fromCodePoint(0xff10 + Number(d))).join('')}\u200B`, phone: `+84 (0) ${AN.nationalPhone.slice(1, 4)}\u00A0${AN.nationalPhone.slice(4)}` });
      const started = await t.call('POST', PATHS.registrations, { body: pasted });
      assert.equal(started.status, 201, JSON.stringify(await json(started.clone())));
      const old = await json(await t.call('POST', PATHS.registrations, { body: registrationBody(NGOC, { phone: '0162 123 4567', idNumber: '003195004321' }), lang: 'en' }));
      assert.equal(old.code, 'validation_failed');
      assert.deepEqual(old.errors.map((error: { field: string; code: string; params?: unknown }) => [error.field, error.code, error.params]), [
        ['idNumber', 'id_number_province', undefined],
        ['phone', 'phone_converted', { suggestion: '0321234567' }],
      ]);
      assert.match(old.errors[1].message, /Your number is now 0321234567\./);
    });

    test('details that do not match the carrier are refused with carrier_mismatch, in Vietnamese by default and in English on request, and no code is sent', async () => {
      const t = await startTestService(db());
      const wrongBirthDate = registrationBody(AN, { birthDate: '1990-09-06' });
      const vi = await t.call('POST', PATHS.registrations, { body: wrongBirthDate });
      assert.equal(vi.status, 422);
      assert.equal(vi.headers.get('Content-Type'), 'application/problem+json; charset=utf-8');
      const problem = await json(vi);
      assert.equal(problem.code, 'carrier_mismatch');
      assert.ok(problem.detail.startsWith('Thông tin đăng ký không khớp với thông tin thuê bao tại nhà mạng'), problem.detail);
      const en = await json(await t.call('POST', PATHS.registrations, { body: registrationBody(AN, { phone: NGOC.nationalPhone }), lang: 'en-GB,en;q=0.9' }));
      assert.equal(en.code, 'carrier_mismatch');
      assert.ok(en.detail.startsWith('Your details do not match the subscriber record at your mobile carrier'), en.detail);
      assert.equal(await t.textsTo(AN.phone), 0);
      assert.equal(await t.textsTo(NGOC.phone), 0);
    });

    test('a name differing only in case and spacing still matches the carrier record', async () => {
      const t = await startTestService(db());
      const response = await t.call('POST', PATHS.registrations, { body: registrationBody(AN, { fullName: '  NGUYỄN   văn AN ', phone: '+84 97 123 4398', birthDate: '05/09/1990' }) });
      assert.equal(response.status, 201);
    });

    test('every invalid field is named with its rule, in Vietnamese and in English', async () => {
      const t = await startTestService(db());
      const body = registrationBody(AN, { idNumber: '12345', fullName: 'R2-D2', birthDate: '31/02/1990', phone: '0121234567', email: 'not-an-email' });
      const vi = await t.call('POST', PATHS.registrations, { body });
      assert.equal(vi.status, 400);
      const problem = await json(vi);
      assert.equal(problem.code, 'validation_failed');
      assert.equal(problem.detail, 'Thông tin chưa hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.');
      const byField = Object.fromEntries(problem.errors.map((error: { field: string }) => [error.field, error]));
      assert.deepEqual(byField.idNumber, { field: 'idNumber', code: 'id_number_format', message: 'Số định danh gồm 12 chữ số (CCCD) hoặc 9 chữ số (CMND).' });
      assert.equal(byField.fullName.code, 'name_characters');
      assert.equal(byField.birthDate.code, 'date_invalid');
      assert.equal(byField.phone.code, 'phone_carrier');
      assert.equal(byField.email.code, 'email_format');
      const en = await json(await t.call('POST', PATHS.registrations, { body, lang: 'en' }));
      const enIdNumber = en.errors.find((error: { field: string }) => error.field === 'idNumber');
      assert.equal(enIdNumber.message, 'An ID number has 12 digits (CCCD) or 9 digits (CMND).');
      assert.equal(en.detail, 'Some details are not valid. Please check the marked fields.');
    });

    test('a date of birth in another year than the CCCD number gives is refused on birthDate before the carrier is asked', async () => {
      const t = await startTestService(db());
      const response = await t.call('POST', PATHS.registrations, { body: registrationBody(AN, { birthDate: '05/09/1991' }), lang: 'en' });
      assert.equal(response.status, 400);
      const problem = await json(response);
      assert.deepEqual(problem.errors, [{ field: 'birthDate', code: 'id_number_birth_year', message: 'The year of birth does not match the one in the personal ID number (digits 4 to 6).' }]);
      assert.equal(await t.textsTo(AN.phone), 0, 'no code was sent');
    });

    test('a missing field is reported as required', async () => {
      const t = await startTestService(db());
      const { phone: _phone, ...withoutPhone } = registrationBody(AN);
      const problem = await json(await t.call('POST', PATHS.registrations, { body: withoutPhone }));
      assert.deepEqual(problem.errors, [{ field: 'phone', code: 'required', message: 'Vui lòng nhập thông tin này.' }]);
    });

    test('malformed JSON or a JSON array is a 400 validation_failed, a huge body 413 body_too_large, never a 500', async () => {
      const t = await startTestService(db());
      for (const rawBody of ['{"idNumber": ', '[1,2,3]', 'null']) {
        const response = await t.call('POST', PATHS.registrations, { rawBody });
        assert.equal(response.status, 400, rawBody.slice(0, 20));
        const problem = await json(response);
        assert.equal(problem.code, 'validation_failed');
        assert.equal(problem.errors[0].field, 'body');
      }
      const huge = await t.call('POST', PATHS.registrations, { rawBody: JSON.stringify({ fullName: 'x'.repeat(70_000) }) });
      assert.equal(huge.status, 413);
      assert.equal((await json(huge)).code, 'body_too_large');
    });

    test('a consent version other than the one in force is refused on consentVersion', async () => {
      const t = await startTestService(db());
      const problem = await json(await t.call('POST', PATHS.registrations, { body: registrationBody(AN, { consentVersion: '2019-01' }) }));
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(problem.errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['consentVersion', 'consent_required']]);
    });

    test('an ID number that already has an account is told account_exists once the code sent to the phone is confirmed', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      t.clock.advance(60);
      // Until the code is confirmed the answer is the same as for a new citizen: no existence oracle.
      const registrationId = await t.startRegistration(AN);
      const response = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(response.status, 409);
      const problem = await json(response);
      assert.equal(problem.code, 'account_exists');
      assert.equal(problem.detail, 'Số định danh này đã có tài khoản. Vui lòng đăng nhập hoặc chọn “Quên mật khẩu”.');
      const password = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
      assert.equal((await json(password)).code, 'flow_step');
    });

    test('a password that breaks rules is refused with one field error per rule, password_<rule>, in the citizen\'s language', async () => {
      const t = await startTestService(db());
      const registrationId = await t.startRegistration(NGOC);
      await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(NGOC.phone) } });
      const attempt = async (password: string, passwordConfirmation = password, lang = 'vi') => {
        const response = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password, passwordConfirmation }, lang });
        assert.equal(response.status, 400);
        const problem = await json(response);
        assert.equal(problem.code, 'validation_failed');
        return problem.errors as { field: string; code: string; message: string }[];
      };
      assert.deepEqual(await attempt('matkhau'), [
        { field: 'password', code: 'password_min_length', message: 'Ít nhất 8 ký tự' },
        { field: 'password', code: 'password_upper', message: 'Có chữ hoa (A–Z)' },
        { field: 'password', code: 'password_digit', message: 'Có chữ số (0–9)' },
        { field: 'password', code: 'password_special', message: 'Có ký tự đặc biệt (ví dụ @ # $ !)' },
        { field: 'password', code: 'password_common', message: 'Mật khẩu này quá phổ biến, dễ bị đoán.' },
      ]);
      assert.deepEqual((await attempt('matkhau', 'matkhau', 'en')).map((error) => error.message), ['At least 8 characters', 'An upper-case letter (A–Z)', 'A digit (0–9)', 'A special character (for example @ # $ !)', 'This password is too common and easy to guess.']);
      assert.deepEqual(await attempt(PASSWORD, 'Sông-Hồng-2025'), [{ field: 'passwordConfirmation', code: 'password_mismatch', message: 'Mật khẩu xác nhận không khớp.' }]);
      // The composition rule lets these through; the guessability estimate (zxcvbn + Vietnamese words) does not.
      for (const guessable of ['Password@123', 'P@ssw0rd1!', 'Matkhau@2024', 'Anhyeuem@1', 'Hanoi@2024', 'Nguyen@123', 'Hoabinh@2024']) {
        assert.deepEqual(await attempt(guessable), [{ field: 'password', code: 'password_guessable', message: ruleMessage('password_guessable', 'vi') }], guessable);
      }
      assert.deepEqual((await attempt('Matkhau@2024', 'Matkhau@2024', 'en')).map((error) => [error.field, error.code, error.message]), [['password', 'password_guessable', ruleMessage('password_guessable', 'en')]]);
      assert.deepEqual((await attempt('Sông-Hồng\n2024')).map((error) => error.code), ['password_control']);
      assert.deepEqual((await attempt(`Id#${NGOC.idNumber}x`)).map((error) => error.code), ['password_personal_data']);
      assert.deepEqual((await attempt('Ngọc@12031995')).map((error) => error.code), ['password_personal_data']);
      assert.deepEqual((await attempt(`Aa1!${'x'.repeat(130)}`)).map((error) => [error.code, error.message]), [['password_max_length', 'Không quá 128 ký tự']]);
      // None of this used up the flow: a good password still creates the account.
      const done = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
      assert.equal(done.status, 201);
    });

    test('an operator may drop the composition rules; the service then applies exactly what it publishes', async () => {
      const t = await startTestService(db(), { config: { passwordPolicy: { requireUpper: false, requireDigit: false, requireSpecial: false, minLength: 12 } } });
      const config = await json(await t.call('GET', PATHS.config));
      assert.equal(config.passwordPolicy.requireUpper, false);
      assert.equal(config.passwordPolicy.minLength, 12);
      const account = await t.register(MINH, 'sông hồng chảy về biển đông');
      assert.equal(account.ial, 2);
    });

    test('the password step before the code is confirmed is refused with flow_step', async () => {
      const t = await startTestService(db());
      const registrationId = await t.startRegistration(AN);
      const response = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
      assert.equal(response.status, 409);
      assert.equal((await json(response)).code, 'flow_step');
    });

    test('a registration is only found by the portal that started it, and not after 30 minutes', async () => {
      const t = await startTestService(db());
      const registrationId = await t.startRegistration(AN);
      const code = await t.latestCode(AN.phone);
      const otherPortal = await t.call('POST', PATHS.registrationVerify(registrationId), { client: PROVINCE.id, body: { code } });
      assert.equal(otherPortal.status, 404);
      assert.equal((await json(otherPortal)).code, 'flow_not_found');
      const unknown = await t.call('POST', PATHS.registrationVerify('no-such-registration'), { body: { code } });
      assert.equal((await json(unknown)).code, 'flow_not_found');
      await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code } });
      t.clock.advance(30 * 60);
      const late = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
      assert.equal(late.status, 404);
      assert.equal((await json(late)).code, 'flow_not_found');
    });

    test('parallel submissions of the password create exactly one account and never a 500', async () => {
      const t = await startTestService(db());
      const registrationId = await t.startRegistration(AN);
      await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(AN.phone) } });
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } })),
      );
      const statuses = responses.map((response) => response.status).sort();
      assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409]);
      assert.equal(await countRows(t.service.store.sql, 'SELECT count(*)::int AS count FROM accounts'), 1);
    });

    test('two registrations of one ID number finishing at once create one account; the other is told account_exists', async () => {
      const t = await startTestService(db());
      const first = await t.startRegistration(AN);
      await t.call('POST', PATHS.registrationVerify(first), { body: { code: await t.latestCode(AN.phone) } });
      const second = await t.startRegistration(AN);
      await t.call('POST', PATHS.registrationVerify(second), { body: { code: await t.latestCode(AN.phone) } });
      const body = { password: PASSWORD, passwordConfirmation: PASSWORD };
      const responses = await Promise.all([first, second].map((id) => t.call('POST', PATHS.registrationPassword(id), { body })));
      const results = await Promise.all(responses.map(async (response) => [response.status, response.status === 201 ? 'created' : (await json(response)).code]));
      assert.deepEqual(results.sort(), [[201, 'created'], [409, 'account_exists']]);
    });

    test('a repeat with the same Idempotency-Key and body gets the first answer and sends no second code', async () => {
      const t = await startTestService(db());
      const headers = { 'Idempotency-Key': 'reg-7f3a9c' };
      const first = await t.call('POST', PATHS.registrations, { body: registrationBody(AN), headers });
      t.clock.advance(5);
      const again = await t.call('POST', PATHS.registrations, { body: registrationBody(AN), headers });
      assert.equal(first.status, 201);
      assert.equal(again.status, 201);
      assert.deepEqual(await json(again), await json(first));
      assert.equal(await t.textsTo(AN.phone), 1);
    });

    test('the same Idempotency-Key with another body is refused with idempotency_conflict', async () => {
      const t = await startTestService(db());
      const headers = { 'Idempotency-Key': 'reg-1' };
      assert.equal((await t.call('POST', PATHS.registrations, { body: registrationBody(AN), headers })).status, 201);
      const conflict = await t.call('POST', PATHS.registrations, { body: registrationBody(AN, { email: 'an@example.vn' }), headers });
      assert.equal(conflict.status, 422);
      assert.equal((await json(conflict)).code, 'idempotency_conflict');
    });

    test('the password step honours Idempotency-Key: a retry gets the same account, another body a conflict', async () => {
      const t = await startTestService(db());
      const registrationId = await t.startRegistration(AN);
      await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(AN.phone) } });
      const headers = { 'Idempotency-Key': 'pw-1' };
      const body = { password: PASSWORD, passwordConfirmation: PASSWORD };
      const first = await t.call('POST', PATHS.registrationPassword(registrationId), { body, headers });
      const retry = await t.call('POST', PATHS.registrationPassword(registrationId), { body, headers });
      assert.equal(first.status, 201);
      assert.equal(retry.status, 201);
      assert.deepEqual(await json(retry), await json(first));
      const other = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: 'Khác-Hẳn-2024!', passwordConfirmation: 'Khác-Hẳn-2024!' }, headers });
      assert.equal((await json(other)).code, 'idempotency_conflict');
    });

    test('an unavailable carrier register is 503 registry_unavailable, stores nothing, and a retry with the same key succeeds', async () => {
      let down = true;
      const carrier: CarrierRegistry = {
        async verifySubscriber() {
          if (down) throw new RegistryUnavailableError('carrier gateway timed out');
          return 'match';
        },
      };
      const t = await startTestService(db(), { overrides: { carrier } });
      const headers = { 'Idempotency-Key': 'reg-retry' };
      const failed = await t.call('POST', PATHS.registrations, { body: registrationBody(AN), headers });
      assert.equal(failed.status, 503);
      assert.equal((await json(failed)).code, 'registry_unavailable');
      assert.ok(Number(failed.headers.get('Retry-After')) > 0);
      assert.equal(await t.textsTo(AN.phone), 0);
      down = false;
      const retried = await t.call('POST', PATHS.registrations, { body: registrationBody(AN), headers });
      assert.equal(retried.status, 201);
    });

    test('a restart keeps codes and signing keys working: the generated server keys live in the database', async () => {
      const before = await startTestService(db());
      await before.register(NGOC);
      const signInId = await before.startSignIn(NGOC);
      const jwks = await json(await before.call('GET', PATHS.jwks, { client: null }));
      await before.service.close();
      const after = await before.restart();
      const signedIn = await after.call('POST', PATHS.signInVerify(signInId), { body: { code: await after.latestCode(NGOC.phone) } });
      assert.equal(signedIn.status, 200);
      assert.deepEqual(await json(await after.call('GET', PATHS.jwks, { client: null })), jwks);
    });

    test('a failed SMS send is 503 sms_unavailable and leaves no half-stored registration', async () => {
      const sms: SmsGateway = {
        async send() {
          throw new Error('gateway down');
        },
      };
      const t = await startTestService(db(), { overrides: { sms } });
      const response = await t.call('POST', PATHS.registrations, { body: registrationBody(AN) });
      assert.equal(response.status, 503);
      assert.equal((await json(response)).code, 'sms_unavailable');
      assert.equal(await countRows(t.service.store.sql, 'SELECT count(*)::int AS count FROM flows'), 0);
      assert.equal(await countRows(t.service.store.sql, 'SELECT count(*)::int AS count FROM otp_challenges'), 0);
    });
  });
}
