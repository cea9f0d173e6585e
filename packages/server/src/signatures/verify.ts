import type { SignedChallenge, SubjectType } from '@dvc-kit/sdk/contract';
import type { SignatureChallengeOperation, SignatureChallengeRecord } from '../store/signature-challenges.js';
import type { Store } from '../store/store.js';
import { SignatureError } from './errors.js';
import { signatureMatches } from './signature.js';
import type { ExpectedHolder, InspectedCertificate, Signatures } from './signatures.js';

/** What the flow that asks for a signature expects of it. */
export interface SignatureExpectation extends ExpectedHolder {
  /** The operation the challenge must have been issued for. */
  readonly operation: SignatureChallengeOperation;
  /** The portal (client id) the challenge must have been issued to. */
  readonly clientId: string;
  /** The subject type the challenge must have been issued for, when the flow knows it. */
  readonly subjectType?: SubjectType | undefined;
}

/** A verified signature: the challenge it used up and the certificate that made it. */
export interface VerifiedSignature {
  readonly challenge: SignatureChallengeRecord;
  readonly certificate: InspectedCertificate;
}

/**
 * Verifies a signed challenge and uses the challenge up: the challenge is this portal's, for this
 * operation (and subject type), unused and unexpired; the certificate passes every check for the
 * challenge's subject type ({@link Signatures.inspect}: path, dates, key usage, revocation, the holder's
 * number); the signature is the certificate key's over the challenge's exact bytes
 * (`signedMessage`); and then — last, in one conditional statement — the challenge is marked used, so
 * of parallel verifications of one challenge exactly one passes. Pass the flow's transaction as
 * `store` to use the challenge up together with what the flow stores.
 *
 * @throws {SignatureError} `challenge_not_found`, `challenge_used`, `challenge_expired`, `certificate_format`,
 * `cert_expired`, `cert_not_yet_valid`, `cert_untrusted`, `cert_key_usage`, `cert_revoked`,
 * `revocation_unavailable`, `subject_mismatch` or `signature_mismatch`.
 * @example
 * ```ts
 * const { certificate } = await verifySignedChallenge(deps.signatures, tx, body, { operation: 'register', clientId: caller.client.id });
 * const taxCode = certificate.details.taxCode;
 * ```
 */
export async function verifySignedChallenge(
  signatures: Signatures,
  store: Store,
  signed: SignedChallenge,
  expected: SignatureExpectation,
): Promise<VerifiedSignature> {
  const challenge = await signatures.openChallenge(store, signed.challengeId, expected.clientId, expected.operation);
  if (expected.subjectType !== undefined && challenge.subjectType !== expected.subjectType) throw new SignatureError('challenge_not_found');
  const certificate = await signatures.inspect(signed, challenge.subjectType, expected);
  const signature = Buffer.from(signed.signature, 'base64');
  if (!signatureMatches(certificate.leaf, signed.algorithm, signatures.signedMessage(challenge), signature)) throw new SignatureError('signature_mismatch');
  await signatures.useUp(store, challenge);
  return { challenge, certificate };
}
