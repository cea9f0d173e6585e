import { html, nothing, type TemplateResult } from 'lit';
import type { DvcClient, ServiceConfig } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';
import { textField } from '../shared/field.js';
import type { FieldTarget } from '../shared/flow-element.js';

/** What the credentials step needs from the widget around it. */
export interface CredentialsStepView {
  readonly t: Catalogue;
  readonly config: ServiceConfig;
  readonly client: DvcClient | undefined;
  readonly busy: boolean;
  readonly heading: TemplateResult;
  readonly summary: TemplateResult | typeof nothing;
  readonly showPassword: boolean;
  readonly links: TemplateResult | typeof nothing;
  readonly error: (field: string) => string | undefined;
  readonly onTogglePassword: () => void;
  readonly onSubmit: (event: SubmitEvent) => void;
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
      ${view.config.humanCheck.required
        ? html`<dvc-human-check id="human-check" .client=${view.client} .error=${error('humanCheck')} exportparts="field, checkbox, label, status, error"></dvc-human-check>`
        : nothing}
      <button type="submit" part="button" ?disabled=${view.busy}>${t.signIn}</button>
    </form>
    ${view.links}`;
}
