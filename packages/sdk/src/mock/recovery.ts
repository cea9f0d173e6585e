import type { RecoveryCode } from '../contract/recovery.js';
import { CompleteRecoverySchema, StartRecoverySchema } from '../contract/recovery.js';
import { normalizeIdNumber } from '../identity/id-number.js';
import { checkCode, findFlow, idempotent, sendLimit } from './flows.js';
import { replacePassword } from './passwords.js';
import type { RouteContext } from './route.js';
import type { MockFlow, MockScenario } from './scenario.js';

/** What a recovery shows of its code: its timing, never where it went. */
function codeOf(scenario: MockScenario, flow: MockFlow): RecoveryCode {
  return { length: scenario.config.otp.length, expiresAt: new Date(flow.expiresAt).toISOString(), resendAt: new Date(flow.resendAt).toISOString() };
}

/** A code "sent" nowhere (an ID number without an account): the same timings, a value no 6 digits match. */
function sendNowhere(scenario: MockScenario, flow: MockFlow): void {
  const now = scenario.now();
  flow.code = '';
  flow.expiresAt = now + scenario.config.otp.ttlSeconds * 1000;
  flow.resendAt = now + scenario.config.otp.resendAfterSeconds * 1000;
  flow.attempts = 0;
}

const secondsUntil = (scenario: MockScenario, at: number) => Math.max(1, Math.ceil((at - scenario.now()) / 1000));

/** `POST /v1/recoveries`: the same 201 answer whether or not the ID number has an account. */
export async function startRecovery(context: RouteContext): Promise<Response> {
  const { scenario } = context;
  const parsed = StartRecoverySchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  if (scenario.config.humanCheck.required && !(await scenario.humanCheck.verify(parsed.data.humanCheck))) return context.problem('human_check_failed');
  const idNumber = scenario.registeredIdOf(normalizeIdNumber(parsed.data.idNumber));
  const now = scenario.now();
  const starts = (scenario.recoveryStarts.get(idNumber) ?? []).filter((at) => at > now - 60_000);
  if (starts.length >= 3) return context.problem('too_many_attempts', { retryAfter: secondsUntil(scenario, starts[0]! + 60_000) });
  scenario.recoveryStarts.set(idNumber, [...starts, now]);
  const phone = scenario.hasAccount(idNumber) ? scenario.phoneOf(idNumber) : undefined;
  if (phone) {
    const limited = sendLimit(context, phone);
    if (limited) return limited;
  }
  const flow: MockFlow = {
    id: scenario.nextId('recovery'),
    purpose: 'recovery',
    idNumber,
    phone: phone ?? '',
    code: '',
    expiresAt: 0,
    resendAt: 0,
    attempts: 0,
    verified: false,
  };
  scenario.flows.set(flow.id, flow);
  if (phone) scenario.sendCode(flow);
  else sendNowhere(scenario, flow);
  return context.json({ recoveryId: flow.id, otp: codeOf(scenario, flow) }, 201);
}

/** `POST /v1/recoveries/{id}/otp/verify`: a recovery of an unknown ID number refuses every code. */
export function verifyRecoveryCode(context: RouteContext): Response {
  const answer = idempotent(context);
  if (answer instanceof Response) return answer;
  const flow = findFlow(context, 'recovery', 'recoveryId');
  if (flow instanceof Response) return flow;
  const wrong = checkCode(context, flow);
  if (wrong) return wrong;
  flow.verified = true;
  return answer(200, { recoveryId: flow.id, next: 'password' });
}

/** `POST /v1/recoveries/{id}/otp/resend`: a new code, sent only when there is an account. */
export function resendRecoveryCode(context: RouteContext): Response {
  const { scenario } = context;
  const flow = findFlow(context, 'recovery', 'recoveryId');
  if (flow instanceof Response) return flow;
  if (flow.verified) return context.problem('flow_step');
  if (scenario.now() < flow.resendAt) return context.problem('otp_resend_too_soon', { retryAfter: secondsUntil(scenario, flow.resendAt) });
  if (flow.phone) {
    const limited = sendLimit(context, flow.phone);
    if (limited) return limited;
    scenario.sendCode(flow);
  } else {
    sendNowhere(scenario, flow);
  }
  return context.json({ otp: codeOf(scenario, flow) });
}

/** `POST /v1/recoveries/{id}/password`: the policy, none of the last 5 passwords, every session ended. */
export function completeRecovery(context: RouteContext): Response {
  const { scenario } = context;
  // A repeat is answered first: the flow it completed is gone.
  const answer = idempotent(context);
  if (answer instanceof Response) return answer;
  const flow = findFlow(context, 'recovery', 'recoveryId');
  if (flow instanceof Response) return flow;
  const parsed = CompleteRecoverySchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const record = scenario.accounts.get(flow.idNumber);
  const citizen = scenario.citizens.find((c) => c.idNumber === flow.idNumber);
  if (!flow.verified || !record || !citizen) return context.problem('flow_step');
  const refused = replacePassword(context, flow.idNumber, record, parsed.data, citizen);
  if (refused) return refused;
  for (const [token, session] of scenario.sessions) if (session.account.sub === record.account.sub) scenario.sessions.delete(token);
  for (const [token, account] of scenario.accessTokens) if (account.sub === record.account.sub) scenario.accessTokens.delete(token);
  scenario.flows.delete(flow.id);
  return answer(200, { next: 'sign_in' });
}
