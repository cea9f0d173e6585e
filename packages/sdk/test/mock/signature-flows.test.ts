import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, mockWorld } from './support.js';
import type { DvcClient } from '../../src/client/index.js';
import { AssuranceUpgradedSchema, RegistrationStartedSchema, SignedInSchema, type SignatureOperation, type SignedChallenge } from '../../src/contract/index.js';
import { MOCK_MISMATCHED_SIGNATURE, MOCK_PASSWORD, MOCK_SIGNATURE_CERTIFICATES, MOCK_SIGNING_DELAY_SECONDS, MOCK_SIGNING_HOLDERS } from '../../src/mock/index.js';

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

/** A mock SIM-signature (or remote-signing) request for a challenge of `operation`, not yet answered. */
async function requested(world: ReturnType<typeof mockWorld>, operation: SignatureOperation, method: 'sim_signature' | 'remote_signing' = 'sim_signature', holder: Record<string, string> = MOCK_SIGNING_HOLDERS.signs): Promise<string> {
  const { challengeId } = await world.client.createSignatureChallenge({ operation, subjectType: 'citizen' });
  return (await world.client.startSignatureRequest({ challengeId, method, holder })).requestId;
}

/** A challenge for `subjectType`, "signed" with `certificate`. */
async function signedAs(client: DvcClient, operation: SignatureOperation, subjectType: 'enterprise' | 'agency' | 'citizen', certificate: string): Promise<SignedChallenge> {
  const { challengeId } = await client.createSignatureChallenge({ operation, subjectType });
  return { challengeId, certificate, algorithm: 'ECDSA', signature: 'c2lnbmVk' };
}

describe('mock enterprise and agency-officer accounts by signature', () => {
  test('an enterprise registers by its tax code and signs in by its certificate; a second registration is told after the code', async () => {
    const { client, scenario } = mockWorld({ accounts: [] });
    const body = async () => ({
      subjectType: 'enterprise' as const, method: 'usb_token' as const, taxCode: '0101234567', phone: '0912000001', consentVersion: '2025-01',
      signature: await signedAs(client, 'register', 'enterprise', MOCK_SIGNATURE_CERTIFICATES.enterprise),
    });
    const started = await client.startSignatureRegistration(await body());
    await client.verifyRegistrationCode(started.registrationId, { code: scenario.lastCode('+84912000001')! });
    const { account } = await client.completeRegistration(started.registrationId, { password: PASSWORD, passwordConfirmation: PASSWORD });
    assert.deepEqual(
      [account.subjectType, account.fullName, account.organisationName, account.taxCode, account.idNumberMasked, account.ial],
      ['enterprise', 'Công ty TNHH Ví Dụ', 'Công ty TNHH Ví Dụ', '0101234567', '0101234567', 3],
    );
    const signedIn = SignedInSchema.parse(await client.signInWithSignature(await signedAs(client, 'sign_in', 'enterprise', MOCK_SIGNATURE_CERTIFICATES.enterprise)));
    assert.equal(signedIn.account.sub, account.sub);
    const claims = JSON.parse(Buffer.from(signedIn.tokens.idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    assert.deepEqual([claims.subject_type, claims.org_name, claims.tax_code], ['enterprise', 'Công ty TNHH Ví Dụ', '0101234567']);
    const again = await client.startSignatureRegistration(await body());
    assert.equal((await failure(client.verifyRegistrationCode(again.registrationId, { code: scenario.lastCode('+84912000001')! }))).code, 'account_exists');
    assert.equal((await failure(client.startSignatureRegistration({ ...(await body()), taxCode: '0109999999' }))).code, 'subject_mismatch');
  });

  test('an agency officer’s work account stands apart from the citizen account; each certificate opens only its own subject type', async () => {
    const { client, scenario } = mockWorld({ accounts: [] });
    const started = await client.startSignatureRegistration({
      subjectType: 'agency', method: 'usb_token', idNumber: '079095004321', phone: '0961000002', consentVersion: '2025-01',
      signature: await signedAs(client, 'register', 'agency', MOCK_SIGNATURE_CERTIFICATES.agency),
    });
    await client.verifyRegistrationCode(started.registrationId, { code: scenario.lastCode('+84961000002')! });
    const { account } = await client.completeRegistration(started.registrationId, { password: PASSWORD, passwordConfirmation: PASSWORD });
    assert.deepEqual([account.subjectType, account.organisationName, account.taxCode], ['agency', 'UBND tỉnh Bắc Ninh', undefined]);
    assert.equal(scenario.hasAccount('079095004321'), false, 'no citizen account was made');
    const signedIn = SignedInSchema.parse(await client.signInWithSignature(await signedAs(client, 'sign_in', 'agency', MOCK_SIGNATURE_CERTIFICATES.agency)));
    assert.equal(signedIn.account.sub, account.sub);
    assert.equal((await failure(client.signInWithSignature(await signedAs(client, 'sign_in', 'citizen', MOCK_SIGNATURE_CERTIFICATES.agency)))).code, 'cert_wrong_subject_type');
  });
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

  test('by SIM signature: registration at IAL3 sim_signature, sign-in AAL3 by SIM and AAL2 by remote signing, from signed requests', async () => {
    const world = mockWorld({ accounts: [] });
    const { client, scenario } = world;
    const registering = await requested(world, 'register');
    world.advance(MOCK_SIGNING_DELAY_SECONDS * 1000);
    const { signature: _none, ...details } = registration(await signed(client, 'register'));
    const started = await client.startSignatureRegistration({ ...details, method: 'sim_signature', signatureRequestId: registering });
    await client.verifyRegistrationCode(started.registrationId, { code: scenario.lastCode('+84971234398')! });
    const { account } = await client.completeRegistration(started.registrationId, { password: PASSWORD, passwordConfirmation: PASSWORD });
    assert.deepEqual([account.ial, account.verificationMethod], [3, 'sim_signature']);
    const bySim = await requested(world, 'sign_in');
    const byRemote = await requested(world, 'sign_in', 'remote_signing');
    world.advance(MOCK_SIGNING_DELAY_SECONDS * 1000);
    const sim = await client.getSessionAssurance((await client.signInWithSignature({ signatureRequestId: bySim })).tokens.accessToken);
    assert.deepEqual([sim.aal, sim.amr], [3, ['hwk', 'sc', 'pin', 'mfa']]);
    const remote = await client.getSessionAssurance((await client.signInWithSignature({ signatureRequestId: byRemote })).tokens.accessToken);
    assert.deepEqual([remote.aal, remote.amr], [2, ['swk', 'mca', 'mfa']]);
    assert.equal((await failure(client.signInWithSignature({ signatureRequestId: bySim }))).code, 'challenge_used');
  });

  test('a request not signed is its own problem; a request of another operation, portal or method is refused', async () => {
    const world = mockWorld({}, { lang: 'en' });
    const { client, other, scenario } = world;
    const pending = await requested(world, 'sign_in');
    const refused = await requested(world, 'sign_in', 'sim_signature', MOCK_SIGNING_HOLDERS.refuses);
    const waiting = await failure(client.signInWithSignature({ signatureRequestId: pending }));
    assert.deepEqual([waiting.code, waiting.status], ['signature_pending', 409]);
    world.advance(MOCK_SIGNING_DELAY_SECONDS * 1000);
    assert.equal((await failure(client.signInWithSignature({ signatureRequestId: refused }))).code, 'provider_refused');
    assert.equal((await failure(other.signInWithSignature({ signatureRequestId: pending }))).code, 'not_found');
    const { signInId } = await client.startSignIn({ idNumber: AN_ID, password: MOCK_PASSWORD });
    const { tokens } = await client.verifySignInCode(signInId, { code: scenario.lastCode()! });
    assert.equal((await failure(client.upgradeAssurance(tokens.accessToken, { signatureRequestId: pending }))).code, 'not_found');
    const upgrade = await requested(world, 'upgrade', 'remote_signing');
    world.advance(MOCK_SIGNING_DELAY_SECONDS * 1000);
    const upgraded = await client.upgradeAssurance(tokens.accessToken, { signatureRequestId: upgrade });
    assert.deepEqual([upgraded.account.ial, upgraded.account.verificationMethod], [3, 'remote_signing']);
    const both = await failure(client.signInWithSignature({ ...(await signed(client, 'sign_in')), signatureRequestId: pending } as never));
    assert.deepEqual(both.fieldErrors.map((e) => [e.field, e.code]), [['signatureRequestId', 'exactly_one']]);
  });
});
