import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DvcClient, DvcError, isOtpCode, type CodeResent, type OtpChallenge, type PasswordPolicy, type ProblemCode, type ServiceConfig } from '@dvc-kit/sdk';
import type { DvcHumanCheck } from '../human-check/human-check.js';
import type { TextKey } from '../i18n/catalogue.js';
import { LocalizeController } from '../i18n/localize.js';
import type { OtpSubmitDetail } from '../otp-input/otp-input.js';
import { systemClock, type Clock } from './clock.js';
import { CODE_FIELDS, codeFeedback } from './code-step.js';
import { errorSummary, type SummaryItem } from './error-summary.js';
import { emit, type DvcErrorDetail } from './events.js';
import { hasFeedback, NO_FEEDBACK, stepFeedback, type Feedback, type FieldProblem, type StepProblem } from './feedback.js';
import { SetupController } from './setup-check.js';
import { baseStyles } from './styles.js';

/** The outcome of one call to the service. */
export type CallResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DvcError };

/**
 * What every flow's state machine has: `loading` until the service's configuration arrives, `error`
 * when the flow cannot go on, and steps that carry the configuration.
 */
export type FlowState =
  | { readonly step: 'loading' }
  | { readonly step: 'error'; readonly code: ProblemCode }
  | { readonly step: string; readonly config: ServiceConfig };

/** A call to the service, made in the widget's client with the signal that cancels it. */
export type ServiceCall<T> = (client: DvcClient, signal: AbortSignal) => Promise<T>;

/** What the human check on a step gave once it finished solving. */
export interface HumanCheckOutcome {
  /** What to add to the request: `humanCheck` with the solved payload, when there is one. */
  readonly body: { readonly humanCheck?: string };
  /** Why the step cannot be sent yet: the service requires the check and the citizen has not passed it. */
  readonly problem: FieldProblem | undefined;
  /** Clears the check after the service has answered a request that carried it (it takes each solution once). */
  readonly answered: (error: DvcError) => void;
}

/** Where an error summary link leads for one field of a step. */
export interface FieldTarget {
  /** The field's name in the request body (`idNumber`, `password` …). */
  readonly name: string;
  /** The catalogue string naming the field in the error summary. */
  readonly label: TextKey;
  /** Id of the element to focus. */
  readonly id: string;
  /** Focuses the field when it is not a plain input with that id. */
  readonly focus?: () => void;
}

/**
 * What the two widgets share: how they reach the service (an injected `client`, or one made from the
 * `service` and `client-id` attributes), their language, their state machine (the configuration loaded
 * on first render, `loading` and `error` steps, the code step's calls), problem reporting (`dvc-error`,
 * the error summary) and focus management (the step heading takes focus when the step changes; the
 * error summary when a submission is refused).
 *
 * `S` is the widget's state, one step at a time; it has {@link FlowState}'s `loading` and `error` steps
 * and starts at `loading`.
 *
 * @fires {DvcErrorDetail} dvc-error - A problem stopped the citizen; `detail` is `{ code, message }` ({@link DvcErrorDetail}).
 * @slot forgot-password - Replaces the "Quên mật khẩu" link.
 */
export abstract class FlowElement<S extends FlowState = FlowState> extends LitElement {
  static override styles = [baseStyles];

  static override properties = {
    service: { type: String },
    clientId: { type: String, attribute: 'client-id' },
    client: { attribute: false },
    clock: { attribute: false },
    forgotPasswordHref: { type: String, attribute: 'forgot-password-href' },
    state: { state: true },
    busy: { state: true },
    feedback: { state: true },
  };

  /** Base URL of the identity service, e.g. `https://id.example.gov.vn` (attribute `service`). */
  declare service: string | undefined;
  /** This portal's client id (attribute `client-id`). */
  declare clientId: string | undefined;
  /**
   * A ready client to use instead of `service` and `client-id`: for a client with its own `fetch`,
   * such as `createMockFetch` from `@dvc-kit/sdk/mock` in tests.
   */
  declare client: DvcClient | undefined;
  /** Time source for the code countdown; the real clock unless a test injects one. */
  declare clock: Clock;
  /** Where "Quên mật khẩu" leads (attribute `forgot-password-href`). */
  declare forgotPasswordHref: string | undefined;
  /** The step on screen and what it carries. */
  declare state: S;
  /** A call to the service is under way. */
  protected declare busy: boolean;
  /** What the current step shows after a refused submission. */
  protected declare feedback: Feedback;

  /** The citizen's language and the strings in it. */
  protected readonly localize = new LocalizeController(this);
  /** Tells the portal team when the widget is set up so that it cannot reach the service. */
  protected readonly setup = new SetupController(this, this.localize);
  #ownClient: DvcClient | undefined;
  #ownClientKey = '';
  readonly #calls = new Set<AbortController>();
  #shownStep: string | undefined;
  #settled = false;
  #focusSummary = false;
  #loading = false;

  constructor() {
    super();
    this.service = undefined;
    this.clientId = undefined;
    this.client = undefined;
    this.clock = systemClock;
    this.forgotPasswordHref = undefined;
    this.state = { step: 'loading' } as S;
    this.busy = false;
    this.feedback = NO_FEEDBACK;
  }

  /** Name of the step on screen; focus moves to its heading when it changes. */
  protected get stepName(): string {
    return this.state.step;
  }

  /** The policy whose numbers fill the rule texts (`Ít nhất {min} ký tự`), once the configuration is in. */
  protected get policy(): PasswordPolicy | undefined {
    return 'config' in this.state ? this.state.config.passwordPolicy : undefined;
  }

  /** The step the flow starts at once the service's configuration has arrived. */
  protected abstract firstStep(config: ServiceConfig): S;

  /** Moves to another step; what the last one showed after a refusal goes with it. */
  protected go(state: S): void {
    this.state = state;
    this.feedback = NO_FEEDBACK;
  }

  /** Shows the error step: the flow cannot go on until the citizen starts it again. */
  protected fail(code: ProblemCode): void {
    this.go({ step: 'error', code } as S);
  }

  /** Starts the flow again from its configuration (the error step's "Thử lại" or "Bắt đầu lại"). */
  protected restart(): void {
    this.go({ step: 'loading' } as S);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.state.step === 'loading' && !this.#loading && this.resolvedClient) void this.#load();
  }

  async #load(): Promise<void> {
    this.#loading = true;
    const result = await this.call((client, signal) => client.getConfig({ signal }));
    this.#loading = false;
    if (result.ok) this.go(this.firstStep(result.value));
    else if (result.error.code !== 'aborted') {
      this.setup.configRefused(result.error);
      this.fail(result.error.code);
    }
  }

  /** The client calls go through, or `undefined` while neither `client` nor `service` is set. */
  protected get resolvedClient(): DvcClient | undefined {
    if (this.client) return this.client;
    if (!this.service || !this.clientId) return undefined;
    const key = `${this.service} ${this.clientId}`;
    if (!this.#ownClient || this.#ownClientKey !== key) {
      this.#ownClient = new DvcClient({ baseUrl: this.service, clientId: this.clientId });
      this.#ownClientKey = key;
    }
    return this.#ownClient;
  }

  /**
   * Calls the service in the citizen's language, marks the widget busy meanwhile, and reports any
   * failure as `dvc-error` (except a cancellation).
   */
  protected async call<T>(run: ServiceCall<T>): Promise<CallResult<T>> {
    const client = this.resolvedClient;
    if (!client) return { ok: false, error: this.#report(new DvcError('unknown_client')) };
    const controller = new AbortController();
    this.#calls.add(controller);
    this.busy = true;
    client.lang = this.localize.lang;
    try {
      return { ok: true, value: await run(client, controller.signal) };
    } catch (caught) {
      const error = caught instanceof DvcError ? caught : new DvcError('internal', { cause: caught });
      return { ok: false, error: error.code === 'aborted' ? error : this.#report(error) };
    } finally {
      this.#calls.delete(controller);
      this.busy = false;
    }
  }

  #report(error: DvcError): DvcError {
    const detail: DvcErrorDetail = { code: error.code, message: this.problemText(error) };
    emit(this, 'dvc-error', detail);
    return error;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const controller of this.#calls) controller.abort();
  }

  /** Shows what went wrong with a submission and moves focus to the error summary. */
  protected showFeedback(feedback: Feedback): void {
    this.feedback = feedback;
    this.#focusSummary = hasFeedback(feedback);
  }

  /**
   * Waits for the step's human check, when it shows one, to finish solving (the widget busy meanwhile).
   * `undefined` when the step changed while it waited.
   */
  protected async humanCheck(config: ServiceConfig): Promise<HumanCheckOutcome | undefined> {
    const state = this.state;
    const check = this.renderRoot.querySelector<DvcHumanCheck>('dvc-human-check');
    this.busy = true;
    const payload = await check?.ready();
    this.busy = false;
    if (this.state !== state) return undefined;
    return {
      body: payload ? { humanCheck: payload } : {},
      problem: config.humanCheck.required && !payload ? { term: 'humanCheckRequired' } : undefined,
      answered: (error) => {
        if (error.status > 0) check?.reset();
      },
    };
  }

  /**
   * Sends the code the citizen typed through `verify`, once it has the format of one: `verified` gets
   * the service's answer; a refusal shows on the step.
   */
  async #verifyCode<T>(code: string, verify: ServiceCall<T>, verified: (value: T) => void): Promise<void> {
    if (this.busy) return;
    if (!isOtpCode(code)) {
      this.showFeedback({ fields: { code: { rule: code ? 'otp_format' : 'required' } } });
      return;
    }
    const result = await this.call(verify);
    if (result.ok) verified(result.value);
    else this.#codeRefused(result.error);
  }

  /** Asks for a new code through `resend` and shows the code step `state` with its countdown; a refusal shows on the step. */
  async #resendCode(state: S & { readonly otp: OtpChallenge }, resend: ServiceCall<CodeResent>): Promise<void> {
    if (this.busy) return;
    const result = await this.call(resend);
    if (result.ok) this.go({ ...state, otp: result.value.otp });
    else this.#codeRefused(result.error);
  }

  /** A refused code or resend: on the code field or for the whole step, the error step when the flow is gone. */
  #codeRefused(error: DvcError): void {
    const feedback = codeFeedback(error);
    if (feedback) this.showFeedback(feedback);
    else this.fail(error.code);
  }

  /** The error text of a field of the current step (by request body name), in the citizen's language. */
  protected readonly fieldError = (field: string): string | undefined => this.fieldText(this.feedback.fields[field]);

  /** The text of a field problem in the citizen's language. */
  protected fieldText(problem: FieldProblem | undefined): string | undefined {
    if (!problem) return undefined;
    if ('rule' in problem) {
      const policy = this.policy;
      return this.localize.rule(problem.rule, { ...(policy ? { min: policy.minLength, max: policy.maxLength } : {}), ...problem.params });
    }
    if ('problem' in problem) return this.localize.problem(problem.problem);
    return this.localize.t[problem.term];
  }

  /** The text of a step problem, the wait filled in. */
  protected problemText(problem: StepProblem): string {
    return this.localize.problem(problem.code, { seconds: problem.retryAfter ?? 0 });
  }

  /** The field problems of a server's `validation_failed`, by field name. */
  protected fieldProblems(error: DvcError): Record<string, FieldProblem> {
    const fields: Record<string, FieldProblem> = {};
    for (const { field, code, params } of error.fieldErrors) fields[field] ??= params ? { rule: code, params } : { rule: code };
    return fields;
  }

  /**
   * What a step shows when the service refuses a submission: field errors on their fields (the rule
   * texts from the catalogue, never the server's words), a failed human check on the check, anything
   * else for the whole step with its wait.
   */
  protected refusalFeedback(error: DvcError): Feedback {
    if (error.code === 'human_check_failed') return { fields: { humanCheck: { problem: error.code } } };
    if (error.code === 'validation_failed') {
      const fields = this.fieldProblems(error);
      if (Object.keys(fields).length) return { fields };
    }
    return stepFeedback(error);
  }

  /** Whether the page put content in a named slot of this element. */
  protected hasSlotted(name: string): boolean {
    return Array.from(this.children).some((child) => child.slot === name);
  }

  /** The "Quên mật khẩu" link (or what the portal slotted in its place); nothing when neither is given. */
  protected renderForgotPassword(): TemplateResult | typeof nothing {
    return this.renderSlottedLink('forgot-password', this.forgotPasswordHref, this.localize.t.forgotPassword);
  }

  /** A link to `href` that the page can replace through the slot `name`; nothing when neither is given. */
  protected renderSlottedLink(name: string, href: string | undefined, text: string): TemplateResult | typeof nothing {
    if (!href && !this.hasSlotted(name)) return nothing;
    return html`<slot name=${name}>${href ? html`<a part="link" href=${href}>${text}</a>` : nothing}</slot>`;
  }

  /** The error summary of the current feedback: the step problem first, then each field in order. */
  protected renderSummary(targets: readonly FieldTarget[]): TemplateResult | typeof nothing {
    const { problem, fields } = this.feedback;
    const items: SummaryItem[] = [];
    if (problem) {
      items.push({
        text: this.problemText(problem),
        ...(problem.code === 'account_exists' ? { extra: this.renderForgotPassword() } : {}),
      });
    }
    for (const target of targets) {
      const text = this.fieldText(fields[target.name]);
      if (!text) continue;
      items.push({
        text: `${this.localize.t[target.label]}: ${text}`,
        href: target.id,
        focus: target.focus ?? (() => this.renderRoot.querySelector<HTMLElement>(`#${target.id}`)?.focus()),
      });
    }
    return errorSummary(this.localize.t.errorSummaryTitle, items);
  }

  /**
   * The code step `state` as step `step[0]` of `step[1]`: a `<dvc-otp-input>` for its `otp`. A code the
   * citizen sends goes to the service through `verify(code)`, and `verified` takes the answer; "Gửi lại
   * OTP" goes through `resend`; both only while `state` is still on screen. A refusal shows on the step,
   * or the error step when the flow is gone.
   */
  protected renderCode<T>(state: S & { readonly otp: OtpChallenge }, step: readonly [number, number], verify: (code: string) => ServiceCall<T>, verified: (value: T) => void, resend: ServiceCall<CodeResent>): TemplateResult {
    return html`${this.renderHeading(this.localize.t.codeHeading, step)} ${this.renderSummary(CODE_FIELDS)}
      <dvc-otp-input
        id="otp"
        .otp=${state.otp}
        .clock=${this.clock}
        .busy=${this.busy}
        .error=${this.fieldError('code')}
        exportparts="form, lead, field, label, input, error, countdown, button, button-secondary, resend-countdown"
        @dvc-otp-submit=${({ detail: { code } }: CustomEvent<OtpSubmitDetail>) => {
          if (this.state === state) void this.#verifyCode(code, verify(code), verified);
        }}
        @dvc-otp-resend=${() => {
          if (this.state === state) void this.#resendCode(state, resend);
        }}
      ></dvc-otp-input>`;
  }

  /** The error step: what stopped the flow, and a button that restarts it, "Bắt đầu lại" when `startAgain`, else "Thử lại". */
  protected renderFailure(code: ProblemCode, startAgain: boolean): TemplateResult {
    const t = this.localize.t;
    return html`${this.renderHeading(t.fatalHeading)}
      <div class="error-summary" part="error-summary" role="alert">
        <p>${this.localize.problem(code)}</p>
      </div>
      <button type="button" part="button" @click=${this.restart}>${startAgain ? t.startAgain : t.retry}</button>`;
  }

  /** A step heading that takes focus when the step changes, with "Bước n/m" before it. */
  protected renderHeading(text: string, step?: readonly [number, number]): TemplateResult {
    return html`<h2 id="step-heading" class="heading" part="heading" tabindex="-1">
      ${step ? html`<span class="caption" part="caption">${this.localize.t.stepOf(step[0], step[1])}</span>` : nothing}${text}
    </h2>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const step = this.stepName;
    if (step !== this.#shownStep) {
      this.#shownStep = step;
      if (this.#settled) this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
      else if (step !== 'loading') this.#settled = true;
    }
    if (this.#focusSummary) {
      this.#focusSummary = false;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    }
  }
}
