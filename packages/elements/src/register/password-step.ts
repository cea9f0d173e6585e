import { html, nothing, type TemplateResult } from 'lit';
import type { PasswordPolicy } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';
import { DvcPasswordField } from '../password-field/password-field.js';
import { definePart } from '../shared/define-part.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import type { FieldProblem } from '../shared/feedback.js';
import type { RegistrationDetails } from './state.js';

/** What the password step needs from the widget around it. */
export interface PasswordStepView {
  readonly t: Catalogue;
  readonly heading: TemplateResult;
  readonly summary: (targets: readonly FieldTarget[]) => TemplateResult | typeof nothing;
  readonly policy: PasswordPolicy;
  readonly details: RegistrationDetails;
  readonly busy: boolean;
  readonly error: (field: string) => string | undefined;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly root: () => HTMLElement | DocumentFragment;
}

/** The new password and its confirmation, read from the password field, or each one's problem. */
export type PasswordReading =
  | { readonly ok: true; readonly password: string; readonly passwordConfirmation: string }
  | { readonly ok: false; readonly fields: Record<string, FieldProblem> };

/** Reads the password field: both typed, every rule met, the two the same. */
export function readPassword(field: DvcPasswordField): PasswordReading {
  const password = field.value;
  const passwordConfirmation = field.confirmation;
  const fields: Record<string, FieldProblem> = {};
  const unmet = field.unmet;
  const rule = unmet.find((r) => r !== 'mismatch');
  if (!password) fields.password = { rule: 'required' };
  else if (rule) fields.password = { rule: `password_${rule}` };
  if (!passwordConfirmation) fields.passwordConfirmation = { rule: 'required' };
  else if (unmet.includes('mismatch')) fields.passwordConfirmation = { rule: 'password_mismatch' };
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, password, passwordConfirmation };
}

/**
 * Step 4 of registration: a new password and its confirmation, checked as the citizen types. The form
 * carries the ID number as a hidden `autocomplete="username"` field, so a password manager saves the
 * new password against the right user name.
 */
export function renderPasswordStep(view: PasswordStepView): TemplateResult {
  definePart('dvc-password-field', DvcPasswordField);
  const { t } = view;
  const confirmation = () => view.root().querySelector<DvcPasswordField>('dvc-password-field')?.focusConfirmation();
  return html`${view.heading}
    ${view.summary([
      { name: 'password', id: 'password', label: 'newPasswordLabel' },
      { name: 'passwordConfirmation', id: 'password', label: 'confirmPasswordLabel', focus: confirmation },
    ])}
    <form part="form" novalidate @submit=${view.onSubmit}>
      <input type="text" name="username" autocomplete="username" aria-label=${t.usernameLabel} .value=${view.details.idNumber} readonly hidden />
      <dvc-password-field
        id="password"
        .policy=${view.policy}
        .context=${view.details}
        .error=${view.error('password')}
        .confirmationError=${view.error('passwordConfirmation')}
        exportparts="field, label, input, error, toggle, checklist, rule, rule-met, rule-unmet, warning"
      ></dvc-password-field>
      <button type="submit" part="button" aria-disabled=${view.busy ? 'true' : 'false'}>${t.completeRegistration}</button>
    </form>`;
}
