import { compactDigits } from './paste.js';

/** Vietnamese mobile carriers, told apart by the number's prefix. */
export type Carrier =
  | 'viettel'
  | 'vinaphone'
  | 'mobifone'
  | 'vietnamobile'
  | 'gmobile'
  | 'reddi'
  | 'itelecom';

const CARRIERS: readonly Carrier[] = ['viettel', 'vinaphone', 'mobifone', 'vietnamobile', 'gmobile', 'reddi', 'itelecom'];

/**
 * The carrier of each two-digit prefix from 30 to 99, as its index in `CARRIERS` (`.`: none): one
 * string rather than a list per carrier, so a widget carries a few bytes.
 */
const CARRIER_BY_PREFIX = '..00000000............3..53.34..........2.....2222.11111061221321.0004';

/** The carrier of a two-digit prefix, if it is a mobile one. */
const carrierOf = (prefix: string): Carrier | undefined => CARRIERS[Number(CARRIER_BY_PREFIX[Number(prefix) - 30])];

/**
 * Mobile prefixes (after the leading 0) of each carrier since the 2018 move to 10-digit numbers.
 * Numbers can be ported between carriers, so this names the original network, not necessarily the
 * current one.
 */
export const CARRIER_PREFIXES: Readonly<Record<Carrier, readonly string[]>> = /* @__PURE__ */ Object.fromEntries(
  /* @__PURE__ */ CARRIERS.map((carrier) => [carrier, Array.from({ length: 70 }, (_, i) => String(i + 30)).filter((prefix) => carrierOf(prefix) === carrier)]),
) as Record<Carrier, string[]>;

/**
 * The 2018 conversion of 11-digit mobile numbers to 10 digits: the old prefix (with its leading 0)
 * and the new one that replaced it; the seven digits after the prefix did not change.
 *
 * @example
 * ```ts
 * CONVERTED_PREFIXES['0162']; // '032'
 * ```
 */
export const CONVERTED_PREFIXES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    // Each pair: the old prefix's last three digits and the new prefix's last two ('162:32' is 0162 → 032).
    '162:32 163:33 164:34 165:35 166:36 167:37 168:38 169:39 120:70 121:79 122:77 126:76 128:78 123:83 124:84 125:85 127:81 129:82 186:56 188:58 199:59'
      .split(' ')
      .map((pair) => [`0${pair.slice(0, 3)}`, `0${pair.slice(4)}`]),
  ),
);

/** Result of {@link parsePhone}. */
export type ParsedPhone =
  | { readonly ok: true; readonly e164: string; readonly national: string; readonly carrier: Carrier }
  | { readonly ok: false; readonly rule: 'required' | 'phone_format' | 'phone_carrier' }
  /** An 11-digit number from before 2018; `params.suggestion` is the 10-digit number it became. */
  | { readonly ok: false; readonly rule: 'phone_converted'; readonly params: { readonly suggestion: string } };

/**
 * Reads a Vietnamese mobile number the ways citizens type and paste it — `0971234398`,
 * `097 123 4398`, `84971234398`, `+84 97 123 4398`, `+84 0971234398`, `0084 97…`, `+84 (0) 97…`,
 * or the nine digits alone (`971234398`), with full-width digits, invisible characters and
 * separators ({@link cleanPasted}) — and gives it in E.164 (`+84971234398`, the stored form) and
 * national form. An 11-digit number of before the 2018 conversion (`0162 123 4567`) is refused as
 * `phone_converted`, with the number it became in `params.suggestion` (`0321234567`).
 *
 * @example
 * ```ts
 * const phone = parsePhone('097 123 4398');
 * if (phone.ok) console.log(phone.e164, phone.carrier); // '+84971234398' 'viettel'
 * parsePhone('01621234567'); // { ok: false, rule: 'phone_converted', params: { suggestion: '0321234567' } }
 * ```
 */
export function parsePhone(input: string): ParsedPhone {
  const compact = compactDigits(input).replace(/[()]/g, '');
  if (compact === '') return { ok: false, rule: 'required' };
  // The country code (+84, 0084 or 84), then the trunk 0 people keep after it, or the trunk 0 alone,
  // or nothing before nine digits that cannot start with 0.
  const match = /^(?:(?:\+|00)?84)?0?(\d{9,10})$/.exec(compact);
  if (!match) return { ok: false, rule: 'phone_format' };
  const digits = match[1]!;
  if (digits.length === 10) {
    const converted = CONVERTED_PREFIXES[`0${digits.slice(0, 3)}`];
    if (converted === undefined) return { ok: false, rule: 'phone_format' };
    return { ok: false, rule: 'phone_converted', params: { suggestion: `${converted}${digits.slice(3)}` } };
  }
  const subscriber = digits;
  if (subscriber.startsWith('0')) return { ok: false, rule: 'phone_format' };
  const carrier = carrierOf(subscriber.slice(0, 2));
  if (!carrier) return { ok: false, rule: 'phone_carrier' };
  return { ok: true, e164: `+84${subscriber}`, national: `0${subscriber}`, carrier };
}

/**
 * Masks a phone number for display, keeping the first three and last three digits of the
 * national form, as the national portal does.
 *
 * @example
 * ```ts
 * maskPhone('+84971234398'); // '097****398'
 * ```
 */
export function maskPhone(phone: string): string {
  const parsed = parsePhone(phone);
  const national = parsed.ok ? parsed.national : phone.replace(/\D/g, '');
  if (national.length < 7) return '*'.repeat(national.length);
  return `${national.slice(0, 3)}${'*'.repeat(national.length - 6)}${national.slice(-3)}`;
}
