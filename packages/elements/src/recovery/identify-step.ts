import { html, type nothing, type TemplateResult } from 'lit';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import { textField } from '../shared/field.js';
import { humanCheckField, type FormStepView } from '../shared/form-step.js';

/** What the first recovery step needs from the widget around it. */
export interface IdentifyStepView extends FormStepView {
  /** The ID number typed so far (on the sign-in form), to start from. */
  readonly idNumber: string;
  /** "Quay lại đăng nhập", when there is a way back. */
  readonly back: TemplateResult | typeof nothing;
}

/** The order of the first step's fields, with the id each error summary link leads to. */
export const IDENTIFY_FIELDS: readonly FieldTarget[] = [
  { name: 'idNumber', id: 'id-number', label: 'idNumberLabel' },
  { name: 'humanCheck', id: 'human-check', label: 'humanCheckLabel' },
];

/** Step 1 of "Quên mật khẩu": the ID number, and the human check when the service asks. */
export function renderIdentifyStep(view: IdentifyStepView): TemplateResult {
  const { t, error } = view;
  return html`${view.heading} ${view.summary}
    <p class="hint">${t.recoveryIntro}</p>
    <form part="form" novalidate @submit=${view.onSubmit} aria-busy=${view.busy ? 'true' : 'false'}>
      ${textField({ id: 'id-number', name: 'idNumber', label: t.idNumberLabel, hint: t.idNumberHint, error: error('idNumber'), errorPrefix: t.errorPrefix, inputmode: 'numeric', autocomplete: 'username', short: true, initial: view.idNumber || undefined })}
      ${humanCheckField(view)}
      <button type="submit" part="button" aria-disabled=${view.busy ? 'true' : 'false'}>${t.sendCode}</button>
    </form>
    ${view.back}`;
}
