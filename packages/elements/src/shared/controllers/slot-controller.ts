import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Which named slots of a widget the page fills: the widget renders a slot (with its default link)
 * only when the page gave a link for it or put content in it, and re-renders when the page adds or
 * removes that content later.
 *
 * @example
 * ```ts
 * if (this.slots.has('forgot-password')) …
 * ```
 */
export class SlotController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #observer: MutationObserver;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    this.#observer = new MutationObserver(() => host.requestUpdate());
    host.addController(this);
  }

  /** Whether the page put content in the slot `name`. */
  has(name: string): boolean {
    return Array.from(this.#host.children).some((child) => child.slot === name);
  }

  hostConnected(): void {
    this.#observer.observe(this.#host, { childList: true, subtree: true, attributes: true, attributeFilter: ['slot'] });
  }

  hostDisconnected(): void {
    this.#observer.disconnect();
  }
}
