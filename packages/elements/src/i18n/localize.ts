import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { pickLanguage, problemMessage, ruleMessage, type FieldRule, type Language, type MessageParams, type ProblemCode } from '@dvc-kit/sdk';
import type { Catalogue } from './catalogue.js';
import { en } from './en.js';
import { vi } from './vi.js';

const catalogues: Readonly<Record<Language, Catalogue>> = { vi, en };
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

  /** The widget strings in the current language. */
  get t(): Catalogue {
    return catalogues[this.lang];
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
