import type { AuthenticationMethod } from './amr.js';
import type { AuthenticatorAssuranceLevel, VneidLevel } from './levels.js';

/**
 * How a citizen signs in: a password alone; a password and an SMS code (what the national portal
 * does today); a passkey; a signature key (USB token, SIM signature) or a remote-signing service
 * over a challenge; or a VNeID account (federation).
 */
export type SignInMethod = 'password' | 'password_sms' | 'passkey' | 'usb_token' | 'sim_signature' | 'remote_signing' | 'vneid';

/** How one sign-in was authenticated: what the session records and its tokens carry. */
export interface SignInAuthentication {
  readonly method: SignInMethod;
  readonly aal: AuthenticatorAssuranceLevel;
  /** RFC 8176 values, as the `amr` claim carries them. */
  readonly amr: readonly AuthenticationMethod[];
  /** For a VNeID sign-in, the level of the VNeID account. */
  readonly vneidLevel?: VneidLevel;
}

/**
 * The authenticator assurance level and RFC 8176 `amr` values of each way of signing in:
 *
 * | method | AAL | amr |
 * | --- | --- | --- |
 * | `password` | 1 | `pwd` |
 * | `password_sms` | 2 | `pwd otp sms mfa` |
 * | `passkey` | 2 | `pwd hwk user mfa` (after the password; `swk` for a synced passkey, `user` only when it verified the holder) |
 * | `usb_token` | 3 | `hwk sc pin mfa` (a key on a smart-card token, unlocked by its PIN) |
 * | `sim_signature` | 3 | `hwk sc pin mfa` (a key on the SIM, confirmed with the SIM PIN) |
 * | `remote_signing` | 2 | `swk mca mfa` (the provider's key, released by the holder's app on another channel) |
 * | `vneid` | 2 | `swk pin mfa` (the VNeID app on the enrolled phone, with its passcode) |
 */
export const SIGN_IN_METHODS: Readonly<Record<SignInMethod, Omit<SignInAuthentication, 'method' | 'vneidLevel'>>> = Object.freeze({
  password: { aal: 1, amr: Object.freeze(['pwd'] as const) },
  password_sms: { aal: 2, amr: Object.freeze(['pwd', 'otp', 'sms', 'mfa'] as const) },
  passkey: { aal: 2, amr: Object.freeze(['pwd', 'hwk', 'user', 'mfa'] as const) },
  usb_token: { aal: 3, amr: Object.freeze(['hwk', 'sc', 'pin', 'mfa'] as const) },
  sim_signature: { aal: 3, amr: Object.freeze(['hwk', 'sc', 'pin', 'mfa'] as const) },
  remote_signing: { aal: 2, amr: Object.freeze(['swk', 'mca', 'mfa'] as const) },
  vneid: { aal: 2, amr: Object.freeze(['swk', 'pin', 'mfa'] as const) },
});

/**
 * The authentication of a sign-in made one way, as the session records it.
 *
 * @param vneidLevel - for `vneid`, the level of the VNeID account (required there, ignored elsewhere).
 * @example
 * ```ts
 * authenticationOf('password_sms'); // { method: 'password_sms', aal: 2, amr: ['pwd', 'otp', 'sms', 'mfa'] }
 * authenticationOf('vneid', 2); // { method: 'vneid', aal: 2, amr: ['swk', 'pin', 'mfa'], vneidLevel: 2 }
 * ```
 */
export function authenticationOf(method: SignInMethod, vneidLevel?: VneidLevel): SignInAuthentication {
  const { aal, amr } = SIGN_IN_METHODS[method];
  return method === 'vneid' && vneidLevel ? { method, aal, amr: [...amr], vneidLevel } : { method, aal, amr: [...amr] };
}
