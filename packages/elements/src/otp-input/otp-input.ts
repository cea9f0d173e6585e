import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { formatCountdown, otpCountdown, type OtpChallenge, type OtpCountdown } from '@dvc-kit/sdk';
import type { RecoveryCode } from '@dvc-kit/sdk/contract';
import { LocalizeController } from '../i18n/localize.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { emit } from '../shared/events.js';
import { fieldError } from '../shared/field.js';
import { baseStyles } from '../shared/styles.js';

/**
 * A code the service sent: where it went (`maskedPhone`), or, for a recovery, only its timing — the
 * answer must not tell whether the ID number has an account.
 */
export type CodeChallenge = OtpChallenge | RecoveryCode;

/** Detail of `dvc-otp-submit`: the code as typed, spaces removed. */
export interface OtpSubmitDetail {
  readonly code: string;
}

/**
 * The one-time-code step: where the code went (`Mã OTP đã được gửi tới số 097****398`), a countdown
 * until it expires, a 6-digit input the phone can fill from the SMS (`autocomplete="one-time-code"`),
 * "Xác nhận", and "Gửi lại OTP", enabled once the service allows a resend. While a call is under way or
 * a resend must wait, the buttons stay focusable (`aria-disabled`) so keyboard focus never falls to
 * the page; after a resend focus moves to the code field. Screen readers hear the
 * countdown only when it matters: one minute left, expired, resend available, code resent.
 *
 * It only renders and reports; the widget around it calls the service and sets `error`.
 *
 * @fires {OtpSubmitDetail} dvc-otp-submit - The citizen confirmed a code; `detail` is `{ code }`.
 * @fires {undefined} dvc-otp-resend - The citizen asked for a new code.
 * @csspart form - The form.
 * @csspart lead - "Mã OTP đã được gửi tới số …".
 * @csspart field - The code field.
 * @csspart label - The code's label.
 * @csspart input - The code input.
 * @csspart error - The code's error message.
 * @csspart countdown - The time left.
 * @csspart button - Both buttons.
 * @csspart button-secondary - "Gửi lại OTP".
 * @cssprop --dvc-color-primary - Buttons and links.
 * @cssprop --dvc-color-error - Error text and border.
 * @example
 * ```html
 * <dvc-otp-input></dvc-otp-input>
 * <script type="module">
 *   const input = document.querySelector('dvc-otp-input');
 *   input.otp = { maskedPhone: '097****398', length: 6, expiresAt, resendAt };
 *   input.addEventListener('dvc-otp-submit', (event) => verify(event.detail.code));
 * </script>
 * ```
 */
export class DvcOtpInput extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [baseStyles, css`.lead{margin:0 0 var(--_space)}input.code{max-width:9em;letter-spacing:.3em;font-variant-numeric:tabular-nums}.countdown{margin:.4em 0 0}`];

  static override properties = {
    otp: { attribute: false },
    clock: { attribute: false },
    error: { type: String },
    busy: { type: Boolean },
  };

  /**
   * Where the code went and its timings, as the service answered. Without `maskedPhone` (a recovery) it
   * says the code went to the registered phone if the ID number has an account.
   */
  declare otp: CodeChallenge | undefined;
  /** Time source; the real clock unless a test injects one. */
  declare clock: Clock;
  /** Error text tied to the input, already in the citizen's language. */
  declare error: string | undefined;
  /** Marks the buttons unavailable (`aria-disabled`, still focusable) while a call is under way. */
  declare busy: boolean;

  readonly #localize = new LocalizeController(this);
  /** Stops the clock's ticks, while it ticks. */
  #stop: (() => void) | undefined;
  /** The countdown at the last update: an update that crosses a moment that matters announces it. */
  #last: OtpCountdown | undefined;
  #announcement = '';

  constructor() {
    super();
    this.clock = systemClock;
    this.busy = false;
  }

  /** Renders once the strings of the citizen's language are in. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#localize.whenReady(() => super.scheduleUpdate());
  }

  /** The countdown now, or `undefined` before a code was sent. */
  get countdown(): OtpCountdown | undefined {
    return this.otp && otpCountdown(this.otp, new Date(this.clock.now()));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Ticks again (see willUpdate) once back on the page.
    this.requestUpdate('clock');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The countdown renders again every second while on the page, with the clock it was given.
    if (changed.has('clock') && this.isConnected) {
      this.#stop?.();
      this.#stop = this.clock.every(1000, () => this.requestUpdate());
    }
    const t = this.#localize.t;
    const now = this.countdown;
    const last = this.#last;
    const crossed = (moment: (countdown: OtpCountdown) => boolean) => now && last && moment(now) && !moment(last);
    if (changed.get('otp') && this.otp) {
      this.#announcement = 'maskedPhone' in this.otp ? t.codeResentTo(this.otp.maskedPhone) : t.codeResentToAccountPhone;
      const input = this.renderRoot.querySelector<HTMLInputElement>('#code')!;
      input.value = '';
      // The resend button waits again now: the new code goes in the code field, so focus goes there.
      if (this.matches(':focus-within')) input.focus();
    } else if (crossed((c) => c.expired)) this.#announcement = this.#localize.problem('otp_expired');
    else if (crossed((c) => c.canResend)) this.#announcement = t.resendAvailable;
    else if (crossed((c) => c.secondsLeft <= 60)) this.#announcement = t.codeOneMinuteLeft;
    this.#last = now;
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    emit<OtpSubmitDetail>(this, 'dvc-otp-submit', { code: this.renderRoot.querySelector<HTMLInputElement>('#code')!.value.replace(/\s/g, '') });
  }

  #resend(): void {
    if (!this.busy && this.countdown?.canResend) emit(this, 'dvc-otp-resend', undefined);
  }

  protected override render() {
    const otp = this.otp;
    if (!otp) return nothing;
    const t = this.#localize.t;
    const { expired, secondsLeft, canResend, resendInSeconds } = this.countdown!;
    const error = this.error;
    return html`<form part="form" novalidate @submit=${this.#submit}>
      <p class="lead" part="lead">${'maskedPhone' in otp ? t.codeSentTo(otp.maskedPhone) : t.codeSentToAccountPhone}</p>
      <div class="field ${error ? 'field--error' : ''}" part="field">
        <label for="code" part="label">${t.codeLabel(otp.length)}</label>
        <p id="code-hint" class="hint" part="countdown">${expired ? t.codeExpired : t.codeValidFor(formatCountdown(secondsLeft))}</p>
        ${fieldError('code', error, t.errorPrefix)}
        <input
          id="code"
          name="code"
          type="text"
          class="code"
          part="input"
          inputmode="numeric"
          autocomplete="one-time-code"
          spellcheck="false"
          aria-describedby="code-hint${error ? ' code-error' : ''}"
          aria-invalid=${!!error}
        />
      </div>
      <button part="button" aria-disabled=${this.busy}>${t.confirmCode}</button>
      <button type="button" class="secondary" part="button button-secondary" aria-disabled=${this.busy || !canResend} @click=${this.#resend}>${t.resend}</button>
      ${canResend ? nothing : html`<p class="hint countdown" part="resend-countdown">${t.resendIn(formatCountdown(resendInSeconds))}</p>`}
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>
    </form>`;
  }
}
