/**
 * Whether `value` appears in `text` as a token of its own (not inside a longer run of letters or
 * digits, as a random hex hash may contain any six digits).
 */
export function containsToken(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![0-9A-Za-z])${escaped}(?![0-9A-Za-z])`).test(text);
}
