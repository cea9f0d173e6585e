import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fillMessage, type FieldRule, type Language, type MessageParams, type ProblemCode } from '@dvc-kit/sdk';
import { LazyModule } from '../shared/lazy-module.js';
import { later } from '../shared/later-module.js';
import type { Catalogue, FirstStepCatalogue } from './catalogue.js';
import { viFirstStep } from './vi-first-step.js';

/**
 * English is fetched in two parts, as the Vietnamese strings arrive: the strings of the first step
 * (`en-first-step.ts`) the first time a widget speaks English on its first step, all of them (with the
 * SDK's English rule texts and the texts of the problems a widget words itself) the first time a later
 * step, a refusal or the error step is needed in English, or the citizen starts on a step in English.
 */
const englishFirstStep = new LazyModule(() => import('./en-first-step.js'));
// Both at once: the later English strings import the first step's, which the browser would fetch only after them.
const english = new LazyModule(() => (englishFirstStep.get(), import('./en.js')));
/**
 * The core carries the Vietnamese strings of the first step ({@link viFirstStep}); all of them come with
 * the later steps with the SDK's rule texts and the texts of the problems a widget words itself (a
 * failure is shown after the citizen acted, or on the error step, which waits for them), and a widget
 * whose step needs them waits for them (see {@link LocalizeOptions}).
 */
const vietnamese = later;

/** How a widget uses its {@link LocalizeController}. */
export interface LocalizeOptions {
  /**
   * Whether the step on screen shows only first-step strings ({@link FirstStepCatalogue}): then it renders
   * in Vietnamese without waiting for the rest, and in English once the English first-step strings are in.
   * By default every render waits for all the strings of its language.
   */
  readonly firstStepOnly?: () => boolean;
}
const connected = new Set<LocalizeController>();
let observer: MutationObserver | undefined;

function watchLanguage(): void {
  observer ??= new MutationObserver(() => {
    for (const controller of connected) controller.host.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * The language an element speaks: the `lang` attribute of the element itself or of its closest
 * ancestor, looking through shadow roots to their hosts. Vietnamese unless it says English.
 */
export function languageOf(element: Element): Language {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host) {
    // One language tag (not an Accept-Language list): English for `en` and its regions, else Vietnamese.
    if (node instanceof Element && node.hasAttribute('lang')) return /^\s*en/i.test(node.getAttribute('lang')!) ? 'en' : 'vi';
  }
  return 'vi';
}

/**
 * Gives an element its strings in the citizen's language and re-renders it when a `lang` attribute
 * changes anywhere in the document (the page's `<html lang>`, the widget's own `lang`), so switching
 * language is live. Texts of field rules come from the SDK's catalogue by code; a problem is shown in
 * the service's words when it answered, else in the SDK's text for the few problems a client meets on
 * its own (`localProblemsVi`: no answer, a flow that ran out on the page …).
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

  readonly #firstStepOnly: () => boolean;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LocalizeOptions = {}) {
    this.host = host;
    this.#firstStepOnly = options.firstStepOnly ?? (() => false);
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
   * The widget strings in the current language. English is fetched the first time a widget speaks it
   * (its first-step strings only, while the host is on a first step); an element that renders through
   * {@link LocalizeController.whenReady} waits for them (others show Vietnamese until they arrive, then
   * render again).
   */
  get t(): Catalogue {
    // Before the rest of the strings of a language arrive, only a first step renders (whenReady), and it
    // reads first-step strings only.
    const vi = vietnamese.peek()?.vi ?? (viFirstStep as Catalogue);
    if (this.lang === 'vi') return vi;
    const en = english.peek()?.en ?? (this.#firstStepOnly() ? (englishFirstStep.get(this.host)?.enFirstStep as Catalogue | undefined) : english.get(this.host)?.en);
    return en ?? vi;
  }

  /**
   * Runs `update` (the host's `scheduleUpdate`) once the strings of the current language are in: at once
   * for a Vietnamese first step ({@link LocalizeOptions.firstStepOnly}), once the English first-step
   * strings are in for an English one, else once all the strings of the language have arrived, after they
   * arrive the first time — so a widget never shows a moment of the wrong language, and its
   * `updateComplete` waits for the right one.
   *
   * @example
   * ```ts
   * protected override scheduleUpdate() {
   *   return this.localize.whenReady(() => super.scheduleUpdate());
   * }
   * ```
   */
  whenReady(update: () => void | Promise<unknown>): void | Promise<unknown> {
    const firstStep = this.#firstStepOnly();
    const strings = this.lang === 'en' ? (firstStep ? englishFirstStep : english) : firstStep ? undefined : vietnamese;
    if (!strings || strings.peek()) return update();
    return strings.load().then(update, update);
  }

  /**
   * The text of a problem: `detail`, the service's own text (in the language the request asked for, the
   * wait filled in), when it gave one; else the widget's text for a problem it meets on its own (no answer,
   * a flow that ran out on the page …), the generic one for any other code. Those texts come with the later
   * strings (Vietnamese or English): empty until they arrive, and the host renders again then.
   */
  problem(code: ProblemCode, detail?: string): string {
    if (detail) return detail;
    const problems: Readonly<Partial<Record<ProblemCode, string>>> | undefined =
      this.lang === 'en' ? english.get(this.host)?.localProblemsEn : vietnamese.get(this.host)?.localProblemsVi;
    return problems ? (problems[code] ?? problems.internal!) : '';
  }

  /** Resolves once every string of the current language is in, its first step's and the later ones (or could not be fetched: then texts fall back). */
  ready(): Promise<void> {
    return (this.lang === 'en' ? english : vietnamese).load().then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * The text of a field rule: `message`, the service's own (in the language the request asked for), when
   * it gave one; else the SDK's text of a rule the widget checks on its own (`localRulesVi`), the one of
   * `invalid_type` for any other. Those texts come with the later strings (a step that shows one is not a
   * first step): empty until they arrive, and the host renders again then.
   */
  rule(rule: FieldRule, params: MessageParams = {}, message?: string): string {
    if (message) return message;
    const rules: Readonly<Partial<Record<FieldRule, string>>> | undefined = this.lang === 'en' ? english.get(this.host)?.localRulesEn : vietnamese.get(this.host)?.localRulesVi;
    return rules ? fillMessage(rules[rule] ?? rules.invalid_type!, params) : '';
  }
}
