import { html, nothing, type TemplateResult } from 'lit';
import { completeRegistration, FLOW_LIFETIME_SECONDS, resendRegistrationCode, startRegistration, startSignatureRegistration, verifyRegistrationCode, type DvcErrorCore } from '@dvc-kit/sdk';
import type { AssuranceUpgradeRequest, CertificateDetails, SignatureMethod, SignatureRegistrant, StartSignatureRegistrationRequest } from '@dvc-kit/sdk/contract';
import type { Signer } from '@dvc-kit/sdk/signer';
import { DvcMethodPicker, type MethodSelectDetail } from '../method-picker/method-picker.js';
import { renderCodeStep } from '../shared/code-step.js';
import { definePart } from '../shared/define-part.js';
import { emit, type DvcActionRequestedDetail, type DvcRegisteredDetail } from '../shared/events.js';
import { FlowElement } from '../shared/flow-element.js';
import { passwordFieldIn, readPassword, renderNewPasswordStep } from '../shared/new-password-step.js';
import { problemOf } from '../shared/feedback.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import { detailsSubmission, readDetails } from './details-form.js';
import { DETAILS_FIELDS, renderDetailsStep } from './details-step.js';
import { isSignatureMethod, onlyChoice, registerChoices, type RegisterNarrowing } from './choices.js';
import { renderSignatureInPlace } from '../shared/signature-in-place.js';
import { registerTransition, type RegisterEvent } from './machine.js';
import type { DetailsDraft, RegisterState } from './state.js';
import { refusal } from '../shared/refusal.js';

const TOTAL_STEPS = 4;

/**
 * One of the two ways on from the final `exists` step: the page's slot of that name, or its link, or
 * without one a button; each fires `dvc-sign-in-requested` or `dvc-forgot-password-requested` first.
 */
function existsAction(host: HTMLElement, slot: 'sign-in' | 'forgot-password', text: string, href: string | undefined): TemplateResult {
  // Cancelable: a page that routes itself calls preventDefault() and the link does not navigate.
  const fire = (event: Event) => {
    if (!emit<DvcActionRequestedDetail>(host, `dvc-${slot}-requested`, { href: href || undefined }, true)) event.preventDefault();
  };
  return html`<li>
    <slot name=${slot}>
      ${href
        ? html`<a part="link" href=${href} @click=${fire}>${text}</a>`
        : html`<button type="button" part="button" class=${slot === 'sign-in' ? '' : 'secondary'} @click=${fire}>${text}</button>`}
    </slot>
  </li>`;
}

/**
 * `<dvc-register>`: a citizen creates the one account every portal shares, verified by mobile
 * subscriber or by social insurance (mức xác minh 2) or by a digital signature (mức xác minh 3); an
 * enterprise registers by its tax code (MST) and an agency officer by the ID number, each by signature,
 * the organisation's name coming from the certificate. The first step is the national portal's choice:
 * who registers (Công dân, Doanh nghiệp, Cơ quan nhà nước), then that subject type's methods grouped by
 * level, those this service does not offer shown disabled. `methods` and
 * `subject-type` narrow what the portal shows; with one subject type and one method left, the widget
 * starts at the details, else the details offer "Quay lại" to the choice until a code is sent. A
 * visible state machine, one step at a time —
 * `method → details → (signature →) code → password → done` — each step checked in the browser with the SDK's rules
 * (the same texts the service answers with) before it is sent. Everything it shows comes from the
 * service's `GET /v1/config` (password policy, code timings, methods, consent version, human check).
 *
 * @fires {DvcRegisteredDetail} dvc-registered - The account was created; `detail` is `{ account }` (ID number masked).
 * @fires {DvcErrorDetail} dvc-error - A problem stopped the citizen, or the widget cannot reach the service; `detail` is `{ code, message, missing? }` (`origin_not_allowed`: add the page's origin to the client's `origins`; `widget_misconfigured`: set `service` and `client-id`).
 * @fires {DvcActionRequestedDetail} dvc-sign-in-requested - The citizen whose ID number already has an account chose "Đăng nhập"; cancelable (`preventDefault()` keeps the `sign-in-href` link from navigating); `detail` is `{ href }`.
 * @fires {DvcActionRequestedDetail} dvc-forgot-password-requested - The same citizen chose "Quên mật khẩu"; cancelable, `detail` is `{ href }`.
 * @slot sign-in - Replaces the "Đăng nhập" action shown when the ID number already has an account.
 * @slot forgot-password - Replaces the "Quên mật khẩu" action shown then.
 * @csspart exists - The final step when the ID number already has an account.
 * @csspart progress - What a slow step is waiting for ("Đang kiểm tra với nhà mạng…").
 * @csspart expiry-warning - The warning before the registration runs out on the service.
 * @csspart form - Each step's form.
 * @csspart fieldset - A group of choices (subject type, method).
 * @csspart legend - Its legend.
 * @csspart group - The heading of a level's methods ("Mức độ 2 – xác minh mức độ trung bình").
 * @csspart radio - A radio button of the first step.
 * @csspart heading - The step heading.
 * @csspart caption - "Bước n/4" above it ("n/5" for an IAL3 method, whose signature is a step).
 * @csspart field - A field (label, hint, error, input).
 * @csspart label - A label.
 * @csspart hint - A hint under a label.
 * @csspart input - A text input.
 * @csspart error - A field's error message.
 * @csspart error-summary - The error summary at the top of a step.
 * @csspart error-summary-link - A link in it.
 * @csspart button - A button.
 * @csspart button-secondary - "Quay lại" (from the details to the choice of method), "Gửi lại OTP".
 * @csspart link - A link ("Quên mật khẩu").
 * @csspart checklist - The password rules.
 * @csspart done - The success panel.
 * @cssprop --dvc-color-primary - Buttons, links, focus of choices. Default `#1d5ea8`.
 * @cssprop --dvc-color-on-primary - Text on buttons. Default white.
 * @cssprop --dvc-color-text - Text. Default `#0b0c0c`.
 * @cssprop --dvc-color-muted - Hints. Default `#484f54`.
 * @cssprop --dvc-color-error - Errors. Default `#c0281b`.
 * @cssprop --dvc-color-success - Success panel, met rules. Default `#00703c`.
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
 * <dvc-register service="https://id.example.gov.vn" client-id="ministry-portal"
 *   subject-type="citizen" methods="mobile bhxh"
 *   sign-in-href="/dang-nhap" forgot-password-href="/quen-mat-khau"></dvc-register>
 * <script type="module">
 *   document.querySelector('dvc-register').addEventListener('dvc-registered', (event) => {
 *     console.log(`Welcome, ${event.detail.account.fullName}`);
 *   });
 * </script>
 * ```
 */
export class DvcRegister extends FlowElement<RegisterState, RegisterEvent> {
  static override properties = {
    ...FlowElement.properties,
    signInHref: { type: String, attribute: 'sign-in-href' },
    methods: { type: String },
    subjectType: { type: String, attribute: 'subject-type' },
    signer: { attribute: false },
  };

  /** Where "Đăng nhập" leads when the ID number already has an account (attribute `sign-in-href`). */
  declare signInHref: string | undefined;
  /**
   * The verification methods this portal shows, separated by spaces or commas (`"mobile bhxh"`);
   * every method of the service's configuration when absent. A method the service does not offer
   * is still shown, as not yet available.
   */
  declare methods: string | undefined;
  /** The one subject type this portal serves (`citizen`, `enterprise`, `agency`; attribute `subject-type`); all three when absent. */
  declare subjectType: string | undefined;
  /** Reaches the citizen's USB token for "USB ký số" (a `Signer` from `@dvc-kit/sdk/signer`); without one it is shown as not available. */
  declare signer: Signer | undefined;
  protected readonly transition = (state: RegisterState, event: RegisterEvent) => registerTransition(state, event, this.#narrowing());
  /** The service keeps a registration for 30 minutes from its start. */
  protected readonly lifetimeMs = FLOW_LIFETIME_SECONDS.registration * 1000;

  /** What the `methods` and `subject-type` attributes narrow the first step to. */
  #narrowing(): RegisterNarrowing {
    return { methods: this.methods?.split(/[\s,]+/).filter(Boolean), subjectType: this.subjectType || undefined, signer: !!this.signer };
  }

  #chooseMethod(detail: MethodSelectDetail): void {
    if (this.state.step !== 'method') return;
    if (detail.method) this.send({ type: 'methodChosen', subjectType: detail.subjectType, method: detail.method });
    else this.feedback.show({ fields: { method: { term: 'methodRequired' } } });
  }

  async #submitDetails(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'details' || this.busy) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const reading = readDetails(form, new Date(this.clock.now()), state.method, true, state.subjectType);
    const humanCheck = await this.humanCheck(state.config);
    if (!humanCheck) return;
    const submission = detailsSubmission(reading, humanCheck, state.config.consentVersion);
    if (!submission.ok) return this.feedback.show(submission);
    const { details, body } = submission;
    // An IAL3 method: the signature proves the details before the registration starts.
    if (isSignatureMethod(state.method)) return this.send({ type: 'signing', details, humanCheck: humanCheck.body, draft: Object.fromEntries(form) as DetailsDraft });
    const idempotencyKey = this.keys.keyFor(body);
    const progress = body.method === 'bhxh' ? 'checkingSocialInsurance' : 'checkingCarrier';
    const result = await this.calls.call((client, signal) => startRegistration(client, body, { idempotencyKey, signal }), progress);
    if (result.ok) {
      this.keys.reset();
      const { registrationId, otp } = result.value;
      this.send({ type: 'started', details, registrationId, otp, at: this.clock.now() });
      return;
    }
    humanCheck.answered(result.error);
    this.#refused(result.error);
  }

  async #submitPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'password' || this.busy) return;
    const reading = readPassword(passwordFieldIn(this.renderRoot));
    if (!reading.ok) return this.feedback.show(reading);
    const body = { password: reading.password, passwordConfirmation: reading.passwordConfirmation };
    const idempotencyKey = this.keys.keyFor({ registrationId: state.registrationId, ...body });
    const result = await this.calls.call((client, signal) => completeRegistration(client, state.registrationId, body, { idempotencyKey, signal }), 'saving');
    if (result.ok) {
      this.keys.reset();
      this.send({ type: 'registered', account: result.value.account });
      emit<DvcRegisteredDetail>(this, 'dvc-registered', { account: result.value.account });
      return;
    }
    this.#refused(result.error);
  }

  /**
   * Starts the registration by signature with the details and the signature's proof (the certificate's
   * holder is the account's name, an enterprise's organisation); the service's refusal goes back to
   * `<dvc-signature>`, but a number that has an account ends here, and a refused detail (on a field of the
   * details step) goes back to the details as typed, shown on its field.
   */
  async #registerBySignature(proof: AssuranceUpgradeRequest, method: SignatureMethod, certificate: CertificateDetails | undefined): Promise<DvcErrorCore | undefined> {
    const state = this.state;
    if (state.step !== 'signature') return undefined;
    const { fullName, subjectType = 'citizen', idNumber, birthDate, ...contact } = state.details;
    // Each is known by its own number: a citizen by the ID number and birth date, an officer by the ID number, an enterprise by its tax code.
    const registrant: SignatureRegistrant =
      subjectType === 'enterprise' ? { subjectType, taxCode: idNumber } : subjectType === 'agency' ? { subjectType, idNumber } : { subjectType, idNumber, birthDate };
    const common = { ...registrant, ...contact, consentVersion: state.config.consentVersion, ...state.humanCheck };
    const body: StartSignatureRegistrationRequest =
      'signatureRequestId' in proof ? { ...common, method: method as Exclude<SignatureMethod, 'usb_token'>, signatureRequestId: proof.signatureRequestId } : { ...common, method: 'usb_token', signature: proof };
    const result = await this.calls.call((client, signal) => startSignatureRegistration(client, body, { idempotencyKey: this.keys.keyFor(body), signal }), 'sendingCode');
    if (this.state !== state) return undefined;
    if (!result.ok) {
      const feedback = refusal(result.error);
      if (result.error.code === 'account_exists') this.#refused(result.error);
      else if (!DETAILS_FIELDS.some(({ name }) => name in feedback.fields)) return result.error;
      else {
        this.send({ type: 'back' });
        this.feedback.show(feedback);
      }
      return undefined;
    }
    this.keys.reset();
    const { registrationId, otp } = result.value;
    // The account's name as the service makes it: an enterprise's organisation (O, else CN), anyone else's holder.
    const named = (subjectType === 'enterprise' && certificate?.organisation) || certificate?.holder || fullName;
    this.send({ type: 'started', details: { ...state.details, fullName: named }, registrationId, otp, at: this.clock.now() });
    return undefined;
  }

  #refused(error: DvcErrorCore): true {
    if (error.code === 'account_exists') this.send({ type: 'accountExists' });
    // The portal's own message (the service's words), on the code the social-insurance register could not match.
    else if (error.code === 'bhxh_mismatch') this.feedback.show({ fields: { bhxhCode: problemOf(error) } });
    else if (error.code === 'flow_not_found' || error.code === 'flow_step') this.fail(error);
    else if (error.code !== 'aborted') this.feedback.show(refusal(error));
    return true;
  }

  protected override renderStep(): TemplateResult {
    const state = this.state;
    const t = this.localize.t;
    const summary = (targets: readonly FieldTarget[]) => this.feedback.renderSummary(targets);
    const root = () => this.renderRoot;
    const choices = 'config' in state ? registerChoices(state.config, this.#narrowing()) : [];
    // "Bước n/4" (method, details, code, password), n/5 with the signature of an IAL3 method after the details;
    // one fewer when the first step is skipped (one subject type, one method).
    const skipped = onlyChoice(choices) ? 1 : 0;
    const method = state.step === 'method' ? state.chosen?.method : 'method' in state ? state.method : undefined;
    const signs = 'bySignature' in state ? state.bySignature : !!method && isSignatureMethod(method);
    const total = TOTAL_STEPS + +signs - skipped;
    const heading = (text: string, n: number) => this.renderHeading(text, [n - skipped, total]);
    switch (state.step) {
      case 'loading':
        return this.setup.renderLoading(html`<p class="loading" role="status">${t.loading}</p>`);
      case 'error':
        return this.renderFailure(state, state.code === 'flow_not_found' || state.code === 'flow_step');
      case 'method': {
        // Step 1: who registers and the verification method, from <dvc-method-picker>.
        definePart('dvc-method-picker', DvcMethodPicker);
        const focus = () => this.renderRoot.querySelector<DvcMethodPicker>('dvc-method-picker')?.focusMethod();
        return html`${heading(t.methodHeading, 1)} ${summary([{ name: 'method', id: 'method-picker', label: 'methodLegend', focus }])}
          <dvc-method-picker
            id="method-picker"
            .choices=${choices}
            .subjectType=${state.chosen?.subjectType}
            .value=${state.chosen?.method}
            .error=${this.feedback.fieldError('method')}
            exportparts="form, fieldset, legend, group, radio, label, hint, error, button"
            @dvc-method-select=${(event: CustomEvent<MethodSelectDetail>) => this.#chooseMethod(event.detail)}
          ></dvc-method-picker>`;
      }
      case 'details':
        return renderDetailsStep({
          t,
          config: state.config,
          client: this.calls.client,
          busy: this.busy,
          heading: heading(t.detailsHeading[state.subjectType], 2),
          summary: summary(DETAILS_FIELDS),
          method: state.method,
          subjectType: state.subjectType,
          draft: state.draft,
          // Back to the choice, when there was one; not while the details are being sent.
          onBack: skipped ? undefined : (draft) => this.busy || this.send({ type: 'back', draft }),
          error: this.feedback.fieldError,
          onSubmit: (event) => void this.#submitDetails(event),
        });
      case 'signature':
        // The chosen method's signature, in place; "Huỷ" goes back to the details.
        return renderSignatureInPlace(this, {
          operation: 'upgrade',
          methods: state.method,
          subjectType: state.details.subjectType,
          signer: this.signer,
          idNumber: state.details.idNumber,
          step: [3 - skipped, total],
          registration: (proof, method, certificate) => this.#registerBySignature(proof, method, certificate),
          cancelled: (event) => {
            event.stopPropagation();
            this.send({ type: 'back' });
          },
        });
      case 'code':
        return renderCodeStep(this, {
          heading: heading(t.codeHeading, 3 + +signs),
          otp: state.otp,
          id: state.registrationId,
          verify: verifyRegistrationCode,
          verified: () => this.send({ type: 'codeVerified' }),
          resend: resendRegistrationCode,
          resent: (otp) => this.send({ type: 'codeResent', otp }),
          refused: (error) => error.code === 'account_exists' && this.#refused(error),
        });
      case 'password':
        // Checked as the citizen types against the details given, saved against the ID number as the user name.
        return renderNewPasswordStep({
          t,
          heading: heading(t.passwordHeading, 4 + +signs),
          summary,
          policy: state.config.passwordPolicy,
          context: state.details,
          username: state.details.idNumber,
          submitText: t.completeRegistration,
          busy: this.busy,
          error: this.feedback.fieldError,
          onSubmit: (event) => void this.#submitPassword(event),
          root,
        });
      case 'done':
        // The account exists, at its level, usable on every portal.
        return html`<div class="panel" part="done">
          ${this.renderHeading(t.registeredHeading)}
          <p>${t.registeredAccount(state.account.fullName, state.account.idNumberMasked)}</p>
          <p><strong>${t.assuranceLevel(state.account.ial)}</strong></p>
          <p>${t.registeredEverywhere}</p>
        </div>`;
      case 'exists': {
        // The number already has an account: no code field, no countdown, a message and the ways on. An
        // enterprise's or officer's account signs in by signature: no "Quên mật khẩu" for it.
        const organisation = state.subjectType === 'enterprise' || state.subjectType === 'agency' ? state.subjectType : undefined;
        return html`<div part="exists">
          ${this.renderHeading(organisation ? t.organisationExistsHeading[organisation] : t.accountExistsHeading)}
          <p>${organisation ? t.organisationExistsText : this.localize.problem('account_exists')}</p>
          <ul class="links actions">
            ${existsAction(this, 'sign-in', t.signIn, this.signInHref)} ${organisation ? nothing : existsAction(this, 'forgot-password', t.forgotPassword, this.forgotPasswordHref)}
          </ul>
        </div>`;
      }
    }
  }
}
