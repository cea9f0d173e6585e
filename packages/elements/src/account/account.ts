import { html, type PropertyValues, type TemplateResult } from 'lit';
import {
  completePasswordChange,
  FLOW_LIFETIME_SECONDS,
  getAccount,
  resendAccountChangeCode,
  signOutEverywhere,
  verifyAccountChangeCode,
  type DvcClientCore,
  type DvcErrorCore,
} from '@dvc-kit/sdk';
import type { ProgressKey } from '../i18n/catalogue.js';
import { renderCodeStep } from '../shared/code-step.js';
import { emit } from '../shared/events.js';
import { FlowElement } from '../shared/flow-element.js';
import { flowStyles } from '../shared/flow-styles.js';
import { passwordFieldIn, readPassword, renderNewPasswordStep } from '../shared/new-password-step.js';
import { baseStyles } from '../shared/styles.js';
import { changeFields, readChange, renderChangeStep, startChange, startProgress } from './change-step.js';
import type { DvcAccountChangedDetail, DvcSignedOutDetail } from './events.js';
import { accountTransition, type AccountEvent } from './machine.js';
import { renderOverview } from './overview-step.js';
import type { AccountAction, AccountState, SignedOutReason } from './state.js';
import { accountStyles } from './styles.js';
import { refusal } from '../shared/refusal.js';

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

  /**
   * Calls the service for the step on screen: its answer moves the flow on through `then`, a refusal is
   * shown; an answer that comes once the step has changed is dropped.
   */
  async #call<T>(call: (client: DvcClientCore, token: string, signal: AbortSignal) => Promise<T>, then: (value: T) => void, progress?: ProgressKey): Promise<void> {
    const state = this.state;
    const result = await this.calls.call((client, signal) => call(client, this.#token, signal), progress);
    if (this.state !== state) return;
    if (result.ok) then(result.value);
    else this.#refused(result.error);
  }

  async #read(): Promise<void> {
    if (!this.accessToken) return this.send({ type: 'signedOut', reason: 'session_ended' });
    this.#reading = true;
    await this.#call((client, token, signal) => getAccount(client, token, { signal }), (account) => this.send({ type: 'read', account }));
    this.#reading = false;
  }

  /** After a change: the account read again, then `dvc-account-changed` with it. */
  async #changed(change: AccountAction, otherSessionsEnded = 0): Promise<void> {
    this.keys.reset();
    this.send({ type: 'changed', otherSessionsEnded });
    const result = await this.calls.call((client, signal) => getAccount(client, this.#token, { signal }));
    if (!result.ok) return this.#refused(result.error);
    this.send({ type: 'read', account: result.value });
    emit<DvcAccountChangedDetail>(this, 'dvc-account-changed', { change, account: result.value, otherSessionsEnded });
  }

  /** The session is over (`sessionsEnded` of them when the citizen signed out everywhere): said once, with `dvc-signed-out`. */
  #signedOut(reason: SignedOutReason, sessionsEnded?: number): true {
    if (this.state.step !== 'signedOut') {
      const detail: DvcSignedOutDetail = sessionsEnded === undefined ? { reason } : { reason, sessionsEnded };
      this.send({ type: 'signedOut', ...detail });
      emit(this, 'dvc-signed-out', detail);
    }
    return true;
  }

  /** A refusal: the session gone, the change gone, a wrong current password, or what the step shows. */
  #refused(error: DvcErrorCore): void {
    if (error.code === 'aborted') return;
    if (error.code === 'unauthorized') this.#signedOut('session_ended');
    else if (error.code === 'flow_not_found' || error.code === 'flow_step' || this.state.step === 'reading') this.fail(error);
    else if (error.code === 'invalid_credentials') this.feedback.show({ fields: { currentPassword: { text: (t) => t.account.currentPasswordWrong } } });
    else this.feedback.show(refusal(error));
  }

  #submitChange(event: SubmitEvent, action: AccountAction): void {
    event.preventDefault();
    if (this.busy) return;
    const reading = readChange(action, new FormData(event.currentTarget as HTMLFormElement), new Date(this.clock.now()));
    if (!reading.ok) return this.feedback.show(reading);
    void this.#call(
      (client, token, signal) => startChange(client, token, action, reading.body, { signal }),
      ({ changeId, otp }) => this.send({ type: 'started', changeId, otp, at: this.clock.now() }),
      startProgress(action),
    );
  }

  #submitPassword(event: SubmitEvent, changeId: string): void {
    event.preventDefault();
    if (this.busy) return;
    const reading = readPassword(passwordFieldIn(this.renderRoot));
    if (!reading.ok) return this.feedback.show(reading);
    const body = { password: reading.password, passwordConfirmation: reading.passwordConfirmation };
    const idempotencyKey = this.keys.keyFor({ changeId, ...body });
    void this.#call(
      (client, token, signal) => completePasswordChange(client, token, changeId, body, { signal, idempotencyKey }),
      (value) => void this.#changed('password', value.otherSessionsEnded),
      'saving',
    );
  }

  readonly #cancel = (): void => {
    if (!this.busy) this.send({ type: 'cancelled' });
  };

  protected override renderStep(): TemplateResult {
    const state = this.state;
    const t = this.localize.t;
    const a = t.account;
    const busy = this.busy;
    const cancel = html`<button type="button" class="secondary" part="button button-secondary" @click=${this.#cancel}>${a.cancel}</button>`;
    const of = (n: number): [number, number] => [n, 'action' in state && state.action === 'password' ? 3 : 2];
    switch (state.step) {
      case 'loading':
      case 'reading':
        return this.setup.renderLoading(html`<p class="hint" role="status">${t.loading}</p>`);
      case 'error':
        return this.renderFailure(state, state.code === 'flow_not_found' || state.code === 'flow_step');
      case 'overview':
        return html`${this.renderHeading(a.heading)} ${this.feedback.renderSummary([])} ${renderOverview(t, state, (action) => this.send({ type: 'chosen', action }))}`;
      case 'change':
        return html`${this.renderHeading(a.actions[state.action], of(1))} ${this.feedback.renderSummary(changeFields(state.action))}
        ${renderChangeStep(this, t, state.action, (event) => this.#submitChange(event, state.action), cancel)}`;
      case 'code':
        return html`${renderCodeStep(this, {
          heading: this.renderHeading(t.codeHeading, of(2)),
          otp: state.otp,
          id: state.changeId,
          verify: (client, id, body, options) => verifyAccountChangeCode(client, this.#token, id, body, options),
          verified: (value) => (value.next === 'password' ? this.send({ type: 'codeVerified' }) : void this.#changed(state.action, value.otherSessionsEnded)),
          resend: (client, id, options) => resendAccountChangeCode(client, this.#token, id, options),
          resent: (otp) => this.send({ type: 'codeResent', otp }),
          refused: (error) => {
            if (error.code === 'unauthorized') return this.#signedOut('session_ended');
            if (error.code !== 'cccd_in_use' && error.code !== 'cccd_already_added') return false;
            this.fail(error);
            return true;
          },
        })}
        ${cancel}`;
      case 'password':
        return html`${renderNewPasswordStep({
          t,
          heading: this.renderHeading(t.newPasswordHeading, of(3)),
          summary: (targets) => this.feedback.renderSummary(targets),
          policy: state.config.passwordPolicy,
          context: state.account,
          submitText: a.actions.password,
          busy,
          error: this.feedback.fieldError,
          onSubmit: (event) => this.#submitPassword(event, state.changeId),
          root: () => this.renderRoot,
        })}
        ${cancel}`;
      case 'confirmSignOut':
        return html`${this.renderHeading(a.confirmSignOutHeading)} ${this.feedback.renderSummary([])}
          <p>${a.confirmSignOutText}</p>
          <button
            type="button"
            part="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() =>
              !this.busy && this.#call((client, token, signal) => signOutEverywhere(client, token, { signal }), ({ sessionsEnded }) => this.#signedOut('signed_out_everywhere', sessionsEnded), 'saving')}
          >
            ${a.actions.signOut}
          </button>
          ${cancel}`;
      case 'signedOut':
        return state.reason === 'signed_out_everywhere'
          ? html`<div class="panel" part="done">${this.renderHeading(a.signedOutHeading)}<p>${a.signedOutEverywhere(state.sessionsEnded ?? 0)}</p></div>`
          : html`${this.renderHeading(a.heading)}<p>${a.sessionEnded}</p>`;
    }
  }
}
