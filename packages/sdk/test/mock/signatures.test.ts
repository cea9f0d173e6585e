import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, mockWorld } from './support.js';
import { CertificatePreviewSchema, SIGNED_MESSAGE_HEADER, SignatureChallengeSchema } from '../../src/contract/index.js';
import { MOCK_SIGNATURE_CERTIFICATES } from '../../src/mock/index.js';

describe('mock signature challenges and certificate previews', () => {
  test('a challenge carries the bytes to sign in the service\'s format, for this portal and operation', async () => {
    const { client } = mockWorld();
    const challenge = SignatureChallengeSchema.parse(await client.createSignatureChallenge({ operation: 'register', subjectType: 'enterprise' }));
    const text = new TextDecoder().decode(Uint8Array.from(atob(challenge.toBeSigned.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)));
    assert.deepEqual(text.split('\n').slice(0, 5), [SIGNED_MESSAGE_HEADER, 'service: http://id.dvc.test', 'client: ministry-portal', 'operation: register', 'subject-type: enterprise']);
    assert.equal(Date.parse(challenge.expiresAt) - Date.parse('2026-12-01T08:00:00Z'), 300_000);
  });

  test('a preview shows what the fictional certificate says, and checks the number expected', async () => {
    const { client } = mockWorld();
    const { challengeId } = await client.createSignatureChallenge({ operation: 'register', subjectType: 'enterprise' });
    const shown = CertificatePreviewSchema.parse(await client.previewSignatureCertificate(challengeId, { certificate: MOCK_SIGNATURE_CERTIFICATES.enterprise, taxCode: '0101234567' }));
    assert.equal(shown.certificate.organisation, 'Công ty TNHH Ví Dụ');
    assert.equal((await failure(client.previewSignatureCertificate(challengeId, { certificate: MOCK_SIGNATURE_CERTIFICATES.enterprise, taxCode: '0109999999' }))).code, 'subject_mismatch');
    // As the service tells them apart: a citizen's certificate carries no tax code; the government CA's is another subject type's.
    assert.equal((await failure(client.previewSignatureCertificate(challengeId, { certificate: MOCK_SIGNATURE_CERTIFICATES.citizen }))).code, 'cert_no_tax_code');
    assert.equal((await failure(client.previewSignatureCertificate(challengeId, { certificate: MOCK_SIGNATURE_CERTIFICATES.agency }))).code, 'cert_wrong_subject_type');
    const forCitizen = await client.createSignatureChallenge({ operation: 'register', subjectType: 'citizen' });
    assert.equal((await failure(client.previewSignatureCertificate(forCitizen.challengeId, { certificate: MOCK_SIGNATURE_CERTIFICATES.enterprise }))).code, 'cert_no_id_number');
  });

  test('every refusal of a preview is acted out, with the service\'s status', async () => {
    const { client, other, scenario, advance } = mockWorld({}, { lang: 'en' });
    const { challengeId } = await client.createSignatureChallenge({ operation: 'upgrade', subjectType: 'citizen' });
    const cases = [
      [MOCK_SIGNATURE_CERTIFICATES.expired, 'cert_expired', 422],
      [MOCK_SIGNATURE_CERTIFICATES.notYetValid, 'cert_not_yet_valid', 422],
      [MOCK_SIGNATURE_CERTIFICATES.revoked, 'cert_revoked', 422],
      [MOCK_SIGNATURE_CERTIFICATES.wrongKeyUsage, 'cert_key_usage', 422],
      [MOCK_SIGNATURE_CERTIFICATES.revocationUnavailable, 'revocation_unavailable', 503],
      [btoa('some other certificate'), 'cert_untrusted', 422],
    ] as const;
    for (const [certificate, code, status] of cases) {
      const error = await failure(client.previewSignatureCertificate(challengeId, { certificate }, { signal: AbortSignal.timeout(5000) }));
      assert.equal(error.code, code);
      assert.equal(error.status, status);
    }
    assert.equal((await failure(client.previewSignatureCertificate(challengeId, { certificate: 'not base64!' }))).code, 'validation_failed');
    assert.equal((await failure(other.previewSignatureCertificate(challengeId, { certificate: MOCK_SIGNATURE_CERTIFICATES.citizen }))).code, 'not_found');
    scenario.signatureChallenges.get(challengeId)!.used = true;
    assert.equal((await failure(client.previewSignatureCertificate(challengeId, { certificate: MOCK_SIGNATURE_CERTIFICATES.citizen }))).code, 'challenge_used');
    const late = await client.createSignatureChallenge({ operation: 'upgrade', subjectType: 'citizen' });
    advance(301_000);
    assert.equal((await failure(client.previewSignatureCertificate(late.challengeId, { certificate: MOCK_SIGNATURE_CERTIFICATES.citizen }))).code, 'challenge_expired');
    scenario.failNext('createSignatureChallenge', { code: 'too_many_attempts', retryAfter: 60 });
    assert.equal((await failure(client.createSignatureChallenge({ operation: 'upgrade', subjectType: 'citizen' }))).retryAfter, 60);
  });
});
