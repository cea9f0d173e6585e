import type { DvcErrorCore, FieldRule, MessageParams, ProblemCode } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';

/**
 * Why one field is not accepted: a rule of the SDK catalogue, a problem code, a widget string, or a
 * string a widget reads from the catalogue itself (`text`, in the language at render time).
 */
export type FieldProblem =
  | { readonly rule: FieldRule; readonly params?: MessageParams }
  | { readonly problem: ProblemCode }
  | { readonly term: 'humanCheckRequired' | 'methodRequired' }
  | { readonly text: (t: Catalogue) => string };

/** A problem of the whole step, with the wait when a limit applies. */
export interface StepProblem {
  readonly code: ProblemCode;
  readonly retryAfter?: number;
}

/** What a step shows after a submission that did not go through. */
export interface Feedback {
  readonly problem?: StepProblem;
  /** Field name (as in the request body) → why it is not accepted. */
  readonly fields: Readonly<Record<string, FieldProblem>>;
}

/** No problem to show. */
export const NO_FEEDBACK: Feedback = Object.freeze({ fields: Object.freeze({}) });

/** A refusal shown for the whole step rather than on a field, with the wait when the service gave one. */
export function stepFeedback(error: DvcErrorCore): Feedback {
  return { problem: { code: error.code, ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}) }, fields: {} };
}

/** Whether a feedback has anything to show. */
export function hasFeedback(feedback: Feedback): boolean {
  return Boolean(feedback.problem) || Object.keys(feedback.fields).length > 0;
}

