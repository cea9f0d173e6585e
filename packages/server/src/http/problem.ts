import type { FieldError, FieldRule, Language, MessageParams, Problem, ProblemCode } from '@dvc-kit/sdk';
import { problemMessage, ruleMessage } from '@dvc-kit/sdk';
import { PROBLEM_STATUS, PROBLEM_TYPE_BASE } from '@dvc-kit/sdk/contract';

export { PROBLEM_STATUS, PROBLEM_TYPE_BASE };

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
    this.status = (PROBLEM_STATUS as Readonly<Partial<Record<ProblemCode, number>>>)[code] ?? 500;
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
  const status = (PROBLEM_STATUS as Readonly<Partial<Record<ProblemCode, number>>>)[code] ?? 500;
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
