/**
 * Characters that are there but show nothing: zero-width space, non-joiner and joiner, word joiner,
 * soft hyphen, the byte-order mark and the bidirectional marks. Copying a number out of a PDF, a
 * chat or a spreadsheet brings them along.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Spaces (any width, the no-break space included), dots and dashes of every kind. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212\u30FB\uFF0E\uFF65]/g;

/**
 * Cleans what a citizen pasted into a field made of digits: compatibility forms folded to plain ones
 * (Unicode NFKC, so full-width `０９７` and the no-break space become `097` and a space), and
 * invisible characters removed. Separators are kept; {@link compactDigits} drops them too.
 *
 * @example
 * ```ts
 * cleanPasted('\uFEFF０９７\u200B1234398'); // '0971234398'
 * ```
 */
export function cleanPasted(input: string): string {
  return input.normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * {@link cleanPasted}, then without the spaces, dots and dashes citizens put between groups of
 * digits (`001.203.004-567`). Anything else is left for the caller's rule to refuse.
 *
 * @example
 * ```ts
 * compactDigits(' 001 203\u00A0004-567 '); // '001203004567'
 * ```
 */
export function compactDigits(input: string): string {
  return cleanPasted(input).replace(SEPARATORS, '');
}
