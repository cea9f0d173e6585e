// The widget tests stand on the SDK mock: it must answer exactly as the contract says the service does.
import { expect } from '@open-wc/testing';
import { DvcError, solveHumanCheck } from '@dvc-kit/sdk';
import {
  HumanCheckChallengeSchema,
  ProblemSchema,
  RegistrationCodeVerifiedSchema,
  RegistrationCompletedSchema,
  RegistrationStartedSchema,
  ServiceConfigSchema,
  SignedInSchema,
  SignInStartedSchema,
  CodeResentSchema,
  TokenSetSchema,
  AccountSchema,
  RecoveryStartedSchema,
  RecoveryCodeResentSchema,
  RecoveryCodeVerifiedSchema,
  RecoveryCompletedSchema,
  PhoneRecoveryStartedSchema,
  PhoneRecoveredSchema,
  AccountChangeStartedSchema,
  AccountChangeCodeVerifiedSchema,
  PasswordChangedSchema,
} from '@dvc-kit/sdk/contract';
import { MOCK_CITIZENS, MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import { AN, NGOC, testService } from '../support/service.js';

async function failure(promise: Promise<unknown>): Promise<DvcError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DvcError);
    expect(ProblemSchema.safeParse((error as DvcError).problem).success, 'problem body').to.be.true;
    return error as DvcError;
  }
  throw new Error('expected the call to fail');
}

const start = { subjectType: 'citizen', method: 'mobile', idNumber: NGOC.idNumber, fullName: NGOC.fullName, birthDate: '1995-03-12', phone: NGOC.phone, consentVersion: '2025-01' } as const;

describe('the SDK mock', () => {
  it('answers a whole registration and sign-in with bodies the contract schemas accept', async () => {
    const { client, clock } = testService({ config: { humanCheck: { required: true } } });
    expect(ServiceConfigSchema.safeParse(await client.getConfig()).success).to.be.true;
    const challenge = await client.getHumanCheckChallenge();
    expect(HumanCheckChallengeSchema.safeParse(challenge).success).to.be.true;
    const started = await client.startRegistration({ ...start, humanCheck: await solveHumanCheck(challenge) }, { idempotencyKey: 'k-1' });
    expect(RegistrationStartedSchema.safeParse(started).success).to.be.true;
    clock.advance(60_000);
    expect(CodeResentSchema.safeParse(await client.resendRegistrationCode(started.registrationId)).success).to.be.true;
    expect(RegistrationCodeVerifiedSchema.safeParse(await client.verifyRegistrationCode(started.registrationId, { code: '123456' })).success).to.be.true;
    const completed = await client.completeRegistration(started.registrationId, { password: 'Mây-Trắng-77', passwordConfirmation: 'Mây-Trắng-77' });
    expect(RegistrationCompletedSchema.safeParse(completed).success).to.be.true;
    const signIn = await client.startSignIn({ idNumber: NGOC.idNumber, password: 'Mây-Trắng-77', humanCheck: await solveHumanCheck(await client.getHumanCheckChallenge()) });
    expect(SignInStartedSchema.safeParse(signIn).success).to.be.true;
    const signedIn = await client.verifySignInCode(signIn.signInId, { code: '123456' });
    expect(SignedInSchema.safeParse(signedIn).success).to.be.true;
    expect(AccountSchema.safeParse(await client.getAccount(signedIn.tokens.accessToken)).success).to.be.true;
    const refreshed = await client.refresh(signedIn.tokens.refreshToken);
    expect(TokenSetSchema.safeParse(refreshed).success).to.be.true;
    // A double submit within the grace gets the same successor; a reuse after it is refused.
    expect((await client.refresh(signedIn.tokens.refreshToken)).refreshToken).to.equal(refreshed.refreshToken);
    clock.advance(21_000);
    expect((await failure(client.refresh(signedIn.tokens.refreshToken))).code).to.equal('unauthorized');
  });

  it('answers problems with their status, field errors in the asked language, and Retry-After', async () => {
    const { client, clock } = testService();
    const invalid = await failure(client.startRegistration({ ...start, idNumber: '123', phone: '0123' }));
    expect([invalid.status, invalid.code]).to.deep.equal([400, 'validation_failed']);
    expect(invalid.fieldErrors.map((e) => [e.field, e.code])).to.deep.equal([['idNumber', 'id_number_format'], ['phone', 'phone_format']]);
    expect((await failure(client.startRegistration({ ...start, phone: '0912345679' }))).status).to.equal(422);
    const started = await client.startRegistration(start, { idempotencyKey: 'same' });
    expect((await client.startRegistration(start, { idempotencyKey: 'same' })).registrationId).to.equal(started.registrationId);
    expect((await failure(client.startRegistration({ ...start, email: 'x@example.vn' }, { idempotencyKey: 'same' }))).code).to.equal('idempotency_conflict');
    const tooSoon = await failure(client.resendRegistrationCode(started.registrationId));
    expect([tooSoon.status, tooSoon.code, tooSoon.retryAfter]).to.deep.equal([429, 'otp_resend_too_soon', 60]);
    expect((await failure(client.verifyRegistrationCode(started.registrationId, { code: '000000' }))).code).to.equal('otp_invalid');
    clock.advance(181_000);
    const expired = await failure(client.verifyRegistrationCode(started.registrationId, { code: '123456' }));
    expect([expired.status, expired.code]).to.deep.equal([410, 'otp_expired']);
    client.lang = 'en';
    const wrong = await failure(client.startSignIn({ idNumber: AN.idNumber, password: 'nope' }));
    expect([wrong.status, wrong.code, wrong.message]).to.deep.equal([401, 'invalid_credentials', 'The ID number or password is incorrect.']);
    expect((await failure(client.verifySignInCode('nope', { code: '123456' }))).status).to.equal(404);
  });

  it('refuses a page on an origin the portal does not list with origin_not_allowed, readable by that page', async () => {
    const elsewhere = testService({ origins: ['https://dichvucong.bocongan.example'] });
    const refused = await failure(elsewhere.client.getConfig());
    expect([refused.status, refused.code]).to.deep.equal([403, 'origin_not_allowed']);
    const here = testService({ origins: [location.origin] });
    expect(ServiceConfigSchema.safeParse(await here.client.getConfig()).success).to.be.true;
  });

  it('acts out the edge problems a portal may force: body_too_large (413) and unsupported_media_type (415)', async () => {
    const { client, scenario } = testService();
    scenario.failNext('startSignIn', 'body_too_large');
    scenario.failNext('startSignIn', 'unsupported_media_type');
    const tooLarge = await failure(client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD }));
    expect([tooLarge.status, tooLarge.code]).to.deep.equal([413, 'body_too_large']);
    const mediaType = await failure(client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD }));
    expect([mediaType.status, mediaType.code]).to.deep.equal([415, 'unsupported_media_type']);
  });

  it('tells a citizen who already has an account only after the code proves the phone', async () => {
    const { client } = testService();
    const started = await client.startRegistration({ ...start, idNumber: AN.idNumber, fullName: AN.fullName, birthDate: '1990-09-05', phone: AN.phone });
    const exists = await failure(client.verifyRegistrationCode(started.registrationId, { code: '123456' }));
    expect([exists.status, exists.code]).to.deep.equal([409, 'account_exists']);
    const { signInId } = await client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD });
    expect(signInId).to.be.a('string');
  });

  it('answers the ways back (recovery, lost phone, account changes) with bodies the contract schemas accept', async () => {
    const { client, clock } = testService({ config: { registrationMethods: ['mobile', 'bhxh'] } });
    const newPassword = 'Hồ-Tây-mùa-thu-2025';
    // "Quên mật khẩu": the same answer whether or not the ID number has an account.
    const recovery = await client.startRecovery({ idNumber: AN.idNumber });
    expect(RecoveryStartedSchema.safeParse(recovery).success).to.be.true;
    expect((await client.startRecovery({ idNumber: '001099999999' })).otp).to.deep.equal(recovery.otp);
    clock.advance(60_000);
    expect(RecoveryCodeResentSchema.safeParse(await client.resendRecoveryCode(recovery.recoveryId)).success).to.be.true;
    expect(RecoveryCodeVerifiedSchema.safeParse(await client.verifyRecoveryCode(recovery.recoveryId, { code: '123456' })).success).to.be.true;
    const reused = await failure(client.completeRecovery(recovery.recoveryId, { password: MOCK_PASSWORD, passwordConfirmation: MOCK_PASSWORD }));
    expect(reused.fieldErrors.map((e) => [e.field, e.code])).to.deep.equal([['password', 'password_reused']]);
    const recovered = await client.completeRecovery(recovery.recoveryId, { password: newPassword, passwordConfirmation: newPassword });
    expect(RecoveryCompletedSchema.safeParse(recovered).success).to.be.true;

    // Account changes, signed in with the new password: a fresh code for each.
    clock.advance(61_000);
    const { signInId } = await client.startSignIn({ idNumber: AN.idNumber, password: newPassword });
    const { tokens } = await client.verifySignInCode(signInId, { code: '123456' });
    const wrongPassword = await failure(client.startEmailChange(tokens.accessToken, { currentPassword: MOCK_PASSWORD, email: 'an@example.vn' }));
    expect([wrongPassword.status, wrongPassword.code]).to.deep.equal([401, 'invalid_credentials']);
    const email = await client.startEmailChange(tokens.accessToken, { currentPassword: newPassword, email: 'an@example.vn' });
    expect(AccountChangeStartedSchema.safeParse(email).success).to.be.true;
    expect(AccountChangeCodeVerifiedSchema.safeParse(await client.verifyAccountChangeCode(tokens.accessToken, email.changeId, { code: '123456' })).success).to.be.true;
    clock.advance(61_000);
    const password = await client.startPasswordChange(tokens.accessToken, { currentPassword: newPassword });
    await client.verifyAccountChangeCode(tokens.accessToken, password.changeId, { code: '123456' });
    const changed = await client.completePasswordChange(tokens.accessToken, password.changeId, { password: 'Sông-Hương-2026', passwordConfirmation: 'Sông-Hương-2026' });
    expect(PasswordChangedSchema.safeParse(changed).success).to.be.true;

    // "Mất số điện thoại nhận OTP": a citizen with a social-insurance code gets a code on the new phone;
    // one without gets the answer that sends them to a one-stop counter.
    const withBhxh = MOCK_CITIZENS[1]!; // Trần Thị Bích Ngọc, no account yet
    const registered = await client.startRegistration({ subjectType: 'citizen', method: 'bhxh', idNumber: withBhxh.idNumber, bhxhCode: withBhxh.bhxhCode!, fullName: withBhxh.fullName, birthDate: withBhxh.birthDate, phone: '0987654321', consentVersion: '2025-01' });
    await client.verifyRegistrationCode(registered.registrationId, { code: '123456' });
    await client.completeRegistration(registered.registrationId, { password: 'Mây-Trắng-77', passwordConfirmation: 'Mây-Trắng-77' });
    const lost = await client.startPhoneRecovery({ idNumber: withBhxh.idNumber, bhxhCode: withBhxh.bhxhCode!, fullName: withBhxh.fullName, birthDate: withBhxh.birthDate, phone: withBhxh.phone, consentVersion: '2025-01' });
    expect(PhoneRecoveryStartedSchema.safeParse(lost).success).to.be.true;
    expect(PhoneRecoveredSchema.safeParse(await client.verifyPhoneRecoveryCode(lost.phoneRecoveryId, { code: '123456' })).success).to.be.true;
    const unconfirmed = await failure(client.startPhoneRecovery({ idNumber: AN.idNumber, bhxhCode: '0123456789', fullName: AN.fullName, birthDate: '1990-09-05', phone: '0961234398', consentVersion: '2025-01' }));
    expect(unconfirmed.code).to.equal('phone_recovery_unconfirmed');
    const stale = await failure(client.startPhoneRecovery({ idNumber: withBhxh.idNumber, bhxhCode: withBhxh.bhxhCode!, fullName: withBhxh.fullName, birthDate: withBhxh.birthDate, phone: withBhxh.phone, consentVersion: '2019-01' }));
    expect(stale.fieldErrors.map((error) => [error.field, error.code])).to.deep.equal([['consentVersion', 'consent_required']]);
  });
});
