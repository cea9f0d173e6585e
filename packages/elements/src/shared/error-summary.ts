import { html, nothing, type TemplateResult } from 'lit';
import type { FeedbackController, FeedbackOptions, FieldTarget } from './controllers/feedback-controller.js';

/** One line of an error summary: its text, and the field it leads to when there is one. */
export interface SummaryItem {
  readonly text: string;
  /** Id of the field (in the same shadow root) the link points at. */
  readonly href?: string;
  /** Moves focus to the field; called when the link is followed. */
  readonly focus?: () => void;
  /** Extra content after the text, e.g. a "Quên mật khẩu" link. */
  readonly extra?: TemplateResult | typeof nothing;
}

/**
 * The GOV.UK error summary at the top of a step: `role="alert"`, a heading, and a link per field that
 * moves focus to it.
 */
export function errorSummary(title: string, items: readonly SummaryItem[]): TemplateResult | typeof nothing {
  if (!items.length) return nothing;
  return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
    <h3 id="error-summary-title">${title}</h3>
    <ul>
      ${items.map(
        (item) => html`<li>
          ${item.href
            ? html`<a
                href="#${item.href}"
                part="error-summary-link"
                @click=${(event: Event) => {
                  event.preventDefault();
                  item.focus?.();
                }}
                >${item.text}</a
              >`
            : item.text}
          ${item.extra ?? nothing}
        </li>`,
      )}
    </ul>
  </div>`;
}

/**
 * The error summary of a step's feedback: the step problem first (with what `options.extra` adds to it),
 * then each field of `targets` that has an error, linked to it. With the later steps (see
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
  const items: SummaryItem[] = [];
  if (problem) items.push({ text: feedback.fieldText(problem)!, extra: options.extra?.(problem) ?? nothing });
  for (const target of targets) {
    const text = feedback.fieldText(fields[target.name]);
    if (!text) continue;
    items.push({
      text: `${typeof target.label === 'string' ? t[target.label] : target.label(t)}: ${text}`,
      href: target.id,
      focus: target.focus ?? (() => root.querySelector<HTMLElement>(`#${target.id}`)?.focus()),
    });
  }
  return errorSummary(t.errorSummaryTitle, items);
}
