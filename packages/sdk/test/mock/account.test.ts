import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, mockWorld } from './support.js';
import type { DvcClient } from '../../src/index.js';
import {
  AccountChangeCodeResentSchema,
  AccountChangeCodeVerifiedSchema,
  AccountChangeStartedSchema,
  AccountDetailsSchema,
  PasswordChangedSchema,
  SignedOutEverywhereSchema,
} from '../../src/contract/index.js';
import { MOCK_PASSWORD } from '../../src/mock/index.js';

const AN = '001090001234';
const NEW_PASSWORD = 'Hồ-Tây-mùa-thu-2025';

function world() {
  const mock = mockWorld();
  const signIn = async (on: DvcClient = mock.client) => {
    const { signInId } = await on.startSignIn({ idNumber: AN, password: MOCK_PASSWORD });
    mock.advance(61_000);
    return (await on.verifySignInCode(signInId, { code: '123456' })).tokens;
  };
  return { ...mock, signIn };
}


describe('mock account changes act out the service', () => {
  test('a password change answers with bodies the contract accepts; the other portal’s session and the old password end', async () => {
    const { client, other, signIn, advance } = world();
    const here = await signIn();
    const elsewhere = await signIn(other);
    advance(61_000);
    const started = await client.startPasswordChange(here.accessToken, { currentPassword: MOCK_PASSWORD });
    assert.ok(AccountChangeStartedSchema.safeParse(started).success);
    assert.equal(started.otp.maskedPhone, '097****398');
    assert.equal((await failure(client.resendAccountChangeCode(here.accessToken, started.changeId))).code, 'otp_resend_too_soon');
    advance(61_000);
    assert.ok(AccountChangeCodeResentSchema.safeParse(await client.resendAccountChangeCode(here.accessToken, started.changeId)).success);
    const verified = await client.verifyAccountChangeCode(here.accessToken, started.changeId, { code: '123456' }, { idempotencyKey: 'v-1' });
    assert.ok(AccountChangeCodeVerifiedSchema.safeParse(verified).success);
    assert.equal(verified.next, 'password');
    const theirs = await failure(client.verifyAccountChangeCode(elsewhere.accessToken, started.changeId, { code: '123456' }, { idempotencyKey: 'v-1' }));
    assert.equal(theirs.code, 'flow_not_found', 'another session with the same key, path and body is not handed the stored answer');
    const reused = await failure(client.completePasswordChange(here.accessToken, started.changeId, { password: MOCK_PASSWORD, passwordConfirmation: MOCK_PASSWORD }));
    assert.deepEqual(reused.fieldErrors.map((e) => [e.field, e.code]), [['password', 'password_reused']]);
    const done = await client.completePasswordChange(here.accessToken, started.changeId, { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }, { idempotencyKey: 'p-1' });
    assert.ok(PasswordChangedSchema.safeParse(done).success);
    assert.deepEqual(done, { next: 'done', otherSessionsEnded: 1 });
    assert.equal((await failure(other.refresh(elsewhere.refreshToken))).code, 'unauthorized');
    assert.ok(await client.refresh(here.refreshToken), 'this session stays');
    assert.equal((await failure(other.startSignIn({ idNumber: AN, password: MOCK_PASSWORD }))).code, 'invalid_credentials');
  });

  test('email and phone changes: `unchanged`, carrier_mismatch, the code to the new phone and a notice to the old', async () => {
    const { scenario, client, signIn, advance } = world();
    const here = await signIn();
    const same = await failure(client.startEmailChange(here.accessToken, { currentPassword: MOCK_PASSWORD, email: 'an.nguyen@example.vn' }));
    assert.deepEqual(same.fieldErrors.map((e) => [e.field, e.code]), [['email', 'unchanged']]);
    const email = await client.startEmailChange(here.accessToken, { currentPassword: MOCK_PASSWORD, email: 'an@example.vn' });
    assert.deepEqual(await client.verifyAccountChangeCode(here.accessToken, email.changeId, { code: '123456' }), { changeId: email.changeId, next: 'done', otherSessionsEnded: 0 });
    advance(61_000);
    assert.equal((await failure(client.startPhoneChange(here.accessToken, { currentPassword: MOCK_PASSWORD, phone: '0912345678' }))).code, 'carrier_mismatch');
    const phone = await client.startPhoneChange(here.accessToken, { currentPassword: MOCK_PASSWORD, phone: '0961234398' });
    assert.equal(phone.otp.maskedPhone, '096****398');
    assert.equal(scenario.outbox.at(-1)?.phone, '+84961234398', 'the code went to the new phone');
    await client.verifyAccountChangeCode(here.accessToken, phone.changeId, { code: '123456' });
    assert.deepEqual(scenario.outbox.at(-1), { phone: '+84971234398', code: '', purpose: 'phone-changed', sentAt: scenario.now() });
    advance(61_000);
    const { otp } = await client.startSignIn({ idNumber: AN, password: MOCK_PASSWORD });
    assert.equal(otp.maskedPhone, '096****398', 'sign-in codes go to the new phone');
  });

  test('wrong current password, wrong code, another session’s change, no or dead token', async () => {
    const { client, other, signIn } = world();
    const here = await signIn();
    const elsewhere = await signIn(other);
    assert.equal((await failure(client.startPasswordChange(here.accessToken, { currentPassword: 'Sai-Mật-Khẩu-1' }))).code, 'invalid_credentials');
    const started = await client.startPasswordChange(here.accessToken, { currentPassword: MOCK_PASSWORD });
    assert.equal((await failure(client.verifyAccountChangeCode(here.accessToken, started.changeId, { code: '000000' }))).code, 'otp_invalid');
    assert.equal((await failure(other.verifyAccountChangeCode(elsewhere.accessToken, started.changeId, { code: '123456' }))).code, 'flow_not_found');
    const unauthorized = await failure(client.startPasswordChange('not-a-token', { currentPassword: MOCK_PASSWORD }));
    assert.equal(unauthorized.code, 'unauthorized');
    assert.equal(unauthorized.status, 401);
    const out = await other.signOutEverywhere(elsewhere.accessToken);
    assert.ok(SignedOutEverywhereSchema.safeParse(out).success);
    assert.deepEqual(out, { sessionsEnded: 2 });
    assert.equal((await failure(client.startPasswordChange(here.accessToken, { currentPassword: MOCK_PASSWORD }))).code, 'unauthorized', 'its session ended');
  });

  test('userinfo shows the account page’s details masked, follows a change, and needs a live session', async () => {
    const { client, signIn, advance } = world();
    const here = await signIn();
    const details = await client.getAccount(here.accessToken);
    assert.ok(AccountDetailsSchema.safeParse(details).success, JSON.stringify(details));
    assert.deepEqual(
      { phone: details.phoneMasked, email: details.emailMasked, kind: details.idNumberKind, canAddCccd: details.canAddCccd, bhxh: details.hasBhxhCode },
      { phone: '097****398', email: 'a***@example.vn', kind: 'cccd', canAddCccd: false, bhxh: false },
    );
    assert.equal(details.idNumberMasked, '001******234');
    advance(61_000);
    const phone = await client.startPhoneChange(here.accessToken, { currentPassword: MOCK_PASSWORD, phone: '0961234398' });
    await client.verifyAccountChangeCode(here.accessToken, phone.changeId, { code: '123456' });
    assert.equal((await client.getAccount(here.accessToken)).phoneMasked, '096****398');
    await client.signOutEverywhere(here.accessToken);
    assert.equal((await failure(client.getAccount(here.accessToken))).code, 'unauthorized');
  });

  test('any problem can be forced on an account operation', async () => {
    const { scenario, client, signIn } = world();
    const here = await signIn();
    scenario.failNext('startPhoneChange', { code: 'registry_unavailable', retryAfter: 60 });
    const forced = await failure(client.startPhoneChange(here.accessToken, { currentPassword: MOCK_PASSWORD, phone: '0961234398' }));
    assert.equal(forced.code, 'registry_unavailable');
    assert.equal(forced.retryAfter, 60);
  });
});
