import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What {@link FocusController} reads from its widget. */
export interface FocusHost extends ReactiveControllerHost, HTMLElement {
  /** Name of the step on screen; focus moves to its heading when it changes. */
  readonly stepName: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Where keyboard focus goes in a multi-step widget: to the new step's heading (`#step-heading`) when the
 * step changes (not on the first step, so the page keeps its own focus on load — unless the widget has
 * the `autofocus` attribute), and to an element
 * asked for with {@link FocusController.next} (the error summary after a refusal) after the next render.
 *
 * @example
 * ```ts
 * this.focus.next('.error-summary');
 * ```
 */
export class FocusController implements ReactiveController {
  readonly #host: FocusHost;
  #shownStep: string | undefined;
  #settled = false;
  #next: string | undefined;

  constructor(host: FocusHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Focuses the first element matching `selector` in the widget after its next render. */
  next(selector: string): void {
    this.#next = selector;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const host = this.#host;
    const step = host.stepName;
    if (step !== this.#shownStep) {
      this.#shownStep = step;
      // A widget opened in place of another (`autofocus`: recovery from the sign-in form) takes focus at once.
      if (this.#settled || (step !== 'loading' && host.autofocus)) this.#focus('#step-heading');
      this.#settled ||= step !== 'loading';
    }
    if (this.#next) this.#focus(this.#next);
    this.#next = undefined;
  }

  #focus(selector: string): void {
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
