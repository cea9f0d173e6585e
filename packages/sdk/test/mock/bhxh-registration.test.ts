import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mockWorld, refusal } from './support.js';
import { MOCK_CITIZENS, type MockOptions } from '../../src/mock/index.js';

const ngoc = MOCK_CITIZENS[1]!;
const byInsurance = {
  subjectType: 'citizen',
  method: 'bhxh',
  idNumber: ngoc.idNumber,
  bhxhCode: ngoc.bhxhCode!,
  fullName: ngoc.fullName,
  birthDate: ngoc.birthDate,
  // Not the phone in the carrier's records: by social insurance the code goes to the declared one.
  phone: '0987 654 321',
  consentVersion: '2025-01',
} as const;

const world = (options: MockOptions = {}) => mockWorld({ code: '123456', config: { registrationMethods: ['mobile', 'bhxh'] }, ...options }, { lang: 'en' });


describe('mock registration by social insurance', () => {
  test('a match sends the code to the declared phone; code and password make an IAL2 account verified by bhxh', async () => {
    const { scenario, client } = world();
    const started = await client.startRegistration(byInsurance);
    assert.equal(started.otp.maskedPhone, '098****321');
    assert.equal(scenario.outbox.at(-1)!.phone, '+84987654321');
    await client.verifyRegistrationCode(started.registrationId, { code: '123456' });
    const { account } = await client.completeRegistration(started.registrationId, { password: 'Mây-Trắng-77', passwordConfirmation: 'Mây-Trắng-77' });
    assert.equal(account.verificationMethod, 'bhxh');
    assert.equal(account.ial, 2);
    // Sign-in codes go to the phone registered with the account.
    const { signInId } = await client.startSignIn({ idNumber: ngoc.idNumber, password: 'Mây-Trắng-77' });
    assert.ok(signInId);
    assert.equal(scenario.outbox.at(-1)!.phone, '+84987654321');
  });

  test('each detail that differs from the social-insurance record is bhxh_mismatch (422) with the portal\'s text, and no code is sent', async () => {
    const { scenario, client } = world();
    const wrong = [{ bhxhCode: '7901234568' }, { idNumber: '079195004322' }, { fullName: 'Trần Thị Bích Ngà' }, { birthDate: '1995-03-13' }, { bhxhCode: MOCK_CITIZENS[0]!.bhxhCode! }];
    for (const change of wrong) {
      const error = await refusal(client.startRegistration({ ...byInsurance, ...change }));
      assert.equal(error.code, 'bhxh_mismatch', JSON.stringify(change));
      assert.equal(error.status, 422);
      assert.match(error.message, /do not match the social insurance database/);
    }
    assert.equal(scenario.outbox.length, 0);
  });

  test('look-ups about one ID number are limited, carrier and social insurance together, mismatches included', async () => {
    const { scenario, client, advance } = world();
    for (let i = 0; i < 3; i++) await refusal(client.startRegistration({ ...byInsurance, bhxhCode: '0000000000' }));
    await refusal(client.startRegistration({ ...byInsurance, method: 'mobile', phone: '0900000000' }));
    await client.startRegistration(byInsurance);
    const limited = await refusal(client.startRegistration(byInsurance));
    assert.equal(limited.code, 'too_many_attempts');
    assert.equal(limited.retryAfter, 3600);
    assert.equal(scenario.outbox.length, 1);
    advance(3_600_001);
    await client.startRegistration(byInsurance);
  });

  test('a method the configuration does not offer is refused on method as method_not_offered', async () => {
    const { client } = world({ config: { registrationMethods: ['mobile'] } });
    const error = await refusal(client.startRegistration(byInsurance));
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.fieldErrors.map(({ field, code, message }) => [field, code, message]), [
      ['method', 'method_not_offered', 'This portal does not offer the verification method you chose. Please choose another one.'],
    ]);
  });

  test('a bad BHXH code is named on bhxhCode before anything is counted', async () => {
    const { scenario, client } = world();
    const error = await refusal(client.startRegistration({ ...byInsurance, bhxhCode: '12345' }));
    assert.deepEqual(error.fieldErrors.map(({ field, code }) => [field, code]), [['bhxhCode', 'bhxh_format']]);
    assert.equal(scenario.registerLookups.size, 0);
  });
});
