/** Result of {@link parseBirthDate}. */
export type ParsedBirthDate =
  | { readonly ok: true; readonly iso: string; readonly display: string }
  | { readonly ok: false; readonly rule: 'required' | 'date_format' | 'date_invalid' | 'date_future' | 'date_too_old' };

/**
 * Reads a date of birth typed as `dd/mm/yyyy` (the form citizens know; `-` and `.` also accepted,
 * as is the wire form `yyyy-mm-dd`)
 * and checks it is a real calendar date, not in the future and not more than 150 years ago.
 * Gives the ISO form `yyyy-mm-dd` that travels on the wire and is stored.
 *
 * @param today - the current date, injected so the rule can be tested; defaults to now.
 * @example
 * ```ts
 * parseBirthDate('05/09/1990'); // { ok: true, iso: '1990-09-05', display: '05/09/1990' }
 * ```
 */
export function parseBirthDate(input: string, today: Date = new Date()): ParsedBirthDate {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, rule: 'required' };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const typed = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$/.exec(trimmed);
  if (!iso && !typed) return { ok: false, rule: 'date_format' };
  const [day, month, year] = iso
    ? [Number(iso[3]), Number(iso[2]), Number(iso[1])]
    : [Number(typed![1]), Number(typed![2]), Number(typed![3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { ok: false, rule: 'date_invalid' };
  }
  // Today as a Vietnamese calendar date (UTC+7, no daylight saving), whatever the machine's zone.
  const vietnam = new Date(today.getTime() + 7 * 3600_000);
  const todayUtc = Date.UTC(vietnam.getUTCFullYear(), vietnam.getUTCMonth(), vietnam.getUTCDate());
  if (date.getTime() > todayUtc) return { ok: false, rule: 'date_future' };
  if (year < vietnam.getUTCFullYear() - 150) return { ok: false, rule: 'date_too_old' };
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return { ok: true, iso: `${year}-${mm}-${dd}`, display: `${dd}/${mm}/${year}` };
}

/**
 * Turns a stored ISO date (`yyyy-mm-dd`) into the `dd/mm/yyyy` form shown to citizens.
 *
 * @example
 * ```ts
 * formatBirthDate('1990-09-05'); // '05/09/1990'
 * ```
 */
export function formatBirthDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}
