import { authenticationOf } from '../assurance/sign-in-methods.js';
import type { Account, SubjectType } from '../contract/common.js';
import type { CertificateDetails, SignatureMethod, SignatureOperation, SignedChallenge } from '../contract/signatures.js';
import { AssuranceUpgradeSchema, registrationProofOf, signatureProofOf, SignatureSignInSchema, StartSignatureRegistrationSchema, type SignatureProof } from '../contract/signature-flows.js';
import { parseBirthDate } from '../identity/birth-date.js';
import { maskIdNumber, normalizeIdNumber } from '../identity/id-number.js';
import { parsePhone } from '../identity/phone.js';
import { holderOf } from './account.js';
import { challengeOf, idempotent, sendLimit, staleConsent } from './flows.js';
import type { RouteContext } from './route.js';
import type { MockFlow, MockScenario } from './scenario.js';
import { advanceMockRequest } from './signature-requests.js';
import { mockCertificateDetails, mockCertificateOutcome } from './signatures.js';

/**
 * A signature the mock takes as not made by its certificate's key (`signature_mismatch`). The mock
 * checks no cryptography: any other signature passes.
 */
export const MOCK_MISMATCHED_SIGNATURE = 'bW9jay1taXNtYXRjaGVk';

/**
 * Uses a signed challenge up as the service's `verifySignedChallenge` does, in its order: the challenge
 * is this portal's and this operation's (`not_found`), unused (`challenge_used`), unexpired
 * (`challenge_expired`); the certificate's outcome for the challenge's subject type
 * (`MOCK_SIGNATURE_CERTIFICATES`, or the details of the certificate a mock provider signed with); the
 * expected ID number or tax code (`subject_mismatch`); the signature (`signature_mismatch` for
 * {@link MOCK_MISMATCHED_SIGNATURE}).
 */
function useChallenge(
  context: RouteContext,
  challengeId: string,
  certificate: { readonly signed: SignedChallenge } | { readonly details: CertificateDetails },
  operation: SignatureOperation,
  expected: ExpectedHolder = {},
): Used | Response {
  const { scenario } = context;
  const stored = scenario.signatureChallenges.get(challengeId);
  if (!stored || stored.clientId !== context.clientId || stored.challenge.operation !== operation) return context.problem('not_found');
  if (stored.used) return context.problem('challenge_used');
  if (Date.parse(stored.challenge.expiresAt) <= scenario.now()) return context.problem('challenge_expired');
  const details = 'details' in certificate ? certificate.details : mockCertificateOutcome(certificate.signed.certificate, stored.challenge.subjectType, scenario.developmentCertificates);
  if (typeof details === 'string') return context.problem(details);
  const subjectType = stored.challenge.subjectType;
  if (expected.subjectType !== undefined && subjectType !== expected.subjectType) return context.problem('not_found');
  if (expected.idNumber !== undefined && normalizeIdNumber(expected.idNumber) !== details.idNumber) return context.problem('subject_mismatch');
  if (expected.taxCode !== undefined && expected.taxCode !== details.taxCode) return context.problem('subject_mismatch');
  if ('signed' in certificate && certificate.signed.signature === MOCK_MISMATCHED_SIGNATURE) return context.problem('signature_mismatch');
  stored.used = true;
  return { details, subjectType };
}

/** What a flow expects of the certificate and its challenge. */
interface ExpectedHolder {
  readonly subjectType?: SubjectType;
  readonly idNumber?: string | undefined;
  readonly taxCode?: string | undefined;
}

/** A used challenge: what its certificate says, and the subject type it was issued for. */
interface Used {
  readonly details: CertificateDetails;
  readonly subjectType: SubjectType;
}

/**
 * @internal The key the mock keeps an account under: a citizen's registered ID number, `agency:` and the
 * officer's ID number (a work account apart from the person's citizen account), `mst:` and an
 * enterprise's tax code.
 */
export function mockAccountKey(subjectType: SubjectType, number: string): string {
  return subjectType === 'citizen' ? number : `${subjectType === 'agency' ? 'agency' : 'mst'}:${number}`;
}

/** @internal An enterprise's or an officer's account as the mock makes it after the password step: IAL3 by `method`. */
export function addOrganisationAccount(scenario: MockScenario, flow: MockFlow & { organisation: NonNullable<MockFlow['organisation']> }, password: string): Account {
  const { organisation } = flow;
  const known = organisation.taxCode ?? maskIdNumber(flow.idNumber.replace(/^agency:/, ''));
  const account: Account = {
    sub: `mock-${organisation.subjectType}-${known.replace(/\D/g, '').slice(-6)}`,
    fullName: organisation.fullName,
    idNumberMasked: known,
    idNumbersMasked: [known],
    subjectType: organisation.subjectType,
    organisationName: organisation.organisationName,
    ...(organisation.taxCode !== undefined ? { taxCode: organisation.taxCode } : {}),
    ial: 3,
    verificationMethod: flow.verifiedBy ?? 'usb_token',
    createdAt: new Date(scenario.now()).toISOString(),
  };
  scenario.accounts.set(flow.idNumber, { account, password: password.normalize('NFC'), phone: flow.phone });
  return account;
}

/**
 * Uses up what proves a signing flow, as the service does: a signed challenge (USB token), or a mock
 * signing request of this portal (`not_found` otherwise) that is `signed` — `signature_pending` while
 * the holder has not answered, `provider_refused`, `provider_timeout`, `provider_unavailable` for its
 * outcomes, `flow_step` once cancelled — whose challenge then gets every check of a signed one.
 */
function useProof(
  context: RouteContext,
  proof: SignatureProof,
  operation: SignatureOperation,
  expected: ExpectedHolder & { method?: SignatureMethod } = {},
): (Used & { method: SignatureMethod }) | Response {
  if ('signed' in proof) {
    const used = useChallenge(context, proof.signed.challengeId, proof, operation, expected);
    return used instanceof Response ? used : { ...used, method: 'usb_token' };
  }
  const request = context.scenario.signatureRequests.get(proof.requestId);
  if (!request || request.clientId !== context.clientId) return context.problem('not_found');
  if (expected.method !== undefined && request.method !== expected.method) {
    return context.problem('validation_failed', { fieldErrors: [{ field: 'method', code: 'method_mismatch' }] });
  }
  advanceMockRequest(request, context.scenario.now());
  switch (request.state) {
    case 'pending':
      return context.problem('signature_pending');
    case 'cancelled':
      return context.problem('flow_step');
    case 'refused':
    case 'timed_out':
    case 'failed':
      return context.problem(request.code === 'provider_refused' || request.code === 'provider_timeout' ? request.code : 'provider_unavailable');
    case 'signed': {
      const used = useChallenge(context, request.challengeId, { details: mockCertificateDetails(request.subjectType) }, operation, expected);
      return used instanceof Response ? used : { ...used, method: request.method };
    }
  }
}

/**
 * `POST /v1/registrations/signature`, as the service answers it: the consent in force, the signed
 * `register` challenge or a signed mock request of the body's `method` for one (every refusal of
 * `useProof`, `method_mismatch` on `method` for a request of another method, `subject_mismatch` when
 * the certificate carries another ID number), then a code to the phone; the registration goes on at the
 * ordinary code and password steps and ends with an account at IAL3 named after the certificate's holder.
 * An enterprise (`taxCode`, `MOCK_SIGNATURE_CERTIFICATES.enterprise`) gets an account keyed by its tax code
 * and named by the certificate's organisation; an agency officer (`idNumber`,
 * `MOCK_SIGNATURE_CERTIFICATES.agency`) a work account apart from any citizen account of the same number.
 */
export async function startSignatureRegistration(context: RouteContext): Promise<Response> {
  const { scenario } = context;
  const parsed = StartSignatureRegistrationSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const request = parsed.data;
  const stale = staleConsent(context, request.consentVersion);
  if (stale) return stale;
  const answer = idempotent(context);
  if (answer instanceof Response) return answer;
  if (scenario.config.humanCheck.required && !(await scenario.humanCheck.verify(request.humanCheck))) return context.problem('human_check_failed');
  const { subjectType } = request;
  const number = subjectType === 'enterprise' ? request.taxCode : request.idNumber;
  const used = useProof(context, registrationProofOf(request), 'register', {
    subjectType,
    ...(subjectType === 'enterprise' ? { taxCode: number } : { idNumber: number }),
    method: request.method,
  });
  if (used instanceof Response) return used;
  const { details } = used;
  const phone = parsePhone(request.phone);
  if (!phone.ok || number === undefined) return context.problem('validation_failed');
  const limited = sendLimit(context, phone.e164);
  if (limited) return limited;
  if (subjectType !== 'citizen') {
    const organisationName = subjectType === 'enterprise' ? (details.organisation ?? details.holder) : (details.organisation ?? '');
    const key = mockAccountKey(subjectType, subjectType === 'enterprise' ? number : normalizeIdNumber(number));
    const fullName = subjectType === 'enterprise' ? organisationName : details.holder;
    const flow: MockFlow = {
      id: scenario.nextId('reg'), purpose: 'registration', idNumber: key, phone: phone.e164, code: '', expiresAt: 0, resendAt: 0, attempts: 0, verified: false,
      organisation: { subjectType, fullName, organisationName, ...(subjectType === 'enterprise' ? { taxCode: number } : {}) },
      verifiedBy: used.method,
    };
    scenario.flows.set(flow.id, flow);
    scenario.sendCode(flow);
    return answer(201, { registrationId: flow.id, otp: challengeOf(scenario, flow) });
  }
  const birthDate = parseBirthDate(request.birthDate ?? '');
  if (!birthDate.ok) return context.problem('validation_failed');
  const idNumber = normalizeIdNumber(number);
  const flow: MockFlow = {
    id: scenario.nextId('reg'),
    purpose: 'registration',
    idNumber,
    phone: phone.e164,
    code: '',
    expiresAt: 0,
    resendAt: 0,
    attempts: 0,
    verified: false,
    // The steps after the code read what every registration carries; the certificate gave the name.
    details: { subjectType: 'citizen', method: 'mobile', idNumber, fullName: details.holder, birthDate: birthDate.iso, phone: request.phone, consentVersion: request.consentVersion, ...(request.email ? { email: request.email } : {}) },
    verifiedBy: used.method,
  };
  scenario.flows.set(flow.id, flow);
  scenario.sendCode(flow);
  return answer(201, { registrationId: flow.id, otp: challengeOf(scenario, flow) });
}

/**
 * `POST /v1/sign-ins/signature`, as the service answers it: the signed `sign_in` challenge, or a signed
 * mock request for one (every refusal of `useProof`), then a session of the method's authentication
 * (USB token and SIM signature AAL3, remote signing AAL2) for the account of the challenge's subject
 * type whose number (ID number, or an enterprise's tax code) the certificate carries;
 * `invalid_credentials` when it has none, as a wrong password gets.
 */
export async function signInWithSignature(context: RouteContext): Promise<Response> {
  const { scenario } = context;
  const parsed = SignatureSignInSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const answer = idempotent(context);
  if (answer instanceof Response) return answer;
  const used = useProof(context, signatureProofOf(parsed.data), 'sign_in');
  if (used instanceof Response) return used;
  const { details, method, subjectType } = used;
  const number = subjectType === 'enterprise' ? details.taxCode! : details.idNumber!;
  const record = scenario.accounts.get(subjectType === 'citizen' ? scenario.registeredIdOf(number) : mockAccountKey(subjectType, number));
  if (!record) return context.problem('invalid_credentials');
  const { account } = record;
  const tokens = await scenario.startSession(account, context.clientId, authenticationOf(method));
  return answer(200, { tokens, account });
}

/**
 * `POST /v1/account/assurance-upgrades`, as the service answers it: the signed-in citizen
 * (`unauthorized`), `already_ial3` for an account at IAL3, the signed `upgrade` challenge with the
 * account's ID number (`subject_mismatch` otherwise); then the account at IAL3, seen at once by every
 * session of it.
 */
export function upgradeAssurance(context: RouteContext): Response {
  const { scenario } = context;
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const parsed = AssuranceUpgradeSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  if (holder.account.ial >= 3) return context.problem('already_ial3');
  const used = useProof(context, signatureProofOf(parsed.data), 'upgrade', { subjectType: 'citizen', idNumber: holder.idNumber });
  if (used instanceof Response) return used;
  const previous = { ial: holder.account.ial, verificationMethod: holder.account.verificationMethod };
  const account = scenario.raiseIal(holder.idNumber, used.method)!;
  return context.json({ account, previous, upgradedAt: new Date(scenario.now()).toISOString() });
}
