import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SignedChallenge } from '@dvc-kit/sdk/contract';
import { createStore, type Store } from '../../src/index.js';
import { CrlSource } from '../../src/signatures/crl-source.js';
import { SignatureError, type SignatureFailure } from '../../src/signatures/errors.js';
import { SIGNED_MESSAGE_HEADER } from '../../src/signatures/message.js';
import { Signatures, type TrustAnchors } from '../../src/signatures/signatures.js';
import { verifySignedChallenge } from '../../src/signatures/verify.js';
import { TestClock } from '../support/clock.js';
import { openTestPglite, type TestDatabase } from '../support/database.js';
import { createTestCa, signWith, startCrlServer, TEST_CITIZEN_ID, TEST_OFFICER_ID, TEST_TAX_CODE, type CrlServer, type TestCa, type TestCertificate } from '../support/test-ca.js';

const ISSUER = 'https://id.example.gov.vn';
const CLIENT = 'provincial-portal';
const PREFIXES = { 'CMND:': 'id_number', 'CCCD:': 'id_number', 'MST:': 'tax_code' } as const;

describe('signature verification: challenges, certificate paths, CRLs', () => {
  let database: TestDatabase;
  let store: Store;
  let ca: TestCa;
  let crlServer: CrlServer;
  let clock: TestClock;
  let anchors: TrustAnchors;

  const signatures = (options: { given?: TestCa['crls'][string][]; fetch?: boolean; timeoutMs?: number } = {}) =>
    new Signatures({
      issuer: ISSUER,
      anchors,
      crls: new CrlSource({ given: options.given ?? [], fetch: options.fetch ?? true, timeoutMs: options.timeoutMs ?? 2000, maxBytes: 1_000_000 }),
      uidPrefixes: PREFIXES,
      challengeTtlSeconds: 300,
      clock: clock.now,
    });

  const refusal = async (promise: Promise<unknown>): Promise<SignatureFailure> => {
    try {
      await promise;
    } catch (error) {
      if (error instanceof SignatureError) return error.code;
      throw error;
    }
    assert.fail('expected a refusal');
  };

  /** A challenge signed by `signer` as a signing plugin would sign `toBeSigned`. */
  const signed = async (service: Signatures, signer: TestCertificate, options: { subjectType?: 'citizen' | 'enterprise' | 'agency'; algorithm?: SignedChallenge['algorithm']; operation?: 'register' | 'sign_in' | 'upgrade' } = {}): Promise<SignedChallenge> => {
    const challenge = await service.issueChallenge(store, { operation: options.operation ?? 'register', subjectType: options.subjectType ?? 'citizen', clientId: CLIENT });
    const algorithm = options.algorithm ?? (signer.keys.privateKey.algorithm.name === 'ECDSA' ? 'ECDSA' : 'RSASSA-PKCS1-v1_5');
    const signature = await signWith(signer, Buffer.from(challenge.toBeSigned, 'base64url'), algorithm);
    return { challengeId: challenge.challengeId, certificate: signer.base64, intermediates: [ca.intermediate.base64], algorithm, signature };
  };

  before(async () => {
    database = await openTestPglite();
    store = createStore(database.db);
    crlServer = await startCrlServer();
    ca = await createTestCa({ crlBaseUrl: crlServer.url });
    for (const [name, crl] of Object.entries(ca.crls)) crlServer.publish(name, crl);
    anchors = { citizen: [ca.nationalRoot.certificate], enterprise: [ca.nationalRoot.certificate], agency: [ca.governmentRoot.certificate] };
  });
  after(async () => {
    await crlServer.close();
    await database.close();
  });
  beforeEach(async () => {
    await database.reset();
    clock = new TestClock(ca.now);
    crlServer.unavailable(false);
  });

  test('a challenge carries a 256-bit nonce and a readable message naming the service, portal, operation and challenge', async () => {
    const service = signatures();
    const first = await service.issueChallenge(store, { operation: 'upgrade', subjectType: 'citizen', clientId: CLIENT });
    const second = await service.issueChallenge(store, { operation: 'upgrade', subjectType: 'citizen', clientId: CLIENT });
    assert.equal(Buffer.from(first.nonce, 'base64url').byteLength, 32);
    assert.notEqual(first.nonce, second.nonce);
    assert.notEqual(first.challengeId, second.challengeId);
    const text = Buffer.from(first.toBeSigned, 'base64url').toString('utf8');
    assert.deepEqual(text.split('\n'), [
      SIGNED_MESSAGE_HEADER,
      `service: ${ISSUER}`,
      `client: ${CLIENT}`,
      'operation: upgrade',
      'subject-type: citizen',
      `challenge: ${first.challengeId}`,
      `nonce: ${first.nonce}`,
      `expires: ${first.expiresAt}`,
    ]);
    assert.equal(new Date(first.expiresAt).getTime() - clock.now().getTime(), 300_000);
  });

  test('a citizen certificate under the national root passes and says who holds it (RSA PKCS#1 v1.5 and RSA-PSS)', async () => {
    const service = signatures();
    for (const algorithm of ['RSASSA-PKCS1-v1_5', 'RSA-PSS'] as const) {
      const body = await signed(service, ca.citizen, { algorithm });
      const { certificate, challenge } = await verifySignedChallenge(service, store, body, { operation: 'register', clientId: CLIENT, idNumber: TEST_CITIZEN_ID });
      assert.equal(challenge.id, body.challengeId);
      assert.equal(certificate.details.holder, 'Nguyễn Văn An');
      assert.equal(certificate.details.idNumber, TEST_CITIZEN_ID);
      assert.equal(certificate.details.issuer, 'Test Public CA');
      assert.equal(certificate.path.length, 3);
    }
  });

  test('an enterprise certificate (ECDSA) gives its organisation and tax code; an agency certificate chains to the government CA only', async () => {
    const service = signatures();
    const enterprise = await verifySignedChallenge(service, store, await signed(service, ca.enterprise, { subjectType: 'enterprise' }), { operation: 'register', clientId: CLIENT, taxCode: TEST_TAX_CODE });
    assert.equal(enterprise.certificate.details.organisation, 'Công ty TNHH Ví Dụ');
    assert.equal(enterprise.certificate.details.taxCode, TEST_TAX_CODE);
    const officer = await verifySignedChallenge(service, store, await signed(service, ca.agency, { subjectType: 'agency' }), { operation: 'register', clientId: CLIENT });
    assert.equal(officer.certificate.details.idNumber, TEST_OFFICER_ID);
    assert.equal(officer.certificate.details.organisation, 'UBND tỉnh Bắc Ninh');
    // A citizen's certificate is not trusted for an agency officer, nor the officer's for a citizen: each
    // is another subject type's.
    assert.equal(await refusal(service.inspect({ certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64] }, 'agency')), 'cert_wrong_subject_type');
    assert.equal(await refusal(service.inspect({ certificate: ca.agency.base64 }, 'citizen')), 'cert_wrong_subject_type');
  });

  test('each certificate failure has its own code', async () => {
    const service = signatures();
    const inspect = (signer: TestCertificate, intermediates = [ca.intermediate.base64]) => refusal(service.inspect({ certificate: signer.base64, intermediates }, 'citizen'));
    assert.equal(await inspect(ca.expired), 'cert_expired');
    assert.equal(await inspect(ca.notYetValid), 'cert_not_yet_valid');
    assert.equal(await inspect(ca.revoked), 'cert_revoked');
    assert.equal(await inspect(ca.wrongKeyUsage), 'cert_key_usage');
    assert.equal(await inspect(ca.untrusted, [ca.otherRoot.base64]), 'cert_untrusted');
    // Without the intermediate no path reaches the root.
    assert.equal(await inspect(ca.citizen, []), 'cert_untrusted');
    // A CA certificate is not a signer's certificate.
    assert.equal(await inspect(ca.intermediate, []), 'cert_key_usage');
    assert.equal(await refusal(service.inspect({ certificate: 'bm90IGEgY2VydGlmaWNhdGU=' }, 'citizen')), 'certificate_format');
  });

  test('a CA below an intermediate whose path length is 0 cannot make a trusted path', async () => {
    const service = signatures();
    const refused = await refusal(service.inspect({ certificate: ca.tooDeep.base64, intermediates: [ca.subCa.base64, ca.intermediate.base64] }, 'citizen'));
    assert.equal(refused, 'cert_untrusted');
  });

  test('the holder must carry the expected number: another ID number or tax code is subject_mismatch', async () => {
    const service = signatures();
    const citizen = { certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64] };
    assert.equal((await service.inspect(citizen, 'citizen', { idNumber: ` ${TEST_CITIZEN_ID} ` })).details.idNumber, TEST_CITIZEN_ID);
    assert.equal(await refusal(service.inspect(citizen, 'citizen', { idNumber: '001090009999' })), 'subject_mismatch');
    const enterprise = { certificate: ca.enterprise.base64, intermediates: [ca.intermediate.base64] };
    assert.equal(await refusal(service.inspect(enterprise, 'enterprise', { taxCode: '0109999999' })), 'subject_mismatch');
  });

  test('a certificate without the number its subject type is known by has its own refusal: no tax code, no ID number', async () => {
    const service = signatures();
    const citizen = { certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64] };
    const enterprise = { certificate: ca.enterprise.base64, intermediates: [ca.intermediate.base64] };
    assert.equal(await refusal(service.inspect(citizen, 'enterprise')), 'cert_no_tax_code');
    assert.equal(await refusal(service.inspect(enterprise, 'citizen')), 'cert_no_id_number');
    assert.equal((await service.inspect(enterprise, 'enterprise')).details.taxCode, TEST_TAX_CODE);
    assert.equal((await service.inspect({ certificate: ca.agency.base64 }, 'agency')).details.idNumber, TEST_OFFICER_ID);
  });

  test('a certificate of another subject type’s CA is cert_wrong_subject_type; one no subject type trusts stays cert_untrusted', async () => {
    const service = signatures();
    assert.equal(await refusal(service.inspect({ certificate: ca.agency.base64 }, 'enterprise')), 'cert_wrong_subject_type');
    assert.equal(await refusal(service.inspect({ certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64] }, 'agency')), 'cert_wrong_subject_type');
    assert.equal(await refusal(service.inspect({ certificate: ca.untrusted.base64 }, 'agency')), 'cert_untrusted');
    assert.equal(await refusal(service.inspect({ certificate: ca.untrusted.base64 }, 'citizen')), 'cert_untrusted');
  });

  test('a signature over other bytes, or with another key, is signature_mismatch', async () => {
    const service = signatures();
    const body = await signed(service, ca.citizen);
    const tampered = { ...body, signature: await signWith(ca.citizen, new TextEncoder().encode('something else')) };
    assert.equal(await refusal(verifySignedChallenge(service, store, tampered, { operation: 'register', clientId: CLIENT })), 'signature_mismatch');
    const wrongAlgorithm = { ...body, algorithm: 'ECDSA' as const };
    assert.equal(await refusal(verifySignedChallenge(service, store, wrongAlgorithm, { operation: 'register', clientId: CLIENT })), 'signature_mismatch');
    // A refused signature does not use the challenge up.
    await verifySignedChallenge(service, store, body, { operation: 'register', clientId: CLIENT });
  });

  test('a challenge is used once, for its own portal and operation, before it expires', async () => {
    const service = signatures();
    const body = await signed(service, ca.citizen);
    assert.equal(await refusal(verifySignedChallenge(service, store, body, { operation: 'sign_in', clientId: CLIENT })), 'challenge_not_found');
    assert.equal(await refusal(verifySignedChallenge(service, store, body, { operation: 'register', clientId: 'ministry-portal' })), 'challenge_not_found');
    await verifySignedChallenge(service, store, body, { operation: 'register', clientId: CLIENT });
    assert.equal(await refusal(verifySignedChallenge(service, store, body, { operation: 'register', clientId: CLIENT })), 'challenge_used');
    const late = await signed(service, ca.citizen);
    clock.advance(301);
    assert.equal(await refusal(verifySignedChallenge(service, store, late, { operation: 'register', clientId: CLIENT })), 'challenge_expired');
  });

  test('parallel verifications of one challenge: exactly one passes', async () => {
    const service = signatures();
    const body = await signed(service, ca.enterprise, { subjectType: 'enterprise' });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => verifySignedChallenge(service, store, body, { operation: 'register', clientId: CLIENT })));
    assert.equal(results.filter((result) => result.status === 'fulfilled').length, 1);
    for (const result of results) if (result.status === 'rejected') assert.equal((result.reason as SignatureError).code, 'challenge_used');
  });

  test('CRLs are fetched from the distribution point once and cached until nextUpdate', async () => {
    const service = signatures();
    crlServer.hits.clear();
    await service.inspect({ certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64] }, 'citizen');
    await service.inspect({ certificate: ca.enterprise.base64, intermediates: [ca.intermediate.base64] }, 'enterprise');
    assert.equal(crlServer.hits.get('/intermediate.crl'), 1);
    assert.equal(crlServer.hits.get('/national-root.crl'), 1);
    // Past nextUpdate the cached CRL is stale, and so is the one served: revocation is unavailable.
    clock.advance(8 * 86_400);
    const refused = await refusal(service.inspect({ certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64] }, 'citizen'));
    assert.equal(refused, 'revocation_unavailable');
    assert.equal(crlServer.hits.get('/intermediate.crl'), 2);
  });

  test('revocation that cannot be had is revocation_unavailable, never good: server down, fetching off, a CRL of the wrong CA', async () => {
    crlServer.unavailable(true);
    const citizen = { certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64] };
    assert.equal(await refusal(signatures().inspect(citizen, 'citizen')), 'revocation_unavailable');
    crlServer.unavailable(false);
    assert.equal(await refusal(signatures({ fetch: false }).inspect(citizen, 'citizen')), 'revocation_unavailable');
    assert.equal(await refusal(signatures({ fetch: false, given: [ca.crls['government-root.crl']!] }).inspect(citizen, 'citizen')), 'revocation_unavailable');
  });

  test('given CRLs are used without fetching, and still refuse a revoked certificate', async () => {
    const service = signatures({ fetch: false, given: Object.values(ca.crls) });
    crlServer.hits.clear();
    await service.inspect({ certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64] }, 'citizen');
    assert.equal(await refusal(service.inspect({ certificate: ca.revoked.base64, intermediates: [ca.intermediate.base64] }, 'citizen')), 'cert_revoked');
    assert.equal(crlServer.hits.size, 0);
  });

  test('a CRL distribution point that does not answer in time is revocation_unavailable', async () => {
    const service = new Signatures({
      issuer: ISSUER,
      anchors,
      crls: new CrlSource({ given: [], fetch: true, timeoutMs: 100, maxBytes: 1_000_000, fetchImpl: (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new Error('aborted')))) }),
      uidPrefixes: PREFIXES,
      challengeTtlSeconds: 300,
      clock: clock.now,
    });
    assert.equal(await refusal(service.inspect({ certificate: ca.citizen.base64, intermediates: [ca.intermediate.base64] }, 'citizen')), 'revocation_unavailable');
  });
});
