import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PATHS } from '@dvc-kit/sdk';
import { PasskeyListSchema, PasskeyRegistrationStartedSchema, SignedInSchema, SignInStartedSchema } from '@dvc-kit/sdk/contract';
import { SoftwarePasskey, type AuthenticatorOptions } from '../support/authenticator.js';
import { AN, PASSWORD } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService, type TestServiceOptions } from '../support/service.js';

const RP_ID = 'id.dvc.test';
const PASSKEYS = { rpId: RP_ID, relatedOrigins: true };

type Tokens = Record<string, string | number>;

const bearer = (tokens: Tokens) => ({ Authorization: `Bearer ${String(tokens.accessToken)}` });
const claims = (jwt: string | number | undefined) => JSON.parse(Buffer.from(String(jwt).split('.')[1]!, 'base64url').toString('utf8')) as Record<string, any>;

function passkeyService(db: () => TestDatabase, options: TestServiceOptions = {}): Promise<TestService> {
  return startTestService(db(), { ...options, config: { passkeys: PASSKEYS, ...options.config } });
}

/** Registers AN and signs in on the ministry portal. */
async function anSignedIn(t: TestService): Promise<Tokens> {
  await t.register(AN);
  t.clock.advance(61);
  return (await t.signIn(AN)).tokens;
}

/** The creation options for a signed-in citizen, or the problem. */
const startAdding = (t: TestService, tokens: Tokens, currentPassword: string = PASSWORD, client: string = MINISTRY.id) =>
  t.call('POST', PATHS.passkeyOptions, { client, body: { currentPassword }, headers: bearer(tokens) });

/** Adds a new software passkey to the signed-in account; returns it. */
async function addPasskey(t: TestService, tokens: Tokens, options: AuthenticatorOptions = {}, name?: string): Promise<SoftwarePasskey> {
  const started = await startAdding(t, tokens);
  assert.equal(started.status, 200, await started.clone().text());
  const { registrationId, options: creation } = await json(started);
  const passkey = new SoftwarePasskey(options);
  const credential = passkey.register({ challenge: creation.challenge, origin: MINISTRY.origin, rpId: RP_ID });
  const added = await t.call('POST', PATHS.passkeys, { body: { registrationId, credential, ...(name ? { name } : {}) }, headers: bearer(tokens) });
  assert.equal(added.status, 201, await added.clone().text());
  return passkey;
}

/** Starts AN's sign-in; the answer's body. */
async function startSignIn(t: TestService, client: string = MINISTRY.id): Promise<Record<string, any>> {
  t.clock.advance(61);
  const response = await t.call('POST', PATHS.signIns, { client, body: { idNumber: AN.idNumber, password: PASSWORD } });
  assert.equal(response.status, 200, await response.clone().text());
  const body = await json(response);
  assert.ok(SignInStartedSchema.safeParse(body).success, JSON.stringify(body));
  return body;
}

/** Answers a sign-in's passkey options with `passkey`. */
function answer(t: TestService, signInId: string, credential: unknown, client: string = MINISTRY.id): Promise<Response> {
  return t.call('POST', PATHS.signInPasskey(signInId), { client, body: { credential } });
}

export function passkeysSpec(db: () => TestDatabase): void {
  describe('passkeys', () => {
    test('GET /v1/config tells every portal that passkeys are offered and the RP ID they are bound to; without passkeys configured, offered is false', async () => {
      const t = await passkeyService(db);
      for (const client of [MINISTRY.id, PROVINCE.id]) {
        assert.deepEqual((await json(await t.call('GET', PATHS.config, { client }))).passkeys, { offered: true, rpId: RP_ID });
      }
      const without = await startTestService(db());
      assert.deepEqual((await json(await without.call('GET', PATHS.config, { client: MINISTRY.id }))).passkeys, { offered: false });
      const answered = await without.call('POST', `${PATHS.signInPasskey('sign-in-1')}/options`, { client: MINISTRY.id, body: {} });
      assert.equal(answered.status, 404);
      assert.equal((await json(answered)).code, 'not_found');
    });

    test('a signed-in citizen adds a passkey after the current password; the list shows it without its key', async () => {
      const t = await passkeyService(db);
      const tokens = await anSignedIn(t);
      const started = await startAdding(t, tokens);
      assert.equal(started.status, 200);
      const body = await json(started);
      assert.ok(PasskeyRegistrationStartedSchema.safeParse(body).success, JSON.stringify(body));
      assert.equal(body.options.rp.id, RP_ID);
      assert.equal(body.options.user.name, '001******234');
      assert.equal(body.options.user.displayName, AN.fullName);
      assert.equal(body.options.attestation, 'none');
      const passkey = new SoftwarePasskey();
      const credential = passkey.register({ challenge: body.options.challenge, origin: MINISTRY.origin, rpId: RP_ID });
      const added = await t.call('POST', PATHS.passkeys, { body: { registrationId: body.registrationId, credential, name: '  Điện thoại của An ' }, headers: bearer(tokens) });
      assert.equal(added.status, 201, await added.clone().text());
      assert.deepEqual((await json(added)).passkey, {
        id: passkey.id,
        name: 'Điện thoại của An',
        transports: ['internal', 'hybrid'],
        deviceType: 'single_device',
        backedUp: false,
        createdAt: t.clock.now().toISOString(),
        lastUsedAt: null,
      });
      const listed = await t.call('GET', PATHS.passkeys, { headers: bearer(tokens) });
      assert.equal(listed.status, 200);
      const list = await json(listed);
      assert.ok(PasskeyListSchema.safeParse(list).success);
      assert.deepEqual(list.passkeys.map((p: { id: string }) => p.id), [passkey.id]);
      assert.ok(!JSON.stringify(list).includes('publicKey'));
      // Asked again, the options exclude the passkey already added, and the same registration cannot be replayed.
      const again = await json(await startAdding(t, tokens));
      assert.deepEqual(again.options.excludeCredentials.map((c: { id: string }) => c.id), [passkey.id]);
      const replay = await t.call('POST', PATHS.passkeys, { body: { registrationId: body.registrationId, credential }, headers: bearer(tokens) });
      assert.equal(replay.status, 400);
      assert.equal((await json(replay)).code, 'passkey_verification_failed');
    });

    test('adding a passkey needs a live access token, the right password and a recent sign-in', async () => {
      const t = await passkeyService(db);
      const tokens = await anSignedIn(t);
      const anonymous = await t.call('POST', PATHS.passkeyOptions, { body: { currentPassword: PASSWORD } });
      assert.equal(anonymous.status, 401);
      assert.equal((await json(anonymous)).code, 'unauthorized');
      const wrong = await startAdding(t, tokens, 'Sai-mật-khẩu-1');
      assert.equal(wrong.status, 401);
      assert.equal((await json(wrong)).code, 'invalid_credentials');
      t.clock.advance(601);
      // The session is still live (refreshed), but its sign-in is too old to vouch for the citizen now.
      const refreshed = await t.call('POST', PATHS.refresh, { body: { refreshToken: String(tokens.refreshToken) } });
      assert.equal(refreshed.status, 200);
      const late = await startAdding(t, await json(refreshed));
      assert.equal(late.status, 403);
      assert.equal((await json(late)).code, 'recent_sign_in_required');
      assert.equal(await countRows(t.service.store.sql, 'SELECT count(*)::int AS count FROM passkey_challenges'), 0);
    });

    test('a registration answered from another portal, another session or for another RP ID is refused', async () => {
      const t = await passkeyService(db);
      const tokens = await anSignedIn(t);
      const cases: [string, (challenge: string) => unknown, Record<string, string>][] = [
        ['origin of another portal', (challenge) => new SoftwarePasskey().register({ challenge, origin: PROVINCE.origin, rpId: RP_ID }), bearer(tokens)],
        ['another RP ID', (challenge) => new SoftwarePasskey().register({ challenge, origin: MINISTRY.origin, rpId: 'evil.example' }), bearer(tokens)],
        ['an assertion type', (challenge) => new SoftwarePasskey().register({ challenge, origin: MINISTRY.origin, rpId: RP_ID, type: 'webauthn.get' }), bearer(tokens)],
      ];
      for (const [label, make] of cases) {
        const { registrationId, options } = await json(await startAdding(t, tokens));
        const refused = await t.call('POST', PATHS.passkeys, { body: { registrationId, credential: make(options.challenge) }, headers: bearer(tokens) });
        assert.equal(refused.status, 400, label);
        assert.equal((await json(refused)).code, 'passkey_verification_failed', label);
      }
      // Another session of the same citizen cannot finish this session's addition.
      t.clock.advance(61);
      const other = (await t.signIn(AN)).tokens;
      const { registrationId, options } = await json(await startAdding(t, tokens));
      const credential = new SoftwarePasskey().register({ challenge: options.challenge, origin: MINISTRY.origin, rpId: RP_ID });
      const foreign = await t.call('POST', PATHS.passkeys, { body: { registrationId, credential }, headers: bearer(other) });
      assert.equal((await json(foreign)).code, 'passkey_verification_failed');
      assert.equal(await countRows(t.service.store.sql, 'SELECT count(*)::int AS count FROM passkeys'), 0);
    });

    test('at sign-in a passkey answers instead of the code: AAL2 tokens with hwk and user in amr, and the code no longer works', async () => {
      const t = await passkeyService(db);
      const passkey = await addPasskey(t, await anSignedIn(t));
      const started = await startSignIn(t);
      assert.ok(started.otp, 'the code is sent all the same');
      assert.equal(started.passkey.rpId, RP_ID);
      assert.deepEqual(started.passkey.allowCredentials.map((c: { id: string }) => c.id), [passkey.id]);
      const response = await answer(t, started.signInId, passkey.assert({ challenge: started.passkey.challenge, origin: MINISTRY.origin, rpId: RP_ID }));
      assert.equal(response.status, 200, await response.clone().text());
      const body = await json(response);
      assert.ok(SignedInSchema.safeParse(body).success);
      const id = claims(body.tokens.idToken);
      assert.equal(id.acr, 'urn:dvc-kit:acr:ial2-aal2');
      assert.deepEqual(id.amr, ['pwd', 'hwk', 'user', 'mfa']);
      assert.deepEqual(claims(body.tokens.accessToken).amr, ['pwd', 'hwk', 'user', 'mfa']);
      // The session recorded how it signed in: a refresh keeps the passkey's amr, AAL and sign-in time.
      const refreshed = await json(await t.call('POST', PATHS.refresh, { body: { refreshToken: body.tokens.refreshToken } }));
      assert.deepEqual(claims(refreshed.idToken).amr, ['pwd', 'hwk', 'user', 'mfa']);
      assert.equal(claims(refreshed.idToken).acr, 'urn:dvc-kit:acr:ial2-aal2');
      assert.equal(claims(refreshed.idToken).auth_time, id.auth_time);
      const code = await t.call('POST', PATHS.signInVerify(started.signInId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(code.status, 409);
      const listed = await json(await t.call('GET', PATHS.passkeys, { headers: bearer(body.tokens) }));
      assert.equal(listed.passkeys[0].lastUsedAt, t.clock.now().toISOString());
      // No ID number, phone or name in a log line of the passkey steps.
      assert.ok(!t.logs.some((line) => line.includes(AN.idNumber) || line.includes(AN.phone.slice(3)) || line.includes(AN.fullName)));
    });

    test('a synced passkey that only tests presence gives swk without user', async () => {
      const t = await passkeyService(db);
      const passkey = await addPasskey(t, await anSignedIn(t), { synced: true, userVerified: false, counter: null });
      const started = await startSignIn(t);
      const response = await answer(t, started.signInId, passkey.assert({ challenge: started.passkey.challenge, origin: MINISTRY.origin, rpId: RP_ID }));
      assert.equal(response.status, 200, await response.clone().text());
      assert.deepEqual(claims((await json(response)).tokens.idToken).amr, ['pwd', 'swk', 'mfa']);
    });

    test('with passkeys.userVerification "required" a passkey that does not verify its holder is refused', async () => {
      const t = await passkeyService(db, { config: { passkeys: { ...PASSKEYS, userVerification: 'required' } } });
      const tokens = await anSignedIn(t);
      const verifying = await addPasskey(t, tokens);
      const { registrationId, options } = await json(await startAdding(t, tokens));
      assert.equal(options.authenticatorSelection.userVerification, 'required');
      const credential = new SoftwarePasskey({ userVerified: false }).register({ challenge: options.challenge, origin: MINISTRY.origin, rpId: RP_ID });
      const refused = await t.call('POST', PATHS.passkeys, { body: { registrationId, credential }, headers: bearer(tokens) });
      assert.equal((await json(refused)).code, 'passkey_verification_failed');
      // A passkey added while it verified, answering once without verification at sign-in, is refused too.
      const started = await startSignIn(t);
      verifying.userVerified = false;
      const lazy = await answer(t, started.signInId, verifying.assert({ challenge: started.passkey.challenge, origin: MINISTRY.origin, rpId: RP_ID }));
      assert.equal((await json(lazy)).code, 'passkey_verification_failed');
      verifying.userVerified = true;
      const { passkey: retry } = await json(await t.call('POST', PATHS.signInPasskeyOptions(started.signInId), {}));
      assert.equal((await answer(t, started.signInId, verifying.assert({ challenge: retry.challenge, origin: MINISTRY.origin, rpId: RP_ID }))).status, 200);
    });

    test('one assertion sent twice in parallel signs in once', async () => {
      const t = await passkeyService(db);
      const passkey = await addPasskey(t, await anSignedIn(t));
      const started = await startSignIn(t);
      const credential = passkey.assert({ challenge: started.passkey.challenge, origin: MINISTRY.origin, rpId: RP_ID });
      const answers = await Promise.all([answer(t, started.signInId, credential), answer(t, started.signInId, credential), answer(t, started.signInId, credential)]);
      const statuses = answers.map((response) => response.status).sort();
      assert.deepEqual(statuses.filter((status) => status === 200), [200]);
      assert.ok(statuses.every((status) => status === 200 || (status >= 400 && status < 500)), String(statuses));
      assert.equal(await countRows(t.service.store.sql, `SELECT count(*)::int AS count FROM sessions WHERE revoked_at IS NULL`), 2);
    });

    test('an old counter, another portal\'s origin or another sign-in\'s challenge is refused, and the code still answers', async () => {
      const t = await passkeyService(db);
      const passkey = await addPasskey(t, await anSignedIn(t));
      const first = await startSignIn(t);
      assert.equal((await answer(t, first.signInId, passkey.assert({ challenge: first.passkey.challenge, origin: MINISTRY.origin, rpId: RP_ID }))).status, 200);
      // A cloned authenticator replays an old counter on a new challenge.
      const second = await startSignIn(t);
      passkey.counter -= 1;
      const cloned = await answer(t, second.signInId, passkey.assert({ challenge: second.passkey.challenge, origin: MINISTRY.origin, rpId: RP_ID }));
      assert.equal(cloned.status, 400);
      assert.equal((await json(cloned)).code, 'passkey_verification_failed');
      // Each try spent its challenge: a new one is asked for; another origin and another sign-in's challenge fail.
      const more = await t.call('POST', PATHS.signInPasskeyOptions(second.signInId), {});
      assert.equal(more.status, 200);
      const { passkey: options } = await json(more);
      const elsewhere = await answer(t, second.signInId, passkey.assert({ challenge: options.challenge, origin: PROVINCE.origin, rpId: RP_ID }));
      assert.equal((await json(elsewhere)).code, 'passkey_verification_failed');
      const third = await startSignIn(t);
      const crossed = await answer(t, second.signInId, passkey.assert({ challenge: third.passkey.challenge, origin: MINISTRY.origin, rpId: RP_ID }));
      assert.equal((await json(crossed)).code, 'passkey_verification_failed');
      const stranger = new SoftwarePasskey();
      const unknown = await answer(t, third.signInId, stranger.assert({ challenge: third.passkey.challenge, origin: MINISTRY.origin, rpId: RP_ID }));
      assert.equal(unknown.status, 404);
      assert.equal((await json(unknown)).code, 'passkey_not_found');
      const code = await t.call('POST', PATHS.signInVerify(third.signInId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(code.status, 200, 'the code step stays open after failed passkey tries');
    });

    test('each sign-in gets a bounded number of passkey challenges; then too_many_attempts with Retry-After, and the code still works', async () => {
      const t = await passkeyService(db, { config: { passkeys: { ...PASSKEYS, optionsPerSignIn: 2 } } });
      await addPasskey(t, await anSignedIn(t));
      const started = await startSignIn(t);
      assert.equal((await t.call('POST', PATHS.signInPasskeyOptions(started.signInId), {})).status, 200);
      const refused = await t.call('POST', PATHS.signInPasskeyOptions(started.signInId), {});
      assert.equal(refused.status, 429);
      assert.equal((await json(refused)).code, 'too_many_attempts');
      assert.ok(Number(refused.headers.get('Retry-After')) > 0);
      const code = await t.call('POST', PATHS.signInVerify(started.signInId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(code.status, 200);
    });

    test('removing every passkey falls back to the code, never to less', async () => {
      const t = await passkeyService(db);
      const tokens = await anSignedIn(t);
      const passkey = await addPasskey(t, tokens);
      const missing = await t.call('DELETE', PATHS.passkey('AAAA'), { headers: bearer(tokens) });
      assert.equal(missing.status, 404);
      assert.equal((await json(missing)).code, 'passkey_not_found');
      const removed = await t.call('DELETE', PATHS.passkey(passkey.id), { headers: bearer(tokens) });
      assert.equal(removed.status, 204);
      const started = await startSignIn(t);
      assert.equal(started.passkey, undefined);
      const options = await t.call('POST', PATHS.signInPasskeyOptions(started.signInId), {});
      assert.equal((await json(options)).code, 'passkey_not_found');
      const stale = await answer(t, started.signInId, passkey.assert({ challenge: 'AAAAAAAAAAAAAAAAAAAAAA', origin: MINISTRY.origin, rpId: RP_ID }));
      assert.equal(stale.status, 400);
      const code = await t.call('POST', PATHS.signInVerify(started.signInId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(code.status, 200);
      assert.deepEqual(claims((await json(code)).tokens.idToken).amr, ['pwd', 'otp', 'sms', 'mfa']);
    });

    test('a wrong password on an account with passkeys and an unknown ID number get the identical answer, with no passkey options', async () => {
      const t = await passkeyService(db);
      await addPasskey(t, await anSignedIn(t));
      for (const lang of ['vi', 'en']) {
        const wrong = await t.call('POST', PATHS.signIns, { lang, body: { idNumber: AN.idNumber, password: 'Sai-mật-khẩu-1' } });
        const unknown = await t.call('POST', PATHS.signIns, { lang, body: { idNumber: '001099999998', password: 'Sai-mật-khẩu-1' } });
        assert.equal(wrong.status, 401);
        assert.equal(unknown.status, 401);
        const [a, b] = [await wrong.text(), await unknown.text()];
        assert.equal(a, b);
        assert.ok(!a.includes('challenge'));
      }
      // An unknown sign-in, or another portal's, is not found, whether or not its account has passkeys.
      const unknown = await t.call('POST', PATHS.signInPasskeyOptions('nope'), {});
      assert.equal((await json(unknown)).code, 'flow_not_found');
      const started = await startSignIn(t);
      const foreign = await t.call('POST', PATHS.signInPasskeyOptions(started.signInId), { client: PROVINCE.id });
      assert.equal(foreign.status, 404);
      assert.equal(await foreign.text(), await (await t.call('POST', PATHS.signInPasskeyOptions('nope'), { client: PROVINCE.id })).text());
    });

    test('an account holds at most passkeys.maxPerAccount passkeys', async () => {
      const t = await passkeyService(db, { config: { passkeys: { ...PASSKEYS, maxPerAccount: 1 } } });
      const tokens = await anSignedIn(t);
      await addPasskey(t, tokens);
      const full = await startAdding(t, tokens);
      assert.equal(full.status, 409);
      assert.equal((await json(full)).code, 'passkey_limit_reached');
    });

    test('GET /.well-known/webauthn names the portals\' origins for related-origin requests; without passkeys the routes are not there', async () => {
      const t = await passkeyService(db);
      const wellKnown = await t.call('GET', '/.well-known/webauthn', { client: null });
      assert.equal(wellKnown.status, 200);
      assert.deepEqual((await json(wellKnown)).origins, [MINISTRY.origin, PROVINCE.origin]);
      const plain = await startTestService(db());
      const tokens = await anSignedIn(plain);
      assert.equal((await plain.call('POST', PATHS.passkeyOptions, { body: { currentPassword: PASSWORD }, headers: bearer(tokens) })).status, 404);
      assert.equal((await plain.call('GET', '/.well-known/webauthn', { client: null })).status, 404);
      t.clock.advance(61);
      const started = await json(await plain.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: PASSWORD } }));
      assert.equal(started.passkey, undefined);
    });

    test('generated bad input on every passkey endpoint is a problem, never a 5xx, and nothing is stored', async () => {
      const t = await passkeyService(db, { config: { limits: { signInAttempts: { perAddress: [{ max: 10_000, windowSeconds: 600 }] } } } });
      const tokens = await anSignedIn(t);
      const started = await startSignIn(t);
      const { registrationId } = await json(await startAdding(t, tokens));
      const b64 = fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/);
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), b64, fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const clientData = fc.oneof(anything, fc.json().map((text) => Buffer.from(text).toString('base64url')), fc.record({ type: fc.constantFrom('webauthn.get', 'webauthn.create'), challenge: fc.oneof(b64, anything) }).map((data) => Buffer.from(JSON.stringify(data)).toString('base64url')));
      const credential = fc.record(
        {
          id: fc.oneof(b64, anything),
          rawId: fc.oneof(b64, anything),
          type: fc.oneof(fc.constant('public-key'), anything),
          response: fc.oneof(anything, fc.record({ clientDataJSON: clientData, attestationObject: fc.oneof(b64, anything), authenticatorData: fc.oneof(b64, anything), signature: fc.oneof(b64, anything), transports: fc.oneof(anything, fc.array(fc.string())) }, { requiredKeys: [] })),
          clientExtensionResults: anything,
        },
        { requiredKeys: [] },
      );
      const bodies: [string, string, fc.Arbitrary<unknown>, Record<string, string>][] = [
        ['POST', PATHS.passkeys, fc.record({ registrationId: fc.oneof(fc.constant(registrationId), anything), credential: fc.oneof(credential, anything), name: anything }, { requiredKeys: [] }), bearer(tokens)],
        ['POST', PATHS.passkeyOptions, fc.oneof(anything, fc.record({ currentPassword: anything }, { requiredKeys: [] })), bearer(tokens)],
        ['POST', PATHS.signInPasskey(started.signInId), fc.oneof(anything, fc.record({ credential: fc.oneof(credential, anything) }, { requiredKeys: [] })), {}],
        ['DELETE', '', fc.oneof(fc.string(), b64), bearer(tokens)],
      ];
      for (const [method, path, arbitrary, headers] of bodies) {
        await fc.assert(
          fc.asyncProperty(arbitrary, async (body) => {
            const response =
              method === 'DELETE'
                ? await t.call('DELETE', PATHS.passkey(String(body)), { headers })
                : await t.call('POST', path, { body, headers });
            assert.ok(response.status >= 400 && response.status < 500, `${method} ${path}: status ${response.status}`);
            assert.match(String(response.headers.get('Content-Type')), /^application\/problem\+json/);
            const problem = await json(response);
            if (problem.code === 'validation_failed') assert.ok(problem.errors.every((error: { field: string; code: string }) => error.field && error.code));
          }),
          { numRuns: 30 },
        );
      }
      assert.equal(await countRows(t.service.store.sql, 'SELECT count(*)::int AS count FROM passkeys'), 0);
      assert.equal(await countRows(t.service.store.sql, `SELECT count(*)::int AS count FROM flows WHERE kind = 'sign_in' AND state = 'completed'`), 1);
    });
  });
}
