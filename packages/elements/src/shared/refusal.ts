import type { DvcErrorCore } from '@dvc-kit/sdk';
import { problemOf, stepFeedback, type Feedback, type FieldProblem } from './feedback.js';

/**
 * What a step shows when the service refuses a submission: field errors on their fields, a failed
 * human check on the check, anything else for the whole step with its wait. With the later steps: a
 * refusal comes after a submission, which has waited for them.
 *
 * @example
 * ```ts
 * this.feedback.show(refusal(error));
 * ```
 */
export function refusal(error: DvcErrorCore): Feedback {
  const fields: Record<string, FieldProblem> = {};
  if (error.code === 'human_check_failed') fields.humanCheck = problemOf(error);
  // The rule in the service's words (in the language asked), kept as they came, like a problem's detail.
  else if (error.code === 'validation_failed') for (const { field, code, params, message } of error.fieldErrors) fields[field] ??= { rule: code, params, message };
  return Object.keys(fields).length ? { fields } : stepFeedback(error);
}
