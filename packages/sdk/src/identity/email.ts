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
