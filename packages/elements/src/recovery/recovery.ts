import { html, type nothing, type TemplateResult } from 'lit';
import { completeRecovery, FLOW_LIFETIME_SECONDS, parseIdNumber, resendRecoveryCode, startRecovery, verifyRecoveryCode } from '@dvc-kit/sdk';
import type { RecoveryCode } from '@dvc-kit/sdk/contract';
import { emit, type DvcRecoveredDetail } from '../shared/events.js';
import type { FieldProblem } from '../shared/feedback.js';
import { FlowElement } from '../shared/flow-element.js';
import { renderCodeStep } from '../shared/code-step.js';
import { passwordFieldIn, readPassword, renderNewPasswordStep } from '../shared/new-password-step.js';
import { renderSignInAction } from '../shared/sign-in-action.js';
import { IDENTIFY_FIELDS, renderIdentifyStep } from './identify-step.js';
import { recoveryTransition, type RecoveryEvent } from './machine.js';
import type { RecoveryState } from './state.js';
import { refusal } from '../shared/refusal.js';

const TOTAL_STEPS = 3;


/** The parts of `<dvc-recovery>` that `<dvc-login>` exports as its own when it opens recovery in place (here, so the sign-in's core does not carry the list). */
export const RECOVERY_PARTS =
  'form, heading, caption, field, label, hint, input, error, error-summary, error-summary-link, button, button-secondary, link, checklist, done, progress, expiry-warning, lead, countdown, resend-countdown, checkbox, status, toggle, rule, rule-met, rule-unmet, warning';

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
export class DvcRecovery extends FlowElement<RecoveryState, RecoveryEvent> {
  static override properties = {
    ...FlowElement.properties,
    idNumber: { type: String, attribute: 'id-number' },
    signInHref: { type: String, attribute: 'sign-in-href' },
    backToSignIn: { type: Boolean, attribute: 'back-to-sign-in' },
  };

  /** The ID number to start from, e.g. what the citizen typed on the sign-in form (attribute `id-number`). */
  declare idNumber: string;
  /** Where "Quay lại đăng nhập" and, at the end, "Đăng nhập" lead (attribute `sign-in-href`). */
  declare signInHref: string | undefined;
  /**
   * Offers "Quay lại đăng nhập" as a button that only fires `dvc-sign-in-requested`, for a page (or
   * `<dvc-login>`) that shows sign-in itself (attribute `back-to-sign-in`).
   */
  declare backToSignIn: boolean;
  protected readonly transition = recoveryTransition;
  /** The service keeps a recovery for 30 minutes from its start. */
  protected readonly lifetimeMs = FLOW_LIFETIME_SECONDS.recovery * 1000;

  constructor() {
    super();
    this.idNumber = '';
    this.signInHref = undefined;
    this.backToSignIn = false;
  }

  async #submitIdentify(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'identify' || this.busy) return;
    const idNumber = parseIdNumber(String(new FormData(event.currentTarget as HTMLFormElement).get('idNumber') ?? ''));
    const humanCheck = await this.humanCheck(state.config);
    if (!humanCheck) return;
    const fields: Record<string, FieldProblem> = {};
    if (!idNumber.ok) fields.idNumber = { rule: idNumber.rule };
    if (humanCheck.problem) fields.humanCheck = humanCheck.problem;
    if (!idNumber.ok || Object.keys(fields).length) {
      this.feedback.show({ fields });
      return;
    }
    const body = { idNumber: idNumber.value, ...humanCheck.body };
    const result = await this.calls.call((client, signal) => startRecovery(client, body, { signal }), 'sendingCode');
    if (result.ok) {
      this.send({ type: 'started', recoveryId: result.value.recoveryId, idNumber: idNumber.value, otp: result.value.otp, at: this.clock.now() });
      return;
    }
    humanCheck.answered(result.error);
    if (result.error.code !== 'aborted') this.feedback.show(refusal(result.error));
  }

  async #submitPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'password' || this.busy) return;
    const reading = readPassword(passwordFieldIn(this.renderRoot));
    if (!reading.ok) {
      this.feedback.show({ fields: reading.fields });
      return;
    }
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

  /** "Quay lại đăng nhập" (or "Đăng nhập" at the end), as the page wants it. */
  #renderSignIn(text: string, primary: boolean): TemplateResult | typeof nothing {
    return renderSignInAction({ host: this, href: this.signInHref || undefined, button: this.backToSignIn, slotted: this.slots.has('sign-in') }, text, primary);
  }

  protected override renderStep(): TemplateResult {
    const t = this.localize.t;
    const state = this.state;
    switch (state.step) {
      case 'loading':
        return this.setup.renderLoading(html`<p class="hint" role="status">${t.loading}</p>`);
      case 'error':
        return this.renderFailure(state, state.code === 'flow_not_found');
      case 'identify':
        return renderIdentifyStep({
          t,
          config: state.config,
          client: this.calls.client,
          busy: this.busy,
          heading: this.renderHeading(t.forgotPassword, [1, TOTAL_STEPS]),
          summary: this.feedback.renderSummary(IDENTIFY_FIELDS),
          error: this.feedback.fieldError,
          onSubmit: (event) => void this.#submitIdentify(event),
          idNumber: this.idNumber,
          back: this.#renderSignIn(t.backToSignIn, false),
        });
      case 'code': {
        return renderCodeStep<unknown, RecoveryCode>(this, {
          heading: this.renderHeading(t.codeHeading, [2, TOTAL_STEPS]),
          otp: state.otp,
          id: state.recoveryId,
          verify: verifyRecoveryCode,
          verified: () => {
            this.keys.reset();
            this.send({ type: 'codeVerified' });
          },
          resend: resendRecoveryCode,
          resent: (otp) => this.send({ type: 'codeResent', otp }),
        });
      }
      case 'password':
        return renderNewPasswordStep({
          t,
          heading: this.renderHeading(t.newPasswordHeading, [3, TOTAL_STEPS]),
          summary: (targets) => this.feedback.renderSummary(targets),
          policy: state.config.passwordPolicy,
          context: { idNumber: state.idNumber },
          username: state.idNumber,
          submitText: t.account.actions.password,
          busy: this.busy,
          error: this.feedback.fieldError,
          onSubmit: (event) => void this.#submitPassword(event),
          root: () => this.renderRoot,
        });
      case 'done':
        return html`<div class="panel" part="done">
          ${this.renderHeading(t.recoveredHeading)}
          <p>${t.recoveredText}</p>
        </div>
        ${this.#renderSignIn(t.signIn, true)}`;
    }
  }
}
