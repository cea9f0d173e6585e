import type { RemoteSignatureMethod, SignatureMethod, SignatureProof, SubjectType } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import { verifySignatureRequest } from '../signatures/providers/verify-request.js';
import type { Store } from '../store/store.js';
import { verifySignedChallenge, type SignatureExpectation, type VerifiedSignature } from '../signatures/verify.js';
import { requireUsbToken, usbTokenOffered } from './usb-token.js';

type Deps = Pick<AppDeps, 'config' | 'signatures' | 'signingRequests'>;

const REMOTE_METHODS: readonly RemoteSignatureMethod[] = ['sim_signature', 'remote_signing'];

/**
 * The subject types SIM signature and remote signing serve (as `METHODS_BY_SUBJECT_TYPE` says):
 * citizens and enterprises; an agency officer signs with the government CA's USB token.
 */
const REMOTE_FLOW_SUBJECTS: readonly SubjectType[] = ['citizen', 'enterprise'];

/**
 * Whether the service offers the signing flows (registration, sign-in, upgrade) by `method` to a
 * subject type: a USB token as {@link usbTokenOffered} says; a SIM signature or remote signing when
 * the method has a provider (`signatures.methods` and `signatures.providers`, or the sandbox in
 * development), the flows serve the subject type (citizens and enterprises) and it has trust anchors. What
 * `GET /v1/config` reports and what each flow checks first.
 */
export function signatureFlowOffered(deps: Deps, method: SignatureMethod, subjectType: SubjectType): boolean {
  if (method === 'usb_token') return usbTokenOffered(deps, subjectType);
  return deps.signingRequests.offers(method) && REMOTE_FLOW_SUBJECTS.includes(subjectType) && deps.signatures.accepts(subjectType);
}

/**
 * The subject type a proof's challenge was issued for — a sign-in's body does not say who signs in,
 * the challenge does (`POST /v1/signature-challenges` bound it). `citizen` when the challenge or request
 * is not this portal's: verifying it then fails as it would have (`not_found`).
 */
export async function proofSubjectType(store: Store, proof: SignatureProof, clientId: string): Promise<SubjectType> {
  const challengeId = 'signed' in proof ? proof.signed.challengeId : (await store.signingRequests.find(proof.requestId, clientId))?.challengeId;
  const challenge = challengeId === undefined ? undefined : await store.signatureChallenges.find(challengeId, clientId);
  return challenge?.subjectType ?? 'citizen';
}

/**
 * Refuses a signing flow the service does not offer for what proves it. A signed challenge (USB
 * token): as {@link requireUsbToken}. A signed request: 404 `not_found` when the service has a
 * provider for neither SIM signature nor remote signing; else `method_not_offered` on `method` (a
 * registration names it) or on `subjectType` when the flows do not serve the subject type by it.
 */
export function requireSignatureFlow(deps: Deps, proof: SignatureProof, subjectType: SubjectType, method?: SignatureMethod): void {
  if ('signed' in proof) return requireUsbToken(deps, subjectType);
  if (!REMOTE_METHODS.some((m) => deps.signingRequests.offers(m))) throw new ProblemError('not_found');
  const served = method === undefined ? REMOTE_METHODS.some((m) => signatureFlowOffered(deps, m, subjectType)) : signatureFlowOffered(deps, method, subjectType);
  if (!served) throw new ProblemError('validation_failed', { errors: [{ field: method === undefined ? 'subjectType' : 'method', code: 'method_not_offered' }] });
}

/** A verified signature and the method it came by (a signed challenge: the USB token). */
export interface VerifiedProof extends VerifiedSignature {
  readonly method: SignatureMethod;
}

/**
 * Verifies what proves a signing flow and uses its challenge up: a signed challenge with
 * `verifySignedChallenge`, a signed request with `verifySignatureRequest` — the same checks either
 * way, the method for the account's `verificationMethod` or the session's authentication.
 *
 * @throws {SignatureError} the signature's and certificate's refusals.
 * @throws {SigningRequestError} a request that is not signed (pending, refused, timed out, cancelled, failed) or not this portal's.
 */
export async function verifyProof(deps: Pick<AppDeps, 'signatures'>, store: Store, proof: SignatureProof, expected: SignatureExpectation): Promise<VerifiedProof> {
  if ('signed' in proof) return { ...(await verifySignedChallenge(deps.signatures, store, proof.signed, expected)), method: 'usb_token' };
  return verifySignatureRequest(deps.signatures, store, proof.requestId, expected);
}
