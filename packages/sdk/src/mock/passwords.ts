import type { FieldRule } from '../messages/codes.js';
import { checkPassword, type PasswordContext } from '../password/check.js';
import { PASSWORD_HISTORY_SIZE } from '../password/policy.js';
import { looksGuessable } from './guessable.js';
import type { RouteContext } from './route.js';
import type { MockAccountRecord } from './scenario.js';

/** A field error of a refused password. */
type PasswordFieldError = { field: string; code: FieldRule };


/**
 * What the service says of a new password (registration, recovery, change): the policy and the
 * citizen's own details, the guessability estimate — asked, as the service asks it, only of a password
 * the rest of the policy lets through — and the confirmation. Empty when the password is accepted.
 */
export function newPasswordErrors(context: RouteContext, password: string, confirmation: string, owner: PasswordContext): PasswordFieldError[] {
  let check = checkPassword(password, context.scenario.config.passwordPolicy, owner, confirmation);
  if (check.unmet.every((rule) => rule === 'common' || rule === 'mismatch') && looksGuessable(password)) {
    check = { ok: false, unmet: ['guessable', ...check.unmet.filter((rule) => rule !== 'common')] };
  }
  const errors: PasswordFieldError[] = [];
  const rule = check.unmet.find((r) => r !== 'mismatch');
  if (rule) errors.push({ field: 'password', code: `password_${rule}` });
  if (check.unmet.includes('mismatch')) errors.push({ field: 'passwordConfirmation', code: 'password_mismatch' });
  return errors;
}

/**
 * Replaces an existing account's password (recovery, change of password), or answers the refusal: the
 * rules of {@link newPasswordErrors}, then none of the last {@link PASSWORD_HISTORY_SIZE} passwords.
 */
export function replacePassword(
  context: RouteContext,
  idNumber: string,
  record: MockAccountRecord,
  data: { readonly password: string; readonly passwordConfirmation: string },
  owner: PasswordContext,
): Response | undefined {
  const { scenario } = context;
  const errors = newPasswordErrors(context, data.password, data.passwordConfirmation, owner);
  const earlier = [record.password, ...(scenario.passwordHistory.get(idNumber) ?? [])].slice(0, PASSWORD_HISTORY_SIZE);
  if (errors.length === 0 && earlier.includes(data.password.normalize('NFC'))) errors.push({ field: 'password', code: 'password_reused' });
  if (errors.length) return context.problem('validation_failed', { fieldErrors: errors });
  scenario.passwordHistory.set(idNumber, earlier.slice(0, PASSWORD_HISTORY_SIZE - 1));
  scenario.accounts.set(idNumber, { ...record, password: data.password.normalize('NFC') });
  return undefined;
}

/**
 * Checks a password typed for an account (sign-in, the current password of a change) as the service
 * counts it: after `freeFailures` wrong ones the account waits 60 s more per failure, at most 15
 * minutes (`too_many_attempts`); a wrong one is `invalid_credentials`; a right one clears the count.
 * `idNumber` is the account's registered number (or the one typed when there is no account).
 */
export function refusePassword(context: RouteContext, idNumber: string, password: string): Response | undefined {
  const { scenario } = context;
  const now = scenario.now();
  const failures = scenario.passwordFailures.get(idNumber) ?? { count: 0, lockedUntil: 0 };
  if (failures.lockedUntil > now) return context.problem('too_many_attempts', { retryAfter: Math.ceil((failures.lockedUntil - now) / 1000) });
  if (scenario.accounts.get(idNumber)?.password !== password.normalize('NFC')) {
    failures.count++;
    if (failures.count >= scenario.freeFailures) failures.lockedUntil = now + Math.min(900, 60 * (failures.count - scenario.freeFailures + 1)) * 1000;
    scenario.passwordFailures.set(idNumber, failures);
    return context.problem('invalid_credentials');
  }
  scenario.passwordFailures.delete(idNumber);
  return undefined;
}
