import { html, nothing, type TemplateResult } from 'lit';
import { isOtpCode, type CallOptions, type DvcClientCore, type DvcErrorCore, type OtpChallenge } from '@dvc-kit/sdk';
import { DvcOtpInput, type CodeChallenge, type OtpSubmitDetail } from '../otp-input/otp-input.js';
import { definePart } from './define-part.js';
import type { Clock } from './clock.js';
import type { FeedbackController, FieldTarget } from './controllers/feedback-controller.js';
import type { ServiceCall, ServiceController } from './controllers/service-controller.js';
import { problemOf, stepFeedback, type Feedback } from './feedback.js';
import type { SubmissionKeys } from './submission-keys.js';
import type { ProgressKey } from '../i18n/catalogue.js';

/**
 * What the code step shows when the service refuses a code or a resend: a wrong, expired or
 * exhausted code on the code field; anything else (a wait, `account_exists` …) for the whole step.
 * `undefined` when the flow is gone and must start again.
 */
function codeFeedback(error: DvcErrorCore): Feedback | undefined {
  const code = error.code;
  return code === 'flow_not_found'
    ? undefined
    : // otp_invalid, otp_expired, otp_attempts_exceeded (not the waits, otp_rate_limited and otp_resend_too_soon)
      /^otp_[iea]/.test(code)
      ? { fields: { code: problemOf(error) } }
      : code === 'validation_failed'
        ? { fields: { code: { rule: error.fieldErrors.find((e) => e.field === 'code')?.code ?? 'otp_format' } } }
        : stepFeedback(error);
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
  /** Another way through the step, shown before the code (a passkey), and its fields in the error summary. */
  readonly alternative?: { readonly content: TemplateResult; readonly targets: readonly FieldTarget[] };
}

/**
 * The code step: a `<dvc-otp-input>` for `step.otp`; a code goes to the service through `verify` (with
 * the same `Idempotency-Key` while the citizen repeats it), a resend through `resend`; a refusal shows on
 * the step, or the error step when the flow is gone. Nothing is sent while a call is under way, and an
 * answer that comes once the flow has moved on (the host's `state` is another) is dropped.
 */
export function renderCodeStep<T, O extends CodeChallenge = OtpChallenge>(host: CodeStepHost, step: CodeStep<T, O>): TemplateResult {
  definePart('dvc-otp-input', DvcOtpInput);
  const state = host.state;
  const id = step.id;
  const idle = () => !host.calls.busy && host.state === state;
  /** Calls the service; its answer, while the step is current, goes to `done`, a refusal to the step. */
  const send = async <V>(run: ServiceCall<V>, progress: ProgressKey, done: (value: V) => void) => {
    const result = await host.calls.call(run, progress);
    if (host.state !== state) return;
    if (result.ok) done(result.value);
    else if (result.error.code !== 'aborted' && !step.refused?.(result.error)) {
      const feedback = codeFeedback(result.error);
      if (feedback) host.feedback.show(feedback);
      else host.fail(result.error);
    }
  };
  const targets: FieldTarget[] = [...(step.alternative?.targets ?? []), { name: 'code', id: 'otp', label: 'codeFieldName' }];
  return html`${step.heading} ${host.feedback.renderSummary(targets)} ${step.alternative?.content ?? nothing}
    <dvc-otp-input
      id="otp"
      .otp=${step.otp}
      .clock=${host.clock}
      .busy=${host.calls.busy}
      .error=${host.feedback.fieldError('code')}
      exportparts="form, lead, field, label, input, error, countdown, button, button-secondary, resend-countdown"
      @dvc-otp-submit=${({ detail: { code } }: CustomEvent<OtpSubmitDetail>) => {
        if (!idle()) return;
        if (!isOtpCode(code)) return host.feedback.show({ fields: { code: { rule: code ? 'otp_format' : 'required' } } });
        const idempotencyKey = host.keys.keyFor({ id, code });
        void send((client, signal) => step.verify(client, id, { code }, { signal, idempotencyKey }), 'checkingCode', step.verified);
      }}
      @dvc-otp-resend=${() => idle() && send((client, signal) => step.resend(client, id, { signal }), 'sendingCode', ({ otp }) => step.resent(otp))}
    ></dvc-otp-input>`;
}
