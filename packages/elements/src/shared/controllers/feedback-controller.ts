import type { ReactiveControllerHost, TemplateResult } from 'lit';
import { nothing } from 'lit';
import type { PasswordPolicy } from '@dvc-kit/sdk';
import type { Catalogue, TextKey } from '../../i18n/catalogue.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { later } from '../later-module.js';
import { hasFeedback, NO_FEEDBACK, type Feedback, type FieldProblem, type StepProblem } from '../feedback.js';
import type { FocusController } from './focus-controller.js';

/** Where an error summary link leads for one field of a step. */
export interface FieldTarget {
  /** The field's name in the request body (`idNumber`, `password` …). */
  readonly name: string;
  /** The catalogue string naming the field in the error summary (a key, or how to read it from the catalogue). */
  readonly label: TextKey | ((t: Catalogue) => string);
  /** Id of the element to focus. */
  readonly id: string;
  /** Focuses the field when it is not a plain input with that id. */
  readonly focus?: () => void;
}

/** What {@link FeedbackController} needs besides its host. */
export interface FeedbackOptions {
  readonly localize: LocalizeController;
  readonly focus: FocusController;
  /** The policy whose numbers fill the rule texts, once known. */
  readonly policy: () => PasswordPolicy | undefined;
  /** Extra content after a step problem's text in the summary (a "Quên mật khẩu" link …). */
  readonly extra?: (problem: StepProblem) => TemplateResult | typeof nothing;
}

/**
 * What a step shows after a refused submission: field errors on their fields and in the error summary
 * (rule texts from the catalogue, so a rule reads the same as the citizen types), a problem in the
 * service's words (its wait filled in), and focus
 * on the summary when there is something to read. It keeps the host's feedback and asks the host to
 * render again when it changes.
 *
 * @example
 * ```ts
 * this.feedback.show(refusal(error)); // refusal() from shared/refusal.ts, with the later steps
 * html`${this.feedback.renderSummary(FIELDS)} … ${this.feedback.fieldError('idNumber')}`;
 * ```
 */
export class FeedbackController {
  readonly #host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };
  readonly #options: FeedbackOptions;
  #current: Feedback = NO_FEEDBACK;

  constructor(host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment }, options: FeedbackOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** What the current step shows. */
  get current(): Feedback {
    return this.#current;
  }

  /** Shows what went wrong with a submission and moves focus to the error summary. */
  show(feedback: Feedback): void {
    this.#current = feedback;
    if (hasFeedback(feedback)) this.#options.focus.next('.error-summary');
    this.#host.requestUpdate();
  }

  /** Forgets what the last step showed (the step changed). */
  clear(): void {
    this.#current = NO_FEEDBACK;
    this.#host.requestUpdate();
  }

  /** The error text of a field of the current step (by request body name), in the citizen's language. */
  readonly fieldError = (field: string): string | undefined => this.fieldText(this.#current.fields[field]);

  /** The text of a field problem in the citizen's language. */
  fieldText(problem: FieldProblem | undefined): string | undefined {
    if (!problem) return undefined;
    const localize = this.#options.localize;
    if ('rule' in problem) {
      const policy = this.#options.policy();
      return localize.rule(problem.rule, { ...(policy ? { min: policy.minLength, max: policy.maxLength } : {}), ...problem.params }, problem.message);
    }
    if ('code' in problem) return localize.problem(problem.code, problem.detail);
    if ('text' in problem) return problem.text(localize.t);
    return localize.t[problem.term];
  }

  /**
   * The error summary of the current feedback: the step problem first, then each field in order. It comes
   * with the later steps, which a submission has waited for before anything is shown.
   */
  renderSummary(targets: readonly FieldTarget[]): TemplateResult | typeof nothing {
    return (hasFeedback(this.#current) && later.get(this.#host)?.feedbackSummary(this, targets, this.#options, this.#host.renderRoot)) || nothing;
  }
}
