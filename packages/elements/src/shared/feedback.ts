import type { DvcErrorCore, FieldRule, MessageParams, ProblemCode } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';

/**
 * Why one field is not accepted: a rule (with the service's words for it, `message`, when they came), a
 * problem (likewise, `detail`), a widget string, or a string a widget reads from the catalogue itself
 * (`text`, in the language at render time).
 */
export type FieldProblem =
  | { readonly rule: FieldRule; readonly params?: MessageParams; readonly message?: string }
  | StepProblem
  | { readonly term: 'humanCheckRequired' | 'methodRequired' }
  | { readonly text: (t: Catalogue) => string };

/**
 * A problem: its code, and the service's text for it (`detail`, in the language the request asked for,
 * the wait filled in) when the service answered. Without one, the widget's own text for the code.
 */
export interface StepProblem {
  readonly code: ProblemCode;
  readonly detail?: string;
}

/** What a step shows after a submission that did not go through. */
export interface Feedback {
  readonly problem?: StepProblem;
  /** Field name (as in the request body) → why it is not accepted. */
  readonly fields: Readonly<Record<string, FieldProblem>>;
}

/** No problem to show. */
export const NO_FEEDBACK: Feedback = Object.freeze({ fields: Object.freeze({}) });

/**
 * A failed call as a problem to show: the service's text when it answered with one (kept as it came when
 * the page switches language, until the next answer), else only the code, which the widget words itself.
 */
export function problemOf(error: DvcErrorCore): StepProblem {
  const detail = error.problem?.detail;
  return detail ? { code: error.code, detail } : { code: error.code };
}

/** A refusal shown for the whole step rather than on a field. */
export function stepFeedback(error: DvcErrorCore): Feedback {
  return { problem: problemOf(error), fields: {} };
}

/** Whether a feedback has anything to show. */
export function hasFeedback(feedback: Feedback): boolean {
  return Boolean(feedback.problem) || Object.keys(feedback.fields).length > 0;
}

