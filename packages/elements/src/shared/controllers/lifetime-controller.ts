import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/localize.js';
import type { Clock } from '../clock.js';

/** What {@link LifetimeController} reads from its widget. */
export interface LifetimeHost extends ReactiveControllerHost, HTMLElement {
  readonly clock: Clock;
  /** When (epoch milliseconds) the service forgets the flow on screen; `undefined` while no flow is open. */
  readonly deadline: number | undefined;
}

/** What {@link LifetimeController} does at the end and offers in its warning. */
export interface LifetimeOptions {
  readonly localize: LocalizeController;
  /** The flow has run out on the service. */
  readonly expired: () => void;
  /** The warning's action: start the flow again. */
  readonly startAgain: () => void;
}

/**
 * A flow's time on the service (30 minutes for a registration, 15 for a sign-in): some time before the
 * end (two minutes) a warning shows and is read out (`role="alert"`), saying how long is left, that the
 * service cannot extend it and what happens then, with "Bắt đầu lại"; at the end the flow moves to its
 * error step (WCAG 2.2.1). The service offers no way to extend a flow, so the warning offers none.
 *
 * @example
 * ```ts
 * readonly lifetime = new LifetimeController(this, { localize, expired: () => this.fail('flow_not_found'), startAgain: () => this.restart() });
 * html`${this.lifetime.render()}`;
 * ```
 */
export class LifetimeController implements ReactiveController {
  readonly #host: LifetimeHost;
  readonly #options: LifetimeOptions;
  /** The deadline the clock ticks for. */
  #watched: number | undefined;
  /** Stops the clock, while it ticks. */
  #stop: (() => void) | undefined;
  /** The whole minutes left when the warning came, while it shows. */
  #minutes: number | undefined;

  constructor(host: LifetimeHost, options: LifetimeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const host = this.#host;
    const deadline = host.isConnected ? host.deadline : undefined;
    if (deadline === this.#watched) return;
    this.hostDisconnected();
    this.#watched = deadline;
    if (deadline !== undefined)
      this.#stop = host.clock.every(1000, () => {
        const left = deadline - host.clock.now();
        if (left <= 0) {
          this.#stop!();
          this.#minutes = undefined;
          this.#options.expired();
        } else if (this.#minutes === undefined && left <= 120_000) {
          this.#minutes = Math.ceil(left / 60_000);
          host.requestUpdate();
        }
      });
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = this.#watched = this.#minutes = undefined;
  }

  /** The warning, while it shows. */
  render(): TemplateResult | typeof nothing {
    const t = this.#options.localize.t;
    return this.#minutes === undefined
      ? nothing
      : html`<div class="expiry" part="expiry-warning" role="alert">
          <p>${t.expiryWarning(this.#minutes)}</p>
          <button type="button" class="secondary" part="button button-secondary" @click=${this.#options.startAgain}>${t.startAgain}</button>
        </div>`;
  }
}
