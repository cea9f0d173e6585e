import { ProblemError } from '../http/problem.js';
import type { AccountRecord } from '../store/accounts.js';

/** A citizen's account: it always has an ID number and a birth date (migration 17 holds the database to it). */
export type CitizenAccount = AccountRecord & { readonly idNumber: string; readonly birthDate: string };

/**
 * The number an account is known by: a citizen's or agency officer's ID number, an enterprise's tax
 * code. What the wrong-password count, a flow and a log hash are keyed on.
 *
 * @example
 * ```ts
 * log.info('account_change.started', { id: log.hash('id', accountNumber(account)) });
 * ```
 */
export function accountNumber(account: Pick<AccountRecord, 'idNumber' | 'taxCode'>): string {
  return account.idNumber ?? account.taxCode ?? '';
}

/**
 * Refuses what only a citizen's account can do — ask the carrier or the social-insurance register
 * about its holder (a phone change, a CCCD addition): they know people by ID number and birth date,
 * which an enterprise account has neither of and an officer's work account has no birth date for.
 *
 * @throws {ProblemError} 409 `subject_type_unsupported`.
 */
export function requireCitizen(account: AccountRecord): asserts account is CitizenAccount {
  if (account.subjectType !== 'citizen' || account.idNumber === null || account.birthDate === null) throw new ProblemError('subject_type_unsupported');
}
