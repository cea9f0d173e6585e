import type { RemoteSignatureMethod, SignedChallenge } from '@dvc-kit/sdk/contract';
import type { Store } from '../../store/store.js';
import { SignatureError, type SignatureFailure } from '../errors.js';
import type { Signatures } from '../signatures.js';
import { verifySignedChallenge, type SignatureExpectation, type VerifiedSignature } from '../verify.js';
import { SigningRequestError } from './errors.js';

/** A verified signature that came through a provider, and the method it came by (for the session's `amr`). */
export interface VerifiedSignatureRequest extends VerifiedSignature {
  readonly method: RemoteSignatureMethod;
}

const CERTIFICATE_FAILURES: ReadonlySet<string> = new Set<SignatureFailure>([
  'cert_expired',
  'cert_not_yet_valid',
  'cert_revoked',
  'cert_untrusted',
  'cert_key_usage',
  'signature_mismatch',
  'subject_mismatch',
  'revocation_unavailable',
]);

/**
 * The signed result of a SIM-signature or remote-signing request, as a signing flow takes it: the
 * request's `{ challengeId, certificate, intermediates, algorithm, signature }` — the same
 * {@link SignedChallenge} a USB token's signature is — or why there is none.
 *
 * @throws {SigningRequestError} `request_not_found` (none for this portal), `request_pending`,
 * `request_cancelled`, `provider_refused`, `provider_timeout`, `provider_unavailable`.
 * @throws {SignatureError} the certificate refusal a `failed` request recorded (`cert_revoked` …).
 */
export async function signedChallengeOfRequest(store: Store, requestId: string, clientId: string): Promise<{ method: RemoteSignatureMethod; signed: SignedChallenge }> {
  const record = await store.signingRequests.find(requestId, clientId);
  if (!record) throw new SigningRequestError('request_not_found');
  switch (record.state) {
    case 'signed': {
      const result = record.result!;
      return {
        method: record.method,
        signed: { challengeId: record.challengeId, certificate: result.certificate, intermediates: [...result.intermediates], algorithm: result.algorithm, signature: result.signature },
      };
    }
    case 'pending':
      throw new SigningRequestError('request_pending');
    case 'cancelled':
      throw new SigningRequestError('request_cancelled');
    case 'refused':
      throw new SigningRequestError('provider_refused');
    case 'timed_out':
      throw new SigningRequestError('provider_timeout');
    case 'failed':
      if (record.failure && CERTIFICATE_FAILURES.has(record.failure)) throw new SignatureError(record.failure as SignatureFailure);
      throw new SigningRequestError('provider_unavailable');
  }
}

/**
 * The one call a signing flow (registration, sign-in, upgrade by SIM signature or remote signing)
 * makes with a signature request's id: takes the request's signed result
 * ({@link signedChallengeOfRequest}) and verifies it with `verifySignedChallenge`, exactly as a USB
 * token's signature — the challenge is this portal's and this operation's, unused and unexpired; the
 * certificate passes every check; the signature is over the challenge's bytes — and uses the challenge
 * up, so a request is good for one account, sign-in or upgrade. Pass the flow's transaction as `store`.
 *
 * @throws {SigningRequestError} see {@link signedChallengeOfRequest}.
 * @throws {SignatureError} any refusal of `verifySignedChallenge` (`challenge_used`, `subject_mismatch` …).
 * @example
 * ```ts
 * const { certificate, method } = await verifySignatureRequest(deps.signatures, tx, body.signatureRequestId, { operation: 'sign_in', clientId: caller.client.id });
 * const authentication = authenticationOf(method); // sim_signature / remote_signing: AAL3
 * ```
 */
export async function verifySignatureRequest(signatures: Signatures, store: Store, requestId: string, expected: SignatureExpectation): Promise<VerifiedSignatureRequest> {
  const { method, signed } = await signedChallengeOfRequest(store, requestId, expected.clientId);
  const verified = await verifySignedChallenge(signatures, store, signed, expected);
  return { ...verified, method };
}
