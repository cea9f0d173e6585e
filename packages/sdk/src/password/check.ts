import { parseBirthDate } from '../identity/birth-date.js';
import { parsePhone } from '../identity/phone.js';
import { normalizeIdNumber } from '../identity/id-number.js';
import { isCommonPassword } from './common.js';
import type { PasswordPolicy } from './policy.js';

/**
 * A password rule, named as its message key (`password_<rule>` in the message catalogue).
 * `guessable` is the service's own verdict (a guessability estimate too big for a widget);
 * {@link checkPassword} never reports it.
 */
export type PasswordRule =
  | 'min_length'
  | 'max_length'
  | 'lower'
  | 'upper'
  | 'digit'
  | 'special'
  | 'control'
  | 'common'
  | 'guessable'
  | 'personal_data'
  | 'mismatch';

/** The citizen's own data a password must not contain. All optional: pass what you know. */
export interface PasswordContext {
  readonly idNumber?: string;
  readonly phone?: string;
  /** `dd/mm/yyyy` or ISO `yyyy-mm-dd`. */
  readonly birthDate?: string;
  readonly fullName?: string;
}

/** Result of {@link checkPassword}: every rule the password does not yet meet, in display order. */
export interface PasswordCheck {
  readonly ok: boolean;
  readonly unmet: readonly PasswordRule[];
}

/** The composition and length rules a policy shows as a checklist, in display order. */
export function policyRules(policy: PasswordPolicy): readonly PasswordRule[] {
  const rules: PasswordRule[] = ['min_length'];
  if (policy.requireLower) rules.push('lower');
  if (policy.requireUpper) rules.push('upper');
  if (policy.requireDigit) rules.push('digit');
  if (policy.requireSpecial) rules.push('special');
  return rules;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

function personalFragments(context: PasswordContext): string[] {
  const fragments: string[] = [];
  if (context.idNumber) fragments.push(normalizeIdNumber(context.idNumber));
  if (context.phone) {
    const phone = parsePhone(context.phone);
    if (phone.ok) fragments.push(phone.national.slice(1));
  }
  if (context.birthDate) {
    const birthDate = parseBirthDate(context.birthDate);
    if (birthDate.ok) {
      const [y, m, d] = birthDate.iso.split('-') as [string, string, string];
      fragments.push(`${d}${m}${y}`, `${y}${m}${d}`, `${d}${m}${y.slice(2)}`);
    }
  }
  if (context.fullName) {
    const parts = fold(context.fullName).split(/\s+/).filter(Boolean);
    fragments.push(parts.join(''));
    const given = parts.at(-1);
    if (given && given.length >= 3) fragments.push(given);
  }
  return fragments.filter((fragment) => fragment.length >= 3);
}

/**
 * Checks a password against a policy and returns every unmet rule, so a widget can tick rules off as
 * the citizen types and the service can refuse with the same answer. The password is compared in
 * Unicode NFC and counted in code points (an emoji is one, not two UTF-16 units); it is never
 * truncated. Line breaks and other control characters are refused (`control`). `common` is a short
 * list matched through decoration ({@link isCommonPassword}); the service adds its guessability
 * estimate on top (`guessable`).
 *
 * @param confirmation - when given, `mismatch` is reported if it differs from the password.
 * @example
 * ```ts
 * import { checkPassword, DEFAULT_PASSWORD_POLICY } from '@dvc-kit/sdk';
 * checkPassword('matkhau', DEFAULT_PASSWORD_POLICY).unmet; // ['min_length', 'upper', 'digit', 'special', 'common']
 * checkPassword('Matkhau@2024', DEFAULT_PASSWORD_POLICY).unmet; // ['common']
 * checkPassword('Sông-Hồng-2024', DEFAULT_PASSWORD_POLICY).ok; // true
 * ```
 */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext = {},
  confirmation?: string,
): PasswordCheck {
  const value = password.normalize('NFC');
  const length = [...value].length;
  const unmet: PasswordRule[] = [];
  if (length < policy.minLength) unmet.push('min_length');
  if (policy.requireLower && !/\p{Ll}/u.test(value)) unmet.push('lower');
  if (policy.requireUpper && !/\p{Lu}/u.test(value)) unmet.push('upper');
  if (policy.requireDigit && !/\p{Nd}/u.test(value)) unmet.push('digit');
  if (policy.requireSpecial && !/[^\p{L}\p{N}\s]/u.test(value)) unmet.push('special');
  if (length > policy.maxLength) unmet.push('max_length');
  if (/[\p{Cc}\u2028\u2029]/u.test(value)) unmet.push('control');
  if (policy.rejectCommon && isCommonPassword(value)) unmet.push('common');
  if (policy.rejectPersonalData) {
    const folded = fold(value).replace(/[\s.\-_/]/g, '');
    if (personalFragments(context).some((fragment) => folded.includes(fragment))) unmet.push('personal_data');
  }
  if (confirmation !== undefined && confirmation.normalize('NFC') !== value) unmet.push('mismatch');
  return { ok: unmet.length === 0, unmet };
}
