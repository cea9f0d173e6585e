import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, mockWorld, refusal } from './support.js';
import type { DvcClient } from '../../src/index.js';
import { MOCK_CITIZENS, type MockOptions } from '../../src/mock/index.js';

const ngoc = MOCK_CITIZENS[1]!;
const an = MOCK_CITIZENS[0]!;
const PASSWORD = 'Mây-Trắng-77';
const lost = (citizen = ngoc, extra: Record<string, string> = {}) => ({
  idNumber: citizen.idNumber,
  bhxhCode: citizen.bhxhCode!,
  fullName: citizen.fullName,
  birthDate: citizen.birthDate,
  phone: citizen.phone,
  consentVersion: '2025-01',
  ...extra,
});

const world = (options: MockOptions = {}) => mockWorld({ code: '123456', config: { registrationMethods: ['mobile', 'bhxh'] }, ...options }, { lang: 'en' });


/** Registers Ngọc by social insurance with a phone she later loses. */
async function registerNgoc(client: DvcClient): Promise<void> {
  const started = await client.startRegistration({ subjectType: 'citizen', method: 'bhxh', ...lost(), phone: '0987654321', consentVersion: '2025-01' });
  await client.verifyRegistrationCode(started.registrationId, { code: '123456' });
  await client.completeRegistration(started.registrationId, { password: PASSWORD, passwordConfirmation: PASSWORD });
}

describe('mock lost-phone recovery ("Mất số điện thoại nhận OTP")', () => {
  test('offered with social insurance: the code goes to the new phone, the phone is replaced, sessions end, the old number is told', async () => {
    const { scenario, client } = world();
    assert.equal((await client.getConfig()).lostPhoneRecovery, true);
    await registerNgoc(client);
    const { signInId } = await client.startSignIn({ idNumber: ngoc.idNumber, password: PASSWORD });
    const { tokens } = await client.verifySignInCode(signInId, { code: '123456' });
    const started = await client.startPhoneRecovery(lost());
    assert.equal(started.otp.maskedPhone, '091****678');
    assert.equal(scenario.outbox.at(-1)!.phone, ngoc.phone);
    assert.deepEqual(await client.verifyPhoneRecoveryCode(started.phoneRecoveryId, { code: '123456' }), { next: 'sign_in', sessionsEnded: 1 });
    assert.equal(scenario.outbox.at(-1)!.purpose, 'phone-changed');
    assert.equal(scenario.outbox.at(-1)!.phone, '+84987654321');
    assert.equal((await refusal(client.refresh(String(tokens.refreshToken)))).status, 401);
    await client.startSignIn({ idNumber: ngoc.idNumber, password: PASSWORD });
    assert.equal(scenario.outbox.at(-1)!.phone, ngoc.phone, 'sign-in codes go to the new phone');
  });

  test('no account, an account without a BHXH code and a mismatch are the one phone_recovery_unconfirmed (422), pointing to a one-stop counter', async () => {
    const { scenario, client } = world();
    await registerNgoc(client);
    const sent = scenario.outbox.length;
    const cases = [lost(MOCK_CITIZENS[2]), lost(an), lost(ngoc, { fullName: 'Trần Thị Bích Ngà' }), lost(ngoc, { phone: an.phone })];
    const answers = [];
    for (const body of cases) {
      const error = await refusal(client.startPhoneRecovery(body));
      answers.push([error.code, error.status, error.message]);
    }
    for (const answer of answers) assert.deepEqual(answer, answers[0]);
    assert.deepEqual(answers[0]!.slice(0, 2), ['phone_recovery_unconfirmed', 422]);
    assert.match(String(answers[0]![2]), /one-stop counter/);
    assert.equal(scenario.outbox.length, sent, 'no code');
  });

  test('the consent to the processing of these details is required: a missing or stale version is refused on consentVersion, before any look-up or code', async () => {
    const { scenario, client } = world();
    await registerNgoc(client);
    const sent = scenario.outbox.length;
    const { consentVersion: _agreed, ...withoutConsent } = lost();
    for (const body of [withoutConsent, lost(ngoc, { consentVersion: '' }), lost(ngoc, { consentVersion: '2019-01' })]) {
      const error = await failure(client.startPhoneRecovery(body as ReturnType<typeof lost>));
      assert.equal(error.status, 400);
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(error.fieldErrors.map((field) => [field.field, field.code]), [['consentVersion', (body as { consentVersion?: string }).consentVersion === undefined ? 'required' : 'consent_required']]);
      assert.ok(error.fieldErrors[0]!.message, 'the rule named in words');
    }
    assert.equal(scenario.registerLookups.get(ngoc.idNumber)?.length, 1, 'only the registration’s look-up was counted');
    assert.equal(scenario.outbox.length, sent, 'no code');
    const started = await client.startPhoneRecovery(lost());
    assert.equal(started.otp.maskedPhone, '091****678');
    assert.equal((scenario.requests.at(-1)!.body as { consentVersion?: string }).consentVersion, '2025-01', 'the version agreed to is sent');
  });

  test('not offered without social insurance: the config says so and the call is not_found', async () => {
    const { client } = world({ config: { registrationMethods: ['mobile'] } });
    assert.equal((await client.getConfig()).lostPhoneRecovery, false);
    assert.equal((await refusal(client.startPhoneRecovery(lost()))).code, 'not_found');
  });
});
