import { html, type TemplateResult } from 'lit';
import { isOtpCode, type CallOptions, type DvcClientCore, type DvcErrorCore, type OtpChallenge } from '@dvc-kit/sdk';
import { DvcOtpInput, type CodeChallenge, type OtpSubmitDetail } from '../otp-input/otp-input.js';
import { definePart } from './define-part.js';
import type { Clock } from './clock.js';
import type { FeedbackController, FieldTarget } from './controllers/feedback-controller.js';
import type { ServiceController } from './controllers/service-controller.js';
import { problemOf, stepFeedback, type Feedback } from './feedback.js';
import type { SubmissionKeys } from './submission-keys.js';

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
      return { fields: { code: problemOf(error) } };
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
  /** The flow's state: the step is current while it is the one rendered with it. */
  readonly state: unknown;
  /** The flow's `Idempotency-Key`s: a code sent again (after a lost answer) goes with the same key. */
  readonly keys: SubmissionKeys;
  /** Ends the flow on the error step, saying why. */
  fail(reason: DvcErrorCore): void;
}

/**
 * One code step: where the code went (`O`: with the masked phone, or only its timing), the flow it
 * belongs to, the SDK's calls that check a code of that flow and send a new one ({@link verifySignInCode},
 * {@link resendSignInCode} …), and what their answers do.
 */
export interface CodeStep<T, O extends CodeChallenge = OtpChallenge> {
  readonly heading: TemplateResult;
  readonly otp: O;
  /** The id of the flow on the service (`signInId`, `recoveryId` …). */
  readonly id: string;
  readonly verify: (client: DvcClientCore, id: string, body: { code: string }, options: CallOptions) => Promise<T>;
  readonly verified: (value: T) => void;
  readonly resend: (client: DvcClientCore, id: string, options: CallOptions) => Promise<{ readonly otp: O }>;
  readonly resent: (otp: O) => void;
  /** A refusal that ends this step in its own way (`account_exists`); `false` to show it as usual. */
  readonly refused?: (error: DvcErrorCore) => boolean;
}

/** A refused code or resend: on the code field or for the whole step, the error step when the flow is gone. */
function codeRefused<T, O extends CodeChallenge>(host: CodeStepHost, step: CodeStep<T, O>, error: DvcErrorCore): void {
  if (step.refused?.(error)) return;
  const feedback = codeFeedback(error);
  if (feedback) host.feedback.show(feedback);
  else host.fail(error);
}

async function verifyCode<T, O extends CodeChallenge>(host: CodeStepHost, step: CodeStep<T, O>, code: string, current: () => boolean): Promise<void> {
  if (host.calls.busy || !current()) return;
  if (!isOtpCode(code)) {
    host.feedback.show({ fields: { code: { rule: code ? 'otp_format' : 'required' } } });
    return;
  }
  const id = step.id;
  const idempotencyKey = host.keys.keyFor({ id, code });
  const result = await host.calls.call((client, signal) => step.verify(client, id, { code }, { signal, idempotencyKey }), 'checkingCode');
  if (!current()) return;
  if (result.ok) step.verified(result.value);
  else if (result.error.code !== 'aborted') codeRefused(host, step, result.error);
}

async function resendCode<T, O extends CodeChallenge>(host: CodeStepHost, step: CodeStep<T, O>, current: () => boolean): Promise<void> {
  if (host.calls.busy || !current()) return;
  const result = await host.calls.call((client, signal) => step.resend(client, step.id, { signal }), 'sendingCode');
  if (!current()) return;
  if (result.ok) step.resent(result.value.otp);
  else if (result.error.code !== 'aborted') codeRefused(host, step, result.error);
}

/**
 * The code step: a `<dvc-otp-input>` for `step.otp`; a code goes to the service through `verify` (with
 * the same `Idempotency-Key` while the citizen repeats it), a resend through `resend`; a refusal shows on
 * the step, or the error step when the flow is gone. An answer that comes once the flow has moved on (the
 * host's `state` is another) is dropped.
 */
export function renderCodeStep<T, O extends CodeChallenge = OtpChallenge>(host: CodeStepHost, step: CodeStep<T, O>): TemplateResult {
  definePart('dvc-otp-input', DvcOtpInput);
  const state = host.state;
  const current = () => host.state === state;
  return html`${step.heading} ${host.feedback.renderSummary(CODE_FIELDS)}
    <dvc-otp-input
      id="otp"
      .otp=${step.otp}
      .clock=${host.clock}
      .busy=${host.calls.busy}
      .error=${host.feedback.fieldError('code')}
      exportparts="form, lead, field, label, input, error, countdown, button, button-secondary, resend-countdown"
      @dvc-otp-submit=${({ detail: { code } }: CustomEvent<OtpSubmitDetail>) => void verifyCode(host, step, code, current)}
      @dvc-otp-resend=${() => void resendCode(host, step, current)}
    ></dvc-otp-input>`;
}
