import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** What {@link textField} renders. */
export interface TextFieldOptions {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string;
  /** The field's error text, already in the citizen's language. */
  readonly error?: string;
  /** Hidden prefix read before the error ("Lỗi:"). */
  readonly errorPrefix: string;
  readonly type?: 'text' | 'tel' | 'email' | 'password';
  readonly autocomplete?: string;
  readonly inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  readonly short?: boolean;
  /** What the field starts with (its `value` attribute): the browser keeps what the citizen types over it. */
  readonly initial?: string;
}

/** The ids an input is described by: its hint, then its error. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A field's error message, tied to its input by `${id}-error`. */
export function fieldError(id: string, error: string | undefined, prefix: string): TemplateResult | typeof nothing {
  return error
    ? html`<p id="${id}-error" class="error-message" part="error"><span class="visually-hidden">${prefix}</span> ${error}</p>`
    : nothing;
}

/**
 * A labelled text input in the GOV.UK pattern: a visible label, a hint and an error tied with
 * `aria-describedby`, `aria-invalid` when in error. The value is left to the browser (uncontrolled),
 * so re-rendering in another language keeps what the citizen typed.
 */
export function textField(options: TextFieldOptions): TemplateResult {
  const { id, error, hint } = options;
  return html`<div class="field ${error ? 'field--error' : ''}" part="field">
    <label for=${id} part="label">${options.label}</label>
    ${hint ? html`<p id="${id}-hint" class="hint" part="hint">${hint}</p>` : nothing}
    ${fieldError(id, error, options.errorPrefix)}
    <input
      id=${id}
      name=${options.name}
      type=${options.type ?? 'text'}
      class=${options.short ? 'input--short' : ''}
      part="input"
      autocomplete=${ifDefined(options.autocomplete)}
      inputmode=${ifDefined(options.inputmode)}
      spellcheck="false"
      value=${ifDefined(options.initial)}
      aria-describedby=${ifDefined(describedBy(id, hint, error))}
      aria-invalid=${!!error}
    />
  </div>`;
}
