/**
 * The authentication method reference values of RFC 8176 (§2, the IANA registry's initial values).
 * DVC Kit writes the ones in {@link SIGN_IN_METHODS}; a verifier keeps every registered value it reads.
 */
export const AUTHENTICATION_METHODS = Object.freeze([
  'face',
  'fpt',
  'geo',
  'hwk',
  'iris',
  'kba',
  'mca',
  'mfa',
  'otp',
  'pin',
  'pwd',
  'rba',
  'retina',
  'sc',
  'sms',
  'swk',
  'tel',
  'user',
  'vbm',
  'wia',
] as const);

/** An authentication method reference (RFC 8176) in a token's `amr` claim. */
export type AuthenticationMethod = (typeof AUTHENTICATION_METHODS)[number];

/**
 * Reads an `amr` claim: the RFC 8176 values it holds, in its order, once each; anything else (an
 * unregistered value, a claim that is not an array of strings) is left out.
 *
 * @example
 * ```ts
 * readAmr(['pwd', 'otp', 'sms', 'mfa']); // ['pwd', 'otp', 'sms', 'mfa']
 * readAmr(['pwd', 'x-custom', 7]); // ['pwd']
 * readAmr(undefined); // []
 * ```
 */
export function readAmr(claim: unknown): AuthenticationMethod[] {
  if (!Array.isArray(claim)) return [];
  const known = new Set<string>(AUTHENTICATION_METHODS);
  return [...new Set(claim.filter((value): value is AuthenticationMethod => typeof value === 'string' && known.has(value)))];
}
