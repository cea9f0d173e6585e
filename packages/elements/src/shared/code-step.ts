import { html, nothing, type TemplateResult } from 'lit';
import type { DvcError, OtpChallenge } from '@dvc-kit/sdk';
import type { OtpSubmitDetail } from '../otp-input/otp-input.js';
import type { Clock } from './clock.js';
import type { Feedback } from './feedback.js';
import type { FieldTarget } from './flow-element.js';

/** What the code step needs from the widget around it. */
export interface CodeStepView {
  readonly heading: TemplateResult;
  readonly summary: TemplateResult | typeof nothing;
  readonly otp: OtpChallenge;
  readonly clock: Clock;
  readonly busy: boolean;
  readonly error: string | undefined;
  readonly onSubmit: (code: string) => void;
  readonly onResend: () => void;
}

/** The field the code step's error summary links to. */
export const CODE_FIELDS: readonly FieldTarget[] = [{ name: 'code', id: 'otp', label: 'codeFieldName' }];

/** The code step shared by registration and sign-in: a `<dvc-otp-input>` under the step heading. */
export function renderCodeStep(view: CodeStepView): TemplateResult {
  return html`${view.heading} ${view.summary}
    <dvc-otp-input
      id="otp"
      .otp=${view.otp}
      .clock=${view.clock}
      .busy=${view.busy}
      .error=${view.error}
      exportparts="form, lead, field, label, input, error, countdown, button, button-secondary, resend-countdown"
      @dvc-otp-submit=${(event: CustomEvent<OtpSubmitDetail>) => view.onSubmit(event.detail.code)}
      @dvc-otp-resend=${view.onResend}
    ></dvc-otp-input>`;
}

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
      return { problem: { code: error.code, ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}) }, fields: {} };
  }
}
