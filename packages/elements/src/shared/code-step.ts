import type { DvcError } from '@dvc-kit/sdk';
import { stepFeedback, type Feedback } from './feedback.js';
import type { FieldTarget } from './flow-element.js';

/** The field the code step's error summary links to. */
export const CODE_FIELDS: readonly FieldTarget[] = [{ name: 'code', id: 'otp', label: 'codeFieldName' }];

/**
 * What the code step shows when the service refuses a code or a resend: a wrong, expired or
 * exhausted code on the code field; anything else (a wait, `account_exists` …) for the whole step.
 * `undefined` when the flow is gone and must start again.
 */
export function codeFeedback(error: DvcError): Feedback | undefined {
  switch (error.code) {
    case 'flow_not_found':
      return undefined;
    case 'otp_invalid':
    case 'otp_expired':
    case 'otp_attempts_exceeded':
      return { fields: { code: { problem: error.code } } };
    case 'validation_failed': {
      const rule = error.fieldErrors.find((e) => e.field === 'code')?.code ?? 'otp_format';
      return { fields: { code: { rule } } };
    }
    default:
      return stepFeedback(error);
  }
}
