import { html, type PropertyValues, type TemplateResult } from 'lit';
import { FLOW_LIFETIME_SECONDS, type AccountChangeStarted, type DvcClientCore, type DvcErrorCore } from '@dvc-kit/sdk';
import type { DvcPasswordField } from '../password-field/password-field.js';
import { readPassword } from '../register/password-step.js';
import { renderCodeStep } from '../shared/code-step.js';
import { emit } from '../shared/events.js';
import { FlowElement } from '../shared/flow-element.js';
import { flowStyles } from '../shared/flow-styles.js';
import { baseStyles } from '../shared/styles.js';
import { SubmissionKeys } from '../shared/submission-keys.js';
import { changeFields, readChange, renderChangeStep, type ChangeBody } from './change-step.js';
import type { DvcAccountChangedDetail, DvcSignedOutDetail } from './events.js';
import { accountTransition, type AccountEvent } from './machine.js';
import { renderOverview } from './overview-step.js';
import { renderNewPasswordStep } from './password-step.js';
import type { AccountAction, AccountState } from './state.js';
import { accountStyles } from './styles.js';

/** The call that starts each change with the first step's body. */
function startChange(client: DvcClientCore, token: string, action: AccountAction, body: ChangeBody, signal: AbortSignal): Promise<AccountChangeStarted> {
  const { currentPassword, endOtherSessions } = body;
  const options = { signal };
  switch (action) {
    case 'password':
      return client.startPasswordChange(token, { currentPassword, endOtherSessions }, options);
    case 'email':
      return client.startEmailChange(token, { currentPassword, email: body.email ?? '', endOtherSessions }, options);
    case 'phone':
      return client.startPhoneChange(token, { currentPassword, phone: body.phone ?? '', endOtherSessions }, options);
    case 'cccd':
      return client.startCccdAddition(token, { currentPassword, cccd: body.cccd ?? '' }, options);
  }
}

/**
 * `<dvc-account>`: the signed-in citizen's own account — name, the ID numbers it signs in with, level
 * and method, the phone and email masked — and one change at a time, each with the current password
 * and a fresh code: change password (then the new password), change email, change phone (the carrier
 * must have the new SIM in the citizen's name; the code goes to the new phone, the old one gets a
 * notice), add the 12-digit CCCD (a CMND account only), and sign out everywhere (after a confirmation).
 * A visible state machine: `reading → overview → change → code → (password →) overview`, or
 * `confirmSignOut → signedOut`.
 *
 * It reads the session from its `accessToken` property (set it from `dvc-signed-in`'s
 * `detail.tokens.accessToken`, and again after each refresh), as `<dvc-assurance-gate>` reads its
 * `idToken`; the attribute `access-token` works too but puts the token in the page's markup. When the
 * service no longer accepts the token the element says so and fires `dvc-signed-out`.
 *
 * @fires {DvcAccountChangedDetail} dvc-account-changed - A change is made; `detail` is `{ change, account, otherSessionsEnded }` (`account` read again, masked).
 * @fires {DvcSignedOutDetail} dvc-signed-out - The session is over: `detail.reason` is `signed_out_everywhere` (with `sessionsEnded`) or `session_ended`; forget the tokens.
 * @fires {DvcErrorDetail} dvc-error - A problem stopped the citizen, or the widget cannot reach the service; `detail` is `{ code, message, missing? }`.
 * @csspart details - The account's details.
 * @csspart done - The notice after a change.
 * @csspart form - Each step's form.
 * @csspart heading - The step heading.
 * @csspart caption - "Bước n/m" above it.
 * @csspart field - A field (label, hint, error, input).
 * @csspart label - A label.
 * @csspart hint - A hint under a label.
 * @csspart input - A text input.
 * @csspart checkbox - "Đăng xuất khỏi các thiết bị khác".
 * @csspart error - A field's error message.
 * @csspart error-summary - The error summary at the top of a step.
 * @csspart error-summary-link - A link in it.
 * @csspart button - A button.
 * @csspart button-secondary - The actions, "Hủy", "Gửi lại OTP".
 * @csspart checklist - The password rules.
 * @csspart progress - What a slow step is waiting for ("Đang kiểm tra với nhà mạng…").
 * @csspart expiry-warning - The warning before a change runs out on the service.
 * @cssprop --dvc-color-primary - Buttons, links. Default `#1d5ea8`.
 * @cssprop --dvc-color-on-primary - Text on buttons. Default white.
 * @cssprop --dvc-color-text - Text. Default `#0b0c0c`.
 * @cssprop --dvc-color-muted - Hints. Default `#484f54`.
 * @cssprop --dvc-color-error - Errors. Default `#c0281b`.
 * @cssprop --dvc-color-success - The notice after a change. Default `#00703c`.
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
 * <dvc-login service="https://id.example.gov.vn" client-id="provincial-portal"></dvc-login>
 * <dvc-account service="https://id.example.gov.vn" client-id="provincial-portal" hidden></dvc-account>
 * <script type="module">
 *   const account = document.querySelector('dvc-account');
 *   document.querySelector('dvc-login').addEventListener('dvc-signed-in', (event) => {
 *     account.accessToken = event.detail.tokens.accessToken;
 *     account.hidden = false;
 *   });
 *   account.addEventListener('dvc-signed-out', () => location.assign('/dang-nhap'));
 * </script>
 * ```
 */
export class DvcAccount extends FlowElement<AccountState, AccountEvent> {
  static override styles = [baseStyles, flowStyles, accountStyles];

  static override properties = {
    ...FlowElement.properties,
    accessToken: { type: String, attribute: 'access-token' },
  };

  /** The signed-in citizen's access token (`dvc-signed-in`'s `detail.tokens.accessToken`); attribute `access-token`. */
  declare accessToken: string | undefined;
  protected readonly transition = accountTransition;
  /** The service keeps a change for 15 minutes from its start. */
  protected readonly lifetimeMs = FLOW_LIFETIME_SECONDS.accountChange * 1000;
  readonly #keys = new SubmissionKeys();
  #reading = false;

  constructor() {
    super();
    this.accessToken = undefined;
  }

  /** Reading the account counts as loading: focus stays where the page put it until the citizen acts. */
  override get stepName(): string {
    return this.state.step === 'reading' ? 'loading' : this.state.step;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new token after the session ended (the citizen signed in again): read the account afresh.
    if (changed.has('accessToken') && this.accessToken && this.state.step === 'signedOut' && this.state.reason === 'session_ended') this.restart();
    super.willUpdate(changed);
    if (this.state.step === 'reading' && !this.#reading) void this.#read();
  }

  get #token(): string {
    return this.accessToken ?? '';
  }

  async #read(): Promise<void> {
    if (!this.accessToken) {
      this.send({ type: 'signedOut', reason: 'session_ended' });
      return;
    }
    this.#reading = true;
    const result = await this.calls.call((client, signal) => client.getAccount(this.#token, { signal }));
    this.#reading = false;
    if (result.ok) this.send({ type: 'read', account: result.value });
    else this.#refused(result.error);
  }

  /** After a change: the account read again, then `dvc-account-changed` with it. */
  async #changed(change: AccountAction, otherSessionsEnded: number): Promise<void> {
    this.#keys.reset();
    this.send({ type: 'changed', otherSessionsEnded });
    const result = await this.calls.call((client, signal) => client.getAccount(this.#token, { signal }));
    if (!result.ok) return void this.#refused(result.error);
    this.send({ type: 'read', account: result.value });
    emit<DvcAccountChangedDetail>(this, 'dvc-account-changed', { change, account: result.value, otherSessionsEnded });
  }

  #sessionEnded(): true {
    if (this.state.step !== 'signedOut') {
      this.send({ type: 'signedOut', reason: 'session_ended' });
      emit<DvcSignedOutDetail>(this, 'dvc-signed-out', { reason: 'session_ended' });
    }
    return true;
  }

  /** A refusal: the session gone, the change gone, a wrong current password, or what the step shows. */
  #refused(error: DvcErrorCore): void {
    if (error.code === 'aborted') return;
    if (error.code === 'unauthorized') this.#sessionEnded();
    else if (error.code === 'flow_not_found' || error.code === 'flow_step' || this.state.step === 'reading') this.fail(error.code);
    else if (error.code === 'invalid_credentials') this.feedback.show({ fields: { currentPassword: { text: (t) => t.account.currentPasswordWrong } } });
    else this.feedback.show(this.feedback.refusal(error));
  }

  async #submitChange(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'change' || this.busy) return;
    const reading = readChange(state.action, new FormData(event.currentTarget as HTMLFormElement), new Date(this.clock.now()));
    if (!reading.ok) return this.feedback.show({ fields: reading.fields });
    const registerAsked = state.action === 'phone' || state.action === 'cccd';
    const result = await this.calls.call((client, signal) => startChange(client, this.#token, state.action, reading.body, signal), registerAsked ? 'checkingCarrier' : 'sendingCode');
    if (this.state !== state) return;
    if (result.ok) this.send({ type: 'started', changeId: result.value.changeId, otp: result.value.otp, at: this.clock.now() });
    else this.#refused(result.error);
  }

  async #submitPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'password' || this.busy) return;
    const reading = readPassword(this.renderRoot.querySelector<DvcPasswordField>('dvc-password-field')!);
    if (!reading.ok) return this.feedback.show({ fields: reading.fields });
    const body = { password: reading.password, passwordConfirmation: reading.passwordConfirmation };
    const idempotencyKey = this.#keys.keyFor({ changeId: state.changeId, ...body });
    const result = await this.calls.call((client, signal) => client.completePasswordChange(this.#token, state.changeId, body, { signal, idempotencyKey }), 'saving');
    if (this.state !== state) return;
    if (result.ok) void this.#changed('password', result.value.otherSessionsEnded);
    else this.#refused(result.error);
  }

  async #signOutEverywhere(): Promise<void> {
    if (this.state.step !== 'confirmSignOut' || this.busy) return;
    const result = await this.calls.call((client, signal) => client.signOutEverywhere(this.#token, { signal }), 'saving');
    if (!result.ok) return this.#refused(result.error);
    const { sessionsEnded } = result.value;
    this.send({ type: 'signedOut', reason: 'signed_out_everywhere', sessionsEnded });
    emit<DvcSignedOutDetail>(this, 'dvc-signed-out', { reason: 'signed_out_everywhere', sessionsEnded });
  }

  readonly #cancel = (): void => {
    if (!this.busy) this.send({ type: 'cancelled' });
  };

  #cancelButton(): TemplateResult {
    return html`<button type="button" class="secondary" part="button button-secondary" @click=${this.#cancel}>${this.localize.t.account.cancel}</button>`;
  }

  protected override renderStep(): TemplateResult {
    const state = this.state;
    const t = this.localize.t;
    const a = t.account;
    const steps = (action: AccountAction) => (action === 'password' ? 3 : 2);
    switch (state.step) {
      case 'loading':
      case 'reading':
        return this.setup.renderLoading(html`<p class="hint" role="status">${t.loading}</p>`);
      case 'error':
        return this.renderFailure(state.code, state.code === 'flow_not_found' || state.code === 'flow_step');
      case 'overview':
        return renderOverview({
          t,
          heading: this.renderHeading(a.heading),
          summary: this.feedback.renderSummary([]),
          account: state.account,
          done: state.done,
          otherSessionsEnded: state.otherSessionsEnded ?? 0,
          choose: (action) => this.send({ type: 'chosen', action }),
        });
      case 'change':
        return renderChangeStep({
          t,
          action: state.action,
          heading: this.renderHeading(a.actions[state.action], [1, steps(state.action)]),
          summary: this.feedback.renderSummary(changeFields(state.action)),
          busy: this.busy,
          error: this.feedback.fieldError,
          onSubmit: (event) => void this.#submitChange(event),
          onCancel: this.#cancel,
        });
      case 'code':
        return html`${renderCodeStep(this, {
            heading: this.renderHeading(t.codeHeading, [2, steps(state.action)]),
            otp: state.otp,
            current: () => this.state === state,
            verify: (code) => (client, signal) =>
              client.verifyAccountChangeCode(this.#token, state.changeId, { code }, { signal, idempotencyKey: this.#keys.keyFor({ changeId: state.changeId, code }) }),
            verified: (value) => (value.next === 'password' ? this.send({ type: 'codeVerified' }) : void this.#changed(state.action, value.otherSessionsEnded ?? 0)),
            resend: (client, signal) => client.resendAccountChangeCode(this.#token, state.changeId, { signal }),
            resent: (otp) => this.send({ type: 'codeResent', otp }),
            refused: (error) => {
              if (error.code === 'unauthorized') return this.#sessionEnded();
              if (error.code !== 'cccd_in_use' && error.code !== 'cccd_already_added') return false;
              this.fail(error.code);
              return true;
            },
          })}
          ${this.#cancelButton()}`;
      case 'password':
        return renderNewPasswordStep({
          t,
          heading: this.renderHeading(t.newPasswordHeading, [3, 3]),
          summary: (targets) => this.feedback.renderSummary(targets),
          policy: state.config.passwordPolicy,
          account: state.account,
          busy: this.busy,
          error: this.feedback.fieldError,
          onSubmit: (event) => void this.#submitPassword(event),
          onCancel: this.#cancel,
          root: () => this.renderRoot,
        });
      case 'confirmSignOut':
        return html`${this.renderHeading(a.confirmSignOutHeading)} ${this.feedback.renderSummary([])}
          <p>${a.confirmSignOutText}</p>
          <button type="button" part="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.#signOutEverywhere()}>${a.actions.signOut}</button>
          ${this.#cancelButton()}`;
      case 'signedOut':
        return state.reason === 'signed_out_everywhere'
          ? html`<div class="panel" part="done">${this.renderHeading(a.signedOutHeading)}<p>${a.signedOutEverywhere(state.sessionsEnded ?? 0)}</p></div>`
          : html`${this.renderHeading(a.heading)}<p>${a.sessionEnded}</p>`;
    }
  }
}
