import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isOtpCode, parseIdNumber, type DvcError, type PasswordPolicy } from '@dvc-kit/sdk';
import type { DvcHumanCheck } from '../human-check/human-check.js';
import { CODE_FIELDS, codeFeedback, renderCodeStep } from '../shared/code-step.js';
import { emit, type DvcSignedInDetail } from '../shared/events.js';
import { NO_FEEDBACK, type FieldProblem } from '../shared/feedback.js';
import { FlowElement } from '../shared/flow-element.js';
import { CREDENTIALS_FIELDS, renderCredentialsStep } from './credentials-step.js';
import type { LoginState } from './state.js';

/**
 * `<dvc-login>`: a citizen signs in with the one account every portal shares — ID number and password
 * (and the human check when the service asks), then the one-time code sent to the registered phone.
 * A visible state machine, `credentials → code → done`. The tokens go to the page in `dvc-signed-in`;
 * the portal's backend verifies the ID token before it trusts a name or a level.
 *
 * @fires dvc-signed-in - Signed in; `detail` is `{ account, tokens }` (`tokens.idToken`, `accessToken`, `refreshToken`, `expiresIn`).
 * @fires dvc-error - A problem stopped the citizen; `detail` is `{ code, message }`.
 * @slot forgot-password - Replaces the "Quên mật khẩu" link.
 * @slot lost-phone - Replaces the "Mất số điện thoại nhận OTP" link.
 * @csspart form - Each step's form.
 * @csspart heading - The step heading.
 * @csspart caption - "Bước n/2" above it.
 * @csspart field - A field (label, hint, error, input).
 * @csspart label - A label.
 * @csspart hint - A hint under a label.
 * @csspart input - A text input.
 * @csspart error - A field's error message.
 * @csspart error-summary - The error summary at the top of a step.
 * @csspart error-summary-link - A link in it.
 * @csspart button - A button.
 * @csspart button-secondary - "Gửi lại OTP".
 * @csspart toggle - "Hiện mật khẩu".
 * @csspart link - "Quên mật khẩu", "Mất số điện thoại nhận OTP".
 * @csspart done - The signed-in panel.
 * @cssprop --dvc-color-primary - Buttons, links. Default `#1d5ea8`.
 * @cssprop --dvc-color-on-primary - Text on buttons. Default white.
 * @cssprop --dvc-color-text - Text. Default `#0b0c0c`.
 * @cssprop --dvc-color-muted - Hints. Default `#484f54`.
 * @cssprop --dvc-color-error - Errors. Default `#c0281b`.
 * @cssprop --dvc-color-success - The signed-in panel. Default `#00703c`.
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
 * <dvc-login service="https://id.example.gov.vn" client-id="provincial-portal"
 *   forgot-password-href="/quen-mat-khau" lost-phone-href="/mat-so-dien-thoai"></dvc-login>
 * <script type="module">
 *   document.querySelector('dvc-login').addEventListener('dvc-signed-in', async (event) => {
 *     await fetch('/api/session', { method: 'POST', body: JSON.stringify({ idToken: event.detail.tokens.idToken }) });
 *   });
 * </script>
 * ```
 */
export class DvcLogin extends FlowElement {
  static override properties = {
    ...FlowElement.properties,
    lostPhoneHref: { type: String, attribute: 'lost-phone-href' },
    state: { state: true },
    showPassword: { state: true },
  };

  /** Where "Mất số điện thoại nhận OTP" leads (attribute `lost-phone-href`). */
  declare lostPhoneHref: string | undefined;
  /** The step on screen and what it carries. */
  declare state: LoginState;
  private declare showPassword: boolean;
  #loading = false;

  constructor() {
    super();
    this.lostPhoneHref = undefined;
    this.state = { step: 'loading' };
    this.showPassword = false;
  }

  protected override get stepName(): string {
    return this.state.step;
  }

  protected override get policy(): PasswordPolicy | undefined {
    return 'config' in this.state ? this.state.config.passwordPolicy : undefined;
  }

  #go(state: LoginState): void {
    this.state = state;
    this.feedback = NO_FEEDBACK;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.state.step === 'loading' && !this.#loading && this.resolvedClient) void this.#load();
  }

  async #load(): Promise<void> {
    this.#loading = true;
    const result = await this.call((client, signal) => client.getConfig({ signal }));
    this.#loading = false;
    if (!result.ok) {
      if (result.error.code !== 'aborted') this.#go({ step: 'error', code: result.error.code });
      return;
    }
    this.#go({ step: 'credentials', config: result.value });
  }

  #fieldError = (field: string): string | undefined => this.fieldText(this.feedback.fields[field]);

  async #submitCredentials(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'credentials' || this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const idNumber = parseIdNumber(String(data.get('idNumber') ?? ''));
    const password = String(data.get('password') ?? '');
    const humanCheck = this.renderRoot.querySelector<DvcHumanCheck>('dvc-human-check');
    this.busy = true;
    const humanCheckPayload = await humanCheck?.ready();
    this.busy = false;
    if (this.state !== state) return;
    const fields: Record<string, FieldProblem> = {};
    if (!idNumber.ok) fields.idNumber = { rule: idNumber.rule };
    if (!password) fields.password = { rule: 'required' };
    if (state.config.humanCheck.required && !humanCheckPayload) fields.humanCheck = { term: 'humanCheckRequired' };
    if (!idNumber.ok || Object.keys(fields).length) {
      this.showFeedback({ fields });
      return;
    }
    const body = { idNumber: idNumber.value, password, ...(humanCheckPayload ? { humanCheck: humanCheckPayload } : {}) };
    const result = await this.call((client, signal) => client.startSignIn(body, { signal }));
    if (result.ok) {
      this.#go({ step: 'code', config: state.config, signInId: result.value.signInId, otp: result.value.otp });
      return;
    }
    if (result.error.status > 0) humanCheck?.reset();
    this.showFeedback(this.refusalFeedback(result.error));
  }

  async #verifyCode(code: string): Promise<void> {
    const state = this.state;
    if (state.step !== 'code' || this.busy) return;
    if (!isOtpCode(code)) {
      this.showFeedback({ fields: { code: { rule: code ? 'otp_format' : 'required' } } });
      return;
    }
    const result = await this.call((client, signal) => client.verifySignInCode(state.signInId, { code }, { signal }));
    if (result.ok) {
      const { account, tokens } = result.value;
      this.#go({ step: 'done', config: state.config, account });
      emit<DvcSignedInDetail>(this, 'dvc-signed-in', { account, tokens });
      return;
    }
    this.#codeRefused(result.error);
  }

  async #resendCode(): Promise<void> {
    const state = this.state;
    if (state.step !== 'code' || this.busy) return;
    const result = await this.call((client, signal) => client.resendSignInCode(state.signInId, { signal }));
    if (result.ok) {
      this.state = { ...state, otp: result.value.otp };
      this.feedback = NO_FEEDBACK;
      return;
    }
    this.#codeRefused(result.error);
  }

  #codeRefused(error: DvcError): void {
    const feedback = codeFeedback(error);
    if (feedback) this.showFeedback(feedback);
    else this.#go({ step: 'error', code: error.code });
  }

  #restart(): void {
    this.#go({ step: 'loading' });
  }

  #renderLinks(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const forgot = this.renderForgotPassword();
    const lostPhone = this.lostPhoneHref || this.hasSlotted('lost-phone');
    if (forgot === nothing && !lostPhone) return nothing;
    return html`<ul class="links">
      ${forgot === nothing ? nothing : html`<li>${forgot}</li>`}
      ${lostPhone
        ? html`<li><slot name="lost-phone">${this.lostPhoneHref ? html`<a part="link" href=${this.lostPhoneHref}>${t.lostPhone}</a>` : nothing}</slot></li>`
        : nothing}
    </ul>`;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const state = this.state;
    switch (state.step) {
      case 'loading':
        return html`<p class="hint" role="status">${t.loading}</p>`;
      case 'error':
        return html`${this.renderHeading(t.fatalHeading)}
          <div class="error-summary" part="error-summary" role="alert">
            <p>${this.localize.problem(state.code)}</p>
          </div>
          <button type="button" part="button" @click=${this.#restart}>${state.code === 'flow_not_found' ? t.startAgain : t.retry}</button>`;
      case 'credentials':
        return renderCredentialsStep({
          t,
          config: state.config,
          client: this.resolvedClient,
          busy: this.busy,
          heading: this.renderHeading(t.signInTitle, [1, 2]),
          summary: this.renderSummary(CREDENTIALS_FIELDS),
          showPassword: this.showPassword,
          links: this.#renderLinks(),
          error: this.#fieldError,
          onTogglePassword: () => (this.showPassword = !this.showPassword),
          onSubmit: (event) => void this.#submitCredentials(event),
        });
      case 'code':
        return renderCodeStep({
          heading: this.renderHeading(t.codeHeading, [2, 2]),
          summary: this.renderSummary(CODE_FIELDS),
          otp: state.otp,
          clock: this.clock,
          busy: this.busy,
          error: this.#fieldError('code'),
          onSubmit: (code) => void this.#verifyCode(code),
          onResend: () => void this.#resendCode(),
        });
      case 'done':
        return html`<div class="panel" part="done">
          ${this.renderHeading(t.signedIn(state.account.fullName, state.account.ial))}
          <p>${t.signedInAccount(state.account.idNumberMasked)}</p>
        </div>`;
    }
  }
}
