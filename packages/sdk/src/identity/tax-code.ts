import { compactDigits } from './paste.js';

/**
 * A tax code (mã số thuế, MST) as the service takes it: 10 digits, or a branch's 13 written
 * `0101234567-001`. The contract's `taxCode` fields check this pattern; {@link parseTaxCode} gives it.
 */
export const TAX_CODE_PATTERN = /^[0-9]{10}(-[0-9]{3})?$/;

/** Result of {@link parseTaxCode}. */
export type ParsedTaxCode =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly rule: 'required' | 'tax_code_format' };

/**
 * Reads an enterprise's tax code (MST) as typed or pasted: what citizens paste cleaned
 * ({@link compactDigits}: full-width digits, invisible characters, spaces, dots, dashes), then 10
 * digits, or 13 for a branch, given back as {@link TAX_CODE_PATTERN} writes them (`0101234567-001`).
 *
 * @example
 * ```ts
 * parseTaxCode('0101 234 567'); // { ok: true, value: '0101234567' }
 * parseTaxCode('0101234567 – 001'); // { ok: true, value: '0101234567-001' }
 * parseTaxCode('010123456'); // { ok: false, rule: 'tax_code_format' }
 * ```
 */
export function parseTaxCode(input: string): ParsedTaxCode {
  const digits = compactDigits(input);
  if (digits === '') return { ok: false, rule: 'required' };
  if (!/^\d{10}(\d{3})?$/.test(digits)) return { ok: false, rule: 'tax_code_format' };
  return { ok: true, value: digits.length === 10 ? digits : `${digits.slice(0, 10)}-${digits.slice(10)}` };
}
