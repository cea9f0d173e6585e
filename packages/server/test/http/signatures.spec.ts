import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PATHS } from '@dvc-kit/sdk';
import { CertificatePreviewSchema, SignatureChallengeSchema, type SignedChallenge } from '@dvc-kit/sdk/contract';
import type { ServerConfigInput } from '../../src/index.js';
import { SignatureError } from '../../src/signatures/errors.js';
import { Signatures } from '../../src/signatures/signatures.js';
import { verifySignedChallenge } from '../../src/signatures/verify.js';
import type { TestDatabase } from '../support/database.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';
import { createTestCa, signWith, startCrlServer, TEST_CITIZEN_ID, TEST_TAX_CODE, type CrlServer, type TestCa, type TestCertificate } from '../support/test-ca.js';

const WIDE = [{ max: 1000, windowSeconds: 600 }];

export function signaturesSpec(db: () => TestDatabase): void {
  describe('signature challenges and certificate previews', () => {
    let ca: TestCa;
    let crlServer: CrlServer;
    let offered: Partial<ServerConfigInput>;

    before(async () => {
      crlServer = await startCrlServer();
      ca = await createTestCa({ crlBaseUrl: crlServer.url });
      for (const [name, crl] of Object.entries(ca.crls)) crlServer.publish(name, crl);
      const files = await ca.writeFiles();
      offered = {
        trustProxy: true,
        signatures: { methods: ['usb_token', 'sim_signature'], trustAnchors: { citizen: [files.nationalRoot], enterprise: [files.nationalRoot], agency: [files.governmentRoot] } },
        limits: { signatureChallenges: { perAddress: WIDE } },
      };
    });
    after(async () => {
      await crlServer.close();
    });

    const service = (config: Partial<ServerConfigInput> = {}) => startTestService(db(), { config: { ...offered, ...config } });
    const challenge = async (t: TestService, body: Record<string, unknown> = { operation: 'register', subjectType: 'citizen' }, client?: string) => {
      const response = await t.call('POST', PATHS.signatureChallenges, { body, ...(client ? { client } : {}) });
      assert.equal(response.status, 201, await response.clone().text());
      return SignatureChallengeSchema.parse(await response.json());
    };
    const preview = (t: TestService, challengeId: string, body: Record<string, unknown>, options: { client?: string; lang?: string } = {}) =>
      t.call('POST', PATHS.signatureCertificatePreview(challengeId), { body, ...options });
    const presented = (signer: TestCertificate, extra: Record<string, unknown> = {}) => ({ certificate: signer.base64, intermediates: [ca.intermediate.base64], ...extra });
    const problemCode = async (response: Response) => ((await response.json()) as { code: string }).code;

    test('a service that offers no signature method answers 404 on both endpoints', async () => {
      const t = await startTestService(db());
      const issued = await t.call('POST', PATHS.signatureChallenges, { body: { operation: 'register', subjectType: 'citizen' } });
      assert.equal(issued.status, 404);
      assert.equal((await preview(t, 'sgc_x', presented(ca.citizen))).status, 404);
      await t.service.close();
    });

    test('a challenge: 201 with a nonce, the bytes to sign, its operation and expiry; a subject type without trust anchors is not offered', async () => {
      const t = await service({ signatures: { ...offered.signatures, trustAnchors: { citizen: (offered.signatures!.trustAnchors as { citizen: string[] }).citizen } } });
      const issued = await challenge(t, { operation: 'upgrade', subjectType: 'citizen' });
      assert.equal(issued.operation, 'upgrade');
      assert.equal(Buffer.from(issued.nonce, 'base64url').byteLength, 32);
      assert.match(Buffer.from(issued.toBeSigned, 'base64url').toString('utf8'), new RegExp(`^DVC-Kit signature challenge v1\\nservice: http://id.dvc.test\\nclient: ${MINISTRY.id}\\n`));
      assert.equal(new Date(issued.expiresAt).getTime() - t.clock.now().getTime(), 300_000);
      const agency = await t.call('POST', PATHS.signatureChallenges, { body: { operation: 'register', subjectType: 'agency' }, lang: 'en' });
      assert.equal(agency.status, 400);
      const body = (await agency.json()) as { errors: { field: string; code: string; message: string }[] };
      assert.deepEqual(body.errors.map(({ field, code }) => ({ field, code })), [{ field: 'subjectType', code: 'method_not_offered' }]);
      assert.match(body.errors[0]!.message, /does not offer/);
      await t.service.close();
    });

    test('a certificate preview shows holder, organisation, validity, issuing CA and the number found; the challenge stays unused', async () => {
      const t = await service();
      const { challengeId } = await challenge(t);
      const response = await preview(t, challengeId, presented(ca.citizen, { idNumber: TEST_CITIZEN_ID }));
      assert.equal(response.status, 200, await response.clone().text());
      const shown = CertificatePreviewSchema.parse(await response.json());
      assert.deepEqual({ ...shown.certificate, serialNumber: undefined }, {
        holder: 'Nguyễn Văn An',
        validFrom: ca.citizen.certificate.notBefore.toISOString(),
        validUntil: ca.citizen.certificate.notAfter.toISOString(),
        issuer: 'Test Public CA',
        serialNumber: undefined,
        idNumber: TEST_CITIZEN_ID,
      });
      const enterprise = await challenge(t, { operation: 'register', subjectType: 'enterprise' });
      const company = CertificatePreviewSchema.parse(await json(await preview(t, enterprise.challengeId, presented(ca.enterprise, { taxCode: TEST_TAX_CODE }))));
      assert.equal(company.certificate.organisation, 'Công ty TNHH Ví Dụ');
      assert.equal(company.certificate.taxCode, TEST_TAX_CODE);
      const stored = await t.service.store.signatureChallenges.find(challengeId, MINISTRY.id);
      assert.equal(stored?.usedAt, null);
      // The log names the operation, never the certificate's number.
      assert.ok(!t.logs.some((line) => line.includes(TEST_CITIZEN_ID) || line.includes(TEST_TAX_CODE)));
      await t.service.close();
    });

    test('each refusal is its own problem, in Vietnamese and English', async () => {
      const t = await service();
      const { challengeId } = await challenge(t);
      const cases: [TestCertificate, Record<string, unknown>, number, string][] = [
        [ca.expired, {}, 422, 'cert_expired'],
        [ca.notYetValid, {}, 422, 'cert_not_yet_valid'],
        [ca.revoked, {}, 422, 'cert_revoked'],
        [ca.wrongKeyUsage, {}, 422, 'cert_key_usage'],
        [ca.untrusted, { intermediates: [ca.otherRoot.base64] }, 422, 'cert_untrusted'],
        [ca.agency, { intermediates: [] }, 422, 'cert_wrong_subject_type'],
        [ca.citizen, { idNumber: '001090009999' }, 422, 'subject_mismatch'],
      ];
      for (const [signer, extra, status, code] of cases) {
        const response = await preview(t, challengeId, presented(signer, extra));
        assert.equal(response.status, status, code);
        assert.equal(response.headers.get('Content-Type'), 'application/problem+json; charset=utf-8');
        assert.equal(await problemCode(response), code);
      }
      const english = (await (await preview(t, challengeId, presented(ca.revoked), { lang: 'en' })).json()) as { detail: string };
      assert.match(english.detail, /revoked/);
      const vietnamese = (await (await preview(t, challengeId, presented(ca.revoked))).json()) as { detail: string };
      assert.match(vietnamese.detail, /thu hồi/);
      const unreadable = await preview(t, challengeId, { certificate: 'bm90IGEgY2VydGlmaWNhdGU=' });
      assert.equal(unreadable.status, 400);
      assert.deepEqual(((await unreadable.json()) as { errors: { field: string; code: string }[] }).errors.map(({ field, code }) => ({ field, code })), [{ field: 'certificate', code: 'certificate_format' }]);
      await t.service.close();
    });

    test('an unknown challenge, or one of another portal, is 404; a used one 409 challenge_used; an expired one 410 challenge_expired', async () => {
      const t = await service();
      assert.equal((await preview(t, 'sgc_unknown', presented(ca.citizen))).status, 404);
      const mine = await challenge(t);
      assert.equal((await preview(t, mine.challengeId, presented(ca.citizen), { client: PROVINCE.id })).status, 404);
      await t.service.store.signatureChallenges.consume(mine.challengeId, MINISTRY.id, 'register', t.clock.now());
      const used = await preview(t, mine.challengeId, presented(ca.citizen));
      assert.equal(used.status, 409);
      assert.equal(await problemCode(used), 'challenge_used');
      const late = await challenge(t);
      t.clock.advance(301);
      const expired = await preview(t, late.challengeId, presented(ca.citizen));
      assert.equal(expired.status, 410);
      assert.equal(await problemCode(expired), 'challenge_expired');
      await t.service.close();
    });

    test('a CRL that cannot be fetched is 503 revocation_unavailable, never a pass', async () => {
      const t = await service({ signatures: { ...offered.signatures, crl: { fetchTimeoutMs: 500 } } });
      const { challengeId } = await challenge(t);
      crlServer.unavailable(true);
      try {
        const response = await preview(t, challengeId, presented(ca.enterprise));
        assert.equal(response.status, 503);
        assert.equal(await problemCode(response), 'revocation_unavailable');
        assert.ok(t.logs.some((line) => line.includes('"signature.refused"') && line.includes('"crl":"fetch_failed"')));
      } finally {
        crlServer.unavailable(false);
      }
      await t.service.close();
    });

    test('challenges and previews are limited per client address, with Retry-After', async () => {
      const t = await service({ limits: { signatureChallenges: { perAddress: [{ max: 2, windowSeconds: 600 }] } } });
      const from = (address: string) => ({ headers: { 'X-Forwarded-For': address }, body: { operation: 'sign_in', subjectType: 'citizen' } });
      assert.equal((await t.call('POST', PATHS.signatureChallenges, from('203.0.113.7'))).status, 201);
      assert.equal((await t.call('POST', PATHS.signatureChallenges, from('203.0.113.7'))).status, 201);
      const third = await t.call('POST', PATHS.signatureChallenges, from('203.0.113.7'));
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('Retry-After')) > 0);
      assert.equal((await t.call('POST', PATHS.signatureChallenges, from('203.0.113.8'))).status, 201);
      await t.service.close();
    });

    test('parallel verifications of one signed challenge on the service store: exactly one passes', async () => {
      const t = await service();
      const signatures = await Signatures.fromConfig(t.service.config, t.clock.now);
      const issued = await challenge(t, { operation: 'upgrade', subjectType: 'citizen' }, PROVINCE.id);
      const signed: SignedChallenge = {
        challengeId: issued.challengeId,
        certificate: ca.citizen.pem,
        intermediates: [ca.intermediate.pem],
        algorithm: 'RSA-PSS',
        signature: await signWith(ca.citizen, Buffer.from(issued.toBeSigned, 'base64url'), 'RSA-PSS'),
      };
      const expected = { operation: 'upgrade', clientId: PROVINCE.id, idNumber: TEST_CITIZEN_ID } as const;
      const results = await Promise.allSettled(Array.from({ length: 10 }, () => verifySignedChallenge(signatures, t.service.store, signed, expected)));
      assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
      for (const result of results) if (result.status === 'rejected') assert.equal((result.reason as SignatureError).code, 'challenge_used');
      await t.service.close();
    });

    test('expired challenges are swept by the housekeeping a day after they expire', async () => {
      const t = await service();
      await challenge(t);
      await challenge(t);
      t.clock.advance(300 + 3600);
      assert.equal((await t.service.sweep()).removed.signature_challenges, 0);
      t.clock.advance(86_400);
      assert.equal((await t.service.sweep()).removed.signature_challenges, 2);
      await t.service.close();
    });

    test('generated bad input to both endpoints gets a problem naming the field, never a 5xx', async () => {
      const t = await service();
      const { challengeId } = await challenge(t);
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const issueBody = fc.record({ operation: fc.oneof(fc.constantFrom('register', 'sign_in', 'upgrade', 'REGISTER'), anything), subjectType: fc.oneof(fc.constantFrom('citizen', 'enterprise', 'agency', 'x'), anything) }, { requiredKeys: [] });
      const base64 = fc.uint8Array({ minLength: 0, maxLength: 600 }).map((bytes) => Buffer.from(bytes).toString('base64'));
      const certificate = fc.oneof(base64, anything, fc.constant(ca.citizen.base64), fc.constant(ca.citizen.base64.slice(0, 200)), fc.constant(`-----BEGIN CERTIFICATE-----\n${ca.citizen.base64.slice(8)}\n-----END CERTIFICATE-----`));
      const previewBody = fc.record(
        { certificate, intermediates: fc.oneof(fc.array(certificate, { maxLength: 6 }), anything), idNumber: fc.oneof(fc.stringMatching(/^\d{9,12}$/), anything), taxCode: fc.oneof(fc.stringMatching(/^\d{10}(-\d{3})?$/), anything) },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(issueBody, async (body) => {
          const response = await t.call('POST', PATHS.signatureChallenges, { body });
          assert.ok([201, 400].includes(response.status), `status ${response.status} for ${JSON.stringify(body)}`);
          if (response.status === 400) assert.ok(((await response.json()) as { errors?: unknown[] }).errors?.length);
        }),
        { numRuns: 40 },
      );
      await fc.assert(
        fc.asyncProperty(previewBody, fc.oneof(fc.constant(challengeId), fc.string({ maxLength: 80 })), async (body, id) => {
          const response = await t.call('POST', PATHS.signatureCertificatePreview(id), { body });
          assert.ok(response.status < 500, `status ${response.status} for ${JSON.stringify(body).slice(0, 300)}`);
          assert.equal(response.headers.get('Content-Type')?.split(';')[0], response.status === 200 ? 'application/json' : 'application/problem+json');
        }),
        { numRuns: 60 },
      );
      await t.service.close();
    });
  });
}
