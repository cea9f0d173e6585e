import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DvcClient, DvcError, type PasswordPolicy } from '@dvc-kit/sdk';
import type { TextKey } from '../i18n/catalogue.js';
import { LocalizeController } from '../i18n/localize.js';
import { systemClock, type Clock } from './clock.js';
import { errorSummary, type SummaryItem } from './error-summary.js';
import { emit, type DvcErrorDetail } from './events.js';
import { hasFeedback, NO_FEEDBACK, type Feedback, type FieldProblem, type StepProblem } from './feedback.js';
import { baseStyles } from './styles.js';

/** The outcome of one call to the service. */
export type CallResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DvcError };

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
 * `service` and `client-id` attributes), their language, problem reporting (`dvc-error`, the error
 * summary) and focus management (the step heading takes focus when the step changes; the error summary
 * when a submission is refused).
 *
 * @fires dvc-error - A problem stopped the citizen; `detail` is `{ code, message }` ({@link DvcErrorDetail}).
 * @slot forgot-password - Replaces the "Quên mật khẩu" link.
 */
export abstract class FlowElement extends LitElement {
  static override styles = [baseStyles];

  static override properties = {
    service: { type: String },
    clientId: { type: String, attribute: 'client-id' },
    client: { attribute: false },
    clock: { attribute: false },
    forgotPasswordHref: { type: String, attribute: 'forgot-password-href' },
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
  /** A call to the service is under way. */
  protected declare busy: boolean;
  /** What the current step shows after a refused submission. */
  protected declare feedback: Feedback;

  /** The citizen's language and the strings in it. */
  protected readonly localize = new LocalizeController(this);
  #ownClient: DvcClient | undefined;
  #ownClientKey = '';
  readonly #calls = new Set<AbortController>();
  #shownStep: string | undefined;
  #settled = false;
  #focusSummary = false;

  constructor() {
    super();
    this.service = undefined;
    this.clientId = undefined;
    this.client = undefined;
    this.clock = systemClock;
    this.forgotPasswordHref = undefined;
    this.busy = false;
    this.feedback = NO_FEEDBACK;
  }

  /** Name of the step on screen; focus moves to its heading when it changes. */
  protected abstract get stepName(): string;

  /** The policy whose numbers fill the rule texts (`Ít nhất {min} ký tự`). */
  protected abstract get policy(): PasswordPolicy | undefined;

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
  protected async call<T>(run: (client: DvcClient, signal: AbortSignal) => Promise<T>): Promise<CallResult<T>> {
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
    const detail: DvcErrorDetail = { code: error.code, message: this.localize.problem(error.code, { seconds: error.retryAfter ?? 0 }) };
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

  /** The text of a field problem in the citizen's language. */
  protected fieldText(problem: FieldProblem | undefined): string | undefined {
    if (!problem) return undefined;
    if ('rule' in problem) {
      const policy = this.policy;
      return this.localize.rule(problem.rule, policy ? { min: policy.minLength, max: policy.maxLength } : {});
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
    for (const { field, code } of error.fieldErrors) fields[field] ??= { rule: code };
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
    return { problem: { code: error.code, ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}) }, fields: {} };
  }

  /** Whether the page put content in a named slot of this element. */
  protected hasSlotted(name: string): boolean {
    return Array.from(this.children).some((child) => child.slot === name);
  }

  /** The "Quên mật khẩu" link (or what the portal slotted in its place); nothing when neither is given. */
  protected renderForgotPassword(): TemplateResult | typeof nothing {
    if (!this.forgotPasswordHref && !this.hasSlotted('forgot-password')) return nothing;
    return html`<slot name="forgot-password"
      >${this.forgotPasswordHref ? html`<a part="link" href=${this.forgotPasswordHref}>${this.localize.t.forgotPassword}</a>` : nothing}</slot
    >`;
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
