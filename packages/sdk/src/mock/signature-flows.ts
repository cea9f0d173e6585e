import { authenticationOf } from '../assurance/sign-in-methods.js';
import type { CertificateDetails, SignatureOperation, SignedChallenge } from '../contract/signatures.js';
import { AssuranceUpgradeSchema, SignatureSignInSchema, StartSignatureRegistrationSchema } from '../contract/signature-flows.js';
import { parseBirthDate } from '../identity/birth-date.js';
import { normalizeIdNumber } from '../identity/id-number.js';
import { parsePhone } from '../identity/phone.js';
import { holderOf } from './account.js';
import { challengeOf, idempotent, sendLimit, staleConsent } from './flows.js';
import type { RouteContext } from './route.js';
import type { MockFlow } from './scenario.js';
import { mockCertificateOutcome } from './signatures.js';

/**
 * A signature the mock takes as not made by its certificate's key (`signature_mismatch`). The mock
 * checks no cryptography: any other signature passes.
 */
export const MOCK_MISMATCHED_SIGNATURE = 'bW9jay1taXNtYXRjaGVk';

/**
 * Uses a signed challenge up as the service's `verifySignedChallenge` does, in its order: the challenge
 * is this portal's and this operation's (`not_found`), unused (`challenge_used`), unexpired
 * (`challenge_expired`); the certificate's outcome (`MOCK_SIGNATURE_CERTIFICATES`); the expected ID
 * number (`subject_mismatch`); the signature (`signature_mismatch` for {@link MOCK_MISMATCHED_SIGNATURE}).
 */
function useSignedChallenge(context: RouteContext, signed: SignedChallenge, operation: SignatureOperation, idNumber?: string): CertificateDetails | Response {
  const { scenario } = context;
  const stored = scenario.signatureChallenges.get(signed.challengeId);
  if (!stored || stored.clientId !== context.clientId || stored.challenge.operation !== operation) return context.problem('not_found');
  if (stored.used) return context.problem('challenge_used');
  if (Date.parse(stored.challenge.expiresAt) <= scenario.now()) return context.problem('challenge_expired');
  const details = mockCertificateOutcome(signed.certificate, stored.challenge.subjectType, scenario.developmentCertificates);
  if (typeof details === 'string') return context.problem(details);
  if (stored.challenge.subjectType !== 'citizen' || details.idNumber === undefined) return context.problem('validation_failed', { fieldErrors: [{ field: 'subjectType', code: 'method_not_offered' }] });
  if (idNumber !== undefined && normalizeIdNumber(idNumber) !== details.idNumber) return context.problem('subject_mismatch');
  if (signed.signature === MOCK_MISMATCHED_SIGNATURE) return context.problem('signature_mismatch');
  stored.used = true;
  return details;
}

/**
 * `POST /v1/registrations/signature`, as the service answers it: the consent in force, the signed
 * `register` challenge (every refusal of {@link useSignedChallenge}, `subject_mismatch` when the
 * certificate carries another ID number), then a code to the phone; the registration goes on at the
 * ordinary code and password steps and ends with an account at IAL3 named after the certificate's holder.
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
  const details = useSignedChallenge(context, request.signature, 'register', request.idNumber);
  if (details instanceof Response) return details;
  const phone = parsePhone(request.phone);
  const birthDate = parseBirthDate(request.birthDate);
  if (!phone.ok || !birthDate.ok) return context.problem('validation_failed');
  const limited = sendLimit(context, phone.e164);
  if (limited) return limited;
  const idNumber = normalizeIdNumber(request.idNumber);
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
    details: { subjectType: 'citizen', method: 'mobile', idNumber, fullName: details.holder, birthDate: request.birthDate, phone: request.phone, consentVersion: request.consentVersion, ...(request.email ? { email: request.email } : {}) },
    verifiedBy: 'usb_token',
  };
  scenario.flows.set(flow.id, flow);
  scenario.sendCode(flow);
  return answer(201, { registrationId: flow.id, otp: challengeOf(scenario, flow) });
}

/**
 * `POST /v1/sign-ins/signature`, as the service answers it: the signed `sign_in` challenge, then an
 * AAL3 session (`amr` `hwk sc pin mfa`) for the account whose ID number the certificate carries;
 * `invalid_credentials` when it has none, as a wrong password gets.
 */
export async function signInWithSignature(context: RouteContext): Promise<Response> {
  const { scenario } = context;
  const parsed = SignatureSignInSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const answer = idempotent(context);
  if (answer instanceof Response) return answer;
  const details = useSignedChallenge(context, parsed.data, 'sign_in');
  if (details instanceof Response) return details;
  const record = scenario.accounts.get(scenario.registeredIdOf(details.idNumber!));
  if (!record) return context.problem('invalid_credentials');
  const { account } = record;
  const sid = scenario.nextId('sid');
  const session = { account, clientId: context.clientId, sid, authentication: authenticationOf('usb_token'), authTime: Math.floor(scenario.now() / 1000) };
  const tokens = await scenario.tokens.issue(account, context.clientId, sid, session.authentication, session.authTime);
  scenario.sessions.set(tokens.refreshToken, session);
  scenario.accessTokens.set(tokens.accessToken, account);
  scenario.accessSids.set(tokens.accessToken, sid);
  scenario.signedInAt.set(sid, scenario.now());
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
  const details = useSignedChallenge(context, parsed.data, 'upgrade', holder.idNumber);
  if (details instanceof Response) return details;
  const previous = { ial: holder.account.ial, verificationMethod: holder.account.verificationMethod };
  const account = scenario.raiseIal(holder.idNumber, 'usb_token')!;
  return context.json({ account, previous, upgradedAt: new Date(scenario.now()).toISOString() });
}
