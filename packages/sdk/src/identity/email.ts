/**
 * Whether `input` looks like an e-mail address a message can be delivered to (one `@`, a dotted
 * domain, no spaces, at most 254 characters). Ownership is proved by a message, never by a pattern.
 *
 * @example
 * ```ts
 * isEmail('an.nguyen@example.vn'); // true
 * ```
 */
export function isEmail(input: string): boolean {
  return input.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input);
}

/**
 * Masks an e-mail address for display: the first character of the part before `@`, then `***`
 * (however long that part is, so the mask does not tell its length), then the domain as it is —
 * enough for a citizen to recognise the address, as the service returns it in `emailMasked`.
 *
 * @example
 * ```ts
 * maskEmail('an.nguyen@example.vn'); // 'a***@example.vn'
 * ```
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${Array.from(email)[0]}***${email.slice(at)}`;
}
