import { html, type TemplateResult } from 'lit';
import { FLOW_LIFETIME_SECONDS, resendPhoneRecoveryCode, startPhoneRecovery, verifyPhoneRecoveryCode, type DvcErrorCore, type PhoneRecovered, type StartPhoneRecoveryRequest } from '@dvc-kit/sdk';
import { emit, type DvcPhoneRecoveredDetail, type DvcPhoneRecoveryUnconfirmedDetail } from '../shared/events.js';
import { ID_NUMBER_FIELD, RecoveryFlow, type RecoverySpec } from '../recovery/flow.js';
import { readPhoneRecoveryDetails } from './details-form.js';
import { phoneRecoveryTransition, type PhoneRecoveryEvent } from './machine.js';
import type { PhoneRecoveryState } from './state.js';

/**
 * "Mất số điện thoại nhận OTP": the details the account was registered with by social insurance (ID
 * number, BHXH code, full name, date of birth), the NEW phone — not `autocomplete="tel"`: a browser would
 * offer the lost number —, the consent to their processing, then the code sent to it.
 */
const SPEC: RecoverySpec<Omit<StartPhoneRecoveryRequest, 'humanCheck'>, PhoneRecovered> = [
  /* steps */ 2,
  /* title */ 'lostPhone',
  /* intro */ 'lostPhoneIntro',
  /* fields */ [
    ID_NUMBER_FIELD,
    ['bhxhCode', 'bhxhCodeLabel', 'lostPhoneBhxhHint', { inputmode: 'numeric', autocomplete: 'off', short: true }],
    ['fullName', 'fullNameLabel', 'fullNameHint', { autocomplete: 'name' }],
    ['birthDate', 'birthDateLabel', 'birthDateHint', { inputmode: 'numeric', autocomplete: 'bday', short: true }],
    ['phone', 'newPhoneLabel', 'newPhoneHint', { type: 'tel', autocomplete: 'off', short: true }],
  ],
  /* read */ readPhoneRecoveryDetails,
  /* start */ startPhoneRecovery,
  /* progress */ 'checkingCarrier',
  /* id */ 'phoneRecoveryId',
  /* verify */ verifyPhoneRecoveryCode,
  /* resend */ resendPhoneRecoveryCode,
  /* doneHeading */ 'phoneRecoveredHeading',
  /* doneText */ 'phoneRecoveredText',
  /* consent */ true,
];

/**
 * `<dvc-phone-recovery>` ("Mất số điện thoại nhận OTP"): a citizen who lost the phone that receives
 * the codes replaces it without a counter visit — when the account was registered by social insurance.
 * The citizen types the ID number, the BHXH code, the full name and the date of birth as registered,
 * and the NEW phone, ticks the consent to the processing of these personal data (Decree 13/2023, the
 * version the service names, as at registration), and passes the human check when the service asks; the service asks the
 * social-insurance register and the carrier afresh, and sends a code to the new phone. The right code
 * makes the new phone the account's and ends every session of the account, on every portal: the
 * citizen signs in again.
 *
 * Details the service cannot confirm end in a final state with no live field: take the ID card (CCCD)
 * to a one-stop counter ("bộ phận một cửa"). It reads the same whether the ID number has no account,
 * an account without a BHXH code, or a detail that differs. A service that does not offer the
 * self-service way (no social-insurance register) shows the counter advice at once.
 *
 * `<dvc-login>` opens it in place when "Mất số điện thoại nhận OTP" has no `lost-phone-href`.
 * A visible state machine, `identify → code → done` or `identify → counter`.
 *
 * @fires {DvcPhoneRecoveredDetail} dvc-phone-recovered - The new phone is the account's and every session has ended; `detail` is `{ next: 'sign_in', sessionsEnded }`.
 * @fires {DvcPhoneRecoveryUnconfirmedDetail} dvc-phone-recovery-unconfirmed - The widget sends the citizen to a one-stop counter; `detail` is `{ reason }` (`unconfirmed`: the details were not confirmed; `not_offered`: the service has no self-service way).
 * @fires {DvcActionRequestedDetail} dvc-sign-in-requested - The citizen chose "Quay lại đăng nhập" or, at the end, "Đăng nhập"; cancelable (`preventDefault()` keeps the `sign-in-href` link from navigating); `detail` is `{ href }`.
 * @fires {DvcErrorDetail} dvc-error - A problem stopped the citizen, or the widget cannot reach the service; `detail` is `{ code, message, missing? }`.
 * @slot sign-in - Replaces the "Quay lại đăng nhập" and "Đăng nhập" actions.
 * @slot counter - Below the counter advice: where the portal's one-stop counters are, their hours.
 * @csspart form - The details form.
 * @csspart heading - The step heading.
 * @csspart caption - "Bước n/2" above it.
 * @csspart field - A field (label, hint, error, input).
 * @csspart label - A label.
 * @csspart hint - A hint under a label.
 * @csspart input - A text input.
 * @csspart error - A field's error message.
 * @csspart fieldset - The consent's group.
 * @csspart legend - Its heading, "Xử lý dữ liệu cá nhân".
 * @csspart checkbox - The consent checkbox.
 * @csspart error-summary - The error summary at the top of a step.
 * @csspart error-summary-link - A link in it.
 * @csspart button - A button.
 * @csspart button-secondary - "Gửi lại OTP", "Quay lại đăng nhập".
 * @csspart link - "Quay lại đăng nhập", "Đăng nhập" as links.
 * @csspart done - The final panel once the phone is replaced.
 * @csspart counter - The final panel that sends the citizen to a one-stop counter.
 * @csspart progress - What a slow step is waiting for ("Đang kiểm tra với nhà mạng…").
 * @csspart expiry-warning - The warning before the recovery runs out on the service.
 * @cssprop --dvc-color-primary - Buttons, links. Default `#1d5ea8`.
 * @cssprop --dvc-color-on-primary - Text on buttons. Default white.
 * @cssprop --dvc-color-text - Text. Default `#0b0c0c`.
 * @cssprop --dvc-color-muted - Hints. Default `#484f54`.
 * @cssprop --dvc-color-error - Errors. Default `#c0281b`.
 * @cssprop --dvc-color-success - The final panel. Default `#00703c`.
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
 * <dvc-phone-recovery service="https://id.example.gov.vn" client-id="provincial-portal" sign-in-href="/dang-nhap">
 *   <p slot="counter"><a href="/mot-cua">Danh sách bộ phận một cửa</a></p>
 * </dvc-phone-recovery>
 * <script type="module">
 *   document.querySelector('dvc-phone-recovery').addEventListener('dvc-phone-recovered', () => console.log('Sign in again'));
 * </script>
 * ```
 */
export class DvcPhoneRecovery extends RecoveryFlow<PhoneRecoveryState, PhoneRecoveryEvent, Omit<StartPhoneRecoveryRequest, 'humanCheck'>, PhoneRecovered> {
  protected readonly spec = SPEC;
  protected readonly transition = phoneRecoveryTransition;
  /** The service keeps a lost-phone recovery for 15 minutes from its start. */
  protected readonly lifetimeMs = FLOW_LIFETIME_SECONDS.phoneRecovery * 1000;

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    const state = this.state;
    // Once per arrival at the counter: the page may show its own list of counters.
    if (changed.has('state') && state.step === 'counter' && (changed.get('state') as PhoneRecoveryState | undefined)?.step !== 'counter') {
      emit<DvcPhoneRecoveryUnconfirmedDetail>(this, 'dvc-phone-recovery-unconfirmed', { reason: state.reason });
    }
  }

  /** The one answer for every case the service cannot confirm (and for a service that stopped offering it): the counter. */
  protected override refused(error: DvcErrorCore): void {
    if (error.code === 'phone_recovery_unconfirmed') this.send({ type: 'unconfirmed' });
    else if (error.code === 'not_found') this.fail(error);
    else super.refused(error);
  }

  protected verified(value: PhoneRecovered): void {
    this.send({ type: 'recovered', sessionsEnded: value.sessionsEnded });
    emit<DvcPhoneRecoveredDetail>(this, 'dvc-phone-recovered', { next: value.next, sessionsEnded: value.sessionsEnded });
  }

  /** The counter advice, or a step both recoveries show. */
  protected override renderStep(): TemplateResult {
    const t = this.localize.t;
    const state = this.state;
    // The counter advice is a notice to act on, not a success: framed as the warning before a flow runs out is.
    return state.step === 'counter'
      ? html`<div class="expiry" part="counter">
            ${this.renderHeading(t.counterHeading)}
            <p>${state.reason === 'unconfirmed' ? t.counterUnconfirmed : t.counterNotOffered}</p>
            <p>${t.counterAdvice}</p>
            <slot name="counter"></slot>
          </div>
          ${this.renderSignIn(t.backToSignIn, false)}`
      : super.renderStep();
  }
}
