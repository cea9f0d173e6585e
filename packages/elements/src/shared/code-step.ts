import { html, type TemplateResult } from 'lit';
import { isOtpCode, type DvcErrorCore, type OtpChallenge, type ProblemCode } from '@dvc-kit/sdk';
import { DvcOtpInput, type CodeChallenge, type OtpSubmitDetail } from '../otp-input/otp-input.js';
import { definePart } from './define-part.js';
import type { Clock } from './clock.js';
import type { FeedbackController, FieldTarget } from './controllers/feedback-controller.js';
import type { ServiceCall, ServiceController } from './controllers/service-controller.js';
import { stepFeedback, type Feedback } from './feedback.js';

/** The field the code step's error summary links to. */
export const CODE_FIELDS: readonly FieldTarget[] = [{ name: 'code', id: 'otp', label: 'codeFieldName' }];

/**
 * What the code step shows when the service refuses a code or a resend: a wrong, expired or
 * exhausted code on the code field; anything else (a wait, `account_exists` …) for the whole step.
 * `undefined` when the flow is gone and must start again.
 */
export function codeFeedback(error: DvcErrorCore): Feedback | undefined {
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

/** What the code step needs from the widget around it. */
export interface CodeStepHost {
  readonly calls: ServiceController;
  readonly feedback: FeedbackController;
  readonly clock: Clock;
  /** Ends the flow on the error step. */
  fail(code: ProblemCode): void;
}

/** One code step: where the code went (`O`: with the masked phone, or only its timing), and what a code and a resend do. */
export interface CodeStep<T, O extends CodeChallenge = OtpChallenge> {
  readonly heading: TemplateResult;
  readonly otp: O;
  /** Whether this step is still the one on screen (a late event is dropped). */
  readonly current: () => boolean;
  readonly verify: (code: string) => ServiceCall<T>;
  readonly verified: (value: T) => void;
  readonly resend: ServiceCall<{ readonly otp: O }>;
  readonly resent: (otp: O) => void;
  /** A refusal that ends this step in its own way (`account_exists`); `false` to show it as usual. */
  readonly refused?: (error: DvcErrorCore) => boolean;
}

/** A refused code or resend: on the code field or for the whole step, the error step when the flow is gone. */
function codeRefused<T, O extends CodeChallenge>(host: CodeStepHost, step: CodeStep<T, O>, error: DvcErrorCore): void {
  if (step.refused?.(error)) return;
  const feedback = codeFeedback(error);
  if (feedback) host.feedback.show(feedback);
  else host.fail(error.code);
}

async function verifyCode<T, O extends CodeChallenge>(host: CodeStepHost, step: CodeStep<T, O>, code: string): Promise<void> {
  if (host.calls.busy || !step.current()) return;
  if (!isOtpCode(code)) {
    host.feedback.show({ fields: { code: { rule: code ? 'otp_format' : 'required' } } });
    return;
  }
  const result = await host.calls.call(step.verify(code), 'checkingCode');
  if (!step.current()) return;
  if (result.ok) step.verified(result.value);
  else if (result.error.code !== 'aborted') codeRefused(host, step, result.error);
}

async function resendCode<T, O extends CodeChallenge>(host: CodeStepHost, step: CodeStep<T, O>): Promise<void> {
  if (host.calls.busy || !step.current()) return;
  const result = await host.calls.call(step.resend, 'sendingCode');
  if (!step.current()) return;
  if (result.ok) step.resent(result.value.otp);
  else if (result.error.code !== 'aborted') codeRefused(host, step, result.error);
}

/**
 * The code step: a `<dvc-otp-input>` for `step.otp`; a code goes to the service through `verify`, a
 * resend through `resend`; a refusal shows on the step, or the error step when the flow is gone.
 */
export function renderCodeStep<T, O extends CodeChallenge = OtpChallenge>(host: CodeStepHost, step: CodeStep<T, O>): TemplateResult {
  definePart('dvc-otp-input', DvcOtpInput);
  return html`${step.heading} ${host.feedback.renderSummary(CODE_FIELDS)}
    <dvc-otp-input
      id="otp"
      .otp=${step.otp}
      .clock=${host.clock}
      .busy=${host.calls.busy}
      .error=${host.feedback.fieldError('code')}
      exportparts="form, lead, field, label, input, error, countdown, button, button-secondary, resend-countdown"
      @dvc-otp-submit=${({ detail: { code } }: CustomEvent<OtpSubmitDetail>) => void verifyCode(host, step, code)}
      @dvc-otp-resend=${() => void resendCode(host, step)}
    ></dvc-otp-input>`;
}
