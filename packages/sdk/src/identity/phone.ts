/** Vietnamese mobile carriers, told apart by the number's prefix. */
export type Carrier =
  | 'viettel'
  | 'vinaphone'
  | 'mobifone'
  | 'vietnamobile'
  | 'gmobile'
  | 'reddi'
  | 'itelecom';

/**
 * Mobile prefixes (after the leading 0) of each carrier since the 2018 move to 10-digit numbers.
 * Numbers can be ported between carriers, so this names the original network, not necessarily the
 * current one.
 */
export const CARRIER_PREFIXES: Readonly<Record<Carrier, readonly string[]>> = {
  viettel: ['32', '33', '34', '35', '36', '37', '38', '39', '86', '96', '97', '98'],
  vinaphone: ['81', '82', '83', '84', '85', '88', '91', '94'],
  mobifone: ['70', '76', '77', '78', '79', '89', '90', '93'],
  vietnamobile: ['52', '56', '58', '92'],
  gmobile: ['59', '99'],
  reddi: ['55'],
  itelecom: ['87'],
};

const carrierByPrefix = new Map<string, Carrier>(
  Object.entries(CARRIER_PREFIXES).flatMap(([carrier, prefixes]) =>
    prefixes.map((prefix) => [prefix, carrier as Carrier] as const),
  ),
);

/** Result of {@link parsePhone}. */
export type ParsedPhone =
  | { readonly ok: true; readonly e164: string; readonly national: string; readonly carrier: Carrier }
  | { readonly ok: false; readonly rule: 'required' | 'phone_format' | 'phone_carrier' };

/**
 * Reads a Vietnamese mobile number typed as `0971234398`, `097 123 4398`, `84971234398` or
 * `+84 97 123 4398`, and gives it in E.164 (`+84971234398`, the stored form) and national form.
 *
 * @example
 * ```ts
 * const phone = parsePhone('097 123 4398');
 * if (phone.ok) console.log(phone.e164, phone.carrier); // '+84971234398' 'viettel'
 * ```
 */
export function parsePhone(input: string): ParsedPhone {
  const compact = input.replace(/[\s.\-()]/g, '');
  if (compact === '') return { ok: false, rule: 'required' };
  const match = /^(?:\+84|84|0)(\d{9})$/.exec(compact);
  if (!match) return { ok: false, rule: 'phone_format' };
  const subscriber = match[1]!;
  const carrier = carrierByPrefix.get(subscriber.slice(0, 2));
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
