import type { AuthenticationMethod } from './amr.js';

/**
 * Identity assurance level: how sure the service is that the account belongs to the person named.
 *
 * - `1`: self-asserted.
 * - `2`: checked against a register (mobile carrier subscriber, social insurance, Vietnam Post) or VNeID level 1.
 * - `3`: proved by a digital signature certificate or VNeID level 2.
 */
export type IdentityAssuranceLevel = 1 | 2 | 3;

/**
 * Authenticator assurance level of one sign-in: `1` a password alone; `2` a password plus a one-time
 * code, or a passkey; `3` a signature key held in hardware (USB token, SIM signature).
 */
export type AuthenticatorAssuranceLevel = 1 | 2 | 3;

/** VNeID electronic-identification level (Decree 69/2024): `1` self-registered in the app, `2` verified in person. */
export type VneidLevel = 1 | 2;

/** The identity assurance levels, lowest first: a higher one meets every requirement a lower one does. */
export const IDENTITY_ASSURANCE_LEVELS: readonly IdentityAssuranceLevel[] = Object.freeze([1, 2, 3] as const);
/** The authenticator assurance levels, lowest first. */
export const AUTHENTICATOR_ASSURANCE_LEVELS: readonly AuthenticatorAssuranceLevel[] = Object.freeze([1, 2, 3] as const);
/** The VNeID levels, lowest first; a sign-in that did not come through VNeID has none, below level 1. */
export const VNEID_LEVELS: readonly VneidLevel[] = Object.freeze([1, 2] as const);

/**
 * The ways an account's identity is verified, at registration or step-up: by a register (mobile
 * subscriber, social insurance, Vietnam Post), by a signature certificate (USB token, SIM signature,
 * remote signing), or by VNeID.
 */
export const VERIFICATION_METHODS = Object.freeze(['mobile', 'bhxh', 'vnpost', 'usb_token', 'sim_signature', 'remote_signing', 'vneid'] as const);

/** How an account's identity was verified at registration or step-up. */
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/**
 * The assurance a session carries, as its token's `acr` claim names it. The three are kept apart and
 * compared each on its own: an IAL3 account signed in with a password alone is still AAL1.
 */
export interface Assurance {
  readonly ial: IdentityAssuranceLevel;
  readonly aal: AuthenticatorAssuranceLevel;
  /** Present only when this sign-in came through VNeID. */
  readonly vneidLevel?: VneidLevel;
}

/**
 * The whole assurance of a session: the levels, how the identity was proven (`ialMethod`), how this
 * sign-in was made (`amr`, RFC 8176) and when (`authTime`). What the token verifier returns and what
 * `GET /v1/session/assurance` answers.
 */
export interface SessionAssurance extends Assurance {
  /** How the account's identity was verified (the method of its IAL), when known. */
  readonly ialMethod?: VerificationMethod;
  /** How the citizen signed in, as RFC 8176 values, e.g. `['pwd', 'otp', 'sms', 'mfa']`. */
  readonly amr?: readonly AuthenticationMethod[];
  /** Seconds since the epoch when the citizen signed in (the `auth_time` claim). */
  readonly authTime?: number;
}

/** What a portal page or API asks of a session. Each part is a minimum; a part left out asks for nothing. */
export interface AssuranceRequirement {
  readonly ial?: IdentityAssuranceLevel;
  readonly aal?: AuthenticatorAssuranceLevel;
  readonly vneidLevel?: VneidLevel;
  /** Seconds since sign-in allowed (OpenID Connect `max_age`); older sessions must sign in again. */
  readonly maxAge?: number;
}

/**
 * The parts of a requirement a session does not meet, each with the value asked for; `{}` when it
 * meets them all. `maxAge` is measured from the session's `authTime` to `now`: a session without an
 * `authTime` does not meet any `maxAge`.
 *
 * @param now - the clock's reading; pass the service's or a test's clock when it matters.
 * @example
 * ```ts
 * unmetRequirement({ ial: 2, aal: 2, authTime: 1_700_000_000 }, { ial: 3, aal: 2, maxAge: 300 }, new Date(1_700_000_600_000));
 * // { ial: 3, maxAge: 300 }
 * ```
 */
export function unmetRequirement(session: SessionAssurance, requirement: AssuranceRequirement, now: Date = new Date()): AssuranceRequirement {
  const { ial, aal, vneidLevel, maxAge } = requirement;
  const age = session.authTime === undefined ? Infinity : now.getTime() / 1000 - session.authTime;
  return {
    ...(ial !== undefined && session.ial < ial ? { ial } : {}),
    ...(aal !== undefined && session.aal < aal ? { aal } : {}),
    ...(vneidLevel !== undefined && (session.vneidLevel ?? 0) < vneidLevel ? { vneidLevel } : {}),
    ...(maxAge !== undefined && !(age <= maxAge) ? { maxAge } : {}),
  };
}

/**
 * Whether a session's assurance meets a requirement: each level at least the one asked for, and, with
 * `maxAge`, signed in at most that many seconds before `now`.
 *
 * @param now - the clock's reading, for `maxAge`.
 * @example
 * ```ts
 * meets({ ial: 2, aal: 2 }, { ial: 2 }); // true
 * meets({ ial: 2, aal: 2 }, { ial: 3 }); // false
 * meets({ ial: 3, aal: 2, authTime: 1_700_000_000 }, { maxAge: 300 }, new Date(1_700_000_100_000)); // true
 * ```
 */
export function meets(session: SessionAssurance, requirement: AssuranceRequirement, now: Date = new Date()): boolean {
  // The same rule as unmetRequirement (a test holds them together), written small for the widgets' bundle.
  const { ial = 0, aal = 0, vneidLevel = 0, maxAge } = requirement;
  const { authTime = -Infinity } = session;
  const fresh = maxAge === undefined || now.getTime() / 1000 - authTime <= maxAge;
  return session.ial >= ial && session.aal >= aal && (session.vneidLevel ?? 0) >= vneidLevel && fresh;
}

/** The identity assurance level each verification method gives an account (VNeID: level 1; see {@link identityAssuranceOf}). */
export const METHOD_IAL: Readonly<Record<VerificationMethod, IdentityAssuranceLevel>> = Object.freeze({
  mobile: 2,
  bhxh: 2,
  vnpost: 2,
  usb_token: 3,
  sim_signature: 3,
  remote_signing: 3,
  // VNeID level 1 gives IAL2; level 2 gives IAL3 (identityAssuranceOf).
  vneid: 2,
});
