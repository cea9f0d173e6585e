import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import fc from 'fast-check';
import { PATHS } from '@dvc-kit/sdk';
import { DEVELOPMENT_CA_PATHS, SignatureChallengeSchema, SignatureRequestStartedSchema, SignatureRequestStateSchema } from '@dvc-kit/sdk/contract';
import 'reflect-metadata';
import { X509Certificate } from '@peculiar/x509';
import type { ServerConfigInput } from '../../src/index.js';
import { SignatureError } from '../../src/signatures/errors.js';
import { SigningRequestError } from '../../src/signatures/providers/errors.js';
import { signingSetupFromConfig } from '../../src/signatures/providers/from-config.js';
import { SigningRequests } from '../../src/signatures/providers/signing-requests.js';
import { verifySignatureRequest } from '../../src/signatures/providers/verify-request.js';
import { Signatures } from '../../src/signatures/signatures.js';
import { createLogger } from '../../src/log.js';
import type { TestDatabase } from '../support/database.js';
import { openTestDevelopmentCa } from '../support/development-ca.js';
import { MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';
import { createTestCa, signWith, startCrlServer, TEST_CITIZEN_ID, type CrlServer, type TestCa } from '../support/test-ca.js';

const WIDE = [{ max: 1000, windowSeconds: 600 }];
/** Sandbox holders (packages/server/fixtures/sandbox-signers.json). */
const SIGNS = { phone: '0971234398', idNumber: '001090001234', account: 'an.nguyen' };
const REFUSES = { phone: '0912345678' };
const IGNORES = { phone: '0901234567' };
const FAILS = { phone: '0321234567' };
const ENTERPRISE = { account: 'mst-0101234567' };
const DELAY = 3;

/** A fake of an operator's signing provider API: what it answers is set per test. */
interface FakeProvider {
  readonly url: string;
  readonly requests: { method: string; path: string; body: any; authorization: string | undefined }[];
  answer: (method: string, path: string, body: any) => Promise<{ status: number; body?: unknown; delayMs?: number; raw?: string }>;
  close(): Promise<void>;
}

async function startFakeProvider(): Promise<FakeProvider> {
  const fake: FakeProvider = {
    url: '',
    requests: [],
    answer: async () => ({ status: 500 }),
    close: async () => {},
  };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? JSON.parse(text) : undefined;
      const path = request.url ?? '';
      fake.requests.push({ method: request.method ?? '', path, body, authorization: request.headers.authorization });
      const answer = await fake.answer(request.method ?? '', path, body);
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      response.writeHead(answer.status, { 'Content-Type': 'application/json' });
      response.end(answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  Object.assign(fake, {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/dvc/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return fake;
}

export function signatureRequestsSpec(db: () => TestDatabase): void {
  describe('SIM-signature and remote-signing requests', () => {
    const sandbox: Partial<ServerConfigInput> = {
      trustProxy: true,
      signatures: { methods: ['sim_signature', 'remote_signing'], providers: { sim_signature: { driver: 'sandbox', delaySeconds: DELAY }, remote_signing: { driver: 'sandbox', delaySeconds: DELAY } } },
      limits: { signatureChallenges: { perAddress: WIDE }, signatureRequests: { perAddress: WIDE, perHolder: WIDE } },
    };
    const service = (config: Partial<ServerConfigInput> = {}) => startTestService(db(), { config: { ...sandbox, ...config } });
    const challenge = async (t: TestService, body: Record<string, unknown> = { operation: 'sign_in', subjectType: 'citizen' }, client?: string) => {
      const response = await t.call('POST', PATHS.signatureChallenges, { body, ...(client ? { client } : {}) });
      assert.equal(response.status, 201, await response.clone().text());
      return SignatureChallengeSchema.parse(await response.json());
    };
    const startRequest = (t: TestService, body: Record<string, unknown>, options: { client?: string; lang?: string; headers?: Record<string, string> } = {}) =>
      t.call('POST', PATHS.signatureRequests, { body, ...options });
    const started = async (t: TestService, holder: Record<string, string>, method = 'sim_signature', subjectType = 'citizen') => {
      const { challengeId } = await challenge(t, { operation: 'sign_in', subjectType });
      const response = await startRequest(t, { challengeId, method, holder });
      assert.equal(response.status, 201, await response.clone().text());
      return { challengeId, ...SignatureRequestStartedSchema.parse(await response.json()) };
    };
    const poll = async (t: TestService, requestId: string, client?: string) => {
      const response = await t.call('GET', PATHS.signatureRequest(requestId), client ? { client } : {});
      assert.equal(response.status, 200, await response.clone().text());
      return SignatureRequestStateSchema.parse(await response.json());
    };
    const problemOf = async (response: Response) => (await response.json()) as { code: string; errors?: { field: string; code: string }[] };

    test('a service that offers neither SIM signature nor remote signing answers 404 on every endpoint', async () => {
      const t = await startTestService(db());
      assert.equal((await startRequest(t, { challengeId: 'sgc_x', method: 'sim_signature', holder: SIGNS })).status, 404);
      assert.equal((await t.call('GET', PATHS.signatureRequest('sgr_x'))).status, 404);
      assert.equal((await t.call('DELETE', PATHS.signatureRequest('sgr_x'))).status, 404);
      await t.service.close();
    });

    test('the sandbox completes after its delay: pending, then signed with the certificate details', async () => {
      const t = await service();
      const request = await started(t, { phone: SIGNS.phone });
      assert.ok(request.requestId.startsWith('sgr_'));
      assert.equal(request.pollAfterSeconds, 2);
      assert.equal(new Date(request.expiresAt).getTime() - t.clock.now().getTime(), 120_000);
      const waiting = await poll(t, request.requestId);
      assert.equal(waiting.state, 'pending');
      assert.equal(waiting.pollAfterSeconds, 2);
      t.clock.advance(DELAY);
      const signed = await poll(t, request.requestId);
      assert.equal(signed.state, 'signed');
      assert.equal(signed.certificate?.holder, 'Nguyễn Văn An');
      assert.equal(signed.certificate?.idNumber, SIGNS.idNumber);
      // The service's one development CA, whose name says so wherever a certificate of it is shown.
      assert.match(signed.certificate?.issuer ?? '', /DVC Kit Development CA - NOT FOR PRODUCTION/);
      assert.equal(signed.code, undefined);
      // Settled for good: a later poll and a cancel change nothing.
      t.clock.advance(600);
      assert.equal((await poll(t, request.requestId)).state, 'signed');
      const cancel = await t.call('DELETE', PATHS.signatureRequest(request.requestId));
      assert.equal(((await cancel.json()) as { state: string }).state, 'signed');
      await t.service.close();
    });

    test('one development CA: the sandbox signs under the CA the development signer gets its certificates from, and a restart keeps it', async () => {
      const t = await service({ signatures: { ...sandbox.signatures, developmentCa: true } });
      const anchor = new X509Certificate(await (await t.call('GET', DEVELOPMENT_CA_PATHS.certificate)).text());
      const request = await started(t, { phone: SIGNS.phone });
      t.clock.advance(DELAY);
      const signed = await poll(t, request.requestId);
      assert.equal(signed.state, 'signed');
      assert.equal(signed.certificate?.issuer, anchor.subjectName.getField('CN')[0]);
      // The same key across a restart: the sandbox's certificates and the development signer's stay trusted.
      await t.service.close();
      const again = await t.restart();
      assert.equal(await (await again.call('GET', DEVELOPMENT_CA_PATHS.certificate)).text(), anchor.toString('pem'));
      const later = await started(again, { phone: SIGNS.phone });
      again.clock.advance(DELAY);
      assert.equal((await poll(again, later.requestId)).certificate?.issuer, anchor.subjectName.getField('CN')[0]);
      await again.service.close();
    });

    test('by ID number or provider account too; an enterprise signs with its tax code', async () => {
      const t = await service();
      const byId = await started(t, { idNumber: SIGNS.idNumber }, 'remote_signing');
      const byAccount = await started(t, { account: 'AN.NGUYEN' }, 'remote_signing');
      const enterprise = await started(t, ENTERPRISE, 'remote_signing', 'enterprise');
      t.clock.advance(DELAY);
      assert.equal((await poll(t, byId.requestId)).state, 'signed');
      assert.equal((await poll(t, byAccount.requestId)).state, 'signed');
      const company = await poll(t, enterprise.requestId);
      assert.equal(company.state, 'signed');
      assert.equal(company.certificate?.taxCode, '0101234567');
      assert.equal(company.certificate?.organisation, 'Công ty TNHH Ví Dụ');
      await t.service.close();
    });

    test('a holder who refuses on the phone: refused with provider_refused; one the provider does not know is refused at once', async () => {
      const t = await service();
      const refusing = await started(t, REFUSES);
      assert.equal((await poll(t, refusing.requestId)).state, 'pending');
      t.clock.advance(DELAY);
      const refused = await poll(t, refusing.requestId);
      assert.deepEqual({ state: refused.state, code: refused.code }, { state: 'refused', code: 'provider_refused' });
      const unknown = await started(t, { phone: '0987654321' });
      const answer = await poll(t, unknown.requestId);
      assert.deepEqual({ state: answer.state, code: answer.code }, { state: 'refused', code: 'provider_refused' });
      await t.service.close();
    });

    test('a holder who never answers: timed_out with provider_timeout once the time to confirm is over', async () => {
      const t = await service({ signatures: { ...sandbox.signatures, requests: { ttlSeconds: 60 } } });
      const request = await started(t, IGNORES);
      t.clock.advance(DELAY + 10);
      assert.equal((await poll(t, request.requestId)).state, 'pending');
      t.clock.advance(60);
      const over = await poll(t, request.requestId);
      assert.deepEqual({ state: over.state, code: over.code }, { state: 'timed_out', code: 'provider_timeout' });
      await t.service.close();
    });

    test('a provider that fails: failed with provider_unavailable', async () => {
      const t = await service();
      const request = await started(t, FAILS);
      t.clock.advance(DELAY);
      const failed = await poll(t, request.requestId);
      assert.deepEqual({ state: failed.state, code: failed.code }, { state: 'failed', code: 'provider_unavailable' });
      await t.service.close();
    });

    test('cancel: a pending request becomes cancelled and stays so, even when the holder signs later', async () => {
      const t = await service();
      const request = await started(t, { phone: SIGNS.phone });
      const cancelled = await t.call('DELETE', PATHS.signatureRequest(request.requestId));
      assert.equal(cancelled.status, 200);
      assert.equal(SignatureRequestStateSchema.parse(await cancelled.json()).state, 'cancelled');
      t.clock.advance(DELAY);
      assert.equal((await poll(t, request.requestId)).state, 'cancelled');
      assert.equal((await t.call('DELETE', PATHS.signatureRequest(request.requestId))).status, 200);
      await t.service.close();
    });

    test('parallel polls and a cancel agree on one outcome, settled once', async () => {
      const t = await service();
      const request = await started(t, { phone: SIGNS.phone });
      t.clock.advance(DELAY);
      const answers = await Promise.all([
        ...Array.from({ length: 8 }, () => t.call('GET', PATHS.signatureRequest(request.requestId))),
        t.call('DELETE', PATHS.signatureRequest(request.requestId)),
      ]);
      const states = await Promise.all(answers.map(async (response) => ((await response.json()) as { state: string }).state));
      const final = await poll(t, request.requestId);
      assert.ok(final.state === 'signed' || final.state === 'cancelled', final.state);
      // Every answer is either still pending (another caller was asking the provider) or the one outcome.
      for (const state of states) assert.ok(state === 'pending' || state === final.state, `${state} beside ${final.state}`);
      assert.equal(t.logs.filter((line) => line.includes('"signature_request.settled"')).length, 1);
      await t.service.close();
    });

    test('one request per challenge, only for this portal; another portal sees no such request', async () => {
      const t = await service();
      const request = await started(t, { phone: SIGNS.phone });
      const again = await startRequest(t, { challengeId: request.challengeId, method: 'sim_signature', holder: { account: SIGNS.account } });
      assert.equal(again.status, 409);
      assert.equal((await problemOf(again)).code, 'challenge_used');
      assert.equal((await t.call('GET', PATHS.signatureRequest(request.requestId), { client: PROVINCE.id })).status, 404);
      assert.equal((await t.call('DELETE', PATHS.signatureRequest(request.requestId), { client: PROVINCE.id })).status, 404);
      const foreign = await startRequest(t, { challengeId: request.challengeId, method: 'sim_signature', holder: { phone: SIGNS.phone } }, { client: PROVINCE.id });
      assert.equal(foreign.status, 404);
      assert.equal((await t.call('GET', PATHS.signatureRequest('sgr_unknown'))).status, 404);
      await t.service.close();
    });

    test('a method not offered, or not for the subject type, is refused on method; an expired challenge is challenge_expired', async () => {
      const t = await service({ signatures: { methods: ['sim_signature'], providers: { sim_signature: { driver: 'sandbox', delaySeconds: DELAY } } } });
      const { challengeId } = await challenge(t);
      const remote = await startRequest(t, { challengeId, method: 'remote_signing', holder: { phone: SIGNS.phone } }, { lang: 'en' });
      assert.equal(remote.status, 400);
      assert.deepEqual((await problemOf(remote)).errors?.map(({ field, code }) => ({ field, code })), [{ field: 'method', code: 'method_not_offered' }]);
      t.clock.advance(301);
      const late = await startRequest(t, { challengeId, method: 'sim_signature', holder: { phone: SIGNS.phone } });
      assert.equal(late.status, 410);
      assert.equal((await problemOf(late)).code, 'challenge_expired');
      await t.service.close();
    });

    test('limits per holder and per client address, with Retry-After, counted before the provider is asked', async () => {
      const t = await service({ limits: { signatureChallenges: { perAddress: WIDE }, signatureRequests: { perAddress: WIDE, perHolder: [{ max: 2, windowSeconds: 600 }] } } });
      for (let i = 0; i < 2; i++) await started(t, { phone: REFUSES.phone });
      const { challengeId } = await challenge(t);
      // The same holder named another way (national form vs E.164) is the same holder.
      const third = await startRequest(t, { challengeId, method: 'sim_signature', holder: { phone: '+84912345678' } });
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('Retry-After')) > 0);
      assert.equal((await problemOf(third)).code, 'too_many_attempts');
      const other = await startRequest(t, { challengeId, method: 'sim_signature', holder: { phone: SIGNS.phone } });
      assert.equal(other.status, 201);
      await t.service.close();

      const byAddress = await service({ limits: { signatureChallenges: { perAddress: WIDE }, signatureRequests: { perAddress: [{ max: 1, windowSeconds: 600 }], perHolder: WIDE } } });
      const from = (address: string) => ({ headers: { 'X-Forwarded-For': address } });
      const first = await challenge(byAddress);
      assert.equal((await startRequest(byAddress, { challengeId: first.challengeId, method: 'sim_signature', holder: { phone: SIGNS.phone } }, from('203.0.113.7'))).status, 201);
      const second = await challenge(byAddress);
      const limited = await startRequest(byAddress, { challengeId: second.challengeId, method: 'sim_signature', holder: { phone: REFUSES.phone } }, from('203.0.113.7'));
      assert.equal(limited.status, 429);
      assert.equal((await startRequest(byAddress, { challengeId: second.challengeId, method: 'sim_signature', holder: { phone: REFUSES.phone } }, from('203.0.113.8'))).status, 201);
      await byAddress.service.close();
    });

    test('the signed result goes to the flows through verifySignatureRequest: verified like a USB token signature, the challenge used once', async () => {
      const t = await service();
      // The service's parts, over its store, as a signing flow sees them.
      const { config } = t.service;
      const setup = await signingSetupFromConfig(config, t.clock.now, () => openTestDevelopmentCa(t.clock.now));
      const signatures = await Signatures.fromConfig(config, t.clock.now, undefined, setup.trust);
      const log = createLogger({ hashKey: 'k'.repeat(32), now: t.clock.now, write: () => {} });
      const requests = new SigningRequests({ providers: setup.providers, signatures, clock: t.clock.now, log, hashKey: 'k'.repeat(32), ttlSeconds: 120, pollIntervalSeconds: 2, serviceName: 'id.dvc.test' });
      const issued = await signatures.issueChallenge(t.service.store, { operation: 'sign_in', subjectType: 'citizen', clientId: MINISTRY.id });
      const holder = { kind: 'id_number', value: SIGNS.idNumber } as const;
      const { requestId } = await requests.start(t.service.store, { challengeId: issued.challengeId, method: 'sim_signature', holder }, { clientId: MINISTRY.id, clientName: MINISTRY.name });
      const expected = { operation: 'sign_in', clientId: MINISTRY.id, idNumber: SIGNS.idNumber } as const;
      await assert.rejects(verifySignatureRequest(signatures, t.service.store, requestId, expected), (error) => error instanceof SigningRequestError && error.code === 'request_pending');
      t.clock.advance(DELAY);
      assert.equal((await requests.state(t.service.store, requestId, MINISTRY.id)).state, 'signed');
      await assert.rejects(verifySignatureRequest(signatures, t.service.store, requestId, { ...expected, clientId: PROVINCE.id }), (error) => error instanceof SigningRequestError && error.code === 'request_not_found');
      await assert.rejects(verifySignatureRequest(signatures, t.service.store, requestId, { ...expected, operation: 'register' }), (error) => error instanceof SignatureError && error.code === 'challenge_not_found');
      await assert.rejects(verifySignatureRequest(signatures, t.service.store, requestId, { ...expected, idNumber: '079195004321' }), (error) => error instanceof SignatureError && error.code === 'subject_mismatch');
      const outcomes = await Promise.allSettled(Array.from({ length: 4 }, () => verifySignatureRequest(signatures, t.service.store, requestId, expected)));
      const passed = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      assert.equal(passed.length, 1);
      const verified = (passed[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof verifySignatureRequest>>>).value;
      assert.equal(verified.method, 'sim_signature');
      assert.equal(verified.certificate.details.idNumber, SIGNS.idNumber);
      for (const outcome of outcomes.filter((outcome) => outcome.status === 'rejected')) {
        assert.ok((outcome as PromiseRejectedResult).reason instanceof SignatureError && (outcome as PromiseRejectedResult).reason.code === 'challenge_used');
      }
      await t.service.close();
    });

    test('no phone, ID number or account name reaches the log', async () => {
      const t = await service();
      for (const holder of [{ phone: SIGNS.phone }, { idNumber: SIGNS.idNumber }, { account: SIGNS.account }] as Record<string, string>[]) await started(t, holder, 'remote_signing');
      const text = t.logs.join('\n');
      for (const secret of ['971234398', SIGNS.idNumber, SIGNS.account]) assert.ok(!text.includes(secret), `${secret} in the log`);
      await t.service.close();
    });

    test('generated bad input on every endpoint gets a problem, never a 5xx', async () => {
      const t = await service();
      const { challengeId } = await challenge(t);
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const holder = fc.oneof(
        fc.record({ phone: fc.oneof(fc.constantFrom(SIGNS.phone, '01621234567', ''), anything), idNumber: fc.oneof(fc.stringMatching(/^\d{9,12}$/), anything), account: fc.oneof(fc.string({ maxLength: 140 }), anything) }, { requiredKeys: [] }),
        anything,
      );
      const body = fc.record({ challengeId: fc.oneof(fc.constant(challengeId), fc.string({ maxLength: 200 }), anything), method: fc.oneof(fc.constantFrom('sim_signature', 'remote_signing', 'usb_token'), anything), holder }, { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(body, async (generated) => {
          const response = await startRequest(t, generated);
          assert.ok(response.status < 500, `${response.status} for ${JSON.stringify(generated)}`);
          if (response.status !== 201) assert.match(response.headers.get('Content-Type') ?? '', /problem\+json/);
        }),
        { numRuns: 60 },
      );
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 300 }), async (id) => {
          for (const method of ['GET', 'DELETE'] as const) {
            const response = await t.call(method, `/v1/signature-requests/${encodeURIComponent(id)}`);
            assert.ok(response.status < 500, `${method} ${response.status} for ${JSON.stringify(id)}`);
          }
        }),
        { numRuns: 40 },
      );
      await t.service.close();
    });

    describe('the HTTP provider an operator configures', () => {
      let fake: FakeProvider;
      let ca: TestCa;
      let crlServer: CrlServer;
      let anchors: { citizen: string[]; enterprise: string[] };

      before(async () => {
        fake = await startFakeProvider();
        crlServer = await startCrlServer();
        ca = await createTestCa({ crlBaseUrl: crlServer.url });
        for (const [name, crl] of Object.entries(ca.crls)) crlServer.publish(name, crl);
        const files = await ca.writeFiles();
        anchors = { citizen: [files.nationalRoot], enterprise: [files.nationalRoot] };
      });
      after(async () => {
        await fake.close();
        await crlServer.close();
      });

      const httpService = (timeoutMs = 2000) =>
        service({ signatures: { methods: ['sim_signature'], trustAnchors: anchors, providers: { sim_signature: { driver: 'http', baseUrl: fake.url, token: 'provider-token', timeoutMs } } } });

      test('the JSON contract: start with the bytes to sign and a bearer token, poll, then signed by the certificate that signed them', async () => {
        const t = await httpService();
        let toSign = new Uint8Array();
        let polls = 0;
        fake.requests.length = 0;
        fake.answer = async (method, path, body) => {
          if (method === 'POST') {
            toSign = Buffer.from(body.dataToSign, 'base64url');
            return { status: 201, body: { transactionId: 'tx-1' } };
          }
          polls += 1;
          if (polls === 1) return { status: 200, body: { status: 'pending' } };
          return { status: 200, body: { status: 'signed', certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64], algorithm: 'RSASSA-PKCS1-v1_5', signature: await signWith(ca.citizen, toSign) } };
        };
        const request = await started(t, { phone: SIGNS.phone });
        const [start] = fake.requests;
        assert.equal(start?.method, 'POST');
        assert.equal(start?.path, '/dvc/v1/sign-requests');
        assert.equal(start?.authorization, 'Bearer provider-token');
        assert.deepEqual(start?.body.holder, { kind: 'phone', value: '+84971234398' });
        assert.equal(start?.body.method, 'sim_signature');
        assert.equal(start?.body.hashAlgorithm, 'SHA-256');
        assert.equal(start?.body.reference, request.requestId);
        assert.match(Buffer.from(start?.body.dataToSign, 'base64url').toString('utf8'), /^DVC-Kit signature challenge v1\n/);
        assert.match(start?.body.displayText, /Bộ Công an/);
        assert.equal((await poll(t, request.requestId)).state, 'pending');
        // Within the poll interval the provider is not asked again.
        assert.equal((await poll(t, request.requestId)).state, 'pending');
        assert.equal(polls, 1);
        t.clock.advance(2);
        const signed = await poll(t, request.requestId);
        assert.equal(signed.state, 'signed');
        assert.equal(signed.certificate?.idNumber, TEST_CITIZEN_ID);
        assert.equal(fake.requests[1]?.path, '/dvc/v1/sign-requests/tx-1');
        await t.service.close();
      });

      test('a signature over other bytes or a revoked certificate ends as failed with the refusal\'s code', async () => {
        const t = await httpService();
        fake.answer = async (method) =>
          method === 'POST'
            ? { status: 201, body: { transactionId: 'tx-2' } }
            : { status: 200, body: { status: 'signed', certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64], algorithm: 'RSASSA-PKCS1-v1_5', signature: await signWith(ca.citizen, new TextEncoder().encode('other')) } };
        const mismatch = await started(t, { phone: SIGNS.phone });
        assert.deepEqual(await poll(t, mismatch.requestId).then(({ state, code }) => ({ state, code })), { state: 'failed', code: 'signature_mismatch' });
        fake.answer = async (method) =>
          method === 'POST'
            ? { status: 201, body: { transactionId: 'tx-3' } }
            : { status: 200, body: { status: 'signed', certificate: ca.revoked.base64, intermediates: [ca.intermediate.base64], algorithm: 'RSASSA-PKCS1-v1_5', signature: 'AAAA' } };
        const revoked = await started(t, { phone: SIGNS.phone });
        assert.equal((await poll(t, revoked.requestId)).code, 'cert_revoked');
        await t.service.close();
      });

      test('refused, expired and unknown holders as the provider words them', async () => {
        const t = await httpService();
        fake.answer = async (method) => (method === 'POST' ? { status: 201, body: { transactionId: 'tx-r' } } : { status: 200, body: { status: 'refused' } });
        assert.equal((await poll(t, (await started(t, REFUSES)).requestId)).state, 'refused');
        fake.answer = async (method) => (method === 'POST' ? { status: 201, body: { transactionId: 'tx-e' } } : { status: 200, body: { status: 'expired' } });
        assert.equal((await poll(t, (await started(t, REFUSES)).requestId)).state, 'timed_out');
        fake.answer = async () => ({ status: 404, body: { error: 'unknown_holder' } });
        assert.equal((await poll(t, (await started(t, REFUSES)).requestId)).state, 'refused');
        await t.service.close();
      });

      test('its failures: an error, a broken answer or a time-out at start is 503 provider_unavailable; while polling the request waits, then times out; cancel withdraws it', async () => {
        const t = await httpService(300);
        for (const answer of [{ status: 500 }, { status: 200, raw: '{"transactionId": ' }, { status: 200, body: { id: 'x' } }, { status: 302 }, { status: 201, body: { transactionId: 'slow' }, delayMs: 800 }]) {
          fake.answer = async () => answer;
          const { challengeId } = await challenge(t);
          const response = await startRequest(t, { challengeId, method: 'sim_signature', holder: { phone: SIGNS.phone } }, { lang: 'en' });
          assert.equal(response.status, 503, JSON.stringify(answer));
          const problem = (await response.json()) as { code: string; detail: string };
          assert.equal(problem.code, 'provider_unavailable');
          assert.match(problem.detail, /remote signing service/);
        }
        fake.answer = async (method) => (method === 'POST' ? { status: 201, body: { transactionId: 'tx-w' } } : { status: 200, body: { status: 'who knows' } });
        const waiting = await started(t, { phone: SIGNS.phone });
        assert.equal((await poll(t, waiting.requestId)).state, 'pending');
        fake.answer = async () => ({ status: 503 });
        t.clock.advance(2);
        assert.equal((await poll(t, waiting.requestId)).state, 'pending');
        t.clock.advance(120);
        assert.equal((await poll(t, waiting.requestId)).state, 'timed_out');
        fake.requests.length = 0;
        fake.answer = async (method) => (method === 'POST' ? { status: 201, body: { transactionId: 'tx-c' } } : { status: 204 });
        const cancelled = await started(t, { phone: SIGNS.phone });
        assert.equal(((await (await t.call('DELETE', PATHS.signatureRequest(cancelled.requestId))).json()) as { state: string }).state, 'cancelled');
        assert.deepEqual(fake.requests.map(({ method, path }) => `${method} ${path}`), ['POST /dvc/v1/sign-requests', 'DELETE /dvc/v1/sign-requests/tx-c']);
        await t.service.close();
      });
    });
  });
}
