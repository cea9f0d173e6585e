/**
 * The worst bases of passwords, Vietnamese and international, lower-case and without diacritics:
 * words an attacker tries first, decorated with a capital, a substitution or two and `@123`. Kept
 * to a few dozen so it fits the widget, which warns as the citizen types; the service has the final
 * word with a guessability estimate over about 49,000 common passwords and a Vietnamese word list.
 */
export const COMMON_PASSWORD_BASES: ReadonlySet<string> = new Set(
  (
    'password passwd pass admin administrator welcome qwerty qwertyuiop asdfgh zxcvbn abc abcd abcdef ' +
    'abcabc test user hello iloveyou letmein changeme login secret master monkey dragon football princess ' +
    'sunshine qazwsx summer spring matkhau anhyeuem emyeuanh yeuem yeuanh vietnam hanoi saigon hochiminh ' +
    'danang dichvucong dvc congdan baohiem viettel vnpt mobifone vinaphone nguyen tran le pham hoang ' +
    'huynh vu vo dang bui do ngo duong'
  ).split(' '),
);

const LEET: Readonly<Record<string, string>> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't', '+': 't' };

/**
 * What is left of a password once its decoration is taken off: lower-cased, diacritics and `đ`
 * folded, digits and symbols removed from both ends, the common substitutions undone (`@`→a,
 * `0`→o, `1`/`!`→i, `3`→e, `$`/`5`→s, `7`→t) and the separators between words dropped.
 *
 * @example
 * ```ts
 * passwordBase('P@ssw0rd1!'); // 'password'
 * passwordBase('Mật-Khẩu@2024'); // 'matkhau'
 * ```
 */
export function passwordBase(password: string): string {
  const folded = password.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  const trimmed = folded.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
  // Substitutions inside the word only; an ending like `@123` was removed above.
  const core = trimmed.length ? trimmed : folded;
  return [...core].map((char) => LEET[char] ?? char).join('').replace(/[\s.\-_/]/g, '');
}

/**
 * Whether a password is one of {@link COMMON_PASSWORD_BASES} behind decoration
 * ({@link passwordBase}): `Password@123`, `P@ssw0rd1!`, `Matkhau@2024`, `Nguyen@123` are;
 * `Sông-Hồng-2024` is not.
 *
 * @example
 * ```ts
 * isCommonPassword('Anhyeuem@1'); // true
 * isCommonPassword('Sông-Hồng-2024'); // false
 * ```
 */
export function isCommonPassword(password: string): boolean {
  const base = passwordBase(password);
  return COMMON_PASSWORD_BASES.has(base) || COMMON_PASSWORD_BASES.has(base.replace(/\d+$/, ''));
}
