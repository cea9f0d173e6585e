import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { PATHS } from '@dvc-kit/sdk';
import {
  AssuranceUpgradedSchema,
  RegistrationStartedSchema,
  ServiceConfigSchema,
  SignatureChallengeSchema,
  SignatureRequestStartedSchema,
  SignatureRequestStateSchema,
  SignedInSchema,
  type SignatureOperation,
} from '@dvc-kit/sdk/contract';
import type { ServerConfigInput } from '../../src/index.js';
import { AN, NGOC, PASSWORD } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';

const WIDE = [{ max: 1000, windowSeconds: 600 }];
/** Sandbox holders (packages/server/fixtures/sandbox-signers.json): the same people as the sandbox citizens. */
const SIGNS = { phone: '0971234398' };
const REFUSES = { phone: '0912345678' };
const IGNORES = { phone: '0901234567' };
const DELAY = 3;

type Method = 'sim_signature' | 'remote_signing';

export function signatureFlowsRemoteSpec(db: () => TestDatabase): void {
  describe('registration, sign-in and upgrade by SIM signature and remote signing', () => {
    const sandbox: Partial<ServerConfigInput> = {
      signatures: {
        methods: ['sim_signature', 'remote_signing'],
        providers: { sim_signature: { driver: 'sandbox', delaySeconds: DELAY }, remote_signing: { driver: 'sandbox', delaySeconds: DELAY } },
      },
      limits: { signatureChallenges: { perAddress: WIDE }, signatureRequests: { perAddress: WIDE, perHolder: WIDE }, signInAttempts: { perAddress: WIDE } },
    };
    const service = (config: Partial<ServerConfigInput> = {}) => startTestService(db(), { config: { ...sandbox, ...config } });
    const problemOf = async (response: Response) => (await response.json()) as { code: string; errors?: { field: string; code: string }[]; detail?: string };
    const bearer = (token: unknown) => ({ Authorization: `Bearer ${String(token)}` });

    /** A request for a challenge of `operation`, started with the sandbox provider; not yet answered. */
    const requested = async (t: TestService, operation: SignatureOperation, options: { holder?: Record<string, string>; method?: Method; client?: string; subjectType?: 'citizen' | 'enterprise' } = {}) => {
      const client = options.client ?? MINISTRY.id;
      const issued = await t.call('POST', PATHS.signatureChallenges, { client, body: { operation, subjectType: options.subjectType ?? 'citizen' } });
      assert.equal(issued.status, 201, await issued.clone().text());
      const { challengeId } = SignatureChallengeSchema.parse(await issued.json());
      const started = await t.call('POST', PATHS.signatureRequests, { client, body: { challengeId, method: options.method ?? 'sim_signature', holder: options.holder ?? SIGNS } });
      assert.equal(started.status, 201, await started.clone().text());
      return SignatureRequestStartedSchema.parse(await started.json()).requestId;
    };
    /** A request the holder confirmed on the phone: the sandbox's delay passed and a poll settled it. */
    const signedRequest = async (t: TestService, operation: SignatureOperation, options: { method?: Method; client?: string; subjectType?: 'citizen' | 'enterprise'; holder?: Record<string, string> } = {}) => {
      const requestId = await requested(t, operation, options);
      t.clock.advance(DELAY);
      const polled = SignatureRequestStateSchema.parse(await json(await t.call('GET', PATHS.signatureRequest(requestId), options.client ? { client: options.client } : {})));
      assert.equal(polled.state, 'signed');
      return requestId;
    };
    const registrationBody = (extra: Record<string, unknown>) => ({
      subjectType: 'citizen',
      method: 'sim_signature',
      idNumber: AN.idNumber,
      birthDate: AN.birthDate,
      phone: AN.nationalPhone,
      consentVersion: '2025-01',
      ...extra,
    });
    const startRegistration = (t: TestService, body: Record<string, unknown>, client: string = MINISTRY.id) => t.call('POST', PATHS.signatureRegistrations, { client, body });
    const signIn = (t: TestService, signatureRequestId: string, options: { client?: string; lang?: string } = {}) =>
      t.call('POST', PATHS.signatureSignIns, { body: { signatureRequestId }, ...options });

    test('GET /v1/config lists SIM signature and remote signing for citizens where a provider is configured, and not otherwise', async () => {
      const t = await service();
      const config = ServiceConfigSchema.parse(await json(await t.call('GET', PATHS.config)));
      assert.ok(config.registrationMethods.includes('sim_signature') && config.registrationMethods.includes('remote_signing'));
      assert.ok(!config.registrationMethods.includes('usb_token'));
      assert.deepEqual(config.signInMethods, ['password', 'sim_signature', 'remote_signing']);
      const choice = (subjectType: string, method: string) => config.subjectTypes.find((s) => s.subjectType === subjectType)?.methods.find((m) => m.method === method);
      assert.deepEqual(choice('citizen', 'sim_signature'), { method: 'sim_signature', ial: 3, available: true });
      assert.equal(choice('citizen', 'remote_signing')?.available, true);
      assert.equal(choice('enterprise', 'sim_signature')?.available, true);
      assert.deepEqual(config.subjectTypes.find((s) => s.subjectType === 'enterprise')?.signInMethods, ['sim_signature', 'remote_signing']);
      assert.deepEqual(config.subjectTypes.find((s) => s.subjectType === 'agency')?.signInMethods, [], 'an officer signs with the government CA’s USB token only');
      await t.service.close();
      const simOnly = await service({ signatures: { methods: ['sim_signature'], providers: { sim_signature: { driver: 'sandbox', delaySeconds: DELAY } } } });
      const only = ServiceConfigSchema.parse(await json(await simOnly.call('GET', PATHS.config)));
      assert.deepEqual(only.signInMethods, ['password', 'sim_signature']);
      assert.ok(!only.registrationMethods.includes('remote_signing'));
      await simOnly.service.close();
      const none = await startTestService(db());
      const plain = ServiceConfigSchema.parse(await json(await none.call('GET', PATHS.config)));
      assert.deepEqual(plain.signInMethods, ['password']);
      assert.equal(plain.subjectTypes.find((s) => s.subjectType === 'citizen')?.methods.find((m) => m.method === 'sim_signature')?.available, false);
      assert.equal((await signIn(none, 'sgr_x')).status, 404);
      await none.service.close();
    });

    test('an enterprise registers and signs in by SIM signature: keyed by the tax code its certificate carries, named by its organisation', async () => {
      const t = await service();
      const enterprise = { subjectType: 'enterprise' as const, holder: { account: 'mst-0101234567' } };
      const body = { subjectType: 'enterprise', method: 'sim_signature', taxCode: '0101234567', phone: '0861234567', consentVersion: '2025-01', signatureRequestId: await signedRequest(t, 'register', enterprise) };
      const started = await startRegistration(t, body);
      assert.equal(started.status, 201, await started.clone().text());
      const { registrationId } = RegistrationStartedSchema.parse(await started.json());
      assert.equal((await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode('+84861234567') } })).status, 200);
      const done = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
      assert.equal(done.status, 201, await done.clone().text());
      const { account } = await json(done);
      assert.deepEqual([account.subjectType, account.taxCode, account.organisationName, account.verificationMethod], ['enterprise', '0101234567', 'Công ty TNHH Ví Dụ', 'sim_signature']);
      const signedIn = SignedInSchema.parse(await json(await signIn(t, await signedRequest(t, 'sign_in', enterprise))));
      assert.equal(signedIn.account.sub, account.sub);
      assert.equal(decodeJwt(signedIn.tokens.accessToken).tax_code, '0101234567');
      await t.service.close();
    });

    test('registration by SIM signature: the signed request names the account, a code and a password end it at IAL3 sim_signature; it then signs in at AAL3 by SIM and AAL2 by remote signing', async () => {
      const t = await service();
      const started = await startRegistration(t, registrationBody({ signatureRequestId: await signedRequest(t, 'register') }));
      assert.equal(started.status, 201, await started.clone().text());
      const { registrationId, otp } = RegistrationStartedSchema.parse(await started.json());
      assert.equal(otp.maskedPhone, '097****398');
      const verified = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(verified.status, 200);
      const done = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
      assert.equal(done.status, 201, await done.clone().text());
      const { account } = await json(done);
      assert.deepEqual([account.ial, account.verificationMethod, account.fullName], [3, 'sim_signature', 'Nguyễn Văn An']);
      const history = await t.service.store.assuranceHistory.forAccount(String(account.sub));
      assert.deepEqual(history.map((entry) => [entry.event, entry.to, entry.clientId]), [['registered', { ial: 3, verificationMethod: 'sim_signature' }, MINISTRY.id]]);
      // The sandbox providers sign under the one development CA (the development signer's).
      assert.match(history[0]!.certificate?.issuer ?? '', /DVC Kit Development CA - NOT FOR PRODUCTION/);

      const bySim = await signIn(t, await signedRequest(t, 'sign_in'));
      assert.equal(bySim.status, 200, await bySim.clone().text());
      const sim = decodeJwt(SignedInSchema.parse(await bySim.json()).tokens.accessToken);
      assert.equal(sim.acr, 'urn:dvc-kit:acr:ial3-aal3');
      assert.deepEqual(sim.amr, ['hwk', 'sc', 'pin', 'mfa']);
      const byRemote = await signIn(t, await signedRequest(t, 'sign_in', { method: 'remote_signing' }));
      assert.equal(byRemote.status, 200, await byRemote.clone().text());
      const { tokens } = SignedInSchema.parse(await byRemote.json());
      assert.equal(decodeJwt(tokens.accessToken).acr, 'urn:dvc-kit:acr:ial3-aal2');
      assert.deepEqual(decodeJwt(tokens.accessToken).amr, ['swk', 'mca', 'mfa']);
      const assurance = await json(await t.call('GET', PATHS.sessionAssurance, { headers: bearer(tokens.accessToken) }));
      assert.deepEqual([assurance.ial, assurance.ialMethod, assurance.aal], [3, 'sim_signature', 2]);
      const { rows } = { rows: await t.service.store.sql.query(`SELECT sign_in_method FROM sessions ORDER BY created_at`) };
      assert.deepEqual(rows.map((row) => row.sign_in_method).sort(), ['remote_signing', 'sim_signature']);
      assert.equal(await t.textsTo(AN.phone), 1, 'only the registration\'s code was texted');
      assert.ok(!t.logs.some((line) => line.includes(AN.idNumber) || line.includes(AN.phone)), 'no ID number or phone in the log');
      await t.service.close();
    });

    test('upgrade IAL2 → IAL3 by SIM signature: the method recorded, seen by the other portal at once', async () => {
      const t = await service();
      await t.register(AN);
      const here = await t.signIn(AN, PASSWORD, MINISTRY.id);
      const there = await t.signIn(AN, PASSWORD, PROVINCE.id);
      const response = await t.call('POST', PATHS.assuranceUpgrades, { body: { signatureRequestId: await signedRequest(t, 'upgrade') }, headers: bearer(here.tokens.accessToken) });
      assert.equal(response.status, 200, await response.clone().text());
      const upgraded = AssuranceUpgradedSchema.parse(await response.json());
      assert.deepEqual([upgraded.account.ial, upgraded.account.verificationMethod, upgraded.previous], [3, 'sim_signature', { ial: 2, verificationMethod: 'mobile' }]);
      const elsewhere = await json(await t.call('GET', PATHS.sessionAssurance, { client: PROVINCE.id, headers: bearer(there.tokens.accessToken) }));
      assert.deepEqual([elsewhere.ial, elsewhere.ialMethod, elsewhere.aal], [3, 'sim_signature', 2]);
      const history = await t.service.store.assuranceHistory.forAccount(upgraded.account.sub);
      assert.deepEqual(history.map((entry) => [entry.event, entry.from, entry.to]), [['upgraded', { ial: 2, verificationMethod: 'mobile' }, { ial: 3, verificationMethod: 'sim_signature' }]]);
      await t.service.close();
    });

    test('a request not signed has its own problem: pending (then usable once signed), refused, timed out, cancelled', async () => {
      const t = await service();
      await t.register(AN);
      const pendingId = await requested(t, 'sign_in');
      const pending = await signIn(t, pendingId, { lang: 'en' });
      assert.equal(pending.status, 409);
      const pendingBody = await problemOf(pending);
      assert.equal(pendingBody.code, 'signature_pending');
      assert.match(String(pendingBody.detail), /not been confirmed on the phone/);
      t.clock.advance(DELAY);
      assert.equal((await signIn(t, pendingId)).status, 409, 'the flow reads the request; the page\'s poll settles it');
      assert.equal(SignatureRequestStateSchema.parse(await json(await t.call('GET', PATHS.signatureRequest(pendingId)))).state, 'signed');
      assert.equal((await signIn(t, pendingId)).status, 200, 'the pending answers did not use the request up');

      const refusedId = await requested(t, 'sign_in', { holder: REFUSES });
      t.clock.advance(DELAY);
      assert.equal(SignatureRequestStateSchema.parse(await json(await t.call('GET', PATHS.signatureRequest(refusedId)))).state, 'refused');
      const refused = await signIn(t, refusedId);
      assert.deepEqual([refused.status, (await problemOf(refused)).code], [422, 'provider_refused']);

      const ignoredId = await requested(t, 'sign_in', { holder: IGNORES });
      t.clock.advance(200);
      assert.equal(SignatureRequestStateSchema.parse(await json(await t.call('GET', PATHS.signatureRequest(ignoredId)))).state, 'timed_out');
      const timedOut = await signIn(t, ignoredId);
      assert.deepEqual([timedOut.status, (await problemOf(timedOut)).code], [410, 'provider_timeout']);

      const cancelledId = await requested(t, 'sign_in');
      await t.call('DELETE', PATHS.signatureRequest(cancelledId));
      const cancelled = await signIn(t, cancelledId);
      assert.deepEqual([cancelled.status, (await problemOf(cancelled)).code], [409, 'flow_step']);

      const unknown = await signIn(t, 'sgr_unknown');
      assert.deepEqual([unknown.status, (await problemOf(unknown)).code], [404, 'not_found']);
      await t.service.close();
    });

    test('sign-in by SIM signature answers as a wrong password does when the certificate\'s number has no account', async () => {
      const t = await service();
      await t.register(NGOC);
      const unknown = await signIn(t, await signedRequest(t, 'sign_in'), { lang: 'en' });
      assert.equal(unknown.status, 401);
      const wrongPassword = await t.call('POST', PATHS.signIns, { body: { idNumber: NGOC.idNumber, password: `${PASSWORD}x` }, lang: 'en' });
      assert.deepEqual({ ...(await problemOf(unknown)), instance: undefined }, { ...(await problemOf(wrongPassword)), instance: undefined });
      await t.service.close();
    });

    test('a request is good once, for its own operation and portal, and a registration names its method', async () => {
      const t = await service();
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const forSignIn = await signedRequest(t, 'sign_in');
      const asUpgrade = await t.call('POST', PATHS.assuranceUpgrades, { body: { signatureRequestId: forSignIn }, headers: bearer(tokens.accessToken) });
      assert.deepEqual([asUpgrade.status, (await problemOf(asUpgrade)).code], [404, 'not_found']);
      const asRegistration = await startRegistration(t, registrationBody({ signatureRequestId: forSignIn }));
      assert.equal(asRegistration.status, 404);
      const otherPortal = await signIn(t, forSignIn, { client: PROVINCE.id });
      assert.deepEqual([otherPortal.status, (await problemOf(otherPortal)).code], [404, 'not_found']);
      assert.equal((await signIn(t, forSignIn)).status, 200);
      const again = await signIn(t, forSignIn);
      assert.deepEqual([again.status, (await problemOf(again)).code], [409, 'challenge_used']);

      const byRemote = await signedRequest(t, 'register', { method: 'remote_signing' });
      const mismatch = await startRegistration(t, registrationBody({ signatureRequestId: byRemote }));
      assert.equal(mismatch.status, 400);
      assert.deepEqual((await problemOf(mismatch)).errors?.map((e) => [e.field, e.code]), [['method', 'method_mismatch']]);
      const both = await startRegistration(t, registrationBody({ signatureRequestId: byRemote, signature: { challengeId: 'sgc_x', certificate: 'AAAA', algorithm: 'ECDSA', signature: 'AAAA' } }));
      assert.deepEqual((await problemOf(both)).errors?.map((e) => [e.field, e.code]), [['signatureRequestId', 'exactly_one']]);
      const neither = await startRegistration(t, registrationBody({}));
      assert.deepEqual((await problemOf(neither)).errors?.map((e) => [e.field, e.code]), [['signatureRequestId', 'required']]);
      const mixed = await t.call('POST', PATHS.signatureSignIns, { body: { signatureRequestId: byRemote, challengeId: 'sgc_x' } });
      assert.deepEqual((await problemOf(mixed)).errors?.map((e) => [e.field, e.code]), [['signatureRequestId', 'exactly_one']]);
      const usbNotOffered = await startRegistration(t, registrationBody({ method: 'usb_token', signature: { challengeId: 'sgc_x', certificate: 'AAAA', algorithm: 'ECDSA', signature: 'AAAA' } }));
      assert.equal(usbNotOffered.status, 404, 'no USB token offered');
      assert.equal((await startRegistration(t, registrationBody({ method: 'remote_signing', signatureRequestId: byRemote }))).status, 201, 'the refused bodies left it unused');
      await t.service.close();
    });

    test('parallel sign-ins with one signed request: exactly one session; parallel upgrades: exactly one upgrade', async () => {
      const t = await service();
      await t.register(AN);
      const requestId = await signedRequest(t, 'sign_in');
      const answers = await Promise.all(Array.from({ length: 6 }, () => signIn(t, requestId)));
      assert.deepEqual(answers.map((response) => response.status).sort(), [200, 409, 409, 409, 409, 409]);
      const rows = await t.service.store.sql.query(`SELECT count(*)::int AS count FROM sessions WHERE sign_in_method = 'sim_signature'`);
      assert.equal(rows[0]!.count, 1);
      const { tokens } = await t.signIn(AN);
      const upgrades = await Promise.all(Array.from({ length: 3 }, () => signedRequest(t, 'upgrade')));
      const upgraded = await Promise.all(upgrades.map((id) => t.call('POST', PATHS.assuranceUpgrades, { body: { signatureRequestId: id }, headers: bearer(tokens.accessToken) })));
      assert.deepEqual(upgraded.map((response) => response.status).sort(), [200, 409, 409]);
      const account = await t.service.store.accounts.findByIdNumber(AN.idNumber);
      assert.equal((await t.service.store.assuranceHistory.forAccount(account!.sub)).length, 1);
      await t.service.close();
    });

    test('generated bodies naming a request, a signature, both or neither get a problem, never a 5xx', async () => {
      const t = await service();
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const real = await requested(t, 'sign_in');
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const requestId = fc.oneof(fc.constant(real), fc.string({ maxLength: 140 }), anything);
      const proof = fc.record(
        { signatureRequestId: requestId, challengeId: fc.oneof(fc.string({ maxLength: 40 }), anything), certificate: anything, algorithm: fc.oneof(fc.constant('ECDSA'), anything), signature: anything },
        { requiredKeys: [] },
      );
      const registration = fc.record(
        {
          subjectType: fc.oneof(fc.constant('citizen'), anything),
          method: fc.oneof(fc.constantFrom('usb_token', 'sim_signature', 'remote_signing'), anything),
          idNumber: fc.oneof(fc.constant(AN.idNumber), anything),
          birthDate: fc.oneof(fc.constant(AN.birthDate), anything),
          phone: fc.oneof(fc.constant(AN.nationalPhone), anything),
          consentVersion: fc.oneof(fc.constant('2025-01'), anything),
          signatureRequestId: requestId,
          signature: fc.oneof(proof, anything),
        },
        { requiredKeys: [] },
      );
      const check = async (response: Response, label: string) => {
        assert.ok(response.status < 500, `status ${response.status} for ${label}`);
        if (response.status === 400) assert.ok(((await response.json()) as { errors?: unknown[] }).errors?.length, label);
      };
      const label = (body: unknown) => JSON.stringify(body).slice(0, 300);
      await fc.assert(fc.asyncProperty(proof, async (body) => check(await t.call('POST', PATHS.signatureSignIns, { body }), label(body))), { numRuns: 40 });
      await fc.assert(fc.asyncProperty(proof, async (body) => check(await t.call('POST', PATHS.assuranceUpgrades, { body, headers: bearer(tokens.accessToken) }), label(body))), { numRuns: 40 });
      await fc.assert(fc.asyncProperty(registration, async (body) => check(await startRegistration(t, body), label(body))), { numRuns: 40 });
      await t.service.close();
    });
  });
}
