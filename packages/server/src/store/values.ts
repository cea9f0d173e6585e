/** A timestamp as a query parameter (cast with `::timestamptz` in the statement). */
export function iso(date: Date): string {
  return date.toISOString();
}

/** A timestamp column as a `Date`, whichever client read it. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') return new Date(value);
  throw new TypeError('Expected a timestamp column');
}

/** A nullable timestamp column. */
export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

/** An integer column (PostgreSQL's bigint arrives as a string from `pg`). */
export function toInt(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}
