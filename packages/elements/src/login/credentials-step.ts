import { html, type nothing, type TemplateResult } from 'lit';
import { textField } from '../shared/field.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import { humanCheckField, type FormStepView } from '../shared/form-step.js';

/** What the credentials step needs from the widget around it. */
export interface CredentialsStepView extends FormStepView {
  readonly showPassword: boolean;
  readonly links: TemplateResult | typeof nothing;
  readonly onTogglePassword: () => void;
}

/** The order of the credentials fields, with the id each error summary link leads to. */
export const CREDENTIALS_FIELDS: readonly FieldTarget[] = [
  { name: 'idNumber', id: 'id-number', label: 'idNumberLabel' },
  { name: 'password', id: 'password', label: 'passwordLabel' },
  { name: 'humanCheck', id: 'human-check', label: 'humanCheckLabel' },
];

/** Step 1 of sign-in: ID number and password, and the human check when the service asks. */
export function renderCredentialsStep(view: CredentialsStepView): TemplateResult {
  const { t, error } = view;
  return html`${view.heading} ${view.summary}
    <form part="form" novalidate @submit=${view.onSubmit} aria-busy=${view.busy ? 'true' : 'false'}>
      ${textField({ id: 'id-number', name: 'idNumber', label: t.idNumberLabel, hint: t.idNumberHint, error: error('idNumber'), errorPrefix: t.errorPrefix, inputmode: 'numeric', autocomplete: 'username', short: true })}
      ${textField({ id: 'password', name: 'password', label: t.passwordLabel, error: error('password'), errorPrefix: t.errorPrefix, type: view.showPassword ? 'text' : 'password', autocomplete: 'current-password' })}
      <button type="button" class="link" part="toggle" aria-pressed=${view.showPassword ? 'true' : 'false'} @click=${view.onTogglePassword}>${t.showPassword}</button>
      ${humanCheckField(view)}
      <button type="submit" part="button" aria-disabled=${view.busy ? 'true' : 'false'}>${t.signIn}</button>
    </form>
    ${view.links}`;
}
