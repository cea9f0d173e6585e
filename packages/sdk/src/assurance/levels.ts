/**
 * Identity assurance level: how sure the service is that the account belongs to the person named.
 *
 * - `1`: self-asserted.
 * - `2`: checked against a register (mobile carrier subscriber, social insurance, Vietnam Post).
 * - `3`: proved by a digital signature certificate or VNeID level 2.
 */
export type IdentityAssuranceLevel = 1 | 2 | 3;

/** Authenticator assurance level of one sign-in: `1` one factor, `2` password plus one-time code. */
export type AuthenticatorAssuranceLevel = 1 | 2 | 3;

/** VNeID electronic-identification level (Decree 69/2024). */
export type VneidLevel = 1 | 2;

/** How an account's identity was verified at registration or step-up. */
export type VerificationMethod = 'mobile' | 'bhxh' | 'vnpost' | 'usb_token' | 'sim_signature' | 'remote_signing' | 'vneid';

/** Authentication method references (RFC 8176) this service puts in `amr`. */
export type AuthenticationMethod = 'pwd' | 'otp' | 'sms' | 'hwk' | 'swk' | 'user' | 'sc' | 'mfa';

/** The assurance a session carries, as read from its token's `acr`/`amr` claims. */
export interface Assurance {
  readonly ial: IdentityAssuranceLevel;
  readonly aal: AuthenticatorAssuranceLevel;
  readonly vneidLevel?: VneidLevel;
}

/** What a portal page or API asks of a session. Each part is a minimum. */
export interface AssuranceRequirement {
  readonly ial?: IdentityAssuranceLevel;
  readonly aal?: AuthenticatorAssuranceLevel;
  readonly vneidLevel?: VneidLevel;
}

const ACR_PREFIX = 'urn:dvc-kit:acr:';

/**
 * The `acr` claim value for an assurance, e.g. `urn:dvc-kit:acr:ial2-aal2`.
 *
 * @example
 * ```ts
 * acrFor({ ial: 2, aal: 2 }); // 'urn:dvc-kit:acr:ial2-aal2'
 * ```
 */
export function acrFor(assurance: Assurance): string {
  const vneid = assurance.vneidLevel ? `-vneid${assurance.vneidLevel}` : '';
  return `${ACR_PREFIX}ial${assurance.ial}-aal${assurance.aal}${vneid}`;
}

/**
 * Reads an `acr` claim written by {@link acrFor}; `undefined` when it is not one of ours.
 *
 * @example
 * ```ts
 * parseAcr('urn:dvc-kit:acr:ial2-aal2'); // { ial: 2, aal: 2 }
 * ```
 */
export function parseAcr(acr: string): Assurance | undefined {
  const match = /^urn:dvc-kit:acr:ial([1-3])-aal([1-3])(?:-vneid([12]))?$/.exec(acr);
  if (!match) return undefined;
  const base = { ial: Number(match[1]) as IdentityAssuranceLevel, aal: Number(match[2]) as AuthenticatorAssuranceLevel };
  return match[3] ? { ...base, vneidLevel: Number(match[3]) as VneidLevel } : base;
}

/**
 * Whether a session's assurance meets a requirement: each level at least the one asked for.
 *
 * @example
 * ```ts
 * meets({ ial: 2, aal: 2 }, { ial: 2 }); // true
 * meets({ ial: 2, aal: 2 }, { ial: 3 }); // false
 * ```
 */
export function meets(session: Assurance, requirement: AssuranceRequirement): boolean {
  if (requirement.ial !== undefined && session.ial < requirement.ial) return false;
  if (requirement.aal !== undefined && session.aal < requirement.aal) return false;
  if (requirement.vneidLevel !== undefined && (session.vneidLevel ?? 0) < requirement.vneidLevel) return false;
  return true;
}

/** The identity assurance level each verification method gives an account. */
export const METHOD_IAL: Readonly<Record<VerificationMethod, IdentityAssuranceLevel>> = Object.freeze({
  mobile: 2,
  bhxh: 2,
  vnpost: 2,
  usb_token: 3,
  sim_signature: 3,
  remote_signing: 3,
  // VNeID level 1 gives IAL2; a level-2 sign-in is raised to IAL3 from its `vneidLevel`.
  vneid: 2,
});
