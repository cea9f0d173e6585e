import type { OtpChallenge } from '../contract/common.js';
import { VerifyCodeSchema } from '../contract/registration.js';
import { maskPhone } from '../identity/phone.js';
import type { RouteContext } from './route.js';
import type { MockFlow, MockScenario } from './scenario.js';

/** The challenge a client sees for a flow's current code. */
export function challengeOf(scenario: MockScenario, flow: MockFlow): OtpChallenge {
  return {
    maskedPhone: maskPhone(flow.phone),
    length: scenario.config.otp.length,
    expiresAt: new Date(flow.expiresAt).toISOString(),
    resendAt: new Date(flow.resendAt).toISOString(),
  };
}

const secondsUntil = (scenario: MockScenario, at: number) => Math.max(1, Math.ceil((at - scenario.now()) / 1000));

/** `otp_rate_limited` when three codes went to this phone within the last minute. */
export function sendLimit(context: RouteContext, phone: string): Response | undefined {
  const { scenario } = context;
  const recent = scenario.outbox.filter((sms) => sms.phone === phone && sms.sentAt > scenario.now() - 60_000);
  if (recent.length < 3) return undefined;
  return context.problem('otp_rate_limited', { retryAfter: secondsUntil(scenario, recent[0]!.sentAt + 60_000) });
}

/**
 * `validation_failed` on `consentVersion` (`consent_required`) when a request names a consent text
 * other than the one in force (`config.consentVersion`), as the service refuses a stale version.
 */
export function staleConsent(context: RouteContext, version: string): Response | undefined {
  return version === context.scenario.config.consentVersion ? undefined : context.problem('validation_failed', { fieldErrors: [{ field: 'consentVersion', code: 'consent_required' }] });
}

/** The flow named in the path, or the `flow_not_found` answer. */
export function findFlow(context: RouteContext, purpose: MockFlow['purpose'], param: string): MockFlow | Response {
  const id = context.params[param];
  const flow = typeof id === 'string' ? context.scenario.flows.get(id) : undefined;
  return flow && flow.purpose === purpose ? flow : context.problem('flow_not_found');
}

/**
 * Checks a submitted code against a flow: format, expiry, tries left, value. Returns the problem
 * answer, or `undefined` when the code is right.
 */
export function checkCode(context: RouteContext, flow: MockFlow): Response | undefined {
  const parsed = VerifyCodeSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues);
  if (flow.verified) return context.problem('flow_step');
  const { scenario } = context;
  if (scenario.now() >= flow.expiresAt) return context.problem('otp_expired');
  if (flow.attempts >= scenario.config.otp.maxAttempts) return context.problem('otp_attempts_exceeded');
  if (parsed.data.code !== flow.code) {
    flow.attempts++;
    return context.problem('otp_invalid');
  }
  return undefined;
}

/** "Gửi lại OTP": refused before `resendAt`, otherwise a new code that supersedes the old one. */
export function resend(context: RouteContext, flow: MockFlow): Response {
  const { scenario } = context;
  if (flow.verified) return context.problem('flow_step');
  if (scenario.now() < flow.resendAt) return context.problem('otp_resend_too_soon', { retryAfter: secondsUntil(scenario, flow.resendAt) });
  const limited = sendLimit(context, flow.phone);
  if (limited) return limited;
  scenario.sendCode(flow);
  return context.json({ otp: challengeOf(scenario, flow) });
}

/**
 * Replays the first answer to a repeated `Idempotency-Key`, refuses the key with a different body, or
 * gives a function that stores the answer about to be sent. With an `owner` (a signed-in route's
 * session), the keys are that owner's own, as the service keeps them: another session's request with
 * the same key is not handed this one's answer.
 */
export function idempotent(context: RouteContext, owner?: string): Response | ((status: number, body: unknown) => Response) {
  const sent = context.request.headers.get('Idempotency-Key');
  const key = sent && owner !== undefined ? `${owner} ${sent}` : sent;
  const fingerprint = `${new URL(context.request.url).pathname} ${JSON.stringify(context.body)}`;
  if (key) {
    const seen = context.scenario.idempotency.get(key);
    if (seen) return seen.fingerprint === fingerprint ? context.json(seen.body, seen.status) : context.problem('idempotency_conflict');
  }
  return (status, body) => {
    if (key) context.scenario.idempotency.set(key, { fingerprint, status, body });
    return context.json(body, status);
  };
}
