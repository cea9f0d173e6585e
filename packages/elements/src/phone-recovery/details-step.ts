import { html, type nothing, type TemplateResult } from 'lit';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import { textField } from '../shared/field.js';
import { humanCheckField, type FormStepView } from '../shared/form-step.js';

/** What the details step needs from the widget around it. */
export interface PhoneRecoveryDetailsView extends FormStepView {
  /** The ID number typed so far (on the sign-in form), to start from. */
  readonly idNumber: string;
  /** "Quay lại đăng nhập", when there is a way back. */
  readonly back: TemplateResult | typeof nothing;
}

/** The order of the details fields, with the id each error summary link leads to. */
export const PHONE_RECOVERY_FIELDS: readonly FieldTarget[] = [
  { name: 'idNumber', id: 'id-number', label: 'idNumberLabel' },
  { name: 'bhxhCode', id: 'bhxh-code', label: 'bhxhCodeLabel' },
  { name: 'fullName', id: 'full-name', label: 'fullNameLabel' },
  { name: 'birthDate', id: 'birth-date', label: 'birthDateLabel' },
  { name: 'phone', id: 'phone', label: 'newPhoneLabel' },
  { name: 'humanCheck', id: 'human-check', label: 'humanCheckLabel' },
];

/**
 * Step 1 of "Mất số điện thoại nhận OTP": the details the account was registered with by social
 * insurance (ID number, BHXH code, full name, date of birth), the NEW phone, and the human check when
 * the service asks. The phone is not `autocomplete="tel"`: a browser would offer the lost number.
 */
export function renderPhoneRecoveryDetails(view: PhoneRecoveryDetailsView): TemplateResult {
  const { t, error } = view;
  const field = (id: string, name: string, label: string, hint: string, more: Partial<Parameters<typeof textField>[0]> = {}) =>
    textField({ id, name, label, hint, error: error(name), errorPrefix: t.errorPrefix, ...more });
  return html`${view.heading} ${view.summary}
    <p class="hint">${t.lostPhoneIntro}</p>
    <form part="form" novalidate @submit=${view.onSubmit} aria-busy=${view.busy ? 'true' : 'false'}>
      ${field('id-number', 'idNumber', t.idNumberLabel, t.idNumberHint, { inputmode: 'numeric', autocomplete: 'username', short: true, initial: view.idNumber || undefined })}
      ${field('bhxh-code', 'bhxhCode', t.bhxhCodeLabel, t.lostPhoneBhxhHint, { inputmode: 'numeric', autocomplete: 'off', short: true })}
      ${field('full-name', 'fullName', t.fullNameLabel, t.fullNameHint, { autocomplete: 'name' })}
      ${field('birth-date', 'birthDate', t.birthDateLabel, t.birthDateHint, { inputmode: 'numeric', autocomplete: 'bday', short: true })}
      ${field('phone', 'phone', t.newPhoneLabel, t.newPhoneHint, { type: 'tel', autocomplete: 'off', short: true })}
      ${humanCheckField(view)}
      <button type="submit" part="button" aria-disabled=${view.busy ? 'true' : 'false'}>${t.sendCode}</button>
    </form>
    ${view.back}`;
}
