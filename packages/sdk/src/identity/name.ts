/** Result of {@link parseFullName}. */
export type ParsedFullName =
  | { readonly ok: true; readonly value: string }
  | { readonly ok: false; readonly rule: 'required' | 'name_control' | 'name_characters' | 'name_script' | 'name_length' };

/** Invisible characters a paste brings along (zero-width space, word joiner, BOM); dropped. */
const INVISIBLE = /[\u200B\u2060\uFEFF]/g;

/**
 * Line breaks, tabs and other control characters, and the bidirectional overrides that make a name
 * display differently from what it holds: refused, never silently repaired.
 */
const CONTROL = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/**
 * Scripts a name may be written in, one per name. Japanese names mix Han with the kana, Korean
 * names may mix Han with Hangul: those mixes count as one writing system (`MIXES`, by index here).
 */
const SCRIPTS = 'Latin Cyrillic Greek Han Hiragana Katakana Hangul Arabic Hebrew Thai Lao Khmer Devanagari'
  .split(' ')
  .map((name) => new RegExp(`\\p{Script=${name}}`, 'u'));
const MIXES: readonly (readonly (number | string)[])[] = [[3, 4, 5], [3, 6]];

/**
 * Whether every letter of a name belongs to one writing system: Latin (Vietnamese with its
 * diacritics, or any other Latin-script name), or another single script. A Latin name with a
 * Cyrillic `а` hidden in it — a homoglyph that looks the same and matches nothing — is mixed.
 * Letters of a script not listed count as a script each, so they never mix with Latin.
 *
 * @example
 * ```ts
 * isSingleScript('Nguyễn Văn An'); // true
 * isSingleScript('Nguyễn V\u0430n An'); // false: Cyrillic а
 * ```
 */
export function isSingleScript(name: string): boolean {
  // Each letter's script as its index in SCRIPTS; a letter of a script not listed stands for itself.
  const scripts = new Set<number | string>();
  for (const letter of name.match(/\p{L}/gu) ?? []) {
    const index = SCRIPTS.findIndex((script) => script.test(letter));
    scripts.add(index < 0 ? letter : index);
  }
  return scripts.size <= 1 || MIXES.some((mix) => [...scripts].every((script) => mix.includes(script)));
}

/**
 * Normalises a full name as the service stores it: Unicode NFC (so `Nguyễn` typed with combining
 * marks equals the precomposed form), invisible characters dropped, trimmed, inner spaces (the
 * no-break space included) collapsed. Diacritics are kept.
 *
 * @example
 * ```ts
 * normalizeFullName('  Nguyễn   Văn An '); // 'Nguyễn Văn An'
 * ```
 */
export function normalizeFullName(input: string): string {
  return input.normalize('NFC').replace(INVISIBLE, '').trim().replace(/\s+/g, ' ');
}

/**
 * Checks a full name: letters (Vietnamese and other Latin letters with their diacritics, or another
 * single script), spaces, apostrophes and hyphens; 2 to 100 characters after normalisation.
 * A line break or other control character inside the name is `name_control`; letters of two
 * scripts (Latin with Cyrillic look-alikes, say) are `name_script`.
 *
 * @example
 * ```ts
 * parseFullName('Trần Thị Bích Ngọc'); // { ok: true, value: 'Trần Thị Bích Ngọc' }
 * parseFullName('R2-D2'); // { ok: false, rule: 'name_characters' }
 * parseFullName('Nguyễn\nVăn An'); // { ok: false, rule: 'name_control' }
 * ```
 */
export function parseFullName(input: string): ParsedFullName {
  const trimmed = input.normalize('NFC').replace(INVISIBLE, '').trim();
  if (trimmed === '') return { ok: false, rule: 'required' };
  if (CONTROL.test(trimmed)) return { ok: false, rule: 'name_control' };
  const value = normalizeFullName(trimmed);
  if (!/^[\p{L}\p{M}][\p{L}\p{M}' \-]*$/u.test(value)) return { ok: false, rule: 'name_characters' };
  if (!isSingleScript(value)) return { ok: false, rule: 'name_script' };
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
