import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeJwt } from 'jose';
import { PATHS, type SubjectType } from '@dvc-kit/sdk';
import { AccountDetailsSchema, RegistrationStartedSchema, ServiceConfigSchema, SignatureChallengeSchema, SignedInSchema, type SignatureOperation, type SignedChallenge } from '@dvc-kit/sdk/contract';
import type { ServerConfigInput } from '../../src/index.js';
import { AN, PASSWORD } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';
import { createTestCa, signWith, startCrlServer, TEST_OFFICER_ID, TEST_TAX_CODE, type CrlServer, type TestCa, type TestCertificate } from '../support/test-ca.js';

const WIDE = [{ max: 1000, windowSeconds: 600 }];
/** The enterprise's legal representative's phone. */
const REPRESENTATIVE = { nationalPhone: '0912000001', phone: '+84912000001' };
/** The officer's phone. */
const OFFICER = { nationalPhone: '0961000002', phone: '+84961000002' };

export function enterpriseAgencySpec(db: () => TestDatabase): void {
  describe('enterprise and agency-officer accounts by signature', () => {
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
    const problem = async (response: Response) => (await response.json()) as { code: string; errors?: { field: string; code: string }[] };
    const bearer = (token: unknown) => ({ Authorization: `Bearer ${String(token)}` });

    /** A challenge for `operation` and `subjectType`, signed by `signer` as the portal's signing plugin would. */
    const signed = async (t: TestService, signer: TestCertificate, operation: SignatureOperation, subjectType: SubjectType, client: string = MINISTRY.id): Promise<SignedChallenge> => {
      const response = await t.call('POST', PATHS.signatureChallenges, { client, body: { operation, subjectType } });
      assert.equal(response.status, 201, await response.clone().text());
      const challenge = SignatureChallengeSchema.parse(await response.json());
      return {
        challengeId: challenge.challengeId,
        certificate: signer.base64,
        ...(signer === ca.agency ? {} : { intermediates: [ca.intermediate.base64] }),
        algorithm: signer.keys.privateKey.algorithm.name === 'ECDSA' ? 'ECDSA' : 'RSASSA-PKCS1-v1_5',
        signature: await signWith(signer, Buffer.from(challenge.toBeSigned, 'base64url')),
      };
    };
    const enterpriseBody = (signature: SignedChallenge, extra: Record<string, unknown> = {}) => ({
      subjectType: 'enterprise', method: 'usb_token', taxCode: TEST_TAX_CODE, phone: REPRESENTATIVE.nationalPhone, email: 'ketoan@vidu.vn', consentVersion: '2025-01', signature, ...extra,
    });
    const officerBody = (signature: SignedChallenge, extra: Record<string, unknown> = {}) => ({
      subjectType: 'agency', method: 'usb_token', idNumber: TEST_OFFICER_ID, phone: OFFICER.nationalPhone, consentVersion: '2025-01', signature, ...extra,
    });
    const start = (t: TestService, body: Record<string, unknown>) => t.call('POST', PATHS.signatureRegistrations, { body });
    const verifyCode = async (t: TestService, registrationId: string, phone: string) =>
      t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(phone) } });
    const setPassword = (t: TestService, registrationId: string) =>
      t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
    const register = async (t: TestService, body: Record<string, unknown>, phone: string) => {
      const started = await start(t, body);
      assert.equal(started.status, 201, await started.clone().text());
      const { registrationId } = RegistrationStartedSchema.parse(await started.json());
      assert.equal((await verifyCode(t, registrationId, phone)).status, 200);
      const done = await setPassword(t, registrationId);
      assert.equal(done.status, 201, await done.clone().text());
      return (await json(done)).account as Record<string, unknown>;
    };

    test('GET /v1/config offers the USB token to enterprises and agency officers where they have trust anchors, with their sign-in methods', async () => {
      const t = await service();
      const config = ServiceConfigSchema.parse(await json(await t.call('GET', PATHS.config)));
      const bySubject = Object.fromEntries(config.subjectTypes.map((entry) => [entry.subjectType, entry]));
      for (const subjectType of ['citizen', 'enterprise', 'agency'] as const) {
        assert.equal(bySubject[subjectType]?.methods.find((m) => m.method === 'usb_token')?.available, true, subjectType);
      }
      assert.deepEqual(bySubject.citizen?.signInMethods, ['password', 'usb_token']);
      assert.deepEqual(bySubject.enterprise?.signInMethods, ['usb_token']);
      assert.deepEqual(bySubject.agency?.signInMethods, ['usb_token']);
      assert.deepEqual(config.signInMethods, ['password', 'usb_token']);
      await t.service.close();

      const citizensOnly = await startTestService(db(), { config: { ...offered, signatures: { methods: ['usb_token'], trustAnchors: { citizen: [(await ca.writeFiles()).nationalRoot] } } } });
      const narrow = ServiceConfigSchema.parse(await json(await citizensOnly.call('GET', PATHS.config)));
      const agency = narrow.subjectTypes.find((entry) => entry.subjectType === 'agency');
      assert.equal(agency?.methods.find((m) => m.method === 'usb_token')?.available, false);
      assert.deepEqual(agency?.signInMethods, []);
      const refused = await citizensOnly.call('POST', PATHS.signatureChallenges, { body: { operation: 'register', subjectType: 'agency' } });
      assert.equal(refused.status, 400);
      await citizensOnly.service.close();
    });

    test('an enterprise registers by its certificate: keyed by the tax code, named by the organisation, no personal ID number or birth date, IAL3', async () => {
      const t = await service();
      const account = await register(t, enterpriseBody(await signed(t, ca.enterprise, 'register', 'enterprise')), REPRESENTATIVE.phone);
      assert.deepEqual(
        { subjectType: account.subjectType, fullName: account.fullName, organisationName: account.organisationName, taxCode: account.taxCode, idNumberMasked: account.idNumberMasked, ial: account.ial, verificationMethod: account.verificationMethod },
        { subjectType: 'enterprise', fullName: 'Công ty TNHH Ví Dụ', organisationName: 'Công ty TNHH Ví Dụ', taxCode: TEST_TAX_CODE, idNumberMasked: TEST_TAX_CODE, ial: 3, verificationMethod: 'usb_token' },
      );
      const stored = await t.service.store.accounts.findBySub(String(account.sub));
      assert.equal(stored?.idNumber, null);
      assert.equal(stored?.birthDate, null);
      assert.equal(stored?.phone, REPRESENTATIVE.phone);
      assert.equal((await t.service.store.assuranceHistory.forAccount(String(account.sub)))[0]?.certificate?.serialNumber, ca.enterprise.certificate.serialNumber);

      // Sign-in by the token: AAL3, tokens that say who the account is, the account page and the assurance view.
      const signedIn = SignedInSchema.parse(await json(await t.call('POST', PATHS.signatureSignIns, { client: PROVINCE.id, body: await signed(t, ca.enterprise, 'sign_in', 'enterprise', PROVINCE.id) })));
      assert.equal(signedIn.account.sub, account.sub);
      const idToken = decodeJwt(signedIn.tokens.idToken);
      const accessToken = decodeJwt(signedIn.tokens.accessToken);
      assert.equal(accessToken.acr, 'urn:dvc-kit:acr:ial3-aal3');
      for (const claims of [idToken, accessToken]) {
        assert.deepEqual([claims.subject_type, claims.org_name, claims.tax_code], ['enterprise', 'Công ty TNHH Ví Dụ', TEST_TAX_CODE]);
      }
      const details = AccountDetailsSchema.parse(await json(await t.call('GET', PATHS.userinfo, { client: PROVINCE.id, headers: bearer(signedIn.tokens.accessToken) })));
      assert.equal(details.idNumberKind, 'mst');
      assert.equal(details.canAddCccd, false);
      const assurance = await t.call('GET', PATHS.sessionAssurance, { client: PROVINCE.id, headers: bearer(signedIn.tokens.accessToken) });
      assert.equal(assurance.status, 200, await assurance.clone().text());
      const view = (await json(assurance)) as { ial?: number; aal?: number; assurance?: { ial: number; aal: number } };
      assert.equal(view.assurance?.ial ?? view.ial, 3);
      // What only a citizen's account can do is refused with its own code; an upgrade has nothing to raise.
      const phoneChange = await t.call('POST', PATHS.phoneChanges, { client: PROVINCE.id, headers: bearer(signedIn.tokens.accessToken), body: { currentPassword: PASSWORD, phone: '0912000009' } });
      assert.deepEqual([phoneChange.status, (await problem(phoneChange)).code], [409, 'subject_type_unsupported']);
      assert.ok(!t.logs.some((line) => line.includes(REPRESENTATIVE.phone)), 'no phone in the log');
      await t.service.close();
    });

    test('one account per tax code: a second registration is told after the code, as a citizen is; parallel ones make one account', async () => {
      const t = await service();
      const phones = ['0912000011', '0912000012', '0912000013', '0912000014'];
      const flows: string[] = [];
      for (const phone of phones) {
        const started = await start(t, enterpriseBody(await signed(t, ca.enterprise, 'register', 'enterprise'), { phone }));
        assert.equal(started.status, 201, 'the start answers the same whether or not the tax code has an account');
        const { registrationId } = RegistrationStartedSchema.parse(await started.json());
        assert.equal((await verifyCode(t, registrationId, `+84${phone.slice(1)}`)).status, 200);
        flows.push(registrationId);
      }
      const answers = await Promise.all(flows.map((id) => setPassword(t, id)));
      assert.deepEqual(answers.map((response) => response.status).sort(), [201, 409, 409, 409]);
      for (const answer of answers.filter((response) => response.status === 409)) assert.equal((await problem(answer)).code, 'account_exists');
      assert.equal(await countRows(db().db, `SELECT count(*)::int AS count FROM accounts WHERE tax_code = '${TEST_TAX_CODE}'`), 1);
      assert.ok(await t.service.store.accounts.findByHolder('enterprise', TEST_TAX_CODE));

      const again = await start(t, enterpriseBody(await signed(t, ca.enterprise, 'register', 'enterprise'), { phone: '0912000015' }));
      assert.equal(again.status, 201);
      const { registrationId } = RegistrationStartedSchema.parse(await again.json());
      const told = await verifyCode(t, registrationId, '+84912000015');
      assert.deepEqual([told.status, (await problem(told)).code], [409, 'account_exists']);
      await t.service.close();
    });

    test('an enterprise’s certificate must carry its tax code: none is cert_no_tax_code, another is subject_mismatch, and the body must name one', async () => {
      const t = await service();
      const noTaxCode = await start(t, enterpriseBody(await signed(t, ca.citizen, 'register', 'enterprise')));
      assert.deepEqual([noTaxCode.status, (await problem(noTaxCode)).code], [422, 'cert_no_tax_code']);
      const other = await start(t, enterpriseBody(await signed(t, ca.enterprise, 'register', 'enterprise'), { taxCode: '0109999999' }));
      assert.deepEqual([other.status, (await problem(other)).code], [422, 'subject_mismatch']);
      const { taxCode: _none, ...withoutTaxCode } = enterpriseBody(await signed(t, ca.enterprise, 'register', 'enterprise'));
      const missing = await start(t, withoutTaxCode);
      assert.equal(missing.status, 400);
      assert.deepEqual((await problem(missing)).errors?.map(({ field, code }) => ({ field, code })), [{ field: 'taxCode', code: 'required' }]);
      await t.service.close();
    });

    test('an agency officer registers under the government CA: a work account apart from the same person’s citizen account, found by signing in as an officer', async () => {
      const t = await service();
      const person = await t.service.store.accounts.create({
        sub: '7c1e4a52-9a63-4d6f-8c55-0c1f7b1d2e01', idNumber: TEST_OFFICER_ID, fullName: 'Trần Thị Bình', birthDate: '1995-02-03', phone: '+84971234398', email: null,
        subjectType: 'citizen', ial: 2, verificationMethod: 'mobile', passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', consentVersion: '2025-01', consentAt: new Date(), createdAt: new Date(),
      });
      assert.equal(person, true);
      const account = await register(t, officerBody(await signed(t, ca.agency, 'register', 'agency')), OFFICER.phone);
      assert.deepEqual([account.subjectType, account.fullName, account.organisationName, account.ial], ['agency', 'Trần Thị Bình', 'UBND tỉnh Bắc Ninh', 3]);
      assert.notEqual(account.sub, '7c1e4a52-9a63-4d6f-8c55-0c1f7b1d2e01');
      assert.equal((await t.service.store.accounts.findBySub(String(account.sub)))?.birthDate, null);

      const signedIn = SignedInSchema.parse(await json(await t.call('POST', PATHS.signatureSignIns, { body: await signed(t, ca.agency, 'sign_in', 'agency') })));
      assert.equal(signedIn.account.sub, account.sub, 'the officer’s work account, not the citizen account');
      const claims = decodeJwt(signedIn.tokens.idToken);
      assert.deepEqual([claims.subject_type, claims.org_name, claims.tax_code, claims.acr], ['agency', 'UBND tỉnh Bắc Ninh', undefined, 'urn:dvc-kit:acr:ial3-aal3']);
      // The officer's certificate does not sign in as a citizen, and a public CA's certificate not as an officer.
      const asCitizen = await t.call('POST', PATHS.signatureSignIns, { body: await signed(t, ca.agency, 'sign_in', 'citizen') });
      assert.deepEqual([asCitizen.status, (await problem(asCitizen)).code], [422, 'cert_wrong_subject_type']);
      const publicCa = await start(t, officerBody(await signed(t, ca.citizen, 'register', 'agency')));
      assert.deepEqual([publicCa.status, (await problem(publicCa)).code], [422, 'cert_wrong_subject_type']);
      await t.service.close();
    });

    test('sign-in by a valid certificate whose enterprise has no account is invalid_credentials, as a wrong password is', async () => {
      const t = await service();
      const answer = await t.call('POST', PATHS.signatureSignIns, { body: await signed(t, ca.enterprise, 'sign_in', 'enterprise') });
      assert.deepEqual([answer.status, (await problem(answer)).code], [401, 'invalid_credentials']);
      assert.ok(!t.logs.some((line) => line.includes(TEST_TAX_CODE)), 'no tax code in the log');
      await t.service.close();
    });

    test('generated bad registrations for every subject type get a problem naming a field, never a 5xx', async () => {
      const t = await service();
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const good = await signed(t, ca.enterprise, 'register', 'enterprise');
      const registration = fc.record(
        {
          subjectType: fc.oneof(fc.constantFrom('citizen', 'enterprise', 'agency'), anything),
          method: fc.oneof(fc.constantFrom('usb_token', 'sim_signature'), anything),
          idNumber: fc.oneof(fc.stringMatching(/^\d{9,12}$/), anything),
          birthDate: fc.oneof(fc.constant(AN.birthDate), anything),
          taxCode: fc.oneof(fc.constant(TEST_TAX_CODE), fc.stringMatching(/^[0-9-]{0,16}$/), anything),
          phone: fc.oneof(fc.constant(REPRESENTATIVE.nationalPhone), anything),
          consentVersion: fc.oneof(fc.constant('2025-01'), anything),
          signature: fc.oneof(fc.constant(good), fc.record({ challengeId: fc.string({ maxLength: 40 }), certificate: fc.constant(ca.agency.base64), algorithm: fc.constant('ECDSA'), signature: fc.base64String({ maxLength: 100 }) }), anything),
          signatureRequestId: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(registration, async (body) => {
          const response = await start(t, body);
          const label = JSON.stringify(body).slice(0, 300);
          assert.ok(response.status < 500, `status ${response.status} for ${label}`);
          if (response.status === 400) assert.ok((await problem(response)).errors?.length, label);
        }),
        { numRuns: 60 },
      );
      await t.service.close();
    });
  });
}
