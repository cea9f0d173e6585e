import { html, nothing, type TemplateResult } from 'lit';
import type { SubjectType, VerificationMethod } from '@dvc-kit/sdk';
import type { DetailsDraft } from './state.js';
import { textField, type TextFieldOptions } from '../shared/field.js';
import { CONSENT_TARGET, consentField } from '../shared/consent-field.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import { humanCheckField, type FormStepView } from '../shared/form-step.js';
import { isSignatureMethod } from './choices.js';

/** What the details step needs from the widget around it: what every form step needs, and the method chosen. */
export interface DetailsStepView extends FormStepView {
  /** `bhxh` asks for the social-insurance code too. */
  readonly method: VerificationMethod;
  /** An enterprise gives its tax code, an agency officer the ID number, neither a date of birth. */
  readonly subjectType: SubjectType;
  /** What the citizen typed before going back to the first step: the text fields start with it. */
  readonly draft: DetailsDraft | undefined;
  /** "Quay lại" to the first step; no such button without it (the first step was skipped). */
  readonly onBack: ((draft: DetailsDraft) => void) | undefined;
}

/** One text field of the details: its name in the request body (also its id; its label and hint are `<name>Label`, `<name>Hint`), how it is typed. */
type DetailsField = readonly [name: 'idNumber' | 'taxCode' | 'bhxhCode' | 'fullName' | 'birthDate' | 'phone' | 'email', input: Pick<TextFieldOptions, 'type' | 'inputmode' | 'autocomplete' | 'short'>];

/** The text fields of the details in order; which of them a registration asks, {@link renderDetailsStep} says. */
const TEXT_FIELDS: readonly DetailsField[] = [
  ['idNumber', { inputmode: 'numeric', autocomplete: 'username', short: true }],
  ['taxCode', { inputmode: 'numeric', autocomplete: 'username', short: true }],
  ['bhxhCode', { inputmode: 'numeric', autocomplete: 'off', short: true }],
  ['fullName', { autocomplete: 'name' }],
  ['birthDate', { inputmode: 'numeric', autocomplete: 'bday', short: true }],
  ['phone', { type: 'tel', autocomplete: 'tel', short: true }],
  ['email', { type: 'email', autocomplete: 'email' }],
];

/** The order of the details fields, with the id each error summary link leads to. */
export const DETAILS_FIELDS: readonly FieldTarget[] = [
  ...TEXT_FIELDS.map(([name]) => ({ name, id: name, label: `${name}Label` as const })),
  CONSENT_TARGET,
  { name: 'humanCheck', id: 'human-check', label: 'humanCheckLabel' },
];

/**
 * Step 2 of registration: ID number, the 10-digit social-insurance code when registering by social
 * insurance, full name, date of birth (dd/mm/yyyy), phone, optional email, consent to personal-data
 * processing (Decree 13/2023, the version from the configuration) and, when the service asks, the
 * human check. By a signature (IAL3) no full name: the certificate's holder is the account's name. An
 * enterprise gives its tax code (MST) instead of the ID number, and neither it nor an agency officer a
 * date of birth (the organisation's name and the agency come from the certificate). The method chosen is
 * named under the heading. "Quay lại" leads back to the choice of method, with what the text fields hold.
 */
export function renderDetailsStep(view: DetailsStepView): TemplateResult {
  const { t, error } = view;
  const { draft, onBack, method, subjectType } = view;
  const bhxh = method === 'bhxh';
  const enterprise = subjectType === 'enterprise';
  const asked: Record<DetailsField[0], boolean> = {
    idNumber: !enterprise,
    taxCode: enterprise,
    bhxhCode: bhxh,
    fullName: !isSignatureMethod(method),
    birthDate: subjectType === 'citizen',
    phone: true,
    email: true,
  };
  // The fields as they stand (and a BHXH code typed earlier, when not shown now), for the details shown again after the choice.
  const back = (event: Event) => {
    const now = Object.fromEntries(new FormData((event.currentTarget as HTMLButtonElement).form!)) as DetailsDraft;
    onBack!({ ...draft, ...now });
  };
  return html`${view.heading} ${view.summary}
    <p class="hint" part="hint">${`${t.methodLegend}: ${t.methodNames[method]}`}</p>
    <form part="form" novalidate @submit=${view.onSubmit} aria-busy=${view.busy ? 'true' : 'false'}>
      ${TEXT_FIELDS.filter(([name]) => asked[name]).map(([name, input]) =>
        textField({
          id: name,
          name,
          label: t[`${name}Label`],
          // The phone a carrier does not check (social insurance, a signature) is where the code goes.
          hint: t[method !== 'mobile' && name === 'phone' ? 'phoneHintBhxh' : (`${name}Hint` as const)],
          error: error(name),
          errorPrefix: t.errorPrefix,
          initial: draft?.[name],
          ...input,
        }),
      )}
      ${consentField(t, view.config.consentVersion, error('consentVersion'))}
      ${humanCheckField(view)}
      <button type="submit" part="button" aria-disabled=${view.busy ? 'true' : 'false'}>${t.continue}</button>
      ${onBack
        ? html`<button type="button" class="secondary" part="button button-secondary" aria-disabled=${view.busy ? 'true' : 'false'} @click=${back}>
            ${t.back}
          </button>`
        : nothing}
    </form>`;
}
