import { PASSWORD_HISTORY_SIZE, type PasswordPolicy } from '@dvc-kit/sdk';
import type { AppDeps } from '../app-deps.js';
import { ProblemError, type FieldErrorSpec } from '../http/problem.js';
import { checkNewPassword } from '../passwords/check-new-password.js';
import type { AccountRecord } from '../store/accounts.js';
import { accountNumber } from './account-holder.js';

export { PASSWORD_HISTORY_SIZE };

/** The citizen's own details a password must not contain. */
export interface PasswordOwner {
  /** The ID number, or an enterprise's tax code. */
  readonly idNumber: string;
  readonly phone: string;
  /** `yyyy-mm-dd`; `null` for an enterprise or an agency officer. */
  readonly birthDate: string | null;
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
  const { birthDate, ...rest } = owner;
  const check = await checkNewPassword(password, policy, birthDate === null ? rest : { ...rest, birthDate }, confirmation, { minScore: rules.passwordMinScore });
  if (!check.ok) {
    const errors: FieldErrorSpec[] = check.unmet.map((rule) => ({
      field: rule === 'mismatch' ? 'passwordConfirmation' : 'password',
      code: `password_${rule}`,
      params: { min: policy.minLength, max: policy.maxLength },
    }));
    throw new ProblemError('validation_failed', { errors });
  }
}

/**
 * A new password for an existing account (recovery, change of password): the one password check, and
 * none of the last {@link PASSWORD_HISTORY_SIZE} passwords again (each stored hash verified).
 *
 * @returns the argon2id hash to store.
 * @throws {ProblemError} `validation_failed` naming the rule (`password_reused` for an old password).
 */
export async function acceptNewPassword(
  deps: Pick<AppDeps, 'config' | 'store' | 'passwords'>,
  account: AccountRecord,
  data: { readonly password: string; readonly passwordConfirmation: string },
): Promise<string> {
  await requireAcceptablePassword(deps.config, data.password, data.passwordConfirmation, {
    idNumber: accountNumber(account),
    phone: account.phone,
    birthDate: account.birthDate,
    fullName: account.fullName,
  });
  const earlier = [account.passwordHash, ...(await deps.store.passwordHistory.recent(account.sub, PASSWORD_HISTORY_SIZE - 1))];
  for (const hash of earlier) {
    if (await deps.passwords.verify(hash, data.password)) {
      throw new ProblemError('validation_failed', { errors: [{ field: 'password', code: 'password_reused' }] });
    }
  }
  return deps.passwords.hash(data.password);
}
