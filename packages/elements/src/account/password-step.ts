import { html, type nothing, type TemplateResult } from 'lit';
import type { AccountDetails, PasswordPolicy } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';
import type { DvcPasswordField } from '../password-field/password-field.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';

/** What the new-password step needs from the element around it. */
export interface NewPasswordView {
  readonly t: Catalogue;
  readonly heading: TemplateResult;
  readonly summary: (targets: readonly FieldTarget[]) => TemplateResult | typeof nothing;
  readonly policy: PasswordPolicy;
  readonly account: AccountDetails;
  readonly busy: boolean;
  readonly error: (field: string) => string | undefined;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
  readonly root: () => HTMLElement | DocumentFragment;
}

/**
 * The last step of a password change: the new password and its confirmation in the same
 * `<dvc-password-field>` as registration (the policy from the configuration, checked as the citizen
 * types; the name refused in it), "Đổi mật khẩu" and "Hủy".
 */
export function renderNewPasswordStep(view: NewPasswordView): TemplateResult {
  const { t } = view;
  const confirmation = () => view.root().querySelector<DvcPasswordField>('dvc-password-field')?.focusConfirmation();
  return html`${view.heading}
    ${view.summary([
      { name: 'password', id: 'password', label: 'newPasswordLabel' },
      { name: 'passwordConfirmation', id: 'password', label: 'confirmPasswordLabel', focus: confirmation },
    ])}
    <form part="form" novalidate @submit=${view.onSubmit} aria-busy=${view.busy ? 'true' : 'false'}>
      <dvc-password-field
        id="password"
        .policy=${view.policy}
        .context=${{ fullName: view.account.fullName }}
        .error=${view.error('password')}
        .confirmationError=${view.error('passwordConfirmation')}
        exportparts="field, label, input, error, toggle, checklist, rule, rule-met, rule-unmet, warning"
      ></dvc-password-field>
      <button type="submit" part="button" aria-disabled=${view.busy ? 'true' : 'false'}>${t.account.actions.password}</button>
      <button type="button" class="secondary" part="button button-secondary" @click=${view.onCancel}>${t.account.cancel}</button>
    </form>`;
}
