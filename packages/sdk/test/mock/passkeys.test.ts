import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, mockWorld } from './support.js';
import type { PasskeyAssertion, PasskeyAttestation } from '../../src/contract/index.js';
import { PasskeyListSchema, PasskeyRegistrationStartedSchema, SignedInSchema, SignInStartedSchema } from '../../src/contract/index.js';
import { MOCK_PASSWORD } from '../../src/mock/index.js';

const AN = '001090001234';
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const clientDataJSON = (type: string, challenge: string) => b64(JSON.stringify({ type, challenge, origin: 'https://dichvucong.example' }));

/** What a browser gives back after `create()` with these options (the mock checks no attestation). */
function created(id: string, challenge: string, type = 'webauthn.create'): PasskeyAttestation {
  return { id, rawId: id, type: 'public-key', response: { clientDataJSON: clientDataJSON(type, challenge), attestationObject: b64('none'), transports: ['internal'] }, authenticatorAttachment: 'platform', clientExtensionResults: {} };
}

/** What a browser gives back after `get()` with these options (the mock checks no signature). */
function asserted(id: string, challenge: string): PasskeyAssertion {
  return { id, rawId: id, type: 'public-key', response: { clientDataJSON: clientDataJSON('webauthn.get', challenge), authenticatorData: b64('data'), signature: b64('sig') }, clientExtensionResults: {} };
}

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { amr: string[] };

function world() {
  const mock = mockWorld({ accounts: [{ idNumber: AN, password: MOCK_PASSWORD }] });
  const signIn = async () => {
    mock.advance(61_000);
    const { signInId } = await mock.client.startSignIn({ idNumber: AN, password: MOCK_PASSWORD });
    return mock.client.verifySignInCode(signInId, { code: '123456' });
  };
  return { ...mock, signIn };
}

describe('mock passkeys act out the service', () => {
  test('a signed-in citizen adds a passkey, lists and removes it; a sign-in then offers it beside the code and it signs in with hwk/swk', async () => {
    const { client, signIn, advance } = world();
    const { tokens } = await signIn();
    const started = await client.startPasskeyRegistration(tokens.accessToken, { currentPassword: MOCK_PASSWORD });
    assert.ok(PasskeyRegistrationStartedSchema.safeParse(started).success);
    assert.equal(started.options.user.name, '001******234');
    const { passkey } = await client.addPasskey(tokens.accessToken, { registrationId: started.registrationId, credential: created('cred-1', started.options.challenge), name: 'Điện thoại' });
    assert.equal(passkey.name, 'Điện thoại');
    const list = await client.listPasskeys(tokens.accessToken);
    assert.ok(PasskeyListSchema.safeParse(list).success);
    assert.deepEqual(list.passkeys.map((p) => p.id), ['cred-1']);

    advance(61_000);
    const signingIn = await client.startSignIn({ idNumber: AN, password: MOCK_PASSWORD });
    assert.ok(SignInStartedSchema.safeParse(signingIn).success);
    assert.deepEqual(signingIn.passkey?.allowCredentials?.map((c) => c.id), ['cred-1']);
    const done = await client.verifySignInPasskey(signingIn.signInId, asserted('cred-1', signingIn.passkey!.challenge));
    assert.ok(SignedInSchema.safeParse(done).success);
    assert.deepEqual(claims(done.tokens.idToken).amr, ['pwd', 'swk', 'user', 'mfa']);

    await client.removePasskey(tokens.accessToken, 'cred-1');
    assert.equal((await failure(client.removePasskey(tokens.accessToken, 'cred-1'))).code, 'passkey_not_found');
    advance(61_000);
    const fallback = await client.startSignIn({ idNumber: AN, password: MOCK_PASSWORD });
    assert.equal(fallback.passkey, undefined);
    assert.equal((await failure(client.newSignInPasskeyOptions(fallback.signInId))).code, 'passkey_not_found');
    assert.ok(await client.verifySignInCode(fallback.signInId, { code: '123456' }));
  });

  test('refusals: a stale sign-in, a wrong password, a reused or mistyped challenge, an unknown passkey, a passkey added twice', async () => {
    const { client, signIn, advance } = world();
    const { tokens } = await signIn();
    assert.equal((await failure(client.startPasskeyRegistration(tokens.accessToken, { currentPassword: 'Sai-mật-khẩu-1' }))).code, 'invalid_credentials');
    const started = await client.startPasskeyRegistration(tokens.accessToken, { currentPassword: MOCK_PASSWORD });
    const wrongType = failure(client.addPasskey(tokens.accessToken, { registrationId: started.registrationId, credential: created('cred-1', started.options.challenge, 'webauthn.get') }));
    assert.equal((await wrongType).code, 'passkey_verification_failed');
    assert.equal((await failure(client.addPasskey(tokens.accessToken, { registrationId: started.registrationId, credential: created('cred-1', started.options.challenge) }))).code, 'passkey_verification_failed', 'each try spends the challenge');
    const again = await client.startPasskeyRegistration(tokens.accessToken, { currentPassword: MOCK_PASSWORD });
    await client.addPasskey(tokens.accessToken, { registrationId: again.registrationId, credential: created('cred-1', again.options.challenge) });
    const twice = await client.startPasskeyRegistration(tokens.accessToken, { currentPassword: MOCK_PASSWORD });
    assert.equal((await failure(client.addPasskey(tokens.accessToken, { registrationId: twice.registrationId, credential: created('cred-1', twice.options.challenge) }))).code, 'passkey_already_added');

    advance(61_000);
    const signingIn = await client.startSignIn({ idNumber: AN, password: MOCK_PASSWORD });
    assert.equal((await failure(client.verifySignInPasskey(signingIn.signInId, asserted('cred-2', signingIn.passkey!.challenge)))).code, 'passkey_not_found');
    assert.equal((await failure(client.verifySignInPasskey(signingIn.signInId, asserted('cred-1', signingIn.passkey!.challenge)))).code, 'passkey_verification_failed');
    for (let i = 0; i < 4; i++) await client.newSignInPasskeyOptions(signingIn.signInId);
    const limited = await failure(client.newSignInPasskeyOptions(signingIn.signInId));
    assert.equal(limited.code, 'too_many_attempts');
    assert.ok((limited.retryAfter ?? 0) > 0);

    advance(601_000);
    const late = await failure(client.startPasskeyRegistration(tokens.accessToken, { currentPassword: MOCK_PASSWORD }));
    assert.ok(['recent_sign_in_required', 'unauthorized'].includes(late.code));
    const fresh = await signIn();
    advance(601_000);
    const refreshed = await client.refresh(fresh.tokens.refreshToken);
    assert.equal((await failure(client.startPasskeyRegistration(refreshed.accessToken, { currentPassword: MOCK_PASSWORD }))).code, 'recent_sign_in_required');
  });

  test('GET /v1/config says passkeys are offered; a scenario that offers none answers its passkey routes not_found, as the service does without an RP ID', async () => {
    assert.deepEqual((await world().client.getConfig()).passkeys, { offered: true });
    const { client, advance } = mockWorld({ accounts: [{ idNumber: AN, password: MOCK_PASSWORD }], config: { passkeys: { offered: false } } });
    assert.deepEqual((await client.getConfig()).passkeys, { offered: false });
    advance(61_000);
    const { signInId } = await client.startSignIn({ idNumber: AN, password: MOCK_PASSWORD });
    const { tokens } = await client.verifySignInCode(signInId, { code: '123456' });
    assert.equal((await failure(client.startPasskeyRegistration(tokens.accessToken, { currentPassword: MOCK_PASSWORD }))).code, 'not_found');
    assert.equal((await failure(client.listPasskeys(tokens.accessToken))).code, 'not_found');
    advance(61_000);
    const started = await client.startSignIn({ idNumber: AN, password: MOCK_PASSWORD });
    assert.equal(started.passkey, undefined);
    assert.equal((await failure(client.newSignInPasskeyOptions(started.signInId))).code, 'not_found');
  });
});
