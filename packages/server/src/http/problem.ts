import type { FieldError, FieldRule, Language, MessageParams, Problem, ProblemCode } from '@dvc-kit/sdk';
import { problemMessage, ruleMessage } from '@dvc-kit/sdk';

/** Base of the `type` URI of every problem: `https://dvc-kit.dev/problems/<code>`. */
export const PROBLEM_TYPE_BASE = 'https://dvc-kit.dev/problems/';

/** The HTTP status each problem code is answered with. */
export const PROBLEM_STATUS: Readonly<Partial<Record<ProblemCode, number>>> = {
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
};

/** A field error before its text is looked up in the caller's language. */
export interface FieldErrorSpec {
  readonly field: string;
  readonly code: FieldRule;
  /** Values of the message's placeholders, e.g. `{ min: 8 }`. */
  readonly params?: MessageParams;
}

/** What a {@link ProblemError} carries besides its code. */
export interface ProblemDetails {
  /** The fields that broke a rule; texts already in the caller's language, or looked up when answered. */
  readonly errors?: readonly (FieldError | FieldErrorSpec)[];
  /** Seconds until trying again makes sense; sent as `Retry-After` too. */
  readonly retryAfter?: number;
  /** Extension members (RFC 9457 §3.2), e.g. `remainingAttempts`. */
  readonly extensions?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * A failure to answer as `application/problem+json`. Throw it anywhere in a request; the app turns
 * it into the response, in the caller's language. The text comes from the SDK's catalogue by code,
 * never from the throw site.
 *
 * @example
 * ```ts
 * throw new ProblemError('otp_resend_too_soon', { retryAfter: 42 });
 * ```
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly code: ProblemCode;
  readonly status: number;
  readonly details: ProblemDetails;

  constructor(code: ProblemCode, details: ProblemDetails = {}) {
    super(code);
    this.code = code;
    this.status = PROBLEM_STATUS[code] ?? 500;
    this.details = details;
  }
}

function title(code: ProblemCode): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function localized(error: FieldError | FieldErrorSpec, lang: Language): FieldError {
  if ('message' in error) return error;
  return { field: error.field, code: error.code, message: ruleMessage(error.code, lang, error.params ?? {}) };
}

/** The problem body of a code in a language (RFC 9457). */
export function problemBody(code: ProblemCode, lang: Language, details: ProblemDetails = {}): Problem & Record<string, unknown> {
  const status = PROBLEM_STATUS[code] ?? 500;
  const retryAfter = details.retryAfter === undefined ? undefined : Math.max(1, Math.ceil(details.retryAfter));
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: title(code),
    status,
    detail: problemMessage(code, lang, { seconds: retryAfter ?? 0 }),
    code,
    ...(details.errors && details.errors.length ? { errors: details.errors.map((error) => localized(error, lang)) } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...details.extensions,
  };
}

/** A `Response` carrying a problem, with `Retry-After` when a limit applies. */
export function problemResponse(code: ProblemCode, lang: Language, details: ProblemDetails = {}): Response {
  const body = problemBody(code, lang, details);
  const headers = new Headers({ 'Content-Type': 'application/problem+json; charset=utf-8', 'Content-Language': lang, 'Cache-Control': 'no-store' });
  if (body.retryAfter !== undefined) headers.set('Retry-After', String(body.retryAfter));
  return new Response(JSON.stringify(body), { status: body.status, headers });
}
