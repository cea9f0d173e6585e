import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { DvcClient, DvcError, PATHS } from '@dvc-kit/sdk';
import { DEVELOPMENT_CA_PATHS, type SignatureAlgorithm } from '@dvc-kit/sdk/contract';
import { DevelopmentSigner, PluginSigner, signChallenge, SignerError, type SigningPluginBinding } from '@dvc-kit/sdk/signer';
import type { ServerConfigInput } from '../../src/index.js';
import { SignatureError } from '../../src/signatures/errors.js';
import { verifySignedChallenge } from '../../src/signatures/verify.js';
import type { TestDatabase } from '../support/database.js';
import { MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';
import { createTestCa, startCrlServer, TEST_CITIZEN_ID, type CrlServer, type TestCa, type TestCertificate } from '../support/test-ca.js';

const WIDE = [{ max: 1000, windowSeconds: 600 }];
const AN = { holder: 'Nguyễn Văn An', idNumber: '001090001234' } as const;
const COMPANY = { holder: 'Công ty TNHH Ví Dụ', organisation: 'Công ty TNHH Ví Dụ', taxCode: '0101234567' } as const;

/** A client of the test service as a portal's page would make one, its requests going to `service.fetch`. */
function clientOf(t: TestService, clientId: string = MINISTRY.id): DvcClient {
  return new DvcClient({ baseUrl: 'http://id.dvc.test', clientId, fetch: (input, init) => t.service.fetch(new Request(input, init)) });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SignerError || error instanceof DvcError || error instanceof SignatureError) return error.code;
    throw error;
  }
  assert.fail('expected a refusal');
}

/**
 * A stand-in for a vendor's signing plugin that listens on localhost, in a protocol of its own:
 * `GET /certs` → `{ certs: [{ serial, cn, der }] }`; `POST /sign { serial, data }` → `{ status: 0, sig }`,
 * or `{ status: 3 }` (the holder closed the PIN dialog). It holds the test CA's citizen certificate.
 */
async function startFakePlugin(holding: TestCertificate, status: () => number): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    response.setHeader('Content-Type', 'application/json');
    if (request.method === 'GET' && request.url === '/certs') {
      response.end(JSON.stringify({ certs: [{ serial: holding.certificate.serialNumber, cn: 'Nguyễn Văn An', der: holding.base64 }] }));
      return;
    }
    const { serial, data } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { serial: string; data: string };
    if (serial !== holding.certificate.serialNumber || status() !== 0) {
      response.end(JSON.stringify({ status: serial !== holding.certificate.serialNumber ? 5 : status() }));
      return;
    }
    const sig = await webcrypto.subtle.sign({ name: 'RSASSA-PKCS1-v1_5' }, holding.keys.privateKey, Buffer.from(data, 'base64'));
    response.end(JSON.stringify({ status: 0, sig: Buffer.from(sig).toString('base64') }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The fake plugin's status codes, as a binding for a real vendor would map its own. */
class FakePluginError extends Error {
  constructor(readonly status: number) {
    super(`plugin status ${status}`);
  }
}

interface FakeCertificate {
  readonly serial: string;
  readonly cn: string;
  readonly der: string;
}

function fakePluginBinding(url: string): SigningPluginBinding<FakeCertificate> {
  return {
    name: 'Fake CA Plugin',
    async listCertificates(signal) {
      const response = await fetch(`${url}/certs`, { signal });
      return ((await response.json()) as { certs: FakeCertificate[] }).certs;
    },
    describe: (certificate) => ({ id: certificate.serial, certificate: certificate.der, details: { holder: certificate.cn } }),
    async sign(certificate, data, signal) {
      const response = await fetch(`${url}/sign`, { method: 'POST', signal, body: JSON.stringify({ serial: certificate.serial, data: Buffer.from(data).toString('base64') }) });
      const answer = (await response.json()) as { status: number; sig?: string };
      if (answer.status !== 0) throw new FakePluginError(answer.status);
      return { signature: answer.sig ?? '', algorithm: 'RSASSA-PKCS1-v1_5' as SignatureAlgorithm };
    },
    classify: (error) => (error instanceof TypeError ? 'signer_unavailable' : error instanceof FakePluginError ? ({ 3: 'cancelled', 4: 'pin_locked', 5: 'certificate_not_found' } as const)[error.status as 3 | 4 | 5] : undefined),
  };
}

export function developmentSignerSpec(db: () => TestDatabase): void {
  describe('the development CA and the SDK signers against the service', () => {
    let ca: TestCa;
    let crlServer: CrlServer;
    let config: Partial<ServerConfigInput>;

    before(async () => {
      crlServer = await startCrlServer();
      ca = await createTestCa({ crlBaseUrl: crlServer.url });
      for (const [name, crl] of Object.entries(ca.crls)) crlServer.publish(name, crl);
      const files = await ca.writeFiles();
      config = {
        signatures: { methods: ['usb_token'], developmentCa: true, trustAnchors: { citizen: [files.nationalRoot], enterprise: [files.nationalRoot] } },
        limits: { signatureChallenges: { perAddress: WIDE } },
      };
    });
    after(async () => {
      await crlServer.close();
    });

    const service = (extra: Partial<ServerConfigInput> = {}) => startTestService(db(), { config: { ...config, ...extra } });

    test('a development signer made from the service signs a challenge the service verifies against its development CA', async () => {
      const t = await service();
      const client = clientOf(t);
      const signer = await DevelopmentSigner.fromService(client, [AN]);
      const [held] = await signer.listCertificates();
      assert.equal(held!.details.holder, 'Nguyễn Văn An');
      const previews: string[] = [];
      const signed = await signChallenge(client, signer, {
        operation: 'upgrade',
        subjectType: 'citizen',
        idNumber: AN.idNumber,
        confirm: (preview) => {
          previews.push(`${preview.certificate.holder} / ${preview.certificate.idNumber} / ${preview.certificate.issuer}`);
          return true;
        },
      });
      assert.deepEqual(previews, ['Nguyễn Văn An / 001090001234 / DVC Kit Development CA - NOT FOR PRODUCTION']);
      assert.equal(signed.algorithm, 'ECDSA');
      const verified = await verifySignedChallenge(t.service.signatures, t.service.store, signed, { operation: 'upgrade', clientId: MINISTRY.id, idNumber: AN.idNumber });
      assert.equal(verified.certificate.details.idNumber, AN.idNumber);
      assert.equal(verified.certificate.path.at(-1)!.subject, verified.certificate.path.at(-1)!.issuer, 'the path ends at the development CA itself');
      assert.equal(await refusal(verifySignedChallenge(t.service.signatures, t.service.store, signed, { operation: 'upgrade', clientId: MINISTRY.id })), 'challenge_used');
      await t.service.close();
    });

    test('an enterprise certificate (RSA key) carries its tax code and organisation; another portal\'s challenge is not found', async () => {
      const t = await service();
      const signer = await DevelopmentSigner.fromService(clientOf(t, PROVINCE.id), [COMPANY], { algorithm: 'RSASSA-PKCS1-v1_5' });
      const signed = await signChallenge(clientOf(t, PROVINCE.id), signer, { operation: 'register', subjectType: 'enterprise' });
      assert.equal(signed.algorithm, 'RSASSA-PKCS1-v1_5');
      assert.equal(await refusal(verifySignedChallenge(t.service.signatures, t.service.store, signed, { operation: 'register', clientId: MINISTRY.id })), 'challenge_not_found');
      const { certificate } = await verifySignedChallenge(t.service.signatures, t.service.store, signed, { operation: 'register', clientId: PROVINCE.id, taxCode: COMPANY.taxCode });
      assert.equal(certificate.details.taxCode, COMPANY.taxCode);
      assert.equal(certificate.details.organisation, COMPANY.organisation);
      await t.service.close();
    });

    test('the holder refusing at the dialog, or at the page\'s confirmation, is a stable code and signs nothing', async () => {
      const t = await service();
      const client = clientOf(t);
      for (const code of ['cancelled', 'pin_incorrect', 'pin_locked'] as const) {
        const signer = await DevelopmentSigner.fromService(client, [AN], { respond: () => code });
        assert.equal(await refusal(signChallenge(client, signer, { operation: 'sign_in', subjectType: 'citizen' })), code);
      }
      const signer = await DevelopmentSigner.fromService(client, [AN]);
      assert.equal(await refusal(signChallenge(client, signer, { operation: 'sign_in', subjectType: 'citizen', confirm: () => false })), 'cancelled');
      // The preview checks the number the certificate carries before anything is signed.
      assert.equal(await refusal(signChallenge(client, signer, { operation: 'sign_in', subjectType: 'citizen', idNumber: '001090009999', confirm: () => true })), 'subject_mismatch');
      const two = await DevelopmentSigner.fromService(client, [AN, { holder: 'Trần Thị Bình', idNumber: '079095004321' }]);
      assert.equal(await refusal(signChallenge(client, two, { operation: 'sign_in', subjectType: 'citizen' })), 'choice_needed');
      const chosen = await signChallenge(client, two, { operation: 'sign_in', subjectType: 'citizen', choose: (certificates) => certificates[1]! });
      const { certificate } = await verifySignedChallenge(t.service.signatures, t.service.store, chosen, { operation: 'sign_in', clientId: MINISTRY.id });
      assert.equal(certificate.details.holder, 'Trần Thị Bình');
      await t.service.close();
    });

    test('the development CA is kept in the database: a certificate issued before a restart still verifies after it', async () => {
      const t = await service();
      const before = await (await t.call('GET', DEVELOPMENT_CA_PATHS.certificate)).text();
      assert.match(before, /^-----BEGIN CERTIFICATE-----/);
      const signer = await DevelopmentSigner.fromService(clientOf(t), [AN]);
      await t.service.close();
      const again = await t.restart();
      assert.equal(await (await again.call('GET', DEVELOPMENT_CA_PATHS.certificate)).text(), before);
      const signed = await signChallenge(clientOf(again), signer, { operation: 'upgrade', subjectType: 'citizen' });
      await verifySignedChallenge(again.service.signatures, again.service.store, signed, { operation: 'upgrade', clientId: MINISTRY.id, idNumber: AN.idNumber });
      await again.service.close();
    });

    test('without signatures.developmentCa the /dev signature paths answer 404 and its certificates are untrusted', async () => {
      const withCa = await service();
      const signer = await DevelopmentSigner.fromService(clientOf(withCa), [AN]);
      await withCa.service.close();
      const t = await service({ signatures: { ...config.signatures, developmentCa: false } });
      assert.equal((await t.call('GET', DEVELOPMENT_CA_PATHS.certificate)).status, 404);
      assert.equal((await t.call('POST', DEVELOPMENT_CA_PATHS.certificates, { body: { ...AN, publicKey: 'AAAA' } })).status, 404);
      assert.equal(await refusal(DevelopmentSigner.fromService(clientOf(t), [AN])), 'not_found');
      // Off, the development CA is no trust anchor: its certificates are untrusted like any stranger's.
      const signed = await signChallenge(clientOf(t), signer, { operation: 'upgrade', subjectType: 'citizen' });
      assert.equal(await refusal(verifySignedChallenge(t.service.signatures, t.service.store, signed, { operation: 'upgrade', clientId: MINISTRY.id })), 'cert_untrusted');
      await t.service.close();
    });

    test('the plugin adapter over a fake localhost plugin: its signature verifies, its refusals keep their codes, a dead plugin is signer_unavailable', async () => {
      let status = 0;
      const plugin = await startFakePlugin(ca.citizen, () => status);
      const t = await service();
      const client = clientOf(t);
      try {
        const signer = new PluginSigner(fakePluginBinding(plugin.url));
        const signed = await signChallenge(client, signer, { operation: 'register', subjectType: 'citizen', choose: (certificates) => certificates[0]! });
        const { certificate } = await verifySignedChallenge(t.service.signatures, t.service.store, { ...signed, intermediates: [ca.intermediate.base64] }, { operation: 'register', clientId: MINISTRY.id, idNumber: TEST_CITIZEN_ID });
        assert.equal(certificate.details.issuer, 'Test Public CA');
        status = 3;
        assert.equal(await refusal(signChallenge(client, signer, { operation: 'register', subjectType: 'citizen' })), 'cancelled');
        status = 4;
        assert.equal(await refusal(signChallenge(client, signer, { operation: 'register', subjectType: 'citizen' })), 'pin_locked');
        status = 9;
        assert.equal(await refusal(signChallenge(client, signer, { operation: 'register', subjectType: 'citizen' })), 'failed');
      } finally {
        await plugin.close();
      }
      assert.equal(await refusal(signChallenge(client, new PluginSigner(fakePluginBinding(plugin.url)), { operation: 'register', subjectType: 'citizen' })), 'signer_unavailable');
      await t.service.close();
    });

    test('issuing answers like /v1: a DVC-Client header, the portal\'s origins, the limit per address with Retry-After', async () => {
      const t = await service({ trustProxy: true, limits: { signatureChallenges: { perAddress: [{ max: 2, windowSeconds: 600 }] } } });
      const pair = (await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
      const publicKey = Buffer.from(await webcrypto.subtle.exportKey('spki', pair.publicKey)).toString('base64url');
      const body = { ...AN, publicKey };
      assert.equal((await t.call('POST', DEVELOPMENT_CA_PATHS.certificates, { body, client: null })).status, 400);
      assert.equal((await t.call('POST', DEVELOPMENT_CA_PATHS.certificates, { body, headers: { Origin: 'https://elsewhere.example' } })).status, 403);
      const preflight = await t.call('OPTIONS', DEVELOPMENT_CA_PATHS.certificates, { client: null, headers: { Origin: PROVINCE.origin, 'Access-Control-Request-Method': 'POST' } });
      assert.equal(preflight.status, 204);
      const from = { body, client: PROVINCE.id, headers: { Origin: PROVINCE.origin, 'X-Forwarded-For': '203.0.113.9' } };
      const first = await t.call('POST', DEVELOPMENT_CA_PATHS.certificates, from);
      assert.equal(first.status, 201, await first.clone().text());
      assert.equal(first.headers.get('Access-Control-Allow-Origin'), PROVINCE.origin);
      assert.equal((await t.call('POST', DEVELOPMENT_CA_PATHS.certificates, from)).status, 201);
      const third = await t.call('POST', DEVELOPMENT_CA_PATHS.certificates, from);
      assert.equal(third.status, 429);
      assert.ok(Number(third.headers.get('Retry-After')) > 0);
      await t.service.close();
    });

    test('generated bad input to the issuing endpoint gets a problem naming the field, never a 5xx', async () => {
      const t = await service();
      const keys = await Promise.all([
        webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']),
        webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-521' }, true, ['sign']),
        webcrypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign']),
      ]);
      const spkis = await Promise.all(keys.map(async (pair) => Buffer.from(await webcrypto.subtle.exportKey('spki', (pair as webcrypto.CryptoKeyPair).publicKey)).toString('base64')));
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const base64 = fc.uint8Array({ minLength: 0, maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64'));
      const body = fc.record(
        {
          publicKey: fc.oneof(fc.constantFrom(...spkis), base64, anything, fc.constant(spkis[0]!.slice(0, 40))),
          holder: fc.oneof(fc.constantFrom('Nguyễn Văn An', 'A, O=Evil', 'x'.repeat(200), 'a\u0000b', ''), anything),
          organisation: fc.oneof(fc.string({ maxLength: 20 }), anything),
          idNumber: fc.oneof(fc.stringMatching(/^\d{9,12}$/), anything),
          taxCode: fc.oneof(fc.stringMatching(/^\d{10}(-\d{3})?$/), anything),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(body, async (sent) => {
          const response = await t.call('POST', DEVELOPMENT_CA_PATHS.certificates, { body: sent });
          assert.ok([201, 400].includes(response.status), `status ${response.status} for ${JSON.stringify(sent).slice(0, 300)}`);
          if (response.status === 400) {
            assert.equal(response.headers.get('Content-Type')?.split(';')[0], 'application/problem+json');
            assert.ok(((await response.json()) as { errors?: unknown[] }).errors?.length);
          }
        }),
        { numRuns: 60 },
      );
      for (const weak of spkis.slice(1)) {
        const response = await t.call('POST', DEVELOPMENT_CA_PATHS.certificates, { body: { ...AN, publicKey: weak }, lang: 'en' });
        assert.equal(response.status, 400);
        assert.deepEqual(((await response.json()) as { errors: { field: string; code: string }[] }).errors.map(({ field, code }) => ({ field, code })), [{ field: 'publicKey', code: 'invalid_type' }]);
      }
      const both = await t.call('POST', DEVELOPMENT_CA_PATHS.certificates, { body: { ...AN, taxCode: COMPANY.taxCode, publicKey: spkis[0] } });
      assert.equal(both.status, 400);
      assert.equal((await t.call('POST', PATHS.signatureChallenges, { body: { operation: 'register', subjectType: 'agency' } })).status, 201, 'the development CA serves agency officers too');
      await t.service.close();
    });
  });
}
