import type { AssuranceRequirement } from '../assurance/levels.js';
import { readStepUpChallenge } from '../assurance/step-up.js';
import type { FieldError, Problem } from '../contract/common.js';
import { PROBLEM_CODES, type Language, type ProblemCode } from '../messages/codes.js';
import { fillMessage } from '../messages/fill.js';
import { problemsEn } from '../messages/problems-en.js';
import { problemsVi } from '../messages/problems-vi.js';

// Only the problem texts, not the field rules' (nor `problemMessage`, which has both).
const problems = { vi: problemsVi, en: problemsEn } as const;
const text = (code: ProblemCode, lang: Language, seconds: number): string => fillMessage(problems[lang][code] ?? problems[lang].internal, { seconds });
const isKnown = (code: string): boolean => (PROBLEM_CODES as readonly string[]).includes(code);
/** What a problem code looks like: the core keeps any such code as sent (see {@link DvcErrorCore}). */
const WELL_FORMED_CODE = /^[a-z][a-z0-9_]{0,63}$/;

/** What a {@link DvcError} is made of besides its code. */
export interface DvcErrorOptions {
  /** HTTP status; `0` (the default) when no response arrived. */
  readonly status?: number;
  /** The text; by default the service's `detail`, else (for {@link DvcError}) the code's English text. */
  readonly message?: string;
  /** The fields that broke a rule. */
  readonly fieldErrors?: readonly FieldError[];
  /** Seconds to wait before trying again. */
  readonly retryAfter?: number;
  /** The problem body as received. */
  readonly problem?: Problem;
  /** What caused it (a network error, a time-out). */
  readonly cause?: unknown;
  /** With `insufficient_user_authentication`: what the session must meet (read by {@link DvcError}). */
  readonly requirement?: AssuranceRequirement;
}

/**
 * A failure of a call without the texts of the codes: its `message` is the service's `detail` (in the
 * client's language) or else the code. What a {@link DvcClientCore} made with it throws — the widgets'
 * bundle does, since it carries the texts per language and fetches them when it shows one.
 * {@link DvcError}, what {@link DvcClient} throws, is one with the texts. Branch on `code`. A code this
 * version of the SDK does not list (from a newer service) is kept as sent, with the service's words as
 * its message — so the widgets' bundle need not carry the list of every code; {@link DvcError} names
 * such a code `internal`.
 *
 * @example
 * ```ts
 * if (error instanceof DvcErrorCore && error.code === 'too_many_attempts') showWait(error.retryAfter);
 * ```
 */
export class DvcErrorCore extends Error {
  override readonly name = 'DvcError';
  /** Stable code to branch on. */
  readonly code: ProblemCode;
  /** HTTP status, or `0` when no response arrived. */
  readonly status: number;
  /** The fields that broke a rule, each with its rule code and text. */
  readonly fieldErrors: readonly FieldError[];
  /** Seconds to wait before trying again, when a limit applies. */
  readonly retryAfter: number | undefined;
  /** With `otp_invalid`: wrong codes still allowed before the code is spent. */
  readonly remainingAttempts: number | undefined;
  /** The problem body as received, when there was one. */
  readonly problem: Problem | undefined;

  constructor(code: ProblemCode, options: DvcErrorOptions = {}) {
    super(options.message ?? code, { cause: options.cause });
    this.code = code;
    this.status = options.status ?? 0;
    this.fieldErrors = options.fieldErrors ?? [];
    this.retryAfter = options.retryAfter;
    this.remainingAttempts = typeof options.problem?.remainingAttempts === 'number' ? options.problem.remainingAttempts : undefined;
    this.problem = options.problem;
  }

  /**
   * Builds an error of this class from a problem+json response (or any failed response).
   */
  static async fromResponse<E extends DvcErrorCore>(this: (new (code: ProblemCode, options?: DvcErrorOptions) => E) & { knownCode?: (code: string) => boolean }, response: Response): Promise<E> {
    const body = (await response.json().catch(() => ({}))) as Partial<Problem>;
    const code = typeof body.code === 'string' ? body.code : undefined;
    const known = code !== undefined && (this.knownCode ? this.knownCode(code) : WELL_FORMED_CODE.test(code));
    return new this(known ? (code as ProblemCode) : response.status === 404 ? 'not_found' : 'internal', {
      status: response.status,
      message: typeof body.detail === 'string' ? body.detail : undefined,
      fieldErrors: Array.isArray(body.errors) ? body.errors : [],
      retryAfter: typeof body.retryAfter === 'number' ? body.retryAfter : parseRetryAfter(response.headers.get('Retry-After')),
      problem: code ? (body as Problem) : undefined,
    });
  }
}

/** The error class a client throws (its constructor and `fromResponse`). */
export interface DvcErrorClass {
  new (code: ProblemCode, options?: DvcErrorOptions): DvcErrorCore;
  /** Builds an error of the class from a failed response. */
  fromResponse(response: Response): Promise<DvcErrorCore>;
}

/**
 * Every failure of a {@link DvcClient} call: a problem response from the service, or a network
 * failure, time-out or cancellation on the way. Branch on `code`, never on `message` (the service's
 * `detail`, or the code's English text).
 *
 * @example
 * ```ts
 * try {
 *   await client.startSignIn({ idNumber, password });
 * } catch (error) {
 *   if (error instanceof DvcError && error.code === 'too_many_attempts') {
 *     showWait(error.retryAfter);
 *   }
 * }
 * ```
 *
 * A 401 whose `WWW-Authenticate` is an RFC 9470 step-up challenge (see `readStepUpChallenge`) is
 * `insufficient_user_authentication`, with the challenge's `requirement`.
 */
export class DvcError extends DvcErrorCore {
  /** With `insufficient_user_authentication`: what the session must meet (`acr_values`, `max_age`). */
  readonly requirement: AssuranceRequirement | undefined;

  constructor(code: ProblemCode, options: DvcErrorOptions = {}) {
    super(code, { ...options, message: options.message ?? text(code, 'en', options.retryAfter ?? 0) });
    this.requirement = options.requirement;
  }

  /**
   * Builds an error of this class from a failed response, reading an RFC 9470 step-up challenge in a
   * 401's `WWW-Authenticate` as `insufficient_user_authentication` with its requirement.
   */
  static override async fromResponse<E extends DvcErrorCore>(this: new (code: ProblemCode, options?: DvcErrorOptions) => E, response: Response): Promise<E> {
    const requirement = readStepUpChallenge(response);
    const error: DvcErrorCore = await DvcErrorCore.fromResponse.call(this, response);
    if (!requirement) return error as E;
    return new this('insufficient_user_authentication', {
      status: response.status,
      message: error.problem?.detail,
      problem: error.problem,
      retryAfter: error.retryAfter,
      requirement,
    });
  }

  /** Whether a problem code is one this SDK lists: any other is named `internal` (the core keeps it as sent). */
  static knownCode(code: string): boolean {
    return isKnown(code);
  }

  /** The citizen-facing text of this error in a language, looked up from its code. */
  localizedMessage(lang: Language): string {
    return text(this.code, lang, this.retryAfter ?? 0);
  }
}

/**
 * Seconds to wait from a `Retry-After` header (RFC 9110 §10.2.3): a number of seconds, or an HTTP
 * date counted from now. Nothing when the header is missing, unreadable or already past.
 */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = /^\s*\d+\s*$/.test(value) ? Number(value) : Math.ceil((Date.parse(value) - Date.now()) / 1000);
  return seconds > 0 ? seconds : undefined;
}
