import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { DvcClientCore, DvcErrorCore } from '@dvc-kit/sdk';
import type { Catalogue, ProgressKey } from '../../i18n/catalogue.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { emit, type DvcErrorDetail, type WidgetAttribute } from '../events.js';

/** The outcome of one call to the service. */
export type CallResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DvcErrorCore };

/** A call to the service, made in the widget's client with the signal that cancels it. */
export type ServiceCall<T> = (client: DvcClientCore, signal: AbortSignal) => Promise<T>;

/** What {@link ServiceController} reads from its widget: how it reaches the service. */
export interface ServiceHost extends ReactiveControllerHost, HTMLElement {
  readonly service: string | undefined;
  readonly clientId: string | undefined;
  readonly client: DvcClientCore | undefined;
}

/**
 * How a widget calls the service: the client (an injected `client`, or one made from the `service` and
 * `client-id` attributes), the citizen's language on every request, the busy state while a call or a
 * wait is under way, cancellation when the widget leaves the page, and `dvc-error` for every failure
 * but a cancellation (its text the service's, or the widget's for a problem met without an answer).
 *
 * It also tells the portal team when the widget is set up so that it cannot work, instead of leaving it
 * loading for ever or blaming the citizen's network:
 *
 * - without a `client`, a widget missing its `service` or `client-id` attribute fires `dvc-error` with
 *   code `widget_misconfigured` and the `missing` attributes, writes to the console what to add (once
 *   that text, which comes with the later strings, is in), and (through
 *   {@link ServiceController.renderLoading}) shows a short message in place of "Đang tải…"; once the
 *   attributes are set it loads as usual;
 * - when the service refuses the page's origin (`origin_not_allowed` on the first call), it writes to
 *   the console which origin to add to which client's `origins` ({@link ServiceController.configRefused}).
 *
 * The console texts are in the widget's language, for the team that embeds it.
 *
 * @example
 * ```ts
 * const result = await this.calls.call((client, signal) => getConfig(client, { signal }));
 * if (!result.ok) console.log(result.error.code);
 * ```
 */
export class ServiceController implements ReactiveController {
  readonly #host: ServiceHost;
  readonly #localize: LocalizeController;
  readonly #calls = new Set<AbortController>();
  #own: DvcClientCore | undefined;
  #ownKey = '';
  #busy = 0;
  #progress: ProgressKey | undefined;
  #reported = '';

  constructor(host: ServiceHost, localize: LocalizeController) {
    this.#host = host;
    this.#localize = localize;
    host.addController(this);
  }

  /** A call to the service (or a wait the citizen cannot act during) is under way. */
  get busy(): boolean {
    return this.#busy > 0;
  }

  /** What the widget is waiting for, to show and read out while it waits. */
  get progress(): ProgressKey | undefined {
    return this.busy ? this.#progress : undefined;
  }

  /** The attributes the widget still needs before it can call the service; none when a `client` is given. */
  get missing(): readonly WidgetAttribute[] {
    const host = this.#host;
    return host.client ? [] : (['service', 'client-id'] as const).filter((name) => !host[name === 'service' ? 'service' : 'clientId']);
  }

  /** The client calls go through, or `undefined` while neither `client` nor `service` and `client-id` are set. */
  get client(): DvcClientCore | undefined {
    const host = this.#host;
    if (host.client || this.missing.length) return host.client;
    const key = `${host.service} ${host.clientId}`;
    if (this.#ownKey !== key) {
      // Errors without the SDK's texts: the service words its problems, the widgets the few they meet alone.
      this.#own = new DvcClientCore({ baseUrl: host.service!, clientId: host.clientId! }, DvcErrorCore);
      this.#ownKey = key;
    }
    return this.#own;
  }

  /** Marks the widget busy until `work` settles (saying what it waits for, when `progress` is given), and gives its result. */
  async hold<T>(work: Promise<T>, progress?: ProgressKey): Promise<T> {
    this.#progress = progress;
    this.#setBusy(1);
    try {
      return await work;
    } finally {
      this.#setBusy(-1);
    }
  }

  /**
   * Calls the service in the citizen's language, busy meanwhile (with the `progress` message when
   * given); reports any failure but a cancellation as `dvc-error`.
   */
  async call<T>(run: ServiceCall<T>, progress?: ProgressKey): Promise<CallResult<T>> {
    const client = this.client;
    if (!client) return { ok: false, error: await this.#report(new DvcErrorCore('unknown_client')) };
    const controller = new AbortController();
    this.#calls.add(controller);
    client.lang = this.#localize.lang;
    try {
      return { ok: true, value: await this.hold(run(client, controller.signal), progress) };
    } catch (caught) {
      const error = caught instanceof DvcErrorCore ? caught : new DvcErrorCore('internal', { cause: caught });
      return { ok: false, error: error.code === 'aborted' ? error : await this.#report(error) };
    } finally {
      this.#calls.delete(controller);
    }
  }

  hostUpdate(): void {
    const missing = this.missing;
    if (`${missing}` === this.#reported) return;
    this.#reported = `${missing}`;
    if (!missing.length) return;
    const detail: DvcErrorDetail = { code: 'widget_misconfigured', message: this.#localize.t.widgetMisconfigured, missing };
    emit(this.#host, 'dvc-error', detail);
    void this.#advise((t) => t.misconfiguredConsole(this.#host.localName, missing.join(', ')));
  }

  hostDisconnected(): void {
    for (const controller of this.#calls) controller.abort();
  }

  /**
   * The loading step: `loading` while the configuration is on its way, or a short message when the
   * page gave the widget neither a `client` nor both `service` and `client-id` (it cannot load at all).
   */
  renderLoading(loading: TemplateResult): TemplateResult {
    if (!this.missing.length) return loading;
    return html`<div class="error-summary" part="error-summary" role="alert"><p>${this.#localize.t.widgetMisconfigured}</p></div>`;
  }

  /**
   * Explains in the console why the service refused the widget's first call, when the page's origin is the
   * reason (once its text, which comes with the later strings, is in).
   */
  async configRefused(error: DvcErrorCore): Promise<void> {
    const client = this.client!;
    if (error.code === 'origin_not_allowed') await this.#advise((t) => t.originNotAllowedConsole(globalThis.location?.origin ?? '', client.baseUrl, client.clientId));
  }

  #setBusy(delta: number): void {
    this.#busy += delta;
    this.#host.requestUpdate();
  }

  /** Writes advice for the portal team to the console once its text, which comes with the later strings, is in. */
  async #advise(text: (t: Catalogue) => string): Promise<void> {
    await this.#localize.ready();
    console.error(text(this.#localize.t));
  }

  /** Reports the failure as `dvc-error`, its text in the citizen's language (the service's, or the widget's). */
  async #report(error: DvcErrorCore): Promise<DvcErrorCore> {
    await this.#localize.ready();
    const detail: DvcErrorDetail = { code: error.code, message: this.#localize.problem(error.code, error.problem?.detail) };
    emit(this.#host, 'dvc-error', detail);
    return error;
  }
}
