/**
 * Whether `input` is a social-insurance (BHXH) code: exactly 10 digits.
 *
 * @example
 * ```ts
 * isBhxhCode('0123456789'); // true
 * ```
 */
export function isBhxhCode(input: string): boolean {
  return /^\d{10}$/.test(input.replace(/\s/g, ''));
}
