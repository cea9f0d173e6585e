import type { ReactiveControllerHost } from 'lit';

/**
 * A module a widget needs only later (a step after the first, a second language): fetched on first
 * {@link LazyModule.load} or {@link LazyModule.get}, once, from beside the widget's own script; the
 * widgets that asked re-render when it arrives. In the self-contained bundle each such module is a
 * chunk of its own; bundlers that import `@dvc-kit/elements` split it the same way.
 *
 * @example
 * ```ts
 * const codeStep = new LazyModule(() => import('./code-step.js'));
 * codeStep.get(this)?.renderCodeStep(…) ?? loadingText;
 * ```
 */
export class LazyModule<M> {
  readonly #importer: () => Promise<M>;
  #module: M | undefined;
  #pending: Promise<M> | undefined;
  readonly #waiting = new Set<ReactiveControllerHost>();

  constructor(importer: () => Promise<M>) {
    this.#importer = importer;
  }

  /** The module once it has arrived; else starts fetching it, re-renders `host` when it arrives and gives `undefined`. */
  get(host?: ReactiveControllerHost): M | undefined {
    if (this.#module) return this.#module;
    if (host) this.#waiting.add(host);
    void this.load().catch(() => undefined);
    return undefined;
  }

  /** The module if it has arrived, without fetching it. */
  peek(): M | undefined {
    return this.#module;
  }

  /** Fetches the module (once; a failed fetch is tried again on the next call). */
  load(): Promise<M> {
    this.#pending ??= this.#importer().then(
      (module) => {
        this.#module = module;
        for (const host of this.#waiting) host.requestUpdate();
        this.#waiting.clear();
        return module;
      },
      (error: unknown) => {
        this.#pending = undefined;
        throw error;
      },
    );
    return this.#pending;
  }
}
