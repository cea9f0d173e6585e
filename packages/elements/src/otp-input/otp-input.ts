import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { formatCountdown, otpCountdown, type OtpChallenge, type OtpCountdown } from '@dvc-kit/sdk';
import type { RecoveryCode } from '@dvc-kit/sdk/contract';
import { LocalizeController } from '../i18n/localize.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { emit } from '../shared/events.js';
import { describedBy, fieldError } from '../shared/field.js';
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

  static override styles = [
    baseStyles,
    css`
      .lead {
        margin: 0 0 var(--_space);
      }
      input.code {
        max-width: 9em;
        letter-spacing: 0.3em;
        font-variant-numeric: tabular-nums;
      }
      .countdown {
        margin: 0.4em 0 0;
      }
    `,
  ];

  static override properties = {
    otp: { attribute: false },
    clock: { attribute: false },
    error: { type: String },
    busy: { type: Boolean },
    announcement: { state: true },
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
  private declare announcement: string;

  readonly #localize = new LocalizeController(this);
  #stopTicking: (() => void) | undefined;
  #last: OtpCountdown | undefined;

  constructor() {
    super();
    this.otp = undefined;
    this.clock = systemClock;
    this.error = undefined;
    this.busy = false;
    this.announcement = '';
  }

  /** Renders once the strings of the citizen's language are in. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#localize.whenReady(() => super.scheduleUpdate());
  }

  /** The countdown now, or `undefined` before a code was sent. */
  get countdown(): OtpCountdown | undefined {
    return this.otp ? otpCountdown(this.otp, new Date(this.clock.now())) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#startTicking();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicking?.();
    this.#stopTicking = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('otp') || changed.has('clock')) {
      if (changed.has('otp') && changed.get('otp') && this.otp) {
        const t = this.#localize.t;
        this.announcement = 'maskedPhone' in this.otp ? t.codeResentTo(this.otp.maskedPhone) : t.codeResentToAccountPhone;
        const input = this.renderRoot?.querySelector<HTMLInputElement>('#code');
        if (input) input.value = '';
        // The resend button waits again now: the new code goes in the code field, so focus goes there.
        if (input && this.matches(':focus-within')) input.focus();
      }
      this.#last = this.countdown;
      if (this.isConnected) this.#startTicking();
    }
  }

  #startTicking(): void {
    this.#stopTicking?.();
    this.#stopTicking = this.otp ? this.clock.every(1000, this.#tick) : undefined;
  }

  readonly #tick = (): void => {
    const now = this.countdown;
    const last = this.#last;
    if (!now) return;
    const t = this.#localize.t;
    if (last && !last.expired && now.expired) this.announcement = this.#localize.problem('otp_expired');
    else if (last && !last.canResend && now.canResend) this.announcement = t.resendAvailable;
    else if (last && last.secondsLeft > 60 && now.secondsLeft <= 60) this.announcement = t.codeOneMinuteLeft;
    this.#last = now;
    this.requestUpdate();
    if (now.expired && now.canResend) {
      this.#stopTicking?.();
      this.#stopTicking = undefined;
    }
  };

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#code')!;
    emit<OtpSubmitDetail>(this, 'dvc-otp-submit', { code: input.value.replace(/\s/g, '') });
  }

  #resend(): void {
    if (this.busy || !this.countdown?.canResend) return;
    emit(this, 'dvc-otp-resend', undefined);
  }

  protected override render() {
    const otp = this.otp;
    if (!otp) return nothing;
    const t = this.#localize.t;
    const countdown = this.countdown!;
    const hint = countdown.expired ? t.codeExpired : t.codeValidFor(formatCountdown(countdown.secondsLeft));
    return html`<form part="form" novalidate @submit=${this.#submit}>
      <p class="lead" part="lead">${'maskedPhone' in otp ? t.codeSentTo(otp.maskedPhone) : t.codeSentToAccountPhone}</p>
      <div class="field ${this.error ? 'field--error' : ''}" part="field">
        <label for="code" part="label">${t.codeLabel(otp.length)}</label>
        <p id="code-hint" class="hint" part="countdown">${hint}</p>
        ${fieldError('code', this.error, t.errorPrefix)}
        <input
          id="code"
          name="code"
          type="text"
          class="code"
          part="input"
          inputmode="numeric"
          autocomplete="one-time-code"
          spellcheck="false"
          aria-describedby=${ifDefined(describedBy('code', true, this.error))}
          aria-invalid=${this.error ? 'true' : 'false'}
        />
      </div>
      <button type="submit" part="button" aria-disabled=${this.busy ? 'true' : 'false'}>${t.confirmCode}</button>
      <button type="button" class="secondary" part="button button-secondary" aria-disabled=${this.busy || !countdown.canResend ? 'true' : 'false'} @click=${this.#resend}>
        ${t.resend}
      </button>
      ${countdown.canResend ? nothing : html`<p class="hint countdown" part="resend-countdown">${t.resendIn(formatCountdown(countdown.resendInSeconds))}</p>`}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
    </form>`;
  }
}
