import { HttpResponse } from 'msw';
import type { FieldError, Problem } from '../contract/common.js';
import type { FieldRule, Language, ProblemCode } from '../messages/codes.js';
import { problemMessage, ruleMessage, type MessageParams } from '../messages/format.js';

/** A problem code the service can answer with (the client-side `network`, `timeout` and `aborted` are not). */
export type ServiceProblemCode = Exclude<ProblemCode, 'network' | 'timeout' | 'aborted'>;

/** The HTTP status the service gives each problem code. */
export const PROBLEM_STATUS: Readonly<Record<ServiceProblemCode, number>> = Object.freeze({
  validation_failed: 400,
  unknown_client: 400,
  origin_not_allowed: 403,
  human_check_failed: 400,
  carrier_mismatch: 422,
  bhxh_mismatch: 422,
  account_exists: 409,
  invalid_credentials: 401,
  too_many_attempts: 429,
  otp_invalid: 400,
  otp_expired: 410,
  otp_attempts_exceeded: 429,
  otp_resend_too_soon: 429,
  otp_rate_limited: 429,
  flow_not_found: 404,
  flow_step: 409,
  idempotency_conflict: 422,
  unauthorized: 401,
  not_found: 404,
  registry_unavailable: 503,
  sms_unavailable: 503,
  internal: 500,
});

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** What goes into one problem answer besides its code. */
export interface ProblemDetails {
  /** Seconds to wait; sent as `Retry-After` and `retryAfter`. */
  readonly retryAfter?: number;
  /** Field and rule pairs; the text is filled in from the catalogue in the request's language. */
  readonly fieldErrors?: readonly { readonly field: string; readonly code: FieldRule }[];
  /** Values for the rule texts' placeholders, e.g. `{ min: 8, max: 128 }` of the password policy. */
  readonly ruleParams?: MessageParams;
}

/** The RFC 9457 body the service sends for a problem code, texts in `lang`. */
export function problemBody(code: ServiceProblemCode, lang: Language, details: ProblemDetails = {}): Problem {
  const status = PROBLEM_STATUS[code];
  const errors: FieldError[] | undefined = details.fieldErrors?.map(({ field, code: rule }) => ({ field, code: rule, message: ruleMessage(rule, lang, details.ruleParams) }));
  return {
    type: `urn:dvc-kit:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: problemMessage(code, lang, { seconds: details.retryAfter ?? 0 }),
    code,
    ...(errors?.length ? { errors } : {}),
    ...(details.retryAfter !== undefined ? { retryAfter: details.retryAfter } : {}),
  };
}

/** An `application/problem+json` response for a problem code. */
export function problemResponse(code: ServiceProblemCode, lang: Language, details: ProblemDetails = {}): Response {
  const body = problemBody(code, lang, details);
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (details.retryAfter !== undefined) headers['Retry-After'] = String(details.retryAfter);
  return HttpResponse.json(body, { status: body.status, headers });
}
