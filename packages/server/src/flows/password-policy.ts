import type { PasswordPolicy } from '@dvc-kit/sdk';
import { ProblemError, type FieldErrorSpec } from '../http/problem.js';
import { checkNewPassword } from '../passwords/check-new-password.js';

/** The citizen's own details a password must not contain. */
export interface PasswordOwner {
  readonly idNumber: string;
  readonly phone: string;
  /** `yyyy-mm-dd`. */
  readonly birthDate: string;
  readonly fullName: string;
}

/** The password rules of the service's configuration. */
export interface PasswordRules {
  /** The portal's policy, as the widgets show it. */
  readonly passwordPolicy: PasswordPolicy;
  /** Lowest guessability score (zxcvbn, 0–4) accepted; 0 turns the estimate off. */
  readonly passwordMinScore: number;
}

/**
 * The service's final word on a new password (registration, recovery): the portal's policy, the
 * citizen's own details, the confirmation, and how guessable it is ({@link checkNewPassword}). Every
 * flow that sets a password calls this one check.
 *
 * @throws {ProblemError} `validation_failed` naming every unmet rule, on `password` or `passwordConfirmation`.
 */
export async function requireAcceptablePassword(rules: PasswordRules, password: string, confirmation: string, owner: PasswordOwner): Promise<void> {
  const policy = rules.passwordPolicy;
  const check = await checkNewPassword(password, policy, owner, confirmation, { minScore: rules.passwordMinScore });
  if (!check.ok) {
    const errors: FieldErrorSpec[] = check.unmet.map((rule) => ({
      field: rule === 'mismatch' ? 'passwordConfirmation' : 'password',
      code: `password_${rule}`,
      params: { min: policy.minLength, max: policy.maxLength },
    }));
    throw new ProblemError('validation_failed', { errors });
  }
}
