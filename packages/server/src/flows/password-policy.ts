import { checkPassword, type PasswordPolicy } from '@dvc-kit/sdk';
import { ProblemError, type FieldErrorSpec } from '../http/problem.js';

/** The citizen's own details a password must not contain. */
export interface PasswordOwner {
  readonly idNumber: string;
  readonly phone: string;
  /** `yyyy-mm-dd`. */
  readonly birthDate: string;
  readonly fullName: string;
}

/**
 * The service's final word on a new password (registration, recovery): the portal's policy, the
 * citizen's own details, and the confirmation. Every flow that sets a password calls this one check.
 *
 * @throws {ProblemError} `validation_failed` naming every unmet rule, on `password` or `passwordConfirmation`.
 */
export function requireAcceptablePassword(policy: PasswordPolicy, password: string, confirmation: string, owner: PasswordOwner): void {
  const check = checkPassword(password, policy, owner, confirmation);
  if (!check.ok) {
    const errors: FieldErrorSpec[] = check.unmet.map((rule) => ({
      field: rule === 'mismatch' ? 'passwordConfirmation' : 'password',
      code: `password_${rule}`,
      params: { min: policy.minLength, max: policy.maxLength },
    }));
    throw new ProblemError('validation_failed', { errors });
  }
}
