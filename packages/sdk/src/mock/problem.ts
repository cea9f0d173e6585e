import { HttpResponse } from 'msw';
import type { FieldError, Problem } from '../contract/common.js';
import { PROBLEM_STATUS, PROBLEM_TYPE_BASE, type ServiceProblemCode } from '../contract/problem-status.js';
import type { FieldRule, Language } from '../messages/codes.js';
import { problemMessage, ruleMessage, type MessageParams } from '../messages/format.js';

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
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
  readonly fieldErrors?: readonly { readonly field: string; readonly code: FieldRule; readonly params?: MessageParams }[];
  /** Values for the rule texts' placeholders, e.g. `{ min: 8, max: 128 }` of the password policy. */
  readonly ruleParams?: MessageParams;
}

/** The RFC 9457 body the service sends for a problem code, texts in `lang`. */
export function problemBody(code: ServiceProblemCode, lang: Language, details: ProblemDetails = {}): Problem {
  const status = PROBLEM_STATUS[code];
  const errors: FieldError[] | undefined = details.fieldErrors?.map(({ field, code: rule, params }) => ({
    field,
    code: rule,
    message: ruleMessage(rule, lang, { ...details.ruleParams, ...params }),
    ...(params ? { params } : {}),
  }));
  return {
    type: `${PROBLEM_TYPE_BASE}${code}`,
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
