import { css, html, type TemplateResult } from 'lit';
import {
  birthYearAgrees,
  isEmail,
  parseBirthDate,
  parseFullName,
  parseIdNumber,
  parsePhone,
  type DvcError,
  type ServiceConfig,
  type StartRegistrationRequest,
  type VerificationMethod,
} from '@dvc-kit/sdk';
import type { MethodSelectDetail } from '../method-picker/method-picker.js';
import type { DvcPasswordField } from '../password-field/password-field.js';
import { emit, type DvcRegisteredDetail } from '../shared/events.js';
import type { FieldProblem } from '../shared/feedback.js';
import { FlowElement } from '../shared/flow-element.js';
import { SubmissionKeys } from '../shared/submission-keys.js';
import { DETAILS_FIELDS, renderDetailsStep } from './details-step.js';
import type { RegisterState, RegistrationDetails } from './state.js';

/** Verification methods this widget can take a citizen through. */
const SUPPORTED_METHODS: ReadonlySet<string> = new Set<VerificationMethod>(['mobile']);
const TOTAL_STEPS = 4;

/**
 * `<dvc-register>`: a citizen creates the one account every portal shares, verified by mobile
 * subscriber (mức xác minh 2). A visible state machine, one step at a time —
 * `method → details → code → password → done` — each step checked in the browser with the SDK's rules
 * (the same texts the service answers with) before it is sent. Everything it shows comes from the
 * service's `GET /v1/config` (password policy, code timings, methods, consent version, human check).
 *
 * @fires {DvcRegisteredDetail} dvc-registered - The account was created; `detail` is `{ account }` (ID number masked).
 * @fires {DvcErrorDetail} dvc-error - A problem stopped the citizen, or the widget cannot reach the service; `detail` is `{ code, message, missing? }` (`origin_not_allowed`: add the page's origin to the client's `origins`; `widget_misconfigured`: set `service` and `client-id`).
 * @slot forgot-password - Replaces the "Quên mật khẩu" link shown when the ID number already has an account.
 * @csspart form - Each step's form.
 * @csspart heading - The step heading.
 * @csspart caption - "Bước n/4" above it.
 * @csspart field - A field (label, hint, error, input).
 * @csspart label - A label.
 * @csspart hint - A hint under a label.
 * @csspart input - A text input.
 * @csspart error - A field's error message.
 * @csspart error-summary - The error summary at the top of a step.
 * @csspart error-summary-link - A link in it.
 * @csspart button - A button.
 * @csspart button-secondary - "Gửi lại OTP".
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
 * <dvc-register service="https://id.example.gov.vn" client-id="ministry-portal" forgot-password-href="/quen-mat-khau"></dvc-register>
 * <script type="module">
 *   document.querySelector('dvc-register').addEventListener('dvc-registered', (event) => {
 *     console.log(`Welcome, ${event.detail.account.fullName}`);
 *   });
 * </script>
 * ```
 */
export class DvcRegister extends FlowElement<RegisterState> {
  static override styles = [
    ...FlowElement.styles,
    css`
      .loading {
        color: var(--_muted);
      }
    `,
  ];

  readonly #keys = new SubmissionKeys();

  protected override firstStep(config: ServiceConfig): RegisterState {
    return { step: 'method', config };
  }

  protected override restart(): void {
    this.#keys.reset();
    super.restart();
  }

  #chooseMethod(detail: MethodSelectDetail): void {
    if (this.state.step !== 'method') return;
    if (!detail.method) {
      this.showFeedback({ fields: { method: { term: 'methodRequired' } } });
      return;
    }
    this.go({ step: 'details', config: this.state.config, method: detail.method });
  }

  async #submitDetails(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'details' || this.busy) return;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const fields: Record<string, FieldProblem> = {};
    const today = new Date(this.clock.now());
    const idNumber = parseIdNumber(text('idNumber'), today);
    if (!idNumber.ok) fields.idNumber = { rule: idNumber.rule };
    const fullName = parseFullName(text('fullName'));
    if (!fullName.ok) fields.fullName = { rule: fullName.rule };
    const birthDate = parseBirthDate(text('birthDate'), today);
    if (!birthDate.ok) fields.birthDate = { rule: birthDate.rule };
    else if (!birthYearAgrees(idNumber, birthDate)) fields.birthDate = { rule: 'id_number_birth_year' };
    const phoneTyped = text('phone').trim();
    const phone = parsePhone(phoneTyped);
    if (!phone.ok) fields.phone = 'params' in phone ? { rule: phone.rule, params: phone.params } : { rule: phone.rule };
    const email = text('email').trim();
    if (email && !isEmail(email)) fields.email = { rule: 'email_format' };
    if (!data.has('consent')) fields.consentVersion = { rule: 'consent_required' };
    const humanCheck = await this.humanCheck(state.config);
    if (!humanCheck) return;
    if (humanCheck.problem) fields.humanCheck = humanCheck.problem;
    if (!idNumber.ok || !fullName.ok || !birthDate.ok || !phone.ok || Object.keys(fields).length) {
      this.showFeedback({ fields });
      return;
    }
    const details: RegistrationDetails = {
      idNumber: idNumber.value,
      fullName: fullName.value,
      birthDate: birthDate.iso,
      phone: phoneTyped,
      ...(email ? { email } : {}),
    };
    const body: StartRegistrationRequest = {
      subjectType: 'citizen',
      method: 'mobile',
      ...details,
      consentVersion: state.config.consentVersion,
      ...humanCheck.body,
    };
    const idempotencyKey = this.#keys.keyFor(body);
    const result = await this.call((client, signal) => client.startRegistration(body, { idempotencyKey, signal }));
    if (result.ok) {
      this.#keys.reset();
      this.go({ step: 'code', config: state.config, details, registrationId: result.value.registrationId, otp: result.value.otp });
      return;
    }
    humanCheck.answered(result.error);
    this.#refused(result.error);
  }

  async #submitPassword(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'password' || this.busy) return;
    const field = this.renderRoot.querySelector<DvcPasswordField>('dvc-password-field')!;
    const password = field.value;
    const passwordConfirmation = field.confirmation;
    const fields: Record<string, FieldProblem> = {};
    const unmet = field.unmet;
    const rule = unmet.find((r) => r !== 'mismatch');
    if (!password) fields.password = { rule: 'required' };
    else if (rule) fields.password = { rule: `password_${rule}` };
    if (!passwordConfirmation) fields.passwordConfirmation = { rule: 'required' };
    else if (unmet.includes('mismatch')) fields.passwordConfirmation = { rule: 'password_mismatch' };
    if (Object.keys(fields).length) {
      this.showFeedback({ fields });
      return;
    }
    const body = { password, passwordConfirmation };
    const idempotencyKey = this.#keys.keyFor({ registrationId: state.registrationId, ...body });
    const result = await this.call((client, signal) => client.completeRegistration(state.registrationId, body, { idempotencyKey, signal }));
    if (result.ok) {
      this.#keys.reset();
      this.go({ step: 'done', config: state.config, account: result.value.account });
      emit<DvcRegisteredDetail>(this, 'dvc-registered', { account: result.value.account });
      return;
    }
    if (result.error.code === 'flow_step') this.fail(result.error.code);
    else this.#refused(result.error);
  }

  #refused(error: DvcError): void {
    if (error.code === 'flow_not_found') this.fail(error.code);
    else this.showFeedback(this.refusalFeedback(error));
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const state = this.state;
    switch (state.step) {
      case 'loading':
        return this.setup.renderLoading(html`<p class="loading" role="status">${t.loading}</p>`);
      case 'error':
        return this.renderFailure(state.code, state.code === 'flow_not_found' || state.code === 'flow_step');
      case 'method': {
        const methods = state.config.registrationMethods.filter((m) => SUPPORTED_METHODS.has(m));
        return html`${this.renderHeading(t.methodHeading, [1, TOTAL_STEPS])}
          ${this.renderSummary([{ name: 'method', id: 'method-picker', label: 'methodLegend', focus: () => this.renderRoot.querySelector<HTMLElement & { focusMethod(): void }>('dvc-method-picker')?.focusMethod() }])}
          <dvc-method-picker
            id="method-picker"
            .methods=${methods}
            .error=${this.fieldError('method')}
            exportparts="form, fieldset, legend, radio, label, hint, error, button"
            @dvc-method-select=${(event: CustomEvent<MethodSelectDetail>) => this.#chooseMethod(event.detail)}
          ></dvc-method-picker>`;
      }
      case 'details':
        return renderDetailsStep({
          t,
          config: state.config,
          client: this.resolvedClient,
          busy: this.busy,
          heading: this.renderHeading(t.detailsHeading, [2, TOTAL_STEPS]),
          summary: this.renderSummary(DETAILS_FIELDS),
          error: this.fieldError,
          onSubmit: (event) => void this.#submitDetails(event),
        });
      case 'code':
        return this.renderCode(
          state,
          [3, TOTAL_STEPS],
          (code) => (client, signal) =>
            client.verifyRegistrationCode(state.registrationId, { code }, { signal, idempotencyKey: this.#keys.keyFor({ registrationId: state.registrationId, code }) }),
          () => this.go({ step: 'password', config: state.config, details: state.details, registrationId: state.registrationId }),
          (client, signal) => client.resendRegistrationCode(state.registrationId, { signal }),
        );
      case 'password':
        return html`${this.renderHeading(t.passwordHeading, [4, TOTAL_STEPS])}
          ${this.renderSummary([
            { name: 'password', id: 'password', label: 'newPasswordLabel' },
            { name: 'passwordConfirmation', id: 'password', label: 'confirmPasswordLabel', focus: () => this.renderRoot.querySelector<DvcPasswordField>('dvc-password-field')?.focusConfirmation() },
          ])}
          <form part="form" novalidate @submit=${(event: SubmitEvent) => void this.#submitPassword(event)}>
            <dvc-password-field
              id="password"
              .policy=${state.config.passwordPolicy}
              .context=${state.details}
              .error=${this.fieldError('password')}
              .confirmationError=${this.fieldError('passwordConfirmation')}
              exportparts="field, label, input, error, toggle, checklist, rule, rule-met, rule-unmet, warning"
            ></dvc-password-field>
            <button type="submit" part="button" ?disabled=${this.busy}>${t.completeRegistration}</button>
          </form>`;
      case 'done':
        return html`<div class="panel" part="done">
          ${this.renderHeading(t.registeredHeading)}
          <p>${t.registeredAccount(state.account.fullName, state.account.idNumberMasked)}</p>
          <p><strong>${t.assuranceLevel(state.account.ial)}</strong></p>
          <p>${t.registeredEverywhere}</p>
        </div>`;
    }
  }
}
