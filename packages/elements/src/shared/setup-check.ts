import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DvcClientCore, DvcErrorCore } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';
import type { LocalizeController } from '../i18n/localize.js';
import { emit, type DvcErrorDetail, type WidgetAttribute } from './events.js';

/** What {@link SetupController} reads from its widget: how it reaches the service. */
export interface SetupHost extends ReactiveControllerHost, HTMLElement {
  readonly service: string | undefined;
  readonly clientId: string | undefined;
  readonly client: DvcClientCore | undefined;
}

/**
 * Tells the portal team when a widget is set up so that it cannot work, instead of leaving it loading
 * for ever or blaming the citizen's network:
 *
 * - without a `client`, a widget missing its `service` or `client-id` attribute fires `dvc-error` with
 *   code `widget_misconfigured` and the `missing` attributes, writes to the console what to add (once
 *   that text, which comes with the later strings, is in), and
 *   (through {@link SetupController.missing}) shows a short message in place of "Đang tải…"; once the
 *   attributes are set it loads as usual;
 * - when the service refuses the page's origin (`origin_not_allowed` on the first call), it writes to
 *   the console which origin to add to which client's `origins`.
 *
 * The console texts are in the widget's language, for the team that embeds it.
 */
export class SetupController implements ReactiveController {
  readonly #host: SetupHost;
  readonly #localize: LocalizeController;
  #reported = '';

  constructor(host: SetupHost, localize: LocalizeController) {
    this.#host = host;
    this.#localize = localize;
    host.addController(this);
  }

  /** The attributes the widget still needs before it can call the service; none when a `client` is given. */
  get missing(): readonly WidgetAttribute[] {
    const host = this.#host;
    if (host.client) return [];
    const missing: WidgetAttribute[] = [];
    if (!host.service) missing.push('service');
    if (!host.clientId) missing.push('client-id');
    return missing;
  }

  hostUpdate(): void {
    const missing = this.missing;
    const key = missing.join(' ');
    if (key === this.#reported) return;
    this.#reported = key;
    if (!missing.length) return;
    const detail: DvcErrorDetail = { code: 'widget_misconfigured', message: this.#localize.t.widgetMisconfigured, missing };
    emit(this.#host, 'dvc-error', detail);
    void this.#advise((t) => t.misconfiguredConsole(this.#host.localName, missing.join(', ')));
  }

  /** Writes advice for the portal team to the console once its text, which comes with the later strings, is in. */
  async #advise(text: (t: Catalogue) => string): Promise<void> {
    await this.#localize.ready();
    console.error(text(this.#localize.t));
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
    if (error.code !== 'origin_not_allowed') return;
    const host = this.#host;
    const client = host.client;
    const service = client?.baseUrl ?? host.service ?? '';
    const clientId = client?.clientId ?? host.clientId ?? '';
    await this.#advise((t) => t.originNotAllowedConsole(globalThis.location?.origin ?? '', service, clientId));
  }
}
