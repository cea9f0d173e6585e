import { html, nothing, type TemplateResult } from 'lit';
import type { PasswordContext, PasswordPolicy } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';
import { DvcPasswordField } from '../password-field/password-field.js';
import type { FieldTarget } from './controllers/feedback-controller.js';
import { definePart } from './define-part.js';
import type { FieldProblem } from './feedback.js';

/** What a new-password step (registration, recovery) needs from the widget around it. */
export interface NewPasswordStepView {
  readonly t: Catalogue;
  readonly heading: TemplateResult;
  readonly summary: (targets: readonly FieldTarget[]) => TemplateResult | typeof nothing;
  readonly policy: PasswordPolicy;
  /** The citizen's own data the password must not contain. */
  readonly context: PasswordContext;
  /** The user name a password manager saves the new password against: the ID number, when the widget has it in full. */
  readonly username?: string;
  readonly submitText: string;
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
  const { value: password, confirmation: passwordConfirmation, unmet } = field;
  const rule = unmet.find((r) => r !== 'mismatch');
  const fields: Record<string, FieldProblem> = {};
  if (!password || rule) fields.password = { rule: password ? `password_${rule!}` : 'required' };
  if (!passwordConfirmation || unmet.includes('mismatch')) fields.passwordConfirmation = { rule: passwordConfirmation ? 'password_mismatch' : 'required' };
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, password, passwordConfirmation };
}

/**
 * A new password and its confirmation, checked as the citizen types; the service's verdict shows on
 * submit. The form carries the ID number, when given, as a read-only `autocomplete="username"` field, so a
 * password manager saves the new password against the right user name; it is busy while a call is under way.
 */
export function renderNewPasswordStep(view: NewPasswordStepView): TemplateResult {
  definePart('dvc-password-field', DvcPasswordField);
  return html`${view.heading}
    ${view.summary([
      { name: 'password', id: 'password', label: 'newPasswordLabel' },
      { name: 'passwordConfirmation', id: 'password', label: 'confirmPasswordLabel', focus: () => passwordFieldIn(view.root()).focusConfirmation() },
    ])}
    <form part="form" novalidate @submit=${view.onSubmit} aria-busy=${view.busy}>
      ${view.username === undefined ? nothing : html`<input type="text" name="username" autocomplete="username" aria-label=${view.t.usernameLabel} .value=${view.username} readonly hidden />`}
      <dvc-password-field
        id="password"
        .policy=${view.policy}
        .context=${view.context}
        .error=${view.error('password')}
        .confirmationError=${view.error('passwordConfirmation')}
        exportparts="field, label, input, error, toggle, checklist, rule, rule-met, rule-unmet, warning"
      ></dvc-password-field>
      <button part="button" aria-disabled=${view.busy}>${view.submitText}</button>
    </form>`;
}

/** The one `<dvc-password-field>` of a new-password step. */
export function passwordFieldIn(root: HTMLElement | DocumentFragment): DvcPasswordField {
  return root.querySelector<DvcPasswordField>('dvc-password-field')!;
}
