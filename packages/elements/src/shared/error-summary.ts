import { html, nothing, type TemplateResult } from 'lit';
import type { FeedbackController, FeedbackOptions, FieldTarget } from './controllers/feedback-controller.js';

/**
 * The GOV.UK error summary at the top of a step, for its feedback: `role="alert"`, a heading, the step
 * problem first (with what `options.extra` adds to it, e.g. a "Quên mật khẩu" link), then each field of
 * `targets` that has an error, as a link that moves focus to it. With the later steps (see
 * {@link FeedbackController.renderSummary}).
 */
export function feedbackSummary(
  feedback: FeedbackController,
  targets: readonly FieldTarget[],
  options: FeedbackOptions,
  root: HTMLElement | DocumentFragment,
): TemplateResult | typeof nothing {
  const { problem, fields } = feedback.current;
  const t = options.localize.t;
  const wrong = targets.filter((target) => feedback.fieldText(fields[target.name]));
  return problem || wrong.length
    ? html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
        <h3 id="error-summary-title">${t.errorSummaryTitle}</h3>
        <ul>
          ${problem ? html`<li>${feedback.fieldText(problem)} ${options.extra?.(problem)}</li>` : nothing}
          ${wrong.map(
            (target) =>
              html`<li>
                <a
                  href="#${target.id}"
                  part="error-summary-link"
                  @click=${(event: Event) => {
                    event.preventDefault();
                    (target.focus ?? (() => root.querySelector<HTMLElement>(`#${target.id}`)?.focus()))();
                  }}
                  >${`${typeof target.label === 'string' ? t[target.label] : target.label(t)}: ${feedback.fieldText(fields[target.name])}`}</a
                >
              </li>`,
          )}
        </ul>
      </div>`
    : nothing;
}
