import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fillMessage, type FieldRule, type Language, type MessageParams, type ProblemCode } from '@dvc-kit/sdk';
import { LazyModule } from '../shared/lazy-module.js';
import { later } from '../shared/later-module.js';
import type { Catalogue, FirstStepCatalogue } from './catalogue.js';
import { viFirstStep } from './vi-first-step.js';

/**
 * Vietnamese comes with the widgets; English (the widget strings, the SDK's English rule texts and the
 * texts of the problems a widget words itself) is fetched the first time a widget speaks it.
 */
const english = new LazyModule(() => import('./en.js'));
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
   * in Vietnamese without waiting for the rest. By default every render waits for all the strings.
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
   * The widget strings in the current language. English is fetched the first time a widget speaks it;
   * an element that renders through {@link LocalizeController.whenReady} waits for it (others show
   * Vietnamese until it arrives, then render again).
   */
  get t(): Catalogue {
    // Before the rest of the Vietnamese strings arrive, only a first step renders (whenReady), and it
    // reads first-step strings only.
    const vi = vietnamese.peek()?.vi ?? (viFirstStep as Catalogue);
    return this.lang === 'en' ? (english.get(this.host)?.en ?? vi) : vi;
  }

  /**
   * Runs `update` (the host's `scheduleUpdate`) once the strings of the current language are in: at once
   * for a Vietnamese first step ({@link LocalizeOptions.firstStepOnly}), else once the strings (all the
   * Vietnamese ones, or English) have arrived, after they arrive the first time — so a widget never
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
    const strings = this.lang === 'en' ? english : this.#firstStepOnly() ? undefined : vietnamese;
    if (!strings || strings.peek()) return update();
    return strings.load().then(update, update);
  }

  /**
   * The text of a problem: `detail`, the service's own text (in the language the request asked for, the
   * wait filled in), when it gave one; else the widget's text for a problem it meets on its own (no answer,
   * a flow that ran out on the page …), the generic one for any other code. Those texts come with the later
   * strings (or English): empty until they arrive, and the host renders again then.
   */
  problem(code: ProblemCode, detail?: string): string {
    if (detail) return detail;
    const problems: Readonly<Partial<Record<ProblemCode, string>>> | undefined =
      this.lang === 'en' ? english.get(this.host)?.localProblemsEn : vietnamese.get(this.host)?.localProblemsVi;
    return problems ? (problems[code] ?? problems.internal!) : '';
  }

  /** Resolves once every string of the current language is in (or could not be fetched: then texts fall back). */
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
