import { html, nothing, type TemplateResult } from 'lit';
import type { VerificationMethod } from '@dvc-kit/sdk';
import { fieldError, textField } from '../shared/field.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import { humanCheckField, type FormStepView } from '../shared/form-step.js';

/** What the details step needs from the widget around it: what every form step needs, and the method chosen. */
export interface DetailsStepView extends FormStepView {
  /** `bhxh` asks for the social-insurance code too. */
  readonly method: VerificationMethod;
}

/** The order of the details fields, with the id each error summary link leads to. */
export const DETAILS_FIELDS: readonly FieldTarget[] = [
  { name: 'idNumber', id: 'id-number', label: 'idNumberLabel' },
  { name: 'bhxhCode', id: 'bhxh-code', label: 'bhxhCodeLabel' },
  { name: 'fullName', id: 'full-name', label: 'fullNameLabel' },
  { name: 'birthDate', id: 'birth-date', label: 'birthDateLabel' },
  { name: 'phone', id: 'phone', label: 'phoneLabel' },
  { name: 'email', id: 'email', label: 'emailLabel' },
  { name: 'consentVersion', id: 'consent', label: 'consentLegend' },
  { name: 'humanCheck', id: 'human-check', label: 'humanCheckLabel' },
];

/**
 * Step 2 of registration: ID number, the 10-digit social-insurance code when registering by social
 * insurance, full name, date of birth (dd/mm/yyyy), phone, optional email, consent to personal-data
 * processing (Decree 13/2023, the version from the configuration) and, when the service asks, the
 * human check. The method chosen is named under the heading.
 */
export function renderDetailsStep(view: DetailsStepView): TemplateResult {
  const { t, error } = view;
  const consentError = error('consentVersion');
  const bhxh = view.method === 'bhxh';
  return html`${view.heading} ${view.summary}
    <p class="hint" part="hint">${`${t.methodLegend}: ${t.methodNames[view.method]}`}</p>
    <form part="form" novalidate @submit=${view.onSubmit} aria-busy=${view.busy ? 'true' : 'false'}>
      ${textField({ id: 'id-number', name: 'idNumber', label: t.idNumberLabel, hint: t.idNumberHint, error: error('idNumber'), errorPrefix: t.errorPrefix, inputmode: 'numeric', autocomplete: 'username', short: true })}
      ${bhxh
        ? textField({ id: 'bhxh-code', name: 'bhxhCode', label: t.bhxhCodeLabel, hint: t.bhxhCodeHint, error: error('bhxhCode'), errorPrefix: t.errorPrefix, inputmode: 'numeric', autocomplete: 'off', short: true })
        : nothing}
      ${textField({ id: 'full-name', name: 'fullName', label: t.fullNameLabel, hint: t.fullNameHint, error: error('fullName'), errorPrefix: t.errorPrefix, autocomplete: 'name' })}
      ${textField({ id: 'birth-date', name: 'birthDate', label: t.birthDateLabel, hint: t.birthDateHint, error: error('birthDate'), errorPrefix: t.errorPrefix, inputmode: 'numeric', autocomplete: 'bday', short: true })}
      ${textField({ id: 'phone', name: 'phone', label: t.phoneLabel, hint: bhxh ? t.phoneHintBhxh : t.phoneHint, error: error('phone'), errorPrefix: t.errorPrefix, type: 'tel', autocomplete: 'tel', short: true })}
      ${textField({ id: 'email', name: 'email', label: t.emailLabel, hint: t.emailHint, error: error('email'), errorPrefix: t.errorPrefix, type: 'email', autocomplete: 'email' })}
      <fieldset class=${consentError ? 'field--error' : ''} part="fieldset">
        <legend part="legend">${t.consentLegend}</legend>
        ${fieldError('consent', consentError, t.errorPrefix)}
        <div class="choice">
          <input id="consent" name="consent" type="checkbox" part="checkbox" aria-describedby=${consentError ? 'consent-error' : nothing} aria-invalid=${consentError ? 'true' : 'false'} />
          <label for="consent" part="label">${t.consentLabel(view.config.consentVersion)}</label>
        </div>
      </fieldset>
      ${humanCheckField(view)}
      <button type="submit" part="button" aria-disabled=${view.busy ? 'true' : 'false'}>${t.continue}</button>
    </form>`;
}
