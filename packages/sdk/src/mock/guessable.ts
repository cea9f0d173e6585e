import { passwordBase } from '../password/common.js';

/**
 * The mock's stand-in for the service's guessability estimate (zxcvbn is too big to carry here): a
 * password that meets the policy but is one word of at most 12 letters behind capitals,
 * substitutions, digits or symbols (`Hoabinh@2024`) is refused as `password_guessable`, as the
 * service would. Words joined by separators (`Sông-Hồng-2024`) pass.
 */
export function looksGuessable(password: string): boolean {
  const value = password.normalize('NFC');
  if (/\p{L}[\s.\-_/]+\p{L}/u.test(value)) return false;
  return /^\p{L}{1,12}$/u.test(passwordBase(value));
}
