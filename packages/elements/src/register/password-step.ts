import type { TemplateResult } from 'lit';
import { renderNewPasswordStep, type NewPasswordStepView } from '../shared/new-password-step.js';
import type { RegistrationDetails } from './state.js';

export { readPassword, type PasswordReading } from '../shared/new-password-step.js';

/** What the password step needs from the widget around it. */
export interface PasswordStepView extends Omit<NewPasswordStepView, 'context' | 'username' | 'submitText'> {
  readonly details: RegistrationDetails;
}

/**
 * Step 4 of registration: a new password and its confirmation, checked as the citizen types against the
 * details given (a password containing the ID number, phone, birth date or name is refused), saved
 * against the ID number as the user name.
 */
export function renderPasswordStep(view: PasswordStepView): TemplateResult {
  return renderNewPasswordStep({ ...view, context: view.details, username: view.details.idNumber, submitText: view.t.completeRegistration });
}
