import { css, html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { checkSessionAssurance, type AssuranceRequirement, type DvcClientCore } from '@dvc-kit/sdk';
import { LocalizeController } from '../i18n/localize.js';
import type { Signer } from '@dvc-kit/sdk/signer';
import { DvcLogin } from '../login/login.js';
import { DvcSignature } from '../signature/signature.js';
import { FocusController } from '../shared/controllers/focus-controller.js';
import { ServiceController } from '../shared/controllers/service-controller.js';
import { definePart } from '../shared/define-part.js';
import { emit, type DvcSignedInDetail } from '../shared/events.js';
import { problemOf } from '../shared/feedback.js';
import { flowStyles } from '../shared/flow-styles.js';
import { baseStyles } from '../shared/styles.js';
import type { DvcAssuranceMetDetail } from './events.js';
import { stepUpFor, strictest, type GateState } from './state.js';

/**
 * The signature methods whose sign-in is AAL3 (`SIGN_IN_METHODS` of the SDK): remote signing gives AAL2 (the
 * provider holds the key), so it is not offered where `min-aal` is 3.
 */
export const AAL3_METHODS = 'usb_token,sim_signature';

/**
 * `<dvc-assurance-gate>`: shows its content only once the identity service says the citizen's session
 * meets the levels a public service needs (`POST /v1/session/assurance/check`, never the token read in
 * the page), and otherwise takes the citizen up in place, by what the session misses: no session, a
 * session that ended, a sign-in too weak for `min-aal` 2 or older than `max-age` → `<dvc-login>` (a
 * password with the SMS code, or a passkey, gives AAL2); `min-aal` 3, with or without a session →
 * `<dvc-signature operation="sign-in">` (USB token or SIM signature only: remote signing gives AAL2); an
 * identity below `min-ial` → `<dvc-signature operation="upgrade">` with the session's token. One sentence
 * says why the step is asked. "Huỷ" in the signature leaves the citizen on its step (the content hidden)
 * to sign another way or later. After each step it asks the service again; when the session meets the requirement it shows the content, fires `dvc-signed-in` with the new
 * tokens (if the citizen signed in here) and `dvc-assurance-met`. A service that cannot answer is shown,
 * with "Thử lại" — the content never is.
 *
 * The content is the page's own markup: the gate decides what the citizen sees, the portal's backend
 * still decides what it serves (it asks the service too, and answers an RFC 9470 step-up challenge that
 * {@link DvcAssuranceGate.stepUp} takes).
 *
 * @fires {DvcAssuranceMetDetail} dvc-assurance-met - The service says the session meets the requirement and the content is shown; `detail` is `{ assurance }`.
 * @fires {DvcSignedInDetail} dvc-signed-in - The citizen signed in inside the gate and the new session meets the requirement; `detail` is `{ account, tokens }`: keep the tokens.
 * @fires {DvcErrorDetail} dvc-error - The service refused or could not be reached; `detail` is `{ code, message, missing? }`.
 * @slot - The content, shown only to a session that meets the requirement.
 * @csspart content - The content's frame, focused when it appears after a step.
 * @csspart reason - The sentence that says why a step is asked.
 * @csspart heading - "Chưa thể tiếp tục" when the service could not answer.
 * @csspart error-summary - What went wrong.
 * @csspart button - "Thử lại".
 * @csspart progress - "Đang kiểm tra…".
 * @cssprop --dvc-color-primary - Buttons, links (the sign-in inside the gate too). Default `#1d5ea8`.
 * @cssprop --dvc-color-error - Errors. Default `#c0281b`.
 * @example
 * ```html
 * <dvc-assurance-gate id="gate" min-ial="3" min-aal="2" max-age="600" service="https://id.example.gov.vn" client-id="provincial-portal">
 *   <section id="records">…</section>
 * </dvc-assurance-gate>
 * <script type="module">
 *   import { readStepUpChallenge } from '@dvc-kit/sdk';
 *   const gate = document.getElementById('gate');
 *   let tokens;
 *   document.addEventListener('dvc-signed-in', (event) => {
 *     tokens = event.detail.tokens;
 *     gate.accessToken = tokens.accessToken;
 *   });
 *   gate.addEventListener('dvc-assurance-met', async () => {
 *     const response = await fetch('/api/high-assurance', { headers: { Authorization: `Bearer ${tokens.accessToken}` } });
 *     // The backend asks for more (RFC 9470): the gate takes the citizen up to exactly that, then fires dvc-assurance-met again.
 *     if (response.status === 401) gate.stepUp(readStepUpChallenge(response));
 *   });
 * </script>
 * ```
 */
export class DvcAssuranceGate extends LitElement {
  static override styles = [
    baseStyles,
    flowStyles,
    css`
      .reason {
        margin: 0 0 var(--_space);
      }
      [tabindex='-1']:focus {
        outline: none;
      }
    `,
  ];

  static override properties = {
    minIal: { type: Number, attribute: 'min-ial' },
    minAal: { type: Number, attribute: 'min-aal' },
    maxAge: { type: Number, attribute: 'max-age' },
    service: { type: String },
    clientId: { type: String, attribute: 'client-id' },
    client: { attribute: false },
    accessToken: { attribute: false },
    signer: { attribute: false },
    state: { state: true },
  };

  /** Lowest identity assurance level (1–3) the content needs (attribute `min-ial`). */
  declare minIal: AssuranceRequirement['ial'];
  /** Lowest authenticator assurance level (1–3) of the sign-in (attribute `min-aal`). */
  declare minAal: AssuranceRequirement['aal'];
  /** Longest time since the citizen signed in, in seconds, by the service's clock (attribute `max-age`). */
  declare maxAge: number | undefined;
  /** Base URL of the identity service (attribute `service`). */
  declare service: string | undefined;
  /** This portal's client id (attribute `client-id`). */
  declare clientId: string | undefined;
  /** A ready client to use instead of `service` and `client-id` (a mock's, in tests). */
  declare client: DvcClientCore | undefined;
  /** The session's access token: set it from `dvc-signed-in`'s `detail.tokens.accessToken` (and after each refresh). */
  declare accessToken: string | undefined;
  /**
   * The page's USB-token signer (`@dvc-kit/sdk/signer`), handed to `<dvc-signature>` when the step up is a
   * signature; without one the USB token is not offered (a SIM signature or remote signing still is).
   */
  declare signer: Signer | undefined;
  /** The step on screen. */
  declare state: GateState;

  readonly #localize = new LocalizeController(this);
  /** Calls to the service. */
  readonly calls = new ServiceController(this, this.#localize);
  readonly #focus = new FocusController(this);
  /** The token the gate checks: the page's, or that of a sign-in made inside the gate. */
  #token: string | undefined;
  /** A sign-in made inside the gate, told to the page once its session meets the requirement. */
  #signedIn: DvcSignedInDetail | undefined;
  /** What a portal backend's step-up challenge asked, on top of the attributes. */
  #challenge: AssuranceRequirement | undefined;
  /** Counts checks, so the answer to one overtaken by a newer one is dropped. */
  #checks = 0;
  #stale = true;

  constructor() {
    super();
    this.state = { step: 'checking' };
  }

  /** What the service is asked: the attributes and the last step-up challenge, each part the stricter. */
  get requirement(): AssuranceRequirement {
    return strictest({ ial: this.minIal, aal: this.minAal, maxAge: this.maxAge }, this.#challenge);
  }

  /** Focus moves to the new step's first line when it changes after the citizen acted (checking counts as loading). */
  get stepName(): string {
    const state = this.state;
    return state.step === 'checking' ? 'loading' : state.step === 'stepUp' ? `${state.why}` : state.step;
  }

  /**
   * Asks for what a portal backend's RFC 9470 step-up challenge names (read with `readStepUpChallenge`),
   * on top of the attributes: the content is hidden, the service asked again, and the citizen taken up to
   * exactly that `acr_values` / `max_age` before the content (and `dvc-assurance-met`) comes back.
   * `undefined` (a 401 that was no step-up challenge) asks the service again for the attributes alone.
   *
   * @example
   * ```ts
   * const response = await fetch('/api/high-assurance', { headers: { Authorization: `Bearer ${accessToken}` } });
   * if (response.status === 401) gate.stepUp(readStepUpChallenge(response)); // e.g. { ial: 3, aal: 2, maxAge: 300 }
   * ```
   */
  stepUp(challenge: AssuranceRequirement | undefined): void {
    this.#challenge = challenge;
    void this.#check();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page (a check under way was cut short when it left): ask again.
    this.#stale = true;
    this.requestUpdate();
  }

  /** Renders once the strings of the citizen's language are in. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#localize.whenReady(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('accessToken') && this.accessToken !== this.#token) {
      // The page's token: a sign-in of its own, a refresh. One it got from the gate's own dvc-signed-in is no news.
      this.#token = this.accessToken;
      this.#signedIn = undefined;
      this.#stale = true;
    }
    for (const name of ['minIal', 'minAal', 'maxAge', 'service', 'clientId', 'client'] as const) if (changed.has(name)) this.#stale = true;
    if (this.#stale && !this.calls.missing.length) void this.#check();
  }

  /** Asks the service whether the session meets the requirement, and shows what follows. */
  async #check(): Promise<void> {
    this.#stale = false;
    const check = ++this.#checks;
    const token = this.#token;
    if (!token) {
      // No session: a sign-in, by signature straight away when nothing less would do.
      this.state = { step: 'stepUp', why: this.requirement.aal === 3 ? 'aal3' : 'signIn' };
      return;
    }
    this.state = { step: 'checking' };
    const requirement = this.requirement;
    const result = await this.calls.call((client, signal) => checkSessionAssurance(client, token, requirement, { signal }));
    if (check !== this.#checks) return;
    if (!result.ok) {
      const { error } = result;
      if (error.code === 'aborted') this.#stale = true;
      else this.state = error.code === 'unauthorized' ? { step: 'stepUp', why: 'ended' } : { step: 'failed', ...problemOf(error) };
      return;
    }
    const { meets, missing, assurance } = result.value;
    if (!meets) {
      this.state = stepUpFor(missing);
      return;
    }
    this.state = { step: 'met', assurance };
    const signedIn = this.#signedIn;
    this.#signedIn = undefined;
    if (signedIn) emit(this, 'dvc-signed-in', signedIn);
    emit<DvcAssuranceMetDetail>(this, 'dvc-assurance-met', { assurance });
  }

  /** A sign-in inside the gate: kept from the page until its session meets the requirement, then checked. */
  #onSignedIn(event: CustomEvent<DvcSignedInDetail>): void {
    event.stopPropagation();
    this.#signedIn = event.detail;
    this.#token = event.detail.tokens.accessToken;
    void this.#check();
  }

  /** The way up for what the session misses: a sign-in inside the gate, or a signature. */
  #renderWayUp(state: Extract<GateState, { step: 'stepUp' }>): TemplateResult | typeof nothing {
    const client = this.calls.client;
    const again = () => void this.#check();
    switch (state.why) {
      case 'vneid':
        return nothing;
      case 'aal3':
      case 'ial':
        definePart('dvc-signature', DvcSignature);
        return html`<dvc-signature
          operation=${state.why === 'ial' ? 'upgrade' : 'sign-in'}
          methods=${state.why === 'ial' ? nothing : AAL3_METHODS}
          .client=${client}
          .service=${this.service}
          .clientId=${this.clientId}
          .accessToken=${this.#token}
          .signer=${this.signer}
          @dvc-signed-in=${this.#onSignedIn}
          @dvc-assurance-upgraded=${again}
        ></dvc-signature>`;
      default:
        definePart('dvc-login', DvcLogin);
        return html`<dvc-login .client=${client} @dvc-signed-in=${this.#onSignedIn}></dvc-login>`;
    }
  }

  #renderStep(): TemplateResult | typeof nothing {
    const t = this.#localize.t;
    const state = this.state;
    switch (state.step) {
      case 'checking':
        return nothing;
      case 'met':
        return html`<div id="step-heading" part="content" tabindex="-1"><slot></slot></div>`;
      case 'failed':
        return html`<h2 id="step-heading" class="heading" part="heading" tabindex="-1">${t.fatalHeading}</h2>
          <div class="error-summary" part="error-summary" role="alert"><p>${this.#localize.problem(state.code, state.detail)}</p></div>
          <button type="button" part="button" @click=${() => void this.#check()}>${t.retry}</button>`;
      default: {
        const reason = state.why === 'ended' ? t.account.sessionEnded : t.gate.reason(state.why, state.level ?? 0);
        return html`<p id="step-heading" class="reason" part="reason" tabindex="-1">${reason}</p>
          ${this.#renderWayUp(state)}`;
      }
    }
  }

  protected override render(): TemplateResult {
    if (this.calls.missing.length) return this.calls.renderLoading(html``);
    return html`${this.#renderStep()}
      <p class="progress" part="progress" role="status">${this.state.step === 'checking' ? this.#localize.t.gate.checking : nothing}</p>`;
  }
}
