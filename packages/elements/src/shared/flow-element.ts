import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { getConfig, type DvcClientCore, type DvcErrorCore, type LocalProblemCode, type PasswordPolicy, type ServiceConfig } from '@dvc-kit/sdk';
import { LocalizeController } from '../i18n/localize.js';
import { systemClock, type Clock } from './clock.js';
import { FeedbackController } from './controllers/feedback-controller.js';
import { problemOf, type StepProblem } from './feedback.js';
import { FocusController } from './controllers/focus-controller.js';
import type { LifetimeController } from './controllers/lifetime-controller.js';
import { ServiceController } from './controllers/service-controller.js';
import { SlotController } from './controllers/slot-controller.js';
import type { DvcHumanCheck } from '../human-check/human-check.js';
import type { HumanCheckOutcome } from './human-check-step.js';
import type { FlowEvent, FlowState, Transition } from './flow-machine.js';
import { SubmissionKeys } from './submission-keys.js';
import { flowStyles } from './flow-styles.js';
import type { LazyModule } from './lazy-module.js';
import { later } from './later-module.js';
import { baseStyles } from './styles.js';

/**
 * What the two widgets share: their attributes (`service`, `client-id`, `client`,
 * `forgot-password-href`), their state machine driven by events through the flow's pure `transition`
 * (the configuration loaded on first render, `loading` and `error` steps), and the controllers that do
 * the shared work — {@link ServiceController} (calls, busy), {@link FeedbackController} (refusals, error
 * summary), {@link FocusController}, {@link SlotController}, the language.
 *
 * `S` is the widget's state, one step at a time; `E` the events of its machine.
 *
 * @fires {DvcErrorDetail} dvc-error - A problem stopped the citizen; `detail` is `{ code, message }` ({@link DvcErrorDetail}).
 * @slot forgot-password - Replaces the "Quên mật khẩu" link.
 */
export abstract class FlowElement<S extends FlowState = FlowState, E extends { readonly type: string } = FlowEvent> extends LitElement {
  static override styles = [baseStyles, flowStyles];

  // A widget's own `properties` add to these (Lit merges them with its superclass's).
  static override properties: PropertyDeclarations = {
    service: { type: String },
    clientId: { type: String, attribute: 'client-id' },
    client: { attribute: false },
    clock: { attribute: false },
    forgotPasswordHref: { type: String, attribute: 'forgot-password-href' },
    state: { state: true },
  };

  /** Base URL of the identity service, e.g. `https://id.example.gov.vn` (attribute `service`). */
  declare service: string | undefined;
  /** This portal's client id (attribute `client-id`). */
  declare clientId: string | undefined;
  /**
   * A ready client to use instead of `service` and `client-id`: for a client with its own `fetch`,
   * such as `createMockFetch` from `@dvc-kit/sdk/mock` in tests.
   */
  declare client: DvcClientCore | undefined;
  /** Time source for the code countdown; the real clock unless a test injects one. */
  declare clock: Clock;
  /** Where "Quên mật khẩu" leads (attribute `forgot-password-href`). */
  declare forgotPasswordHref: string | undefined;
  /** The step on screen and what it carries. */
  declare state: S;

  /** The citizen's language and the strings in it. */
  protected readonly localize = new LocalizeController(this, { firstStepOnly: () => this.onFirstStep });
  /** Calls to the service and the busy state. */
  readonly calls = new ServiceController(this, this.localize);
  /** Tells the portal team when the widget is set up so that it cannot reach the service (the service controller does). */
  protected readonly setup = this.calls;
  /** Where focus goes when the step changes or a submission is refused. */
  protected readonly focusing = new FocusController(this);
  /** What the step shows after a refusal. */
  readonly feedback: FeedbackController = new FeedbackController(this, {
    localize: this.localize,
    focus: this.focusing,
    policy: () => this.policy,
    extra: (problem) => (problem.code === 'account_exists' ? this.renderForgotPassword() : nothing),
  });
  /** Which slots the page fills. */
  protected readonly slots = new SlotController(this);
  /** Warns before the flow's time on the service runs out, and ends it then: made once a flow is open. */
  protected lifetime: LifetimeController | undefined;
  /** The flow's `Idempotency-Key`s: a submission repeated after a lost answer goes with the same key. */
  readonly keys = new SubmissionKeys();
  #loading = false;

  constructor() {
    super();
    this.clock = systemClock;
    this.state = { step: 'loading' } as S;
    // The citizen has started on a step: fetch what the next steps need while they type (and the rest of the
    // English strings on an English page).
    this.addEventListener('focusin', () => (later.get(), this.localize.ready()), { once: true });
  }

  /**
   * The module of a later step, waiting for it (busy) if it has not arrived yet; `undefined`, with the
   * error step, when it cannot be fetched.
   */
  protected async loaded<M>(module: LazyModule<M>): Promise<M | undefined> {
    try {
      return await this.calls.hold(module.load());
    } catch {
      this.fail('network');
      return undefined;
    }
  }

  /** The flow's state machine: the next state for an event. */
  protected abstract readonly transition: Transition<S, E | FlowEvent>;

  /** How long the service keeps a flow of this widget open, from its start. */
  protected abstract readonly lifetimeMs: number;

  /** The step on screen, rendered. */
  protected abstract renderStep(): TemplateResult;

  /** When the service forgets the flow on screen (epoch milliseconds), or `undefined` while none is open. */
  get deadline(): number | undefined {
    const state = this.state as FlowState & { readonly startedAt?: number };
    return state.startedAt === undefined ? undefined : state.startedAt + this.lifetimeMs;
  }

  /** Name of the step on screen; focus moves to its heading when it changes. */
  get stepName(): string {
    return this.state.step;
  }

  /**
   * The step on screen shows only first-step strings (`FirstStepCatalogue`), so it renders in Vietnamese
   * before the strings of the later steps arrive. No step does unless the widget says so.
   */
  protected get onFirstStep(): boolean {
    return false;
  }

  /** A call to the service is under way. */
  protected get busy(): boolean {
    return this.calls.busy;
  }

  /** The policy whose numbers fill the rule texts (`Ít nhất {min} ký tự`), once the configuration is in. */
  protected get policy(): PasswordPolicy | undefined {
    return 'config' in this.state ? this.state.config.passwordPolicy : undefined;
  }

  /** Moves the machine on by `event`; what the last step showed after a refusal goes with it. */
  protected send(event: E | FlowEvent): void {
    const next = this.transition(this.state, event);
    if (next === this.state) return;
    this.feedback.clear();
    this.state = next;
  }

  /**
   * Shows the error step: the flow cannot go on until the citizen starts it again. Why: a problem the
   * widget met on its own, or a failed call (in the service's words when it answered).
   */
  fail(reason: LocalProblemCode | DvcErrorCore): void {
    this.send({ type: 'failed', ...(typeof reason === 'string' ? { code: reason } : problemOf(reason)) });
  }

  /** Starts the flow again from its configuration (the error step's "Thử lại" or "Bắt đầu lại"), with new keys. */
  protected restart(): void {
    this.keys.reset();
    this.send({ type: 'restarted' });
  }

  /** Renders once the strings of the citizen's language are in. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.localize.whenReady(() => super.scheduleUpdate());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.state.step === 'loading' && !this.#loading && this.calls.client) void this.#load();
    // A flow is open on the service: its time is counted from now on (the warning comes with the later steps).
    const module = this.deadline === undefined ? undefined : later.get(this);
    this.lifetime ??= module && new module.LifetimeController(this, { localize: this.localize, expired: () => this.fail('flow_not_found'), startAgain: () => this.restart() });
  }

  async #load(): Promise<void> {
    this.#loading = true;
    const result = await this.calls.call((client, signal) => getConfig(client, { signal }));
    this.#loading = false;
    if (result.ok) this.send({ type: 'configured', config: result.value });
    else if (result.error.code !== 'aborted') {
      void this.setup.configRefused(result.error);
      this.fail(result.error);
    }
  }

  /**
   * Waits for the step's `<dvc-human-check>`, when it shows one, to finish solving (the widget busy
   * meanwhile, with a progress message when it is still at work), and says what goes with the request.
   * `undefined` when the step changed while it waited.
   */
  protected async humanCheck(config: ServiceConfig): Promise<HumanCheckOutcome | undefined> {
    const state = this.state;
    const check = this.renderRoot.querySelector<DvcHumanCheck>('dvc-human-check');
    const payload = await this.calls.hold(check?.ready() ?? Promise.resolve(undefined), check?.solved ? undefined : 'humanCheck');
    return this.state === state
      ? {
          body: payload ? { humanCheck: payload } : {},
          problem: config.humanCheck.required && !payload ? { term: 'humanCheckRequired' } : undefined,
          answered: (error) => error.status > 0 && check?.renew(),
        }
      : undefined;
  }

  /** The "Quên mật khẩu" link (or what the portal slotted in its place); nothing when neither is given. */
  protected renderForgotPassword(): TemplateResult | typeof nothing {
    return this.renderSlottedLink('forgot-password', this.forgotPasswordHref, this.localize.t.forgotPassword);
  }

  /** A link to `href` that the page can replace through the slot `name`; nothing when neither is given. */
  protected renderSlottedLink(name: string, href: string | undefined, text: string): TemplateResult | typeof nothing {
    if (!href && !this.slots.has(name)) return nothing;
    return html`<slot name=${name}>${href ? html`<a part="link" href=${href}>${text}</a>` : nothing}</slot>`;
  }

  /** The error step: what stopped the flow, and a button that restarts it, "Bắt đầu lại" when `startAgain`, else "Thử lại". */
  protected renderFailure(failure: StepProblem, startAgain: boolean): TemplateResult {
    const t = this.localize.t;
    return html`${this.renderHeading(t.fatalHeading)}
      <div class="error-summary" part="error-summary" role="alert">
        <p>${this.localize.problem(failure.code, failure.detail)}</p>
      </div>
      <button type="button" part="button" @click=${this.restart}>${startAgain ? t.startAgain : t.retry}</button>`;
  }

  /**
   * The step, then the warning before the flow runs out, then what a slow step is waiting for — shown
   * and read politely (the live region stays on the page so each message is heard). Its texts come with
   * the later strings, which a step has fetched before it waits on the service.
   */
  protected override render(): TemplateResult {
    const progress = this.calls.progress;
    return html`${this.renderStep()} ${this.lifetime?.render()}
      <p class="progress" part="progress" role="status">${progress ? this.localize.t.progress?.[progress] : nothing}</p>`;
  }

  /** A step heading that takes focus when the step changes, with "Bước n/m" before it. */
  protected renderHeading(text: string, step?: readonly [number, number]): TemplateResult {
    return html`<h2 id="step-heading" class="heading" part="heading" tabindex="-1">
      ${step ? html`<span class="caption" part="caption">${this.localize.t.stepOf(step[0], step[1])}</span>` : nothing}${text}
    </h2>`;
  }
}
