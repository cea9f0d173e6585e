import type { TemplateResult } from 'lit';
import { completeRecovery, FLOW_LIFETIME_SECONDS, parseIdNumber, resendRecoveryCode, startRecovery, verifyRecoveryCode } from '@dvc-kit/sdk';
import { emit, type DvcRecoveredDetail } from '../shared/events.js';
import { passwordFieldIn, readPassword, renderNewPasswordStep } from '../shared/new-password-step.js';
import { refusal } from '../shared/refusal.js';
import { ID_NUMBER_FIELD, RecoveryFlow, type RecoverySpec } from './flow.js';
import { recoveryTransition, type RecoveryEvent } from './machine.js';
import type { RecoveryState } from './state.js';

/** "Quên mật khẩu": the ID number alone, then the code, then the new password. */
const SPEC: RecoverySpec<{ readonly idNumber: string }, unknown> = [
  /* steps */ 3,
  /* title */ 'forgotPassword',
  /* intro */ 'recoveryIntro',
  /* fields */ [ID_NUMBER_FIELD],
  /* read */ (data, today) => {
    const idNumber = parseIdNumber(String(data.get('idNumber') ?? ''), today);
    return idNumber.ok ? { ok: true, body: { idNumber: idNumber.value } } : { ok: false, fields: { idNumber: { rule: idNumber.rule } } };
  },
  /* start */ startRecovery,
  /* progress */ 'sendingCode',
  /* id */ 'recoveryId',
  /* verify */ verifyRecoveryCode,
  /* resend */ resendRecoveryCode as RecoverySpec<never, unknown>[9],
  /* doneHeading */ 'recoveredHeading',
  /* doneText */ 'recoveredText',
];

/**
 * `<dvc-recovery>` ("Quên mật khẩu"): a citizen who forgot the password sets a new one — the ID number
 * (and the human check when the service asks), then the one-time code sent to the account's registered
 * phone, then a new password under the portal's policy, not one of the last 5. Every other session of
 * the account ends. The widget never tells whether an ID number has an account: the code step says the
 * code went to the registered phone *if* there is one, and shows no phone number. No security questions,
 * and no way around the code. A visible state machine, `identify → code → password → done`.
 *
 * `<dvc-login>` opens it in place when "Quên mật khẩu" has no `forgot-password-href`.
 *
 * @fires {DvcRecoveredDetail} dvc-recovered - The password is changed and every other session has ended; `detail` is `{ next: 'sign_in' }`.
 * @fires {DvcActionRequestedDetail} dvc-sign-in-requested - The citizen chose "Quay lại đăng nhập" or, at the end, "Đăng nhập"; cancelable (`preventDefault()` keeps the `sign-in-href` link from navigating); `detail` is `{ href }`.
 * @fires {DvcErrorDetail} dvc-error - A problem stopped the citizen, or the widget cannot reach the service; `detail` is `{ code, message, missing? }`.
 * @slot sign-in - Replaces the "Quay lại đăng nhập" and "Đăng nhập" actions.
 * @csspart form - Each step's form.
 * @csspart heading - The step heading.
 * @csspart caption - "Bước n/3" above it.
 * @csspart field - A field (label, hint, error, input).
 * @csspart label - A label.
 * @csspart hint - A hint under a label.
 * @csspart input - A text input.
 * @csspart error - A field's error message.
 * @csspart error-summary - The error summary at the top of a step.
 * @csspart error-summary-link - A link in it.
 * @csspart button - A button.
 * @csspart button-secondary - "Gửi lại OTP".
 * @csspart link - "Quay lại đăng nhập", "Đăng nhập" as links.
 * @csspart checklist - The password rules.
 * @csspart done - The final panel.
 * @csspart progress - What a slow step is waiting for ("Đang gửi mã…").
 * @csspart expiry-warning - The warning before the recovery runs out on the service.
 * @cssprop --dvc-color-primary - Buttons, links. Default `#1d5ea8`.
 * @cssprop --dvc-color-on-primary - Text on buttons. Default white.
 * @cssprop --dvc-color-text - Text. Default `#0b0c0c`.
 * @cssprop --dvc-color-muted - Hints. Default `#484f54`.
 * @cssprop --dvc-color-error - Errors. Default `#c0281b`.
 * @cssprop --dvc-color-success - The final panel, met rules. Default `#00703c`.
 * @cssprop --dvc-color-border - Input borders.
 * @cssprop --dvc-color-background - Input background.
 * @cssprop --dvc-color-focus - Focus highlight. Default `#ffdd00`.
 * @cssprop --dvc-font-family - Typeface.
 * @cssprop --dvc-font-size - Base size. Default `1rem`.
 * @cssprop --dvc-radius - Corner radius. Default `4px`.
 * @cssprop --dvc-spacing - Base spacing. Default `1rem`.
 * @example
 * ```html
 * <script type="module" src="/vendor/dvc-elements.js"></script>
 * <dvc-recovery service="https://id.example.gov.vn" client-id="provincial-portal" sign-in-href="/dang-nhap"></dvc-recovery>
 * <script type="module">
 *   document.querySelector('dvc-recovery').addEventListener('dvc-recovered', () => console.log('Sign in with the new password'));
 * </script>
 * ```
 */
export class DvcRecovery extends RecoveryFlow<RecoveryState, RecoveryEvent, { readonly idNumber: string }, unknown> {
  protected readonly spec = SPEC;
  protected readonly transition = recoveryTransition;
  /** The service keeps a recovery for 30 minutes from its start. */
  protected readonly lifetimeMs = FLOW_LIFETIME_SECONDS.recovery * 1000;

  protected verified(): void {
    this.send({ type: 'codeVerified' });
  }

  async #submitPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'password' || this.busy) return;
    const reading = readPassword(passwordFieldIn(this.renderRoot));
    if (!reading.ok) return this.feedback.show(reading);
    const body = { password: reading.password, passwordConfirmation: reading.passwordConfirmation };
    const idempotencyKey = this.keys.keyFor({ recoveryId: state.recoveryId, ...body });
    const result = await this.calls.call((client, signal) => completeRecovery(client, state.recoveryId, body, { idempotencyKey, signal }), 'saving');
    if (result.ok) {
      this.keys.reset();
      this.send({ type: 'recovered' });
      emit<DvcRecoveredDetail>(this, 'dvc-recovered', { next: result.value.next });
      return;
    }
    if (result.error.code === 'aborted') return;
    if (result.error.code === 'flow_not_found') this.fail(result.error);
    else this.feedback.show(refusal(result.error));
  }

  /** The new-password step, or a step both recoveries show. */
  protected override renderStep(): TemplateResult {
    const t = this.localize.t;
    const state = this.state;
    return state.step === 'password'
      ? renderNewPasswordStep({
          t,
          heading: this.renderHeading(t.newPasswordHeading, [3, 3]),
          summary: (targets) => this.feedback.renderSummary(targets),
          policy: state.config.passwordPolicy,
          context: { idNumber: state.idNumber },
          username: state.idNumber,
          submitText: t.account.actions.password,
          busy: this.busy,
          error: this.feedback.fieldError,
          onSubmit: (event) => void this.#submitPassword(event),
          root: () => this.renderRoot,
        })
      : super.renderStep();
  }
}
