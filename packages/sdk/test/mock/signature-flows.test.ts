import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, mockWorld } from './support.js';
import type { DvcClient } from '../../src/client/index.js';
import { AssuranceUpgradedSchema, RegistrationStartedSchema, SignedInSchema, type SignatureOperation, type SignedChallenge } from '../../src/contract/index.js';
import { MOCK_MISMATCHED_SIGNATURE, MOCK_PASSWORD, MOCK_SIGNATURE_CERTIFICATES } from '../../src/mock/index.js';

const AN_ID = '001090001234';
const PASSWORD = 'Sông-Hồng-2024';

/** A challenge for `operation`, "signed" with the mock citizen's certificate (the mock checks no cryptography). */
async function signed(client: DvcClient, operation: SignatureOperation, certificate: string = MOCK_SIGNATURE_CERTIFICATES.citizen): Promise<SignedChallenge> {
  const { challengeId } = await client.createSignatureChallenge({ operation, subjectType: 'citizen' });
  return { challengeId, certificate, algorithm: 'ECDSA', signature: 'c2lnbmVk' };
}

const registration = (signature: SignedChallenge, extra: Record<string, unknown> = {}) => ({
  subjectType: 'citizen' as const,
  method: 'usb_token' as const,
  idNumber: AN_ID,
  birthDate: '05/09/1990',
  phone: '0971234398',
  consentVersion: '2025-01',
  signature,
  ...extra,
});

describe('mock registration, sign-in and upgrade by signature', () => {
  test('registration by signature: a code to the phone, then the ordinary steps end at IAL3 with the certificate\'s name', async () => {
    const { client, scenario } = mockWorld({ accounts: [] });
    const started = RegistrationStartedSchema.parse(await client.startSignatureRegistration(registration(await signed(client, 'register'))));
    await client.verifyRegistrationCode(started.registrationId, { code: scenario.lastCode('+84971234398')! });
    const { account } = await client.completeRegistration(started.registrationId, { password: PASSWORD, passwordConfirmation: PASSWORD });
    assert.deepEqual([account.ial, account.verificationMethod, account.fullName], [3, 'usb_token', 'Nguyễn Văn An']);
  });

  test('registration refuses another number, a replayed or mis-bound challenge, and a signature that does not match', async () => {
    const { client, other } = mockWorld({ accounts: [] }, { lang: 'en' });
    const signature = await signed(client, 'register');
    const mismatch = await failure(client.startSignatureRegistration(registration(signature, { idNumber: '079195004321', birthDate: '12/03/1995' })));
    assert.deepEqual([mismatch.code, mismatch.status], ['subject_mismatch', 422]);
    await client.startSignatureRegistration(registration(signature));
    assert.equal((await failure(client.startSignatureRegistration(registration(signature)))).code, 'challenge_used');
    assert.equal((await failure(client.startSignatureRegistration(registration(await signed(client, 'sign_in'))))).code, 'not_found');
    assert.equal((await failure(other.startSignatureRegistration(registration(await signed(client, 'register'))))).code, 'not_found');
    const forged = { ...(await signed(client, 'register')), signature: MOCK_MISMATCHED_SIGNATURE };
    assert.equal((await failure(client.startSignatureRegistration(registration(forged)))).code, 'signature_mismatch');
    assert.equal((await failure(client.startSignatureRegistration(registration(await signed(client, 'register', MOCK_SIGNATURE_CERTIFICATES.revoked))))).code, 'cert_revoked');
  });

  test('sign-in by signature: AAL3 tokens for the account the certificate names; no account is invalid_credentials', async () => {
    const { client, scenario } = mockWorld();
    const { tokens, account } = SignedInSchema.parse(await client.signInWithSignature(await signed(client, 'sign_in')));
    assert.equal(account.idNumberMasked, '001******234');
    const assurance = await client.getSessionAssurance(tokens.accessToken);
    assert.deepEqual([assurance.aal, assurance.amr], [3, ['hwk', 'sc', 'pin', 'mfa']]);
    assert.equal(scenario.outbox.length, 0, 'no code texted');
    const empty = mockWorld({ accounts: [] });
    const refused = await failure(empty.client.signInWithSignature(await signed(empty.client, 'sign_in')));
    assert.deepEqual([refused.code, refused.status], ['invalid_credentials', 401]);
  });

  test('upgrade: the signed-in account at IAL3 at once, everywhere; once', async () => {
    const { client, scenario } = mockWorld();
    const { signInId } = await client.startSignIn({ idNumber: AN_ID, password: MOCK_PASSWORD });
    const { tokens } = await client.verifySignInCode(signInId, { code: scenario.lastCode()! });
    const upgraded = AssuranceUpgradedSchema.parse(await client.upgradeAssurance(tokens.accessToken, await signed(client, 'upgrade')));
    assert.deepEqual([upgraded.account.ial, upgraded.previous], [3, { ial: 2, verificationMethod: 'mobile' }]);
    assert.equal((await client.getSessionAssurance(tokens.accessToken)).ial, 3);
    assert.equal((await failure(client.upgradeAssurance(tokens.accessToken, await signed(client, 'upgrade')))).code, 'already_ial3');
    assert.equal((await failure(client.upgradeAssurance('not-a-token', await signed(client, 'upgrade')))).code, 'unauthorized');
  });
});
