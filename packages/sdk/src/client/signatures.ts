// Signature challenges (IAL3 by digital signature): the calls of DvcClient as functions of a
// DvcClientCore, in a module of their own, so a bundle carries only the calls it makes.

import type { CertificatePreview, CertificatePreviewRequest, SignatureChallenge, StartSignatureChallengeRequest } from '../contract/signatures.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

const CHALLENGES = '/v1/signature-challenges';

/** {@link DvcClient.createSignatureChallenge}, as a function of a {@link DvcClientCore}. */
export function createSignatureChallenge(client: DvcClientCore, body: StartSignatureChallengeRequest, options?: CallOptions): Promise<SignatureChallenge> {
  return client.request({ path: CHALLENGES, body, idempotent: false }, options);
}

/** {@link DvcClient.previewSignatureCertificate}, as a function of a {@link DvcClientCore}. */
export function previewSignatureCertificate(client: DvcClientCore, challengeId: string, body: CertificatePreviewRequest, options?: CallOptions): Promise<CertificatePreview> {
  // A preview changes nothing: safe to send again after a network failure.
  return client.request({ path: `${CHALLENGES}/${encodeURIComponent(challengeId)}/certificate`, body, idempotent: true }, options);
}
