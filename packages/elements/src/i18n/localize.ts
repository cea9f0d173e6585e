import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fillMessage, pickLanguage, problemsEn, problemsVi, rulesVi, type FieldRule, type Language, type MessageParams, type ProblemCode } from '@dvc-kit/sdk';
import { LazyModule } from '../shared/lazy-module.js';
import type { Catalogue } from './catalogue.js';
import { vi } from './vi.js';

/**
 * Vietnamese comes with the widgets; English (the widget strings and the SDK's English rule texts) is
 * fetched the first time a widget speaks it. The SDK's problem texts come in both languages with its
 * client (`DvcError` needs them), so they are not fetched.
 */
const english = new LazyModule(() => import('./en.js'));
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
   * The widget strings in the current language. English is fetched the first time a widget speaks it;
   * an element that renders through {@link LocalizeController.whenReady} waits for it (others show
   * Vietnamese until it arrives, then render again).
   */
  get t(): Catalogue {
    return this.lang === 'en' ? (english.get(this.host)?.en ?? vi) : vi;
  }

  /**
   * Runs `update` (the host's `scheduleUpdate`) once the strings of the current language are in: at once
   * for Vietnamese and once English has arrived, after it arrives the first time — so a widget never
   * shows a moment of the wrong language, and its `updateComplete` waits for the right one.
   *
   * @example
   * ```ts
   * protected override scheduleUpdate() {
   *   return this.localize.whenReady(() => super.scheduleUpdate());
   * }
   * ```
   */
  whenReady(update: () => void | Promise<unknown>): void | Promise<unknown> {
    if (this.lang !== 'en' || english.get()) return update();
    return english.load().then(update, update);
  }

  /** The text of a problem code, from the SDK catalogue. */
  problem(code: ProblemCode, params: MessageParams = {}): string {
    const problems = this.lang === 'en' ? problemsEn : problemsVi;
    return fillMessage(problems[code] ?? problems.internal, { seconds: 0, ...params });
  }

  /** The text of a field rule, from the SDK catalogue (English once it has arrived, like {@link LocalizeController.t}). */
  rule(rule: FieldRule, params: MessageParams = {}): string {
    const rules = (this.lang === 'en' ? english.get(this.host)?.rulesEn : undefined) ?? rulesVi;
    return fillMessage(rules[rule] ?? rules.invalid_type, params);
  }
}
