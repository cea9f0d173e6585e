import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { PATHS } from '@dvc-kit/sdk';
import { AssuranceUpgradedSchema, RegistrationStartedSchema, ServiceConfigSchema, SignatureChallengeSchema, SignedInSchema, type SignatureOperation, type SignedChallenge } from '@dvc-kit/sdk/contract';
import type { ServerConfigInput } from '../../src/index.js';
import { AN, NGOC, PASSWORD } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';
import { createTestCa, signWith, startCrlServer, TEST_CITIZEN_ID, type CrlServer, type TestCa, type TestCertificate } from '../support/test-ca.js';

const WIDE = [{ max: 1000, windowSeconds: 600 }];

export function signatureFlowsSpec(db: () => TestDatabase): void {
  describe('registration, sign-in and upgrade by USB-token signature', () => {
    let ca: TestCa;
    let crlServer: CrlServer;
    let offered: Partial<ServerConfigInput>;

    before(async () => {
      crlServer = await startCrlServer();
      ca = await createTestCa({ crlBaseUrl: crlServer.url });
      for (const [name, crl] of Object.entries(ca.crls)) crlServer.publish(name, crl);
      const files = await ca.writeFiles();
      offered = {
        signatures: { methods: ['usb_token'], trustAnchors: { citizen: [files.nationalRoot], enterprise: [files.nationalRoot], agency: [files.governmentRoot] } },
        limits: { signatureChallenges: { perAddress: WIDE }, signInAttempts: { perAddress: WIDE } },
      };
    });
    after(async () => {
      await crlServer.close();
    });

    const service = (config: Partial<ServerConfigInput> = {}) => startTestService(db(), { config: { ...offered, ...config } });
    const problemCode = async (response: Response) => ((await response.json()) as { code: string }).code;

    /** A challenge for `operation`, signed by `signer` as the portal's signing plugin would. */
    const signed = async (t: TestService, signer: TestCertificate, operation: SignatureOperation, client: string = MINISTRY.id): Promise<SignedChallenge> => {
      const response = await t.call('POST', PATHS.signatureChallenges, { client, body: { operation, subjectType: 'citizen' } });
      assert.equal(response.status, 201, await response.clone().text());
      const challenge = SignatureChallengeSchema.parse(await response.json());
      return {
        challengeId: challenge.challengeId,
        certificate: signer.base64,
        intermediates: [ca.intermediate.base64],
        algorithm: signer.keys.privateKey.algorithm.name === 'ECDSA' ? 'ECDSA' : 'RSASSA-PKCS1-v1_5',
        signature: await signWith(signer, Buffer.from(challenge.toBeSigned, 'base64url')),
      };
    };
    const registrationBody = (signature: SignedChallenge, extra: Record<string, unknown> = {}) => ({
      subjectType: 'citizen',
      method: 'usb_token',
      idNumber: TEST_CITIZEN_ID,
      birthDate: AN.birthDate,
      phone: AN.nationalPhone,
      email: 'an@example.vn',
      consentVersion: '2025-01',
      signature,
      ...extra,
    });
    const startRegistration = (t: TestService, body: Record<string, unknown>, client: string = MINISTRY.id) =>
      t.call('POST', PATHS.signatureRegistrations, { client, body });
    const finishRegistration = async (t: TestService, registrationId: string) => {
      const verified = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(verified.status, 200, await verified.clone().text());
      return t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
    };
    const bearer = (token: unknown) => ({ Authorization: `Bearer ${String(token)}` });

    test('a service that offers no USB token answers 404 on the three flows, and its configuration says so', async () => {
      const t = await startTestService(db());
      const body = { challengeId: 'sgc_x', certificate: ca.citizen.base64, algorithm: 'ECDSA', signature: 'AAAA' };
      assert.equal((await startRegistration(t, registrationBody(body as SignedChallenge))).status, 404);
      assert.equal((await t.call('POST', PATHS.signatureSignIns, { body })).status, 404);
      const { tokens } = await (async () => {
        await t.register(AN);
        return t.signIn(AN);
      })();
      assert.equal((await t.call('POST', PATHS.assuranceUpgrades, { body, headers: bearer(tokens.accessToken) })).status, 404);
      const config = ServiceConfigSchema.parse(await json(await t.call('GET', PATHS.config)));
      assert.ok(!config.registrationMethods.includes('usb_token'));
      assert.deepEqual(config.signInMethods, ['password']);
      for (const { methods } of config.subjectTypes) assert.equal(methods.find((m) => m.method === 'usb_token')?.available, false);
      await t.service.close();
    });

    test('GET /v1/config tells the truth: USB token available to every subject type with trust anchors (registration and sign-in)', async () => {
      const t = await service();
      const config = ServiceConfigSchema.parse(await json(await t.call('GET', PATHS.config)));
      assert.ok(config.registrationMethods.includes('usb_token'));
      assert.deepEqual(config.signInMethods, ['password', 'usb_token']);
      const usb = Object.fromEntries(config.subjectTypes.map(({ subjectType, methods }) => [subjectType, methods.find((m) => m.method === 'usb_token')]));
      assert.deepEqual(usb.citizen, { method: 'usb_token', ial: 3, available: true });
      assert.equal(usb.enterprise?.available, true);
      assert.equal(usb.agency?.available, true);
      await t.service.close();
    });

    test('registration by signature: the certificate names the account, a code goes to the phone, the password ends it at IAL3 with its history', async () => {
      const t = await service();
      const started = await startRegistration(t, registrationBody(await signed(t, ca.citizen, 'register')));
      assert.equal(started.status, 201, await started.clone().text());
      const { registrationId, otp } = RegistrationStartedSchema.parse(await started.json());
      assert.equal(otp.maskedPhone, '097****398');
      const done = await finishRegistration(t, registrationId);
      assert.equal(done.status, 201, await done.clone().text());
      const { account } = await json(done);
      assert.equal(account.ial, 3);
      assert.equal(account.verificationMethod, 'usb_token');
      assert.equal(account.fullName, 'Nguyễn Văn An');
      const stored = await t.service.store.accounts.findBySub(String(account.sub));
      assert.equal(stored?.consentVersion, '2025-01');
      assert.equal(stored?.birthDate, AN.birthDate);
      assert.equal(stored?.email, 'an@example.vn');
      const [history, ...more] = await t.service.store.assuranceHistory.forAccount(String(account.sub));
      assert.equal(more.length, 0);
      assert.deepEqual({ ...history, id: undefined, at: undefined, challengeId: undefined }, {
        id: undefined, at: undefined, challengeId: undefined, accountSub: account.sub, event: 'registered', from: null,
        to: { ial: 3, verificationMethod: 'usb_token' }, clientId: MINISTRY.id,
        certificate: { serialNumber: ca.citizen.certificate.serialNumber, issuer: 'Test Public CA' },
      });
      // The new account signs in with its token at AAL3, and with its password and a code as well.
      const byToken = SignedInSchema.parse(await json(await t.call('POST', PATHS.signatureSignIns, { body: await signed(t, ca.citizen, 'sign_in') })));
      assert.equal(decodeJwt(byToken.tokens.accessToken).acr, 'urn:dvc-kit:acr:ial3-aal3');
      assert.equal(decodeJwt((await t.signIn(AN)).tokens.accessToken as string).acr, 'urn:dvc-kit:acr:ial3-aal2');
      assert.ok(!t.logs.some((line) => line.includes(TEST_CITIZEN_ID) || line.includes(AN.phone)), 'no ID number or phone in the log');
      await t.service.close();
    });

    test('registration refuses another person\'s certificate (subject_mismatch) without using the challenge, and an untrusted one', async () => {
      const t = await service();
      const signature = await signed(t, ca.citizen, 'register');
      const other = await startRegistration(t, registrationBody(signature, { idNumber: NGOC.idNumber, birthDate: NGOC.birthDate }), MINISTRY.id);
      assert.equal(other.status, 422);
      assert.equal(await problemCode(other), 'subject_mismatch');
      assert.equal((await startRegistration(t, registrationBody(signature))).status, 201, 'the challenge is still unused');
      const untrusted = await startRegistration(t, registrationBody({ ...(await signed(t, ca.untrusted, 'register')), intermediates: [ca.otherRoot.base64] }));
      assert.equal(untrusted.status, 422);
      assert.equal(await problemCode(untrusted), 'cert_untrusted');
      await t.service.close();
    });

    test('a signed challenge is used once, for its own operation and portal: replayed 409, another operation or portal 404', async () => {
      const t = await service();
      const signature = await signed(t, ca.citizen, 'register');
      assert.equal((await startRegistration(t, registrationBody(signature))).status, 201);
      const replayed = await startRegistration(t, registrationBody(signature));
      assert.equal(replayed.status, 409);
      assert.equal(await problemCode(replayed), 'challenge_used');
      const forSignIn = await signed(t, ca.citizen, 'sign_in');
      const wrongOperation = await startRegistration(t, registrationBody(forSignIn));
      assert.equal(wrongOperation.status, 404);
      assert.equal(await problemCode(wrongOperation), 'not_found');
      const otherPortal = await startRegistration(t, registrationBody(await signed(t, ca.citizen, 'register')), PROVINCE.id);
      assert.equal(otherPortal.status, 404);
      const upgradeAsSignIn = await t.call('POST', PATHS.signatureSignIns, { body: await signed(t, ca.citizen, 'upgrade') });
      assert.equal(upgradeAsSignIn.status, 404);
      await t.service.close();
    });

    test('parallel completions of two registrations by signature for one ID number make exactly one account', async () => {
      const t = await service();
      const ids: string[] = [];
      for (let i = 0; i < 2; i++) {
        const started = await startRegistration(t, registrationBody(await signed(t, ca.citizen, 'register')));
        const { registrationId } = RegistrationStartedSchema.parse(await started.json());
        const verified = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(AN.phone) } });
        assert.equal(verified.status, 200);
        ids.push(registrationId);
      }
      const answers = await Promise.all(ids.map((id) => t.call('POST', PATHS.registrationPassword(id), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } })));
      assert.deepEqual(answers.map((response) => response.status).sort(), [201, 409]);
      const account = await t.service.store.accounts.findByIdNumber(TEST_CITIZEN_ID);
      assert.equal((await t.service.store.assuranceHistory.forAccount(account!.sub)).length, 1);
      await t.service.close();
    });

    test('sign-in by signature: AAL3 without a password or code, the account the certificate names; refresh keeps it', async () => {
      const t = await service();
      await t.register(AN);
      const response = await t.call('POST', PATHS.signatureSignIns, { body: await signed(t, ca.citizen, 'sign_in') });
      assert.equal(response.status, 200, await response.clone().text());
      const { tokens, account } = SignedInSchema.parse(await response.json());
      assert.equal(account.idNumberMasked, '001******234');
      const claims = decodeJwt(tokens.accessToken);
      assert.equal(claims.acr, 'urn:dvc-kit:acr:ial2-aal3', 'the account stays IAL2: signing in is not an upgrade');
      assert.deepEqual(claims.amr, ['hwk', 'sc', 'pin', 'mfa']);
      const assurance = await json(await t.call('GET', PATHS.sessionAssurance, { headers: bearer(tokens.accessToken) }));
      assert.equal(assurance.aal, 3);
      const refreshed = await json(await t.call('POST', PATHS.refresh, { body: { refreshToken: tokens.refreshToken } }));
      assert.equal(decodeJwt(String(refreshed.accessToken)).acr, 'urn:dvc-kit:acr:ial2-aal3');
      assert.equal(await t.textsTo(AN.phone), 1, 'no code texted for the signature sign-in (only the registration\'s)');
      await t.service.close();
    });

    test('sign-in by signature answers the same whether or not the ID number has an account', async () => {
      const t = await service();
      // No account for the certificate's number: the answer of a wrong password.
      const unknown = await t.call('POST', PATHS.signatureSignIns, { body: await signed(t, ca.citizen, 'sign_in'), lang: 'en' });
      assert.equal(unknown.status, 401);
      const unknownBody = await json(unknown);
      assert.equal(unknownBody.code, 'invalid_credentials');
      await t.register(AN);
      const wrongPassword = await t.call('POST', PATHS.signIns, { body: { idNumber: NGOC.idNumber, password: PASSWORD }, lang: 'en' });
      assert.deepEqual({ ...(await json(wrongPassword)), instance: undefined }, { ...unknownBody, instance: undefined });
      // A bad signature is refused the same with and without an account.
      const forged = async () => ({ ...(await signed(t, ca.citizen, 'sign_in')), signature: await signWith(ca.citizen, new TextEncoder().encode('something else')) });
      const withAccount = await t.call('POST', PATHS.signatureSignIns, { body: await forged() });
      await t.service.store.sql.query('DELETE FROM accounts');
      const withoutAccount = await t.call('POST', PATHS.signatureSignIns, { body: await forged() });
      assert.deepEqual([withAccount.status, await problemCode(withAccount)], [422, 'signature_mismatch']);
      assert.deepEqual([withoutAccount.status, await problemCode(withoutAccount)], [422, 'signature_mismatch']);
      await t.service.close();
    });

    test('parallel sign-ins with one signed challenge: exactly one session', async () => {
      const t = await service();
      await t.register(AN);
      const body = await signed(t, ca.citizen, 'sign_in');
      const answers = await Promise.all(Array.from({ length: 6 }, () => t.call('POST', PATHS.signatureSignIns, { body })));
      const statuses = answers.map((response) => response.status).sort();
      assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409]);
      const { rows } = { rows: await t.service.store.sql.query(`SELECT count(*)::int AS count FROM sessions WHERE sign_in_method = 'usb_token'`) };
      assert.equal(rows[0]!.count, 1);
      await t.service.close();
    });

    test('a sign-in repeated with its Idempotency-Key gets the same tokens', async () => {
      const t = await service();
      await t.register(AN);
      const body = await signed(t, ca.citizen, 'sign_in');
      const headers = { 'Idempotency-Key': 'sig-sign-in-1' };
      const first = await json(await t.call('POST', PATHS.signatureSignIns, { body, headers }));
      const again = await t.call('POST', PATHS.signatureSignIns, { body, headers });
      assert.equal(again.status, 200);
      assert.equal((await json(again)).tokens.refreshToken, first.tokens.refreshToken);
      await t.service.close();
    });

    test('upgrade IAL2 → IAL3 by signing: recorded once, seen at once by every portal and in refreshed tokens', async () => {
      const t = await service();
      await t.register(AN);
      const here = await t.signIn(AN, PASSWORD, MINISTRY.id);
      const there = await t.signIn(AN, PASSWORD, PROVINCE.id);
      const response = await t.call('POST', PATHS.assuranceUpgrades, { body: await signed(t, ca.citizen, 'upgrade'), headers: bearer(here.tokens.accessToken) });
      assert.equal(response.status, 200, await response.clone().text());
      const upgraded = AssuranceUpgradedSchema.parse(await response.json());
      assert.deepEqual([upgraded.account.ial, upgraded.account.verificationMethod, upgraded.previous], [3, 'usb_token', { ial: 2, verificationMethod: 'mobile' }]);
      assert.equal(upgraded.upgradedAt, t.clock.now().toISOString());
      // The other portal's session, asking the service, sees IAL3 at once; its next refresh carries it.
      const elsewhere = await json(await t.call('GET', PATHS.sessionAssurance, { client: PROVINCE.id, headers: bearer(there.tokens.accessToken) }));
      assert.deepEqual([elsewhere.ial, elsewhere.ialMethod, elsewhere.aal], [3, 'usb_token', 2]);
      const refreshed = await json(await t.call('POST', PATHS.refresh, { client: PROVINCE.id, body: { refreshToken: there.tokens.refreshToken } }));
      assert.equal(decodeJwt(String(refreshed.accessToken)).acr, 'urn:dvc-kit:acr:ial3-aal2');
      const history = await t.service.store.assuranceHistory.forAccount(upgraded.account.sub);
      assert.deepEqual(history.map((entry) => [entry.event, entry.from, entry.to, entry.clientId, entry.certificate?.serialNumber]), [
        ['upgraded', { ial: 2, verificationMethod: 'mobile' }, { ial: 3, verificationMethod: 'usb_token' }, MINISTRY.id, ca.citizen.certificate.serialNumber],
      ]);
      const again = await t.call('POST', PATHS.assuranceUpgrades, { body: await signed(t, ca.citizen, 'upgrade'), headers: bearer(here.tokens.accessToken), lang: 'en' });
      assert.equal(again.status, 409);
      const body = await json(again);
      assert.equal(body.code, 'already_ial3');
      assert.match(String(body.detail), /already verified/);
      assert.ok(!t.logs.some((line) => line.includes(TEST_CITIZEN_ID)));
      await t.service.close();
    });

    test('upgrade refuses another person\'s certificate, a challenge for another operation, and no access token', async () => {
      const t = await service();
      await t.register(NGOC);
      const { tokens } = await t.signIn(NGOC);
      const mismatch = await t.call('POST', PATHS.assuranceUpgrades, { body: await signed(t, ca.citizen, 'upgrade'), headers: bearer(tokens.accessToken) });
      assert.equal(mismatch.status, 422);
      assert.equal(await problemCode(mismatch), 'subject_mismatch');
      const wrongOperation = await t.call('POST', PATHS.assuranceUpgrades, { body: await signed(t, ca.citizen, 'register'), headers: bearer(tokens.accessToken) });
      assert.equal(wrongOperation.status, 404);
      const anonymous = await t.call('POST', PATHS.assuranceUpgrades, { body: await signed(t, ca.citizen, 'upgrade') });
      assert.equal(anonymous.status, 401);
      assert.equal((await t.service.store.accounts.findByIdNumber(NGOC.idNumber))?.ial, 2);
      await t.service.close();
    });

    test('parallel upgrades with separate challenges: exactly one upgrade, one history entry', async () => {
      const t = await service();
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const bodies = await Promise.all(Array.from({ length: 4 }, () => signed(t, ca.citizen, 'upgrade')));
      const answers = await Promise.all(bodies.map((body) => t.call('POST', PATHS.assuranceUpgrades, { body, headers: bearer(tokens.accessToken) })));
      assert.deepEqual(answers.map((response) => response.status).sort(), [200, 409, 409, 409]);
      const account = await t.service.store.accounts.findByIdNumber(TEST_CITIZEN_ID);
      assert.equal(account?.ial, 3);
      assert.equal((await t.service.store.assuranceHistory.forAccount(account!.sub)).length, 1);
      await t.service.close();
    });

    test('generated bad input to the three endpoints gets a problem, never a 5xx', async () => {
      const t = await service();
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const base64 = fc.uint8Array({ minLength: 0, maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64'));
      const signature = fc.record(
        {
          challengeId: fc.oneof(fc.string({ maxLength: 140 }), anything),
          certificate: fc.oneof(base64, anything, fc.constant(ca.citizen.base64)),
          intermediates: fc.oneof(fc.array(fc.oneof(base64, fc.constant(ca.intermediate.base64)), { maxLength: 5 }), anything),
          algorithm: fc.oneof(fc.constantFrom('ECDSA', 'RSA-PSS', 'RSASSA-PKCS1-v1_5', 'none'), anything),
          signature: fc.oneof(base64, anything),
        },
        { requiredKeys: [] },
      );
      const registration = fc.record(
        {
          subjectType: fc.oneof(fc.constantFrom('citizen', 'enterprise'), anything),
          method: fc.oneof(fc.constant('usb_token'), anything),
          idNumber: fc.oneof(fc.stringMatching(/^\d{9,12}$/), anything),
          birthDate: fc.oneof(fc.constant(AN.birthDate), anything),
          phone: fc.oneof(fc.constant(AN.nationalPhone), anything),
          consentVersion: fc.oneof(fc.constant('2025-01'), anything),
          signature: fc.oneof(signature, anything),
        },
        { requiredKeys: [] },
      );
      const check = async (response: Response, label: string) => {
        assert.ok(response.status < 500, `status ${response.status} for ${label}`);
        if (response.status === 400) assert.ok(((await response.json()) as { errors?: unknown[] }).errors?.length, label);
      };
      await fc.assert(fc.asyncProperty(registration, async (body) => check(await startRegistration(t, body), JSON.stringify(body).slice(0, 300))), { numRuns: 40 });
      await fc.assert(fc.asyncProperty(signature, async (body) => check(await t.call('POST', PATHS.signatureSignIns, { body }), JSON.stringify(body).slice(0, 300))), { numRuns: 40 });
      await fc.assert(
        fc.asyncProperty(signature, async (body) => check(await t.call('POST', PATHS.assuranceUpgrades, { body, headers: bearer(tokens.accessToken) }), JSON.stringify(body).slice(0, 300))),
        { numRuns: 40 },
      );
      await t.service.close();
    });
  });
}
