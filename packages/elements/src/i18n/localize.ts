import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pickLanguage, problemMessage, ruleMessage, type FieldRule, type Language, type MessageParams, type ProblemCode } from '@dvc-kit/sdk';
import type { Catalogue } from './catalogue.js';
import { vi } from './vi.js';

/**
 * Vietnamese comes with the widgets; the English strings are fetched the first time a widget speaks
 * English (in the self-contained bundle a chunk beside `bundle.js`), so a Vietnamese page never
 * downloads them. A failed fetch is tried again at the next render, which shows Vietnamese meanwhile.
 */
let english: Catalogue | undefined;
let englishLoading: Promise<Catalogue> | undefined;

function loadEnglish(): Promise<Catalogue> {
  englishLoading ??= import('./en.js').then(
    (module) => (english = module.en),
    (error: unknown) => {
      englishLoading = undefined;
      throw error;
    },
  );
  return englishLoading;
}

const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

function watchLanguage(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const controller of connected) controller.host.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * The language an element speaks: the `lang` attribute of the element itself or of its closest
 * ancestor, looking through shadow roots to their hosts. Vietnamese unless it says English.
 */
export function languageOf(element: Element): Language {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return pickLanguage(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'vi';
}

/**
 * Gives an element its strings in the citizen's language and re-renders it when a `lang` attribute
 * changes anywhere in the document (the page's `<html lang>`, the widget's own `lang`), so switching
 * language is live. Texts of problems and field rules come from the SDK's catalogue by code.
 *
 * @example
 * ```ts
 * class MyPart extends LitElement {
 *   private readonly localize = new LocalizeController(this);
 *   override render() {
 *     return html`<p>${this.localize.t.loading}</p>`;
 *   }
 * }
 * ```
 */
export class LocalizeController implements ReactiveController {
  /** The element this controller serves. */
  readonly host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    host.addController(this);
  }

  hostConnected(): void {
    connected.add(this);
    watchLanguage();
  }

  hostDisconnected(): void {
    connected.delete(this);
  }

  /** `vi` or `en`, read from the closest `lang` attribute. */
  get lang(): Language {
    return languageOf(this.host);
  }

  /**
   * The widget strings in the current language: Vietnamese while the English ones are on their way,
   * with the host rendered again when they arrive (a host that waits with {@link whenReady} never sees that).
   */
  get t(): Catalogue {
    if (this.lang !== 'en') return vi;
    if (english) return english;
    loadEnglish().then(
      () => this.host.requestUpdate(),
      () => undefined,
    );
    return vi;
  }

  /**
   * Runs `update` (the host's `scheduleUpdate`) once the strings of the current language are in: at once
   * in Vietnamese or when English has arrived, else after fetching English (or, if that fails, in
   * Vietnamese). Lit awaits the promise, so `updateComplete` means the text is in the right language.
   *
   * @example
   * ```ts
   * protected override scheduleUpdate() {
   *   return this.localize.whenReady(() => super.scheduleUpdate());
   * }
   * ```
   */
  whenReady(update: () => void | Promise<unknown>): void | Promise<unknown> {
    if (this.lang !== 'en' || english) return update();
    return loadEnglish().then(update, update);
  }

  /** The text of a problem code, from the SDK catalogue. */
  problem(code: ProblemCode, params: MessageParams = {}): string {
    return problemMessage(code, this.lang, { seconds: 0, ...params });
  }

  /** The text of a field rule, from the SDK catalogue. */
  rule(rule: FieldRule, params: MessageParams = {}): string {
    return ruleMessage(rule, this.lang, params);
  }
}
