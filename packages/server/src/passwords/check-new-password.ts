import { checkPassword, type PasswordCheck, type PasswordContext, type PasswordPolicy, type PasswordRule } from '@dvc-kit/sdk';
import { guessabilityScore } from './guessability.js';

/** What the service adds to the SDK's password policy. */
export interface NewPasswordOptions {
  /**
   * Lowest zxcvbn score (0–4) accepted (`passwordMinScore` in the configuration); 0 turns the
   * estimate off.
   */
  readonly minScore: number;
}

/** Rules that leave the password worth estimating: the rest already refuse it. */
const ESTIMATE_DESPITE: ReadonlySet<PasswordRule> = new Set(['common', 'mismatch']);

/**
 * The service's one check of a new password, for every flow that sets one (registration, recovery,
 * change of password): the SDK's {@link checkPassword} — the same policy the widget shows — and then
 * a guessability estimate ({@link guessabilityScore}) the widget is too small to carry. A password
 * below `minScore` is refused as `guessable`, which takes the place of the short list's `common`
 * (the estimate is the fuller verdict of the same thing). The estimate runs only when the
 * password meets the rest of the policy.
 *
 * @example
 * ```ts
 * const check = await checkNewPassword('Matkhau@2024', config.passwordPolicy, { idNumber }, 'Matkhau@2024', { minScore: 3 });
 * check.unmet; // ['guessable']
 * ```
 */
export async function checkNewPassword(
  password: string,
  policy: PasswordPolicy,
  context: PasswordContext,
  confirmation: string | undefined,
  options: NewPasswordOptions,
): Promise<PasswordCheck> {
  const check = checkPassword(password, policy, context, confirmation);
  if (options.minScore <= 0 || !check.unmet.every((rule) => ESTIMATE_DESPITE.has(rule))) return check;
  if ((await guessabilityScore(password, context)) >= options.minScore) return check;
  const unmet: PasswordRule[] = ['guessable', ...check.unmet.filter((rule) => rule !== 'common')];
  return { ok: false, unmet };
}
