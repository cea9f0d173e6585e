/** Result of {@link parseFullName}. */
export type ParsedFullName =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly rule: 'required' | 'name_characters' | 'name_length' };

/**
 * Normalises a full name as the service stores it: Unicode NFC (so `Nguyễn` typed with combining
 * marks equals the precomposed form), trimmed, inner spaces collapsed. Diacritics are kept.
 *
 * @example
 * ```ts
 * normalizeFullName('  Nguyễn   Văn An '); // 'Nguyễn Văn An'
 * ```
 */
export function normalizeFullName(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Checks a full name: letters (Vietnamese and other Latin letters with their diacritics), spaces,
 * apostrophes and hyphens; 2 to 100 characters after normalisation.
 *
 * @example
 * ```ts
 * parseFullName('Trần Thị Bích Ngọc'); // { ok: true, value: 'Trần Thị Bích Ngọc' }
 * parseFullName('R2-D2'); // { ok: false, rule: 'name_characters' }
 * ```
 */
export function parseFullName(input: string): ParsedFullName {
  const value = normalizeFullName(input);
  if (value === '') return { ok: false, rule: 'required' };
  if (!/^[\p{L}\p{M}][\p{L}\p{M}' \-]*$/u.test(value)) return { ok: false, rule: 'name_characters' };
  if (value.length < 2 || value.length > 100) return { ok: false, rule: 'name_length' };
  return { ok: true, value };
}

/**
 * Compares two names the way a registry match should: NFC, case-insensitive, spaces collapsed,
 * diacritics significant (Lê and Le are different family names).
 *
 * @example
 * ```ts
 * sameFullName('NGUYỄN VĂN AN', 'Nguyễn Văn An'); // true
 * ```
 */
export function sameFullName(a: string, b: string): boolean {
  return normalizeFullName(a).toLocaleLowerCase('vi') === normalizeFullName(b).toLocaleLowerCase('vi');
}
