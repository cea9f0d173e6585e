import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEVELOPMENT_CA_PATHS } from '../../src/contract/flow-paths.js';
import { DevelopmentSigner, SignerError, signerMessage, SIGNER_ERROR_CODES, signChallenge } from '../../src/signer/index.js';
import { MOCK_SIGNATURE_CERTIFICATES } from '../../src/mock/index.js';
import { fakeService, json } from '../client/fake-service.js';
import { DvcClient } from '../../src/client/client.js';
import { DvcError } from '../../src/client/error.js';
import { mockWorld } from '../mock/support.js';

const AN = { holder: 'Nguyễn Văn An', idNumber: '001090001234' } as const;
const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  assert.ok(error instanceof SignerError || error instanceof DvcError, `expected a refusal, got ${String(error)}`);
  return error.code;
}

async function givenKey(name: 'ECDSA' | 'RSASSA-PKCS1-v1_5' | 'RSA-PSS') {
  const params = name === 'ECDSA' ? { name, namedCurve: 'P-256' } : { name, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
  return (await crypto.subtle.generateKey(params, false, ['sign', 'verify'])) as CryptoKeyPair;
}

describe('DevelopmentSigner and signChallenge', () => {
  test('signs with the key it holds, in each algorithm the service verifies; the signature verifies with the public key', async () => {
    const data = new TextEncoder().encode('DVC-Kit signature challenge v1\nnonce: abc');
    for (const [name, params] of [['ECDSA', { name: 'ECDSA', hash: 'SHA-256' }], ['RSASSA-PKCS1-v1_5', { name: 'RSASSA-PKCS1-v1_5' }], ['RSA-PSS', { name: 'RSA-PSS', saltLength: 32 }]] as const) {
      const keys = await givenKey(name);
      const signer = new DevelopmentSigner([{ certificate: 'MIIB', privateKey: keys.privateKey, details: { holder: 'Nguyễn Văn An' } }]);
      const [held] = await signer.listCertificates();
      const made = await signer.sign({ certificateId: held!.id, data });
      assert.equal(made.algorithm, name);
      assert.equal(made.certificate, 'MIIB');
      assert.ok(await crypto.subtle.verify(params, keys.publicKey, fromBase64Url(made.signature), data), name);
    }
  });

  test('acts out the holder\'s refusals with their codes, and refuses an unknown certificate or an aborted request', async () => {
    const keys = await givenKey('ECDSA');
    let answer: 'sign' | (typeof SIGNER_ERROR_CODES)[number] = 'sign';
    const signer = new DevelopmentSigner([{ certificate: 'MIIB', privateKey: keys.privateKey, details: { holder: 'Nguyễn Văn An' } }], { respond: () => answer });
    const data = new Uint8Array([1, 2, 3]);
    for (const code of SIGNER_ERROR_CODES) {
      answer = code;
      const error = await signer.sign({ certificateId: 'development-0', data }).then(() => undefined, (caught: unknown) => caught);
      assert.ok(error instanceof SignerError && error.code === code, code);
      assert.equal(error.message, signerMessage(code, 'en'));
    }
    answer = 'sign';
    assert.equal(await refusal(signer.sign({ certificateId: 'development-7', data })), 'certificate_not_found');
    assert.equal(await refusal(signer.sign({ certificateId: 'development-0', data, signal: AbortSignal.abort() })), 'cancelled');
    assert.equal(await refusal(signer.listCertificates({ signal: AbortSignal.abort() })), 'cancelled');
  });

  test('every refusal has its text in Vietnamese and English', () => {
    for (const code of SIGNER_ERROR_CODES) {
      assert.ok(signerMessage(code, 'vi').length > 10 && signerMessage(code, 'en').length > 10, code);
      assert.notEqual(signerMessage(code, 'vi'), signerMessage(code, 'en'));
    }
    assert.equal(signerMessage('cancelled', 'vi'), 'Bạn đã hủy ký số.');
  });

  test('fromService sends a fresh public key (SPKI, base64url) and the holder to the development CA, once per holder', async () => {
    const issued = { certificate: 'MIIC', issuer: '-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----\n', validFrom: '2026-12-01T07:55:00.000Z', validUntil: '2027-12-01T08:00:00.000Z', serialNumber: '0a1b' };
    const service = fakeService(json(issued, 201));
    const client = new DvcClient({ baseUrl: 'http://id.dvc.test', clientId: 'provincial-portal', fetch: service.fetch });
    const signer = await DevelopmentSigner.fromService(client, [AN, { holder: 'Công ty TNHH Ví Dụ', taxCode: '0101234567' }], { algorithm: 'RSASSA-PKCS1-v1_5' });
    assert.deepEqual(service.requests.map((request) => [request.method, new URL(request.url).pathname, request.headers.get('DVC-Client')]), [
      ['POST', DEVELOPMENT_CA_PATHS.certificates, 'provincial-portal'],
      ['POST', DEVELOPMENT_CA_PATHS.certificates, 'provincial-portal'],
    ]);
    const [first, second] = service.requests.map((request) => request.body as Record<string, string>);
    assert.equal(first!.holder, 'Nguyễn Văn An');
    assert.equal(second!.taxCode, '0101234567');
    assert.notEqual(first!.publicKey, second!.publicKey, 'a key pair per holder');
    const imported = await crypto.subtle.importKey('spki', fromBase64Url(first!.publicKey!), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['verify']);
    assert.equal((imported.algorithm as RsaHashedKeyAlgorithm).modulusLength, 2048);
    const listed = await signer.listCertificates();
    assert.deepEqual(listed.map((certificate) => [certificate.certificate, certificate.details.holder, certificate.details.serialNumber]), [['MIIC', 'Nguyễn Văn An', '0a1b'], ['MIIC', 'Công ty TNHH Ví Dụ', '0a1b']]);
  });

  test('against the mock: a development signer signs a challenge over its exact bytes, after the page confirms what the preview shows', async () => {
    const { client, scenario } = mockWorld();
    const signer = await DevelopmentSigner.fromService(client, [AN]);
    let shown: string | undefined;
    const signed = await signChallenge(client, signer, {
      operation: 'upgrade',
      subjectType: 'citizen',
      idNumber: AN.idNumber,
      confirm: (preview) => {
        shown = `${preview.certificate.holder}, ${preview.certificate.issuer}`;
        return true;
      },
    });
    assert.equal(shown, 'Nguyễn Văn An, DVC Kit Development CA - NOT FOR PRODUCTION');
    const { challenge } = scenario.signatureChallenges.get(signed.challengeId)!;
    const [held] = await signer.listCertificates();
    assert.equal(signed.certificate, held!.certificate);
    assert.equal(signed.algorithm, 'ECDSA');
    assert.ok(signed.signature.length > 40);
    assert.equal(challenge.operation, 'upgrade');
    // An enterprise challenge needs a certificate carrying a tax code, as the service requires.
    assert.equal(await refusal(signChallenge(client, signer, { operation: 'register', subjectType: 'enterprise', confirm: () => true })), 'cert_no_tax_code');
  });

  test('signChallenge finds a missing plugin, token or choice before asking the service for a challenge', async () => {
    const service = fakeService(json({}, 500));
    const client = new DvcClient({ baseUrl: 'http://id.dvc.test', clientId: 'provincial-portal', fetch: service.fetch });
    const unavailable = { name: 'absent', listCertificates: () => Promise.reject(new SignerError('signer_unavailable')), sign: () => Promise.reject(new Error('unreachable')) };
    assert.equal(await refusal(signChallenge(client, unavailable, { operation: 'sign_in', subjectType: 'citizen' })), 'signer_unavailable');
    assert.equal(await refusal(signChallenge(client, new DevelopmentSigner([]), { operation: 'sign_in', subjectType: 'citizen' })), 'no_certificate');
    const keys = await givenKey('ECDSA');
    const key = { certificate: MOCK_SIGNATURE_CERTIFICATES.citizen, privateKey: keys.privateKey, details: { holder: 'Nguyễn Văn An' } };
    assert.equal(await refusal(signChallenge(client, new DevelopmentSigner([key, key]), { operation: 'sign_in', subjectType: 'citizen' })), 'choice_needed');
    const stranger = { id: 'elsewhere', certificate: 'MIIB', details: { holder: 'x' } };
    assert.equal(await refusal(signChallenge(client, new DevelopmentSigner([key]), { operation: 'sign_in', subjectType: 'citizen', choose: () => stranger })), 'certificate_not_found');
    assert.equal(service.requests.length, 0);
  });

  test('a page that declines at the confirmation signs nothing; a holder who cancels in the plugin is cancelled', async () => {
    const { client } = mockWorld();
    const keys = await givenKey('ECDSA');
    let signed = 0;
    const signer = new DevelopmentSigner([{ certificate: MOCK_SIGNATURE_CERTIFICATES.citizen, privateKey: keys.privateKey, details: { holder: 'Nguyễn Văn An' } }], {
      respond: () => {
        signed += 1;
        return 'cancelled';
      },
    });
    assert.equal(await refusal(signChallenge(client, signer, { operation: 'sign_in', subjectType: 'citizen', confirm: () => false })), 'cancelled');
    assert.equal(signed, 0);
    assert.equal(await refusal(signChallenge(client, signer, { operation: 'sign_in', subjectType: 'citizen', confirm: () => true })), 'cancelled');
    assert.equal(signed, 1);
  });
});
