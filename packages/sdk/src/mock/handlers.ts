import { http, HttpResponse, type RequestHandler } from 'msw';
import { PATHS } from '../contract/paths.js';
import { DEVELOPMENT_CA_PATHS } from '../contract/flow-paths.js';
import { CompleteRegistrationSchema, StartRegistrationSchema } from '../contract/registration.js';
import { RefreshSchema, StartSignInSchema } from '../contract/sign-in.js';
import { parseBirthDate } from '../identity/birth-date.js';
import { normalizeIdNumber } from '../identity/id-number.js';
import { sameFullName } from '../identity/name.js';
import { parseBhxhCode } from '../identity/bhxh.js';
import { parsePhone } from '../identity/phone.js';
import { challengeOf, checkCode, findFlow, idempotent, resend, sendLimit, staleConsent } from './flows.js';
import { newPasswordErrors, refusePassword } from './passwords.js';
import {
  completePasswordChange,
  getAccountDetails,
  resendAccountChangeCode,
  signOutEverywhere,
  startEmailChange,
  startPasswordChange,
  startPhoneChange,
  startCccdAddition,
  verifyAccountChangeCode,
} from './account.js';
import { completeRecovery, resendRecoveryCode, startRecovery, verifyRecoveryCode } from './recovery.js';
import { resendPhoneRecoveryCode, startPhoneRecovery, verifyPhoneRecoveryCode } from './phone-recovery.js';
import { addPasskey, listPasskeys, mockSignInPasskeyOptions, newSignInPasskeyOptions, removePasskey, startPasskeyRegistration, verifySignInPasskey, whenPasskeysOffered } from './passkeys.js';
import { route, type RouteContext } from './route.js';
import { createSignatureChallenge, developmentCaCertificate, issueDevelopmentCertificate, previewSignatureCertificate } from './signatures.js';
import { cancelSignatureRequest, getSignatureRequest, startSignatureRequest } from './signature-requests.js';
import { addOrganisationAccount, signInWithSignature, startSignatureRegistration, upgradeAssurance } from './signature-flows.js';
import { checkSessionAssurance, getSessionAssurance } from './assurance.js';
import { authenticationOf } from '../assurance/sign-in-methods.js';
import type { MockCitizen } from './citizens.js';
import { MOCK_REGISTER_LOOKUPS_PER_HOUR, MockScenario, type MockFlow, type MockOptions } from './scenario.js';

/**
 * msw request handlers that act out the DVC Kit identity service against an in-memory
 * {@link MockScenario}: every success the contract allows and its problems — `validation_failed` with
 * field errors, `human_check_failed`, `carrier_mismatch`, `bhxh_mismatch`, `account_exists`, `invalid_credentials`,
 * `too_many_attempts` with `Retry-After`, `otp_invalid`, `otp_expired`, `otp_attempts_exceeded`,
 * `otp_resend_too_soon`, `otp_rate_limited`, `flow_not_found`, `flow_step`, `idempotency_conflict`,
 * `unauthorized` (no live access token on the account routes), `password_reused` (a new password is one of the last 5),
 * `unchanged` (an email or phone change to the current one), `cccd_already_added` and `cccd_in_use` (adding a CCCD to an account that has one, or that another account signs in with), `phone_recovery_unconfirmed` (a lost-phone recovery whose details do not confirm, the same whether or not the ID number has an account), `origin_not_allowed` (a page on an origin not in the `origins` option), the signature problems of a certificate preview (`cert_expired`, `cert_not_yet_valid`, `cert_revoked`, `cert_untrusted`, `cert_key_usage`, `subject_mismatch`, `revocation_unavailable`, `challenge_expired`, `challenge_used`, through the fictional `MOCK_SIGNATURE_CERTIFICATES`; the same, with `signature_mismatch` for `MOCK_MISMATCHED_SIGNATURE`, `invalid_credentials` and `already_ial3`, for registration, sign-in and the IAL3 upgrade by signature), `client_mismatch` (a sign-out
 * `unchanged` (an email or phone change to the current one), the passkey problems (`passkey_verification_failed`, `passkey_not_found`, `passkey_already_added`, `passkey_limit_reached`, `recent_sign_in_required`), `cccd_already_added` and `cccd_in_use` (adding a CCCD to an account that has one, or that another account signs in with), `phone_recovery_unconfirmed` (a lost-phone recovery whose details do not confirm, the same whether or not the ID number has an account), `origin_not_allowed` (a page on an origin not in the `origins` option), `client_mismatch` (a sign-out
 * from another portal) — each reached the way the service reaches it (wrong code, clock past expiry, fifth
 * wrong password …), plus any problem forced with {@link MockScenario.failNext}.
 *
 * Use them with msw's `setupServer` (Node) or `setupWorker` (browser), or without either through
 * {@link createMockFetch}.
 *
 * @param options - a scenario to act against, or the options of a new one.
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { createMockHandlers } from '@dvc-kit/sdk/mock';
 * const server = setupServer(...createMockHandlers({ baseUrl: 'http://127.0.0.1:4000', code: '123456' }));
 * server.listen();
 * ```
 */
export function createMockHandlers(options: MockScenario | MockOptions = {}): RequestHandler[] {
  const scenario = options instanceof MockScenario ? options : new MockScenario(options);
  const at = (path: string) => `${scenario.baseUrl}${path}`;
  const flowPath = (base: string, param: string, rest: string) => at(`${base}/:${param}/${rest}`);
  return [
    http.get(at(PATHS.config), route(scenario, 'getConfig', ({ json, clientId }) => json({ ...scenario.config, clientId }))),
    http.get(at(PATHS.humanCheckChallenge), route(scenario, 'getHumanCheckChallenge', async ({ json }) => json(await scenario.humanCheck.challenge()))),
    http.post(at(PATHS.registrations), route(scenario, 'startRegistration', startRegistration)),
    http.post(flowPath(PATHS.registrations, 'registrationId', 'otp/verify'), route(scenario, 'verifyRegistrationCode', (context) => {
      const flow = findFlow(context, 'registration', 'registrationId');
      if (flow instanceof Response) return flow;
      const wrong = checkCode(context, flow);
      if (wrong) return wrong;
      if (scenario.hasAccount(flow.idNumber)) {
        scenario.flows.delete(flow.id);
        return context.problem('account_exists');
      }
      flow.verified = true;
      return context.json({ registrationId: flow.id, next: 'password' });
    })),
    http.post(flowPath(PATHS.registrations, 'registrationId', 'otp/resend'), route(scenario, 'resendRegistrationCode', (context) => {
      const flow = findFlow(context, 'registration', 'registrationId');
      return flow instanceof Response ? flow : resend(context, flow);
    })),
    http.post(flowPath(PATHS.registrations, 'registrationId', 'password'), route(scenario, 'completeRegistration', completeRegistration)),
    http.post(at(PATHS.signIns), route(scenario, 'startSignIn', startSignIn)),
    http.post(flowPath(PATHS.signIns, 'signInId', 'otp/verify'), route(scenario, 'verifySignInCode', async (context) => {
      const flow = findFlow(context, 'sign-in', 'signInId');
      if (flow instanceof Response) return flow;
      const wrong = checkCode(context, flow);
      if (wrong) return wrong;
      scenario.flows.delete(flow.id);
      const { account } = scenario.accounts.get(flow.idNumber)!;
      const tokens = await scenario.startSession(account, context.clientId, authenticationOf('password_sms'));
      return context.json({ tokens, account });
    })),
    http.post(flowPath(PATHS.signIns, 'signInId', 'otp/resend'), route(scenario, 'resendSignInCode', (context) => {
      const flow = findFlow(context, 'sign-in', 'signInId');
      return flow instanceof Response ? flow : resend(context, flow);
    })),
    http.post(at(PATHS.recoveries), route(scenario, 'startRecovery', startRecovery)),
    http.post(flowPath(PATHS.recoveries, 'recoveryId', 'otp/verify'), route(scenario, 'verifyRecoveryCode', verifyRecoveryCode)),
    http.post(flowPath(PATHS.recoveries, 'recoveryId', 'otp/resend'), route(scenario, 'resendRecoveryCode', resendRecoveryCode)),
    http.post(flowPath(PATHS.recoveries, 'recoveryId', 'password'), route(scenario, 'completeRecovery', completeRecovery)),
    http.post(at(PATHS.phoneRecoveries), route(scenario, 'startPhoneRecovery', startPhoneRecovery)),
    http.post(flowPath(PATHS.phoneRecoveries, 'phoneRecoveryId', 'otp/verify'), route(scenario, 'verifyPhoneRecoveryCode', verifyPhoneRecoveryCode)),
    http.post(flowPath(PATHS.phoneRecoveries, 'phoneRecoveryId', 'otp/resend'), route(scenario, 'resendPhoneRecoveryCode', resendPhoneRecoveryCode)),
    http.post(at(PATHS.passwordChanges), route(scenario, 'startPasswordChange', startPasswordChange)),
    http.post(at(PATHS.emailChanges), route(scenario, 'startEmailChange', startEmailChange)),
    http.post(at(PATHS.phoneChanges), route(scenario, 'startPhoneChange', startPhoneChange)),
    http.post(at(PATHS.cccdAdditions), route(scenario, 'startCccdAddition', startCccdAddition)),
    http.post(at('/v1/account/changes/:changeId/otp/verify'), route(scenario, 'verifyAccountChangeCode', verifyAccountChangeCode)),
    http.post(at('/v1/account/changes/:changeId/otp/resend'), route(scenario, 'resendAccountChangeCode', resendAccountChangeCode)),
    http.post(at('/v1/account/changes/:changeId/password'), route(scenario, 'completePasswordChange', completePasswordChange)),
    http.post(at(PATHS.signOutEverywhere), route(scenario, 'signOutEverywhere', signOutEverywhere)),
    http.post(at(PATHS.refresh), route(scenario, 'refresh', async (context) => {
      const parsed = RefreshSchema.safeParse(context.body);
      if (!parsed.success) return context.invalid(parsed.error.issues)!;
      const session = scenario.sessions.get(parsed.data.refreshToken);
      if (!session) {
        // As the service does: a repeat within the grace, while its successor is unused, gets the same answer.
        const repeat = scenario.rotated.get(parsed.data.refreshToken);
        if (repeat && scenario.now() - repeat.at < REFRESH_REUSE_GRACE_MS) {
          const tokens = await repeat.tokens;
          if (scenario.sessions.get(tokens.refreshToken)?.clientId === context.clientId) return context.json(tokens);
        }
        return context.problem('unauthorized');
      }
      scenario.sessions.delete(parsed.data.refreshToken);
      const issuing = scenario.tokens.issue(session.account, session.clientId, session.sid, session.authentication, session.authTime);
      scenario.rotated.set(parsed.data.refreshToken, { at: scenario.now(), tokens: issuing });
      const tokens = await issuing;
      scenario.sessions.set(tokens.refreshToken, session);
      scenario.accessTokens.set(tokens.accessToken, session.account);
      scenario.accessSids.set(tokens.accessToken, session.sid);
      return context.json(tokens);
    })),
    http.post(at(PATHS.signOut), route(scenario, 'signOut', ({ body, clientId, problem }) => {
      const token = (body as { refreshToken?: unknown } | undefined)?.refreshToken;
      const session = typeof token === 'string' ? scenario.sessions.get(token) : undefined;
      if (session && session.clientId !== clientId) return problem('client_mismatch');
      if (session) for (const [key, value] of scenario.sessions) if (value.sid === session.sid) scenario.sessions.delete(key);
      return new HttpResponse(null, { status: 204 });
    })),
    http.get(at(PATHS.userinfo), route(scenario, 'getAccount', getAccountDetails)),
    http.post(at(PATHS.signatureChallenges), route(scenario, 'createSignatureChallenge', createSignatureChallenge)),
    http.post(at(PATHS.signatureRegistrations), route(scenario, 'startSignatureRegistration', startSignatureRegistration)),
    http.post(at(PATHS.signatureSignIns), route(scenario, 'signInWithSignature', signInWithSignature)),
    http.post(at(PATHS.assuranceUpgrades), route(scenario, 'upgradeAssurance', upgradeAssurance)),
    http.post(at(`${PATHS.signatureChallenges}/:challengeId/certificate`), route(scenario, 'previewSignatureCertificate', previewSignatureCertificate)),
    http.post(at(DEVELOPMENT_CA_PATHS.certificates), route(scenario, 'issueDevelopmentCertificate', issueDevelopmentCertificate)),
    http.get(at(DEVELOPMENT_CA_PATHS.certificate), () => developmentCaCertificate()),
    http.post(at(PATHS.signatureRequests), route(scenario, 'startSignatureRequest', startSignatureRequest)),
    http.get(at(`${PATHS.signatureRequests}/:requestId`), route(scenario, 'getSignatureRequest', getSignatureRequest)),
    http.delete(at(`${PATHS.signatureRequests}/:requestId`), route(scenario, 'cancelSignatureRequest', cancelSignatureRequest)),
    http.post(at(PATHS.passkeyOptions), route(scenario, 'startPasskeyRegistration', whenPasskeysOffered(startPasskeyRegistration))),
    http.post(at(PATHS.passkeys), route(scenario, 'addPasskey', whenPasskeysOffered(addPasskey))),
    http.get(at(PATHS.passkeys), route(scenario, 'listPasskeys', whenPasskeysOffered(listPasskeys))),
    http.delete(at('/v1/account/passkeys/:passkeyId'), route(scenario, 'removePasskey', whenPasskeysOffered(removePasskey))),
    http.post(flowPath(PATHS.signIns, 'signInId', 'passkey/options'), route(scenario, 'newSignInPasskeyOptions', whenPasskeysOffered(newSignInPasskeyOptions))),
    http.post(flowPath(PATHS.signIns, 'signInId', 'passkey'), route(scenario, 'verifySignInPasskey', whenPasskeysOffered(verifySignInPasskey))),
    http.get(at(PATHS.sessionAssurance), route(scenario, 'getSessionAssurance', getSessionAssurance)),
    http.post(at(PATHS.sessionAssuranceCheck), route(scenario, 'checkSessionAssurance', checkSessionAssurance)),
    http.get(at(PATHS.jwks), async () => HttpResponse.json(await scenario.tokens.jwks())),
  ];
}

/** The service's default `tokens.refreshReuseGraceSeconds`, in milliseconds. */
const REFRESH_REUSE_GRACE_MS = 20_000;

/**
 * `POST /v1/registrations`, as the service answers it: the consent version must be the one in force
 * (`consent_required`), the method one the configuration offers (`method_not_offered`); each register look-up is counted per ID number before the register
 * is asked, mismatches included, carrier and social insurance together (`too_many_attempts`); then
 * the carrier (`carrier_mismatch`) or the social-insurance register (`bhxh_mismatch`) is asked, and
 * the code goes to the declared phone.
 */
async function startRegistration(context: RouteContext): Promise<Response> {
  const { scenario } = context;
  const parsed = StartRegistrationSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const request = parsed.data;
  const stale = staleConsent(context, request.consentVersion);
  if (stale) return stale;
  if (!scenario.config.registrationMethods.includes(request.method)) {
    return context.problem('validation_failed', { fieldErrors: [{ field: 'method', code: 'method_not_offered' }] });
  }
  const answer = idempotent(context);
  if (answer instanceof Response) return answer;
  if (scenario.config.humanCheck.required && !(await scenario.humanCheck.verify(request.humanCheck))) return context.problem('human_check_failed');
  const idNumber = normalizeIdNumber(request.idNumber);
  const phone = parsePhone(request.phone);
  const birthDate = parseBirthDate(request.birthDate);
  const now = scenario.now();
  const lookups = (scenario.registerLookups.get(idNumber) ?? []).filter((at) => at > now - 3_600_000);
  if (lookups.length >= MOCK_REGISTER_LOOKUPS_PER_HOUR) {
    return context.problem('too_many_attempts', { retryAfter: Math.max(1, Math.ceil((lookups[0]! + 3_600_000 - now) / 1000)) });
  }
  scenario.registerLookups.set(idNumber, [...lookups, now]);
  const person = (c: MockCitizen) => (c.idNumber === idNumber || c.cccd === idNumber) && birthDate.ok && c.birthDate === birthDate.iso && sameFullName(c.fullName, request.fullName);
  let match: MockCitizen | undefined;
  if (request.method === 'bhxh') {
    const code = parseBhxhCode(request.bhxhCode);
    match = scenario.citizens.find((c) => person(c) && code.ok && c.bhxhCode === code.value);
    if (!match) return context.problem('bhxh_mismatch');
  } else {
    match = scenario.citizens.find((c) => person(c) && phone.ok && c.phone === phone.e164);
    if (!match) return context.problem('carrier_mismatch');
  }
  // By social insurance the code goes to the phone the citizen declared, not one the register holds.
  const destination = phone.ok ? phone.e164 : match.phone;
  const limited = sendLimit(context, destination);
  if (limited) return limited;
  const flow: MockFlow = { id: scenario.nextId('reg'), purpose: 'registration', idNumber, phone: destination, code: '', expiresAt: 0, resendAt: 0, attempts: 0, verified: false, details: request };
  scenario.flows.set(flow.id, flow);
  scenario.sendCode(flow);
  return answer(201, { registrationId: flow.id, otp: challengeOf(scenario, flow) });
}

async function completeRegistration(context: RouteContext): Promise<Response> {
  const { scenario } = context;
  const flow = findFlow(context, 'registration', 'registrationId');
  if (flow instanceof Response) return flow;
  const parsed = CompleteRegistrationSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const answer = idempotent(context);
  if (answer instanceof Response) return answer;
  if (!flow.verified) return context.problem('flow_step');
  const { password, passwordConfirmation } = parsed.data;
  if (flow.organisation) {
    const { organisation } = flow;
    const fieldErrors = newPasswordErrors(context, password, passwordConfirmation, { idNumber: organisation.taxCode ?? flow.idNumber.replace(/^agency:/, ''), phone: flow.phone, fullName: organisation.fullName });
    if (fieldErrors.length) return context.problem('validation_failed', { fieldErrors });
    if (scenario.hasAccount(flow.idNumber)) return context.problem('account_exists');
    const account = addOrganisationAccount(scenario, { ...flow, organisation }, password);
    scenario.flows.delete(flow.id);
    return answer(201, { account });
  }
  const details = flow.details!;
  const fieldErrors = newPasswordErrors(context, password, passwordConfirmation, details);
  if (fieldErrors.length) return context.problem('validation_failed', { fieldErrors });
  if (scenario.hasAccount(flow.idNumber)) return context.problem('account_exists');
  // Registered with the number typed: a CMND citizen who registers with the CCCD has a CCCD account.
  const citizen = { ...scenario.citizenOf(flow.idNumber)!, idNumber: flow.idNumber };
  const added = scenario.addAccount({ ...citizen, fullName: details.fullName, phone: flow.phone, ...(details.email ? { email: details.email } : {}) }, password, details.method);
  const account = flow.verifiedBy ? scenario.raiseIal(flow.idNumber, flow.verifiedBy)! : added;
  scenario.flows.delete(flow.id);
  return answer(201, { account });
}

async function startSignIn(context: RouteContext): Promise<Response> {
  const { scenario } = context;
  const parsed = StartSignInSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  if (scenario.config.humanCheck.required && !(await scenario.humanCheck.verify(parsed.data.humanCheck))) return context.problem('human_check_failed');
  // Either number of an account finds it, and wrong passwords count against the account, not the number typed.
  const idNumber = scenario.registeredIdOf(normalizeIdNumber(parsed.data.idNumber));
  const refused = refusePassword(context, idNumber, parsed.data.password);
  if (refused) return refused;
  const phone = scenario.phoneOf(idNumber)!;
  const limited = sendLimit(context, phone);
  if (limited) return limited;
  const flow: MockFlow = { id: scenario.nextId('sign-in'), purpose: 'sign-in', idNumber, phone, code: '', expiresAt: 0, resendAt: 0, attempts: 0, verified: false };
  scenario.flows.set(flow.id, flow);
  scenario.sendCode(flow);
  const passkey = scenario.config.passkeys.offered ? mockSignInPasskeyOptions(scenario, flow, scenario.accounts.get(idNumber)!.account.sub) : undefined;
  return context.json({ signInId: flow.id, otp: challengeOf(scenario, flow), ...(passkey ? { passkey } : {}) });
}
