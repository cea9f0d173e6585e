import { compactDigits } from './paste.js';

/** Result of {@link parseBhxhCode}. */
export type ParsedBhxhCode =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly rule: 'required' | 'bhxh_format' };

/**
 * Reads a social-insurance (BHXH) code: exactly 10 digits once what citizens paste is cleaned
 * (full-width digits, invisible characters, spaces, dots and dashes: {@link compactDigits}).
 *
 * @example
 * ```ts
 * parseBhxhCode('01 2345 6789'); // { ok: true, value: '0123456789' }
 * parseBhxhCode('012345678'); // { ok: false, rule: 'bhxh_format' }
 * ```
 */
export function parseBhxhCode(input: string): ParsedBhxhCode {
  const value = compactDigits(input);
  if (value === '') return { ok: false, rule: 'required' };
  return /^\d{10}$/.test(value) ? { ok: true, value } : { ok: false, rule: 'bhxh_format' };
}

/**
 * Whether `input` is a social-insurance (BHXH) code: exactly 10 digits, read as
 * {@link parseBhxhCode} reads it.
 *
 * @example
 * ```ts
 * isBhxhCode('0123456789'); // true
 * ```
 */
export function isBhxhCode(input: string): boolean {
  return parseBhxhCode(input).ok;
}
