import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { refusal } from './support.js';
import { DvcClient } from '../../src/index.js';
import { createMockFetch, createMockHandlers, MockScenario } from '../../src/mock/index.js';

const BASE = 'http://id.dvc.test';
const ngoc = { subjectType: 'citizen', method: 'mobile', idNumber: '079195004321', fullName: 'Trần Thị Bích Ngọc', birthDate: '1995-03-12', consentVersion: '2025-01' } as const;

function client() {
  return new DvcClient({ baseUrl: BASE, clientId: 'ministry-portal', lang: 'en', fetch: createMockFetch(createMockHandlers(new MockScenario({ baseUrl: BASE, code: '123456' }))) });
}


describe('mock answers for pasted identifiers and guessable passwords', () => {
  test('an old 11-digit phone is refused on phone with the converted number in params', async () => {
    const error = await refusal(client().startRegistration({ ...ngoc, phone: '0162 123 4567' }));
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(error.fieldErrors.map(({ field, code, params }) => ({ field, code, params })), [{ field: 'phone', code: 'phone_converted', params: { suggestion: '0321234567' } }]);
  });

  test('a pasted phone (+84 (0), no-break spaces, zero-width space) is the citizen\'s number', async () => {
    const started = await client().startRegistration({ ...ngoc, phone: '+84 (0)\u00A0912\u200B345\u00A0678' });
    assert.equal(started.otp.maskedPhone, '091****678');
  });

  test('a password that meets the policy but is one decorated word is refused as password_guessable, as the service does', async () => {
    const dvc = client();
    const { registrationId } = await dvc.startRegistration({ ...ngoc, phone: '0912345678' });
    await dvc.verifyRegistrationCode(registrationId, { code: '123456' });
    for (const password of ['Hoabinh@2024', 'Password@123', 'P@ssw0rd1!', 'Matkhau@2024']) {
      const error = await refusal(dvc.completeRegistration(registrationId, { password, passwordConfirmation: password }));
      assert.deepEqual(error.fieldErrors.map(({ field, code }) => [field, code]), [['password', 'password_guessable']], password);
    }
    const done = await dvc.completeRegistration(registrationId, { password: 'Mây-Trắng-77', passwordConfirmation: 'Mây-Trắng-77' });
    assert.equal(done.account.fullName, 'Trần Thị Bích Ngọc');
  });
});
