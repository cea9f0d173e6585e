import { html, type TemplateResult } from 'lit';
import { FLOW_LIFETIME_SECONDS, startSignIn, type ServiceConfig } from '@dvc-kit/sdk';
import type { Signer } from '@dvc-kit/sdk/signer';
import { hasFeedback, type FieldProblem } from '../shared/feedback.js';
import { textField } from '../shared/field.js';
import { FlowElement } from '../shared/flow-element.js';
import { humanCheckField } from '../shared/form-step.js';
import { later } from '../shared/later-module.js';
import { loginTransition, type LoginEvent } from './machine.js';
import type { LoginState } from './state.js';
import { CREDENTIALS_FIELDS } from './credentials-step.js';


/**
 * `<dvc-login>`: a citizen signs in with the one account every portal shares — ID number and password
 * (and the human check when the service asks), then the one-time code sent to the registered phone.
 * When the service offers a signature sign-in, "Đăng nhập bằng chữ ký số" opens `<dvc-signature
 * operation="sign-in">` in place (a SIM signature or remote signing; a USB token with the `signer`
 * property), ending in the same `dvc-signed-in`; on an enterprise's or agency's portal the attribute
 * `subject-type="enterprise"` (or `"agency"`, read when the signature opens, not a property) makes it sign
 * in an enterprise (its certificate's tax code) or an agency officer (the government CA's token). The ID number and password form signs in citizens. A visible state machine, `credentials → code → done`. The tokens go to the page in `dvc-signed-in`;
 * the portal's backend verifies the ID token before it trusts a name or a level.
 *
 * @fires {DvcSignedInDetail} dvc-signed-in - Signed in (with the password and code, or "Đăng nhập bằng chữ ký số"); `detail` is `{ account, tokens }` (`tokens.idToken`, `accessToken`, `refreshToken`, `expiresIn`).
 * @fires {DvcRecoveredDetail} dvc-recovered - "Quên mật khẩu" opened in place (no `forgot-password-href`) changed the password; every other session has ended; `detail` is `{ next: 'sign_in' }`.
 * @fires {DvcErrorDetail} dvc-error - A problem stopped the citizen, or the widget cannot reach the service; `detail` is `{ code, message, missing? }` (`origin_not_allowed`: add the page's origin to the client's `origins`; `widget_misconfigured`: set `service` and `client-id`).
 * @slot forgot-password - Replaces the "Quên mật khẩu" link. Without it and without `forgot-password-href`, "Quên mật khẩu" opens `<dvc-recovery>` in place, starting from the ID number typed so far, with a way back to sign in.
 * @fires {DvcPhoneRecoveredDetail} dvc-phone-recovered - "Mất số điện thoại nhận OTP" opened in place (no `lost-phone-href`) replaced the phone; every session has ended; `detail` is `{ next: 'sign_in', sessionsEnded }`.
 * @fires {DvcPhoneRecoveryUnconfirmedDetail} dvc-phone-recovery-unconfirmed - "Mất số điện thoại nhận OTP" opened in place sends the citizen to a one-stop counter; `detail` is `{ reason }`.
 * @slot lost-phone - Replaces the "Mất số điện thoại nhận OTP" link. Without it and without `lost-phone-href`, "Mất số điện thoại nhận OTP" opens `<dvc-phone-recovery>` in place, starting from the ID number typed so far, with a way back to sign in.
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
 * @csspart counter - The lost-phone recovery's advice to visit a one-stop counter.
 * @csspart done - The signed-in panel.
 * @csspart progress - What a slow step is waiting for ("Đang gửi mã…").
 * @csspart expiry-warning - The warning before the sign-in runs out on the service.
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
export class DvcLogin extends FlowElement<LoginState, LoginEvent> {
  static override properties = {
    lostPhoneHref: { type: String, attribute: 'lost-phone-href' },
    showPassword: { state: true },
  };

  /** Where "Mất số điện thoại nhận OTP" leads (attribute `lost-phone-href`). */
  declare lostPhoneHref: string | undefined;
  /**
   * Reaches the citizen's USB token for "Đăng nhập bằng chữ ký số" (a `Signer` from `@dvc-kit/sdk/signer`;
   * set it before the citizen opens it). Without one the USB token is not offered there.
   */
  declare signer: Signer | undefined;
  private declare showPassword: boolean;
  protected readonly transition = loginTransition;
  /** The service keeps a sign-in for 15 minutes from its start. */
  protected readonly lifetimeMs = FLOW_LIFETIME_SECONDS.signIn * 1000;

  constructor() {
    super();
    this.showPassword = false;
  }

  /**
   * Loading and the credentials until a submission is refused: the sign-in page renders them before the
   * later strings (and the problem and rule texts of a refusal or of the error step) arrive.
   */
  protected override get onFirstStep(): boolean {
    const step = this.state.step;
    return step === 'loading' || (step === 'credentials' && !hasFeedback(this.feedback.current));
  }

  /** The credentials' submission (Lit calls it with the widget as `this`). */
  async #submitCredentials(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'credentials' || this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const password = String(data.get('password'));
    const rules = await this.loaded(later);
    if (!rules || this.state !== state) return;
    const idNumber = rules.parseIdNumber(String(data.get('idNumber')));
    const humanCheck = await this.humanCheck(state.config);
    if (!humanCheck) return;
    const fields: Record<string, FieldProblem> = {};
    if (!idNumber.ok) fields.idNumber = { rule: idNumber.rule };
    if (!password) fields.password = { rule: 'required' };
    if (humanCheck.problem) fields.humanCheck = humanCheck.problem;
    if (!idNumber.ok || Object.keys(fields).length) {
      this.feedback.show({ fields });
      return;
    }
    const body = { idNumber: idNumber.value, password, ...humanCheck.body };
    const result = await this.calls.call((client, signal) => startSignIn(client, body, { signal }), 'checkingCredentials');
    if (result.ok) {
      if (!(await this.loaded(later))) return;
      this.send({ type: 'started', ...result.value, at: this.clock.now() });
      return;
    }
    humanCheck.answered(result.error);
    if (result.error.code !== 'aborted') this.feedback.show(rules.refusal(result.error));
  }

  /**
   * "Quên mật khẩu" or "Mất số điện thoại nhận OTP" without a page of the portal's own: that flow in
   * place, from the ID number typed so far.
   */
  async #open(type: 'recoveryOpened' | 'lostPhoneOpened' | 'signatureOpened'): Promise<void> {
    const state = this.state;
    if (state.step !== 'credentials' || this.busy) return;
    const idNumber = this.renderRoot.querySelector<HTMLInputElement>('#id-number')?.value.trim() ?? '';
    if (!(await this.loaded(later)) || this.state !== state) return;
    this.send({ type, idNumber });
  }


  /**
   * "Quên mật khẩu" and "Mất số điện thoại nhận OTP": the portal's link (or what it slotted in its place)
   * when it gave one, else a button that opens that flow in place.
   */
  #link(name: string, href: string | undefined, text: string, type: 'recoveryOpened' | 'lostPhoneOpened'): TemplateResult {
    return href || this.slots.has(name)
      ? html`<li>${this.renderSlottedLink(name, href, text)}</li>`
      : html`<li><button type="button" class="link" part="link" @click=${() => void this.#open(type)}>${text}</button></li>`;
  }

  /** Step 1 of sign-in: ID number and password, and the human check when the service asks. */
  #renderCredentials(config: ServiceConfig): TemplateResult {
    const t = this.localize.t;
    const error = this.feedback.fieldError;
    return html`${this.renderHeading(t.signInTitle, [1, 2])} ${this.feedback.renderSummary(CREDENTIALS_FIELDS)}
      <form part="form" novalidate @submit=${this.#submitCredentials} aria-busy=${this.busy}>
        ${textField({ id: 'id-number', name: 'idNumber', label: t.idNumberLabel, hint: t.idNumberHint, error: error('idNumber'), errorPrefix: t.errorPrefix, inputmode: 'numeric', autocomplete: 'username', short: true })}
        ${textField({ id: 'password', name: 'password', label: t.passwordLabel, error: error('password'), errorPrefix: t.errorPrefix, type: this.showPassword ? 'text' : 'password', autocomplete: 'current-password' })}
        <button type="button" class="link" part="toggle" aria-pressed=${this.showPassword} @click=${() => (this.showPassword = !this.showPassword)}>${t.showPassword}</button>
        ${humanCheckField({ config, client: this.calls.client, error })}
        <button type="submit" part="button" aria-disabled=${this.busy}>${t.signIn}</button>
      </form>
      <ul class="links">
        ${this.#link('forgot-password', this.forgotPasswordHref, t.forgotPassword, 'recoveryOpened')}
        ${this.#link('lost-phone', this.lostPhoneHref, t.lostPhone, 'lostPhoneOpened')}
        ${config.signInMethods.some((method) => method === 'sim_signature' || method === 'remote_signing' || (method === 'usb_token' && this.signer))
          ? html`<li><button type="button" class="link" part="link" @click=${() => void this.#open('signatureOpened')}>${t.signInWithSignature}</button></li>`
          : ''}
      </ul>`;
  }

  protected override renderStep(): TemplateResult {
    const t = this.localize.t;
    const state = this.state;
    const loading = html`<p class="hint" role="status">${t.loading}</p>`;
    switch (state.step) {
      case 'loading':
        return this.setup.renderLoading(loading);
      case 'error':
        return this.renderFailure(state, state.code === 'flow_not_found');
      case 'credentials':
        return this.#renderCredentials(state.config);
      default:
        // The steps after the credentials come with the later steps (the credentials' submission waited for them).
        return (
          later.get(this)?.renderSignInLater(this, { t, heading: (text, step) => this.renderHeading(text, step), send: (event) => this.send(event) }, state) ?? loading
        );
    }
  }
}
