import { StartPhoneRecoverySchema } from '../contract/phone-recovery.js';
import { parseBhxhCode } from '../identity/bhxh.js';
import { parseBirthDate } from '../identity/birth-date.js';
import { normalizeIdNumber } from '../identity/id-number.js';
import { sameFullName } from '../identity/name.js';
import { parsePhone } from '../identity/phone.js';
import { challengeOf, checkCode, findFlow, idempotent, resend, sendLimit, staleConsent } from './flows.js';
import type { RouteContext } from './route.js';
import { MOCK_REGISTER_LOOKUPS_PER_HOUR, type MockFlow } from './scenario.js';

/**
 * `POST /v1/phone-recoveries` ("Mất số điện thoại nhận OTP"), as the service answers it: `not_found`
 * unless the configuration offers it (`lostPhoneRecovery`); the consent version in force
 * (`consent_required` on `consentVersion` otherwise); the human check; one register look-up
 * counted per ID number before the registers are asked; then the account must have been registered
 * by social insurance with this BHXH code, name and birth date, and the new phone must be one of the
 * holder's SIMs (`phone` or `otherPhones`). Anything else — no account included — is the one answer
 * `phone_recovery_unconfirmed`. The code goes to the new phone.
 */
export async function startPhoneRecovery(context: RouteContext): Promise<Response> {
  const { scenario } = context;
  if (!scenario.config.lostPhoneRecovery) return context.problem('not_found');
  const parsed = StartPhoneRecoverySchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const request = parsed.data;
  const stale = staleConsent(context, request.consentVersion);
  if (stale) return stale;
  if (scenario.config.humanCheck.required && !(await scenario.humanCheck.verify(request.humanCheck))) return context.problem('human_check_failed');
  const idNumber = normalizeIdNumber(request.idNumber);
  const now = scenario.now();
  const lookups = (scenario.registerLookups.get(idNumber) ?? []).filter((at) => at > now - 3_600_000);
  if (lookups.length >= MOCK_REGISTER_LOOKUPS_PER_HOUR) {
    return context.problem('too_many_attempts', { retryAfter: Math.max(1, Math.ceil((lookups[0]! + 3_600_000 - now) / 1000)) });
  }
  scenario.registerLookups.set(idNumber, [...lookups, now]);
  const record = scenario.accounts.get(idNumber);
  const citizen = scenario.citizens.find((c) => c.idNumber === idNumber);
  const code = parseBhxhCode(request.bhxhCode);
  const birthDate = parseBirthDate(request.birthDate);
  const phone = parsePhone(request.phone);
  const confirmed =
    record?.bhxhCode !== undefined &&
    citizen !== undefined &&
    code.ok && code.value === record.bhxhCode && citizen.bhxhCode === code.value &&
    birthDate.ok && birthDate.iso === citizen.birthDate &&
    sameFullName(citizen.fullName, request.fullName) &&
    phone.ok && [citizen.phone, ...(citizen.otherPhones ?? [])].includes(phone.e164);
  if (!confirmed || !phone.ok) return context.problem('phone_recovery_unconfirmed');
  const limited = sendLimit(context, phone.e164);
  if (limited) return limited;
  const flow: MockFlow = { id: scenario.nextId('phone-recovery'), purpose: 'phone-recovery', idNumber, phone: phone.e164, code: '', expiresAt: 0, resendAt: 0, attempts: 0, verified: false };
  scenario.flows.set(flow.id, flow);
  scenario.sendCode(flow);
  return context.json({ phoneRecoveryId: flow.id, otp: challengeOf(scenario, flow) }, 201);
}

/**
 * `POST /v1/phone-recoveries/{id}/otp/verify`: the new phone becomes the account's, every session of
 * the account ends and the old number gets a notice (`phone-changed` in the outbox).
 */
export function verifyPhoneRecoveryCode(context: RouteContext): Response {
  const { scenario } = context;
  const answer = idempotent(context);
  if (answer instanceof Response) return answer;
  const flow = findFlow(context, 'phone-recovery', 'phoneRecoveryId');
  if (flow instanceof Response) return flow;
  const wrong = checkCode(context, flow);
  if (wrong) return wrong;
  const record = scenario.accounts.get(flow.idNumber);
  if (!record) return context.problem('flow_not_found');
  const old = scenario.phoneOf(flow.idNumber)!;
  scenario.phones.set(flow.idNumber, flow.phone);
  if (old !== flow.phone) scenario.outbox.push({ phone: old, code: '', purpose: 'phone-changed', sentAt: scenario.now() });
  const ended = new Set<string>();
  for (const [token, session] of scenario.sessions) {
    if (session.account.sub !== record.account.sub) continue;
    ended.add(session.sid);
    scenario.sessions.delete(token);
  }
  const sessionsEnded = ended.size;
  for (const [token, account] of scenario.accessTokens) if (account.sub === record.account.sub) scenario.accessTokens.delete(token);
  scenario.flows.delete(flow.id);
  return answer(200, { next: 'sign_in', sessionsEnded });
}

/** `POST /v1/phone-recoveries/{id}/otp/resend`: a new code to the new phone. */
export function resendPhoneRecoveryCode(context: RouteContext): Response {
  const flow = findFlow(context, 'phone-recovery', 'phoneRecoveryId');
  return flow instanceof Response ? flow : resend(context, flow);
}
