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
  if (error.code === 'human_check_failed') return { fields: { humanCheck: problemOf(error) } };
  if (error.code === 'validation_failed') {
    const fields: Record<string, FieldProblem> = {};
    // The rule in the service's words (in the language asked), kept as they came, like a problem's detail.
    for (const { field, code, params, message } of error.fieldErrors) fields[field] ??= { rule: code, ...(params ? { params } : {}), message };
    if (Object.keys(fields).length) return { fields };
  }
  return stepFeedback(error);
}
