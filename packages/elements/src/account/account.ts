import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  completePasswordChange,
  FLOW_LIFETIME_SECONDS,
  getAccount,
  isEmail,
  parseIdNumber,
  parsePhone,
  resendAccountChangeCode,
  signOutEverywhere,
  startAccountChange,
  verifyAccountChangeCode,
  type AccountDetails,
  type ServiceConfig,
  type CallOptions,
  type DvcClientCore,
  type DvcErrorCore,
  type VerificationMethod,
} from '@dvc-kit/sdk';
import type { Catalogue, ProgressKey } from '../i18n/catalogue.js';
import { renderCodeStep } from '../shared/code-step.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import { emit } from '../shared/events.js';
import type { FieldProblem } from '../shared/feedback.js';
import { textField, type TextFieldOptions } from '../shared/field.js';
import { FlowElement } from '../shared/flow-element.js';
import { flowStyles } from '../shared/flow-styles.js';
import { passwordFieldIn, readPassword, renderNewPasswordStep } from '../shared/new-password-step.js';
import { refusal } from '../shared/refusal.js';
import { renderSignatureInPlace } from '../shared/signature-in-place.js';
import { baseStyles } from '../shared/styles.js';
import type { Signer } from '@dvc-kit/sdk/signer';
import type { DvcAccountChangedDetail, DvcSignedOutDetail } from './events.js';
import { accountTransition, type AccountEvent } from './machine.js';
import { readPasskeys, renderAddPasskey, renderPasskeySection, renderRemovePasskey, type PasskeySteps } from './passkeys.js';
import type { AccountAction, AccountState } from './state.js';
import { accountStyles } from './styles.js';

/** What a change asks besides the current password: the new detail's field, and how the SDK's checks read it (the value to send, or why not). */
interface NewDetail {
  readonly label: (t: Catalogue) => string;
  readonly hint?: (t: Catalogue) => string;
  readonly field: Partial<TextFieldOptions>;
  readonly read: (text: string, today: Date) => string | FieldProblem;
}

/** Each change's new detail (none for a password), named as in the request body and with that id: the first step renders, checks and sends it from here. */
const NEW_DETAIL: Readonly<Record<Exclude<AccountAction, 'password'>, NewDetail>> = {
  email: {
    label: (t) => t.account.newEmailLabel,
    field: { type: 'email', autocomplete: 'email' },
    read: (email) => (isEmail(email) ? email : { rule: email ? 'email_format' : 'required' }),
  },
  phone: {
    label: (t) => t.newPhoneLabel,
    hint: (t) => t.account.newPhoneHint,
    field: { type: 'tel', autocomplete: 'tel', short: true },
    read: (text) => {
      const phone = parsePhone(text);
      return phone.ok ? phone.national : phone;
    },
  },
  cccd: {
    label: (t) => t.account.cccdLabel,
    hint: (t) => t.account.cccdHint,
    field: { inputmode: 'numeric', short: true },
    read: (text, today) => {
      const cccd = parseIdNumber(text, today);
      return !cccd.ok ? cccd : cccd.kind === 'cccd' ? cccd.value : { rule: 'id_number_cccd' };
    },
  },
};

/** The current password, which every change asks for. */
const CURRENT: FieldTarget = { name: 'currentPassword', id: 'currentPassword', label: (t) => t.account.currentPasswordLabel };

/**
 * `<dvc-account>`: the signed-in citizen's own account — name, the ID numbers it signs in with, level
 * and method, the phone and email masked — and one change at a time, each with the current password
 * and a fresh code: change password (then the new password), change email, change phone (the carrier
 * must have the new SIM in the citizen's name; the code goes to the new phone, the old one gets a
 * notice), add the 12-digit CCCD (a CMND account only), raise an IAL2 account to IAL3 with a digital
 * signature (`<dvc-signature operation="upgrade">` opened in place; give the `signer` property for a USB
 * token), and sign out everywhere (after a confirmation).
 * When the service offers passkeys, a "Khóa truy cập" section lists them (name, added, last used), adds one
 * (the current password on a recent sign-in, then the browser's prompt) and removes one (after a confirmation).
 * A visible state machine: `reading → overview → change → code → (password →) overview`, or
 * `confirmSignOut → signedOut`.
 *
 * It reads the session from its `accessToken` property (set it from `dvc-signed-in`'s
 * `detail.tokens.accessToken`, and again after each refresh), as `<dvc-assurance-gate>` does; the attribute `access-token` works too but puts the token in the page's markup. When the
 * service no longer accepts the token the element says so and fires `dvc-signed-out`.
 *
 * @fires {DvcAccountChangedDetail} dvc-account-changed - A change is made; `detail` is `{ change, account, otherSessionsEnded }` (`account` read again, masked).
 * @fires {DvcAssuranceUpgradedDetail} dvc-assurance-upgraded - "Nâng lên mức 3 bằng chữ ký số" (an IAL2 account, a signature method offered) raised the account to IAL3; `detail.upgrade` is the service's answer. The overview then shows level 3.
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
    signer: { attribute: false },
  };

  /** The signed-in citizen's access token (`dvc-signed-in`'s `detail.tokens.accessToken`); attribute `access-token`. */
  declare accessToken: string | undefined;
  /** Reaches the citizen's USB token for "Nâng lên mức 3 bằng chữ ký số" (a `Signer` from `@dvc-kit/sdk/signer`); without one the USB token is not offered. */
  declare signer: Signer | undefined;
  protected readonly transition = accountTransition;
  /** The service keeps a change for 15 minutes from its start. */
  protected readonly lifetimeMs = FLOW_LIFETIME_SECONDS.accountChange * 1000;

  constructor() {
    super();
    this.accessToken = undefined;
    this.signer = undefined;
  }

  /** Reading the account counts as loading: focus stays where the page put it until the citizen acts. */
  override get stepName(): string {
    return this.state.step === 'reading' ? 'loading' : this.state.step;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new token after the session ended (the citizen signed in again): read the account afresh.
    if (changed.has('accessToken') && this.accessToken && this.state.step === 'signedOut' && this.state.reason === 'session_ended') this.restart();
    super.willUpdate(changed);
    // The account is read once the configuration is in (busy while it is read). Without a token there is no session
    // to read: the widget says so, without `dvc-signed-out` (nothing ended here; the page may simply not have signed in).
    if (this.state.step === 'reading' && !this.busy) void (this.accessToken ? this.#read() : this.send({ type: 'signedOut', reason: 'session_ended' }));
  }

  /**
   * Calls the service for the step on screen: its answer moves the flow on through `then`, a refusal is
   * shown; an answer that comes once the step has changed is dropped.
   */
  async #call<T>(call: (client: DvcClientCore, token: string, options: CallOptions) => Promise<T>, then: (value: T) => void, progress?: ProgressKey): Promise<void> {
    const state = this.state;
    const result = await this.calls.call((client, signal) => call(client, this.accessToken!, { signal }), progress);
    if (this.state !== state) return;
    if (result.ok) then(result.value);
    else this.#refused(result.error);
  }

  /** Reads the account (again) for the overview, and its passkeys when the service offers them; `undefined` when refused. */
  async #read(): Promise<AccountDetails | undefined> {
    const offered = 'config' in this.state && this.state.config.passkeys.offered;
    const result = await this.calls.call(async (client, signal) => {
      const token = this.accessToken!;
      const [account, passkeys] = await Promise.all([getAccount(client, token, { signal }), offered ? readPasskeys(client, token, { signal }) : undefined]);
      return { account, passkeys };
    });
    if (!result.ok) return this.#refused(result.error);
    this.send({ type: 'read', ...result.value });
    return result.value.account;
  }

  /** What the passkey steps use of the widget. */
  #passkeySteps(cancel: TemplateResult): PasskeySteps {
    return {
      calls: this.calls,
      feedback: this.feedback,
      state: () => this.state,
      accessToken: () => this.accessToken!,
      t: this.localize.t,
      locale: this.localize.lang === 'en' ? 'en-GB' : 'vi-VN',
      heading: (text) => this.renderHeading(text),
      send: (event) => this.send(event),
      refused: (error) => this.#refused(error),
      cancel,
    };
  }

  /** After a change: the account read again, then `dvc-account-changed` with it. */
  async #changed(change: AccountAction | 'upgrade', otherSessionsEnded = 0): Promise<void> {
    this.keys.reset();
    this.send({ type: 'changed', otherSessionsEnded });
    const account = await this.#read();
    // An upgrade is told by `dvc-assurance-upgraded`, which bubbled out of the signature.
    if (account && change !== 'upgrade') emit<DvcAccountChangedDetail>(this, 'dvc-account-changed', { change, account, otherSessionsEnded });
  }

  /** The session is over (`sessionsEnded` of them when the citizen signed out everywhere): said once, with `dvc-signed-out`. */
  #signedOut(detail: DvcSignedOutDetail): true {
    if (this.state.step !== 'signedOut') {
      this.send({ type: 'signedOut', ...detail });
      emit(this, 'dvc-signed-out', detail);
    }
    return true;
  }

  /** A refusal: the session gone, the change gone, a wrong current password, or what the step shows. */
  #refused(error: DvcErrorCore): undefined {
    const { code } = error;
    if (code === 'aborted') return;
    if (code === 'unauthorized') this.#signedOut({ reason: 'session_ended' });
    else if (code === 'flow_not_found' || code === 'flow_step' || this.state.step === 'reading') this.fail(error);
    else this.feedback.show(code === 'invalid_credentials' ? { fields: { currentPassword: { text: (t) => t.account.currentPasswordWrong } } } : refusal(error));
  }

  /**
   * A change's first step, sent: the new email, phone or CCCD read with the SDK's checks (the service's
   * rules), the current password, and but for a CCCD whether to sign out elsewhere.
   */
  #submitChange(event: SubmitEvent, action: AccountAction): void {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const fields: Record<string, FieldProblem> = {};
    const body: Record<string, unknown> = { currentPassword: data.get('currentPassword') as string };
    if (action !== 'password') {
      const read = NEW_DETAIL[action].read((data.get(action) as string).trim(), new Date(this.clock.now()));
      if (typeof read === 'string') body[action] = read;
      else fields[action] = read;
    }
    if (!body.currentPassword) fields.currentPassword = { rule: 'required' };
    if (action !== 'cccd') body.endOtherSessions = data.has('endOtherSessions');
    if (Object.keys(fields).length) return this.feedback.show({ fields });
    void this.#call(
      // The body was read for this action, so it is the request of that kind of change.
      (client, token, options) => startAccountChange(client, token, action, body as never, options),
      ({ changeId, otp }) => this.send({ type: 'started', changeId, otp, at: this.clock.now() }),
      // The carrier (or the register, for a CCCD) is asked first.
      action === 'phone' || action === 'cccd' ? 'checkingCarrier' : 'sendingCode',
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
      (client, token, options) => completePasswordChange(client, token, changeId, body, { ...options, idempotencyKey }),
      (value) => void this.#changed('password', value.otherSessionsEnded),
      'saving',
    );
  }

  /** An IAL2 account, and a signature method for citizens (IAL3) this service offers here (a USB token only with a signer). */
  #canUpgrade(config: ServiceConfig, account: AccountDetails): boolean {
    const citizen = config.subjectTypes.find((entry) => entry.subjectType === 'citizen');
    return account.ial === 2 && !!citizen?.methods.some((choice) => choice.available && choice.ial === 3 && (choice.method !== 'usb_token' || this.signer));
  }

  readonly #cancel = (): void => {
    if (!this.busy) this.send({ type: 'cancelled' });
  };

  protected override renderStep(): TemplateResult {
    const state = this.state;
    const t = this.localize.t;
    const a = t.account;
    const busy = this.busy ? 'true' : 'false';
    const cancel = html`<button type="button" class="secondary" part="button button-secondary" @click=${this.#cancel}>${a.cancel}</button>`;
    const of = (n: number): [number, number] => [n, 'action' in state && state.action === 'password' ? 3 : 2];
    switch (state.step) {
      case 'loading':
      case 'reading':
        return this.setup.renderLoading(html`<p class="hint" role="status">${t.loading}</p>`);
      case 'error':
        return this.renderFailure(state, state.code === 'flow_not_found' || state.code === 'flow_step');
      case 'overview': {
        // After a change a notice read out politely; name, every ID number it signs in with and its kind,
        // level and method, the phone and email (masked as the service gives them), whether a BHXH code is
        // kept; then one button per change (adding a CCCD only for a CMND account that may) and sign-out.
        const { account, done } = state;
        const row = (term: string, value: string) => html`<dt>${term}</dt><dd>${value}</dd>`;
        return html`${this.renderHeading(a.heading)} ${this.feedback.renderSummary([])}
          ${done
            ? html`<div class="panel" part="done" role="status">
                <p>${done === 'passkeyAdded' ? t.passkey.added : done === 'passkeyRemoved' ? t.passkey.removed : a.done(done, state.otherSessionsEnded ?? 0)}</p>
              </div>`
            : nothing}
          <dl part="details">
            ${row(t.fullNameLabel, account.fullName)}
            ${row(a.idNumbersTerm, `${(account.idNumbersMasked ?? [account.idNumberMasked]).join(', ')} (${a.idNumberKind(account.idNumberKind)})`)}
            ${row(a.levelTerm, `${t.assuranceLevel(account.ial)} · ${t.methodNames[account.verificationMethod as VerificationMethod] ?? account.verificationMethod}`)}
            ${row(a.phoneTerm, account.phoneMasked)} ${row(a.emailTerm, account.emailMasked ?? a.none)}
            ${row(a.bhxhTerm, account.hasBhxhCode ? a.bhxhKept : a.none)}
          </dl>
          <h3>${a.actionsHeading}</h3>
          <ul class="actions">
            ${(['password', 'email', 'phone', 'cccd', 'upgrade', 'signOut'] as const)
              .filter((action) => (action !== 'cccd' || account.canAddCccd) && (action !== 'upgrade' || this.#canUpgrade(state.config, account)))
              .map((action) => html`<li><button type="button" class="secondary" part="button button-secondary" @click=${() => this.send({ type: 'chosen', action })}>${a.actions[action]}</button></li>`)}
          </ul>
          ${state.passkeys ? renderPasskeySection(this.#passkeySteps(cancel), state.passkeys) : nothing}`;
      }
      case 'addPasskey':
        return renderAddPasskey(this.#passkeySteps(cancel));
      case 'removePasskey':
        return renderRemovePasskey(this.#passkeySteps(cancel), state.passkey);
      case 'change': {
        // The new email, phone or CCCD (nothing for a password), the current password, "Đăng xuất khỏi các
        // thiết bị khác" (ticked for a password change, as the service's default; none for a CCCD).
        const { action } = state;
        const detail = action === 'password' ? undefined : NEW_DETAIL[action];
        const field = (name: string, label: string, options: Partial<TextFieldOptions>) => textField({ id: name, name, label, error: this.feedback.fieldError(name), errorPrefix: t.errorPrefix, ...options });
        return html`${this.renderHeading(a.actions[action], of(1))} ${this.feedback.renderSummary(detail ? [{ name: action, id: action, label: detail.label }, CURRENT] : [CURRENT])}
          <form part="form" novalidate @submit=${(event: SubmitEvent) => this.#submitChange(event, action)} aria-busy=${busy}>
            ${detail ? field(action, detail.label(t), { ...detail.field, hint: detail.hint?.(t) }) : nothing}
            ${field('currentPassword', a.currentPasswordLabel, { type: 'password', autocomplete: 'current-password' })}
            ${action === 'cccd'
              ? nothing
              : html`<div class="choice field">
                  <input id="endOtherSessions" name="endOtherSessions" type="checkbox" part="checkbox" ?checked=${action === 'password'} />
                  <label for="endOtherSessions" part="label">${a.endOtherSessions}</label>
                </div>`}
            <button type="submit" part="button" aria-disabled=${busy}>${t.continue}</button>
            ${cancel}
          </form>`;
      }
      case 'code':
        return html`${renderCodeStep(this, {
          heading: this.renderHeading(t.codeHeading, of(2)),
          otp: state.otp,
          id: state.changeId,
          verify: (client, id, body, options) => verifyAccountChangeCode(client, this.accessToken!, id, body, options),
          verified: (value) => (value.next === 'password' ? this.send({ type: 'codeVerified' }) : void this.#changed(state.action, value.otherSessionsEnded)),
          resend: (client, id, options) => resendAccountChangeCode(client, this.accessToken!, id, options),
          resent: (otp) => this.send({ type: 'codeResent', otp }),
          // The session gone; a CCCD another account took meanwhile, or one added already, ends the change.
          refused: (error) => (error.code === 'unauthorized' ? this.#signedOut({ reason: 'session_ended' }) : error.code.startsWith('cccd_') && (this.fail(error), true)),
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
          busy: this.busy,
          error: this.feedback.fieldError,
          onSubmit: (event) => this.#submitPassword(event, state.changeId),
          root: () => this.renderRoot,
        })}
        ${cancel}`;
      case 'upgrade':
        // The signature's events bubble out to the page; the account is read again at IAL3.
        return html`<div @dvc-assurance-upgraded=${() => this.#changed('upgrade')}>
          ${renderSignatureInPlace(this, {
            operation: 'upgrade',
            signer: this.signer,
            accessToken: this.accessToken,
            cancelled: (event) => {
              event.stopPropagation();
              this.#cancel();
            },
          })}
        </div>`;
      case 'confirmSignOut':
        return html`${this.renderHeading(a.confirmSignOutHeading)} ${this.feedback.renderSummary([])}
          <p>${a.confirmSignOutText}</p>
          <button
            type="button"
            part="button"
            aria-disabled=${busy}
            @click=${() => !this.busy && this.#call(signOutEverywhere, ({ sessionsEnded }) => this.#signedOut({ reason: 'signed_out_everywhere', sessionsEnded }), 'saving')}
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
