import { compactDigits } from './paste.js';

/**
 * The kinds of personal ID number a citizen can register or sign in with.
 *
 * - `cccd`: the 12-digit citizen identity card / personal identification number.
 * - `cmnd`: the 9-digit identity card, no longer an ID document since 1/1/2025 but kept as a
 *   sign-in alias for accounts registered with it.
 */
export type IdNumberKind = 'cccd' | 'cmnd';

/**
 * The 63 province codes of Circular 59/2021/TT-BCA as a bit set (bit n set: code n is one), without
 * their names so a widget that checks a number carries a few bytes; `CCCD_PLACE_CODES`
 * (`place-codes.ts`) names each, and a test keeps the two equal.
 */
const PLACE_CODES = 0x1faddad5d555b757ecf5add56n;

/** Whether the three digits `code` are a province code (`code` is known to be three digits). */
const isPlace = (code: string) => ((PLACE_CODES >> BigInt(code)) & 1n) === 1n;

/**
 * Whether a three-digit code is one a CCCD number may start with: a province code of Circular
 * 59/2021/TT-BCA (`CCCD_PLACE_CODES` gives its name).
 *
 * @example
 * ```ts
 * isCccdPlaceCode('079'); // true
 * isCccdPlaceCode('003'); // false
 * ```
 */
export function isCccdPlaceCode(code: string): boolean {
  return /^\d{3}$/.test(code) && isPlace(code);
}

/** What {@link parseIdNumber} reads from a CCCD number. */
export interface CccdInfo {
  /** The 3-digit code of the province where the birth was registered; `CCCD_PLACE_CODES[placeCode]` names it. */
  readonly placeCode: string;
  /** Sex as encoded in digit 4. */
  readonly sex: 'male' | 'female';
  /** Full birth year from digits 4–6 (century and year). */
  readonly birthYear: number;
}

/** Result of {@link parseIdNumber}. */
export type ParsedIdNumber =
  | { readonly ok: true; readonly kind: 'cccd'; readonly value: string; readonly info: CccdInfo }
  | { readonly ok: true; readonly kind: 'cmnd'; readonly value: string }
  | { readonly ok: false; readonly rule: 'required' | 'id_number_format' | 'id_number_province' | 'id_number_century' };

/**
 * Reads an ID number the way citizens paste it: full-width digits folded, invisible characters
 * (zero-width space, BOM, no-break space) and the spaces, dots and dashes between groups removed
 * ({@link compactDigits}).
 *
 * @example
 * ```ts
 * normalizeIdNumber(' 001 203 004 567 '); // '001203004567'
 * normalizeIdNumber('０７９​０９５-００４３２１'); // '079095004321'
 * ```
 */
export function normalizeIdNumber(input: string): string {
  return compactDigits(input);
}

/**
 * Reads an ID number: a 12-digit CCCD (with place, sex and birth year decoded from its first six
 * digits, Circular 59/2021/TT-BCA) or a 9-digit CMND. A CCCD whose first three digits are not a
 * province code of the circular is refused as `id_number_province`; one whose digits 4–6 give a
 * birth year still to come (a 22nd-century code today) as `id_number_century`. What citizens paste
 * is read as {@link normalizeIdNumber} says.
 *
 * @param today - the current date, injected so the rule can be tested; defaults to now.
 * @example
 * ```ts
 * const id = parseIdNumber('001203004567');
 * if (id.ok && id.kind === 'cccd') console.log(id.info.birthYear); // 2003
 * ```
 */
export function parseIdNumber(input: string, today: Date = new Date()): ParsedIdNumber {
  const value = normalizeIdNumber(input);
  if (value === '') return { ok: false, rule: 'required' };
  if (/^\d{9}$/.test(value)) return { ok: true, kind: 'cmnd', value };
  if (!/^\d{12}$/.test(value)) return { ok: false, rule: 'id_number_format' };
  const placeCode = value.slice(0, 3);
  if (!isPlace(placeCode)) return { ok: false, rule: 'id_number_province' };
  const centuryDigit = Number(value[3]);
  const birthYear = 1900 + Math.floor(centuryDigit / 2) * 100 + Number(value.slice(4, 6));
  // The year in Vietnam (UTC+7), whatever the machine's zone.
  if (birthYear > new Date(today.getTime() + 7 * 3600_000).getUTCFullYear()) return { ok: false, rule: 'id_number_century' };
  return {
    ok: true,
    kind: 'cccd',
    value,
    info: { placeCode, sex: centuryDigit % 2 === 0 ? 'male' : 'female', birthYear },
  };
}

/**
 * Whether `input` is a well-formed CCCD or CMND number.
 *
 * @example
 * ```ts
 * isIdNumber('001203004567'); // true
 * isIdNumber('003203004567'); // false: 003 is no province code
 * isIdNumber('12345'); // false
 * ```
 */
export function isIdNumber(input: string): boolean {
  return parseIdNumber(input).ok;
}

/**
 * Masks an ID number for display, keeping the first three and last three digits, as the service
 * returns it in `idNumberMasked` and as a widget shows it.
 *
 * @example
 * ```ts
 * maskIdNumber('001090001234'); // '001******234'
 * ```
 */
export function maskIdNumber(idNumber: string): string {
  const digits = normalizeIdNumber(idNumber);
  if (digits.length <= 6) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 6)}${digits.slice(-3)}`;
}

/**
 * Whether a date of birth agrees with the birth year a CCCD number carries (digits 4–6). True when
 * there is nothing to compare: a CMND number, or either value not read. The registration contract
 * refuses a disagreement on `birthDate` as `id_number_birth_year`; the widget checks the same before
 * it sends.
 *
 * @example
 * ```ts
 * birthYearAgrees(parseIdNumber('001090001234'), parseBirthDate('05/09/1990')); // true
 * birthYearAgrees(parseIdNumber('001090001234'), parseBirthDate('05/09/1991')); // false
 * ```
 */
export function birthYearAgrees(idNumber: ParsedIdNumber, birthDate: { readonly ok: boolean; readonly iso?: string }): boolean {
  if (!idNumber.ok || idNumber.kind !== 'cccd' || !birthDate.ok || !birthDate.iso) return true;
  return Number(birthDate.iso.slice(0, 4)) === idNumber.info.birthYear;
}

/**
 * Whether a sex agrees with the one a CCCD number carries (digit 4: even for male, odd for female).
 * True when there is nothing to compare: a CMND number, an unread ID number, or no sex given (the
 * registration form does not ask for it today). A disagreement is refused as `id_number_sex`.
 *
 * @example
 * ```ts
 * sexAgrees(parseIdNumber('079195004321'), 'female'); // true (digit 4 is 1)
 * sexAgrees(parseIdNumber('079195004321'), 'male'); // false
 * sexAgrees(parseIdNumber('079195004321'), undefined); // true
 * ```
 */
export function sexAgrees(idNumber: ParsedIdNumber, sex: CccdInfo['sex'] | undefined): boolean {
  if (!idNumber.ok || idNumber.kind !== 'cccd' || sex === undefined) return true;
  return idNumber.info.sex === sex;
}
