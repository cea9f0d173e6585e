import * as z from 'zod/mini';
import { AccountSchema, OtpChallengeSchema } from './common.js';
import { CccdField, EmailField, PasswordField, PhoneField } from './fields.js';
import { typeRule } from './type-rule.js';

/**
 * The current password a change of the signed-in account asks for. A wrong one is `invalid_credentials`
 * and counts against the ID number's wrong-password slow-down, as a sign-in does.
 */
const CurrentPasswordField = PasswordField;

/** Whether to end the account's other sessions, on every portal, when the change is made. */
const EndOtherSessionsField = z.optional(z.boolean(typeRule()));

/**
 * `POST /v1/account/password-changes` (with the citizen's access token): start changing the password.
 * After the current password, a code goes to the registered phone; then `…/otp/verify` and
 * `…/password` with the new one. `endOtherSessions` is `true` unless set to `false`.
 */
export const StartPasswordChangeSchema = z.object({
  currentPassword: CurrentPasswordField,
  /** Default `true`: a new password ends every other session of the account. */
  endOtherSessions: EndOtherSessionsField,
});
/** Body of `POST /v1/account/password-changes`. */
export type StartPasswordChangeRequest = z.infer<typeof StartPasswordChangeSchema>;

/**
 * `POST /v1/account/email-changes` (with the citizen's access token): the current password and the
 * new email; a code goes to the registered phone, and the email is replaced when it is confirmed.
 */
export const StartEmailChangeSchema = z.object({
  currentPassword: CurrentPasswordField,
  /** The new e-mail address; it must differ from the current one (`unchanged`). */
  email: EmailField,
  /** Default `false`. */
  endOtherSessions: EndOtherSessionsField,
});
/** Body of `POST /v1/account/email-changes`. */
export type StartEmailChangeRequest = z.infer<typeof StartEmailChangeSchema>;

/**
 * `POST /v1/account/phone-changes` (with the citizen's access token): the current password and the new
 * phone. The carrier must confirm the new SIM is registered to the account's holder (ID number, name,
 * date of birth; 422 `carrier_mismatch` otherwise); the code goes to the NEW phone, and the old one
 * gets a notice once the phone is replaced.
 */
export const StartPhoneChangeSchema = z.object({
  currentPassword: CurrentPasswordField,
  /** The new mobile number; it must differ from the current one (`unchanged`). */
  phone: PhoneField,
  /** Default `false`. */
  endOtherSessions: EndOtherSessionsField,
});
/** Body of `POST /v1/account/phone-changes`. */
export type StartPhoneChangeRequest = z.infer<typeof StartPhoneChangeSchema>;

/**
 * `POST /v1/account/cccd-additions` (with the citizen's access token): add the 12-digit CCCD to an
 * account registered with a 9-digit CMND, after which both sign in to the one account. The current
 * password; the CCCD's birth year must be the account's (`id_number_birth_year` on `cccd`); the
 * register that verified the account (the carrier, or the social-insurance register for an account
 * made by social insurance) must know the CCCD as its holder's (422 `carrier_mismatch` /
 * `bhxh_mismatch`); then a code to the registered phone, and `…/otp/verify` adds it. An account that
 * registered with a 12-digit number or has a CCCD already is 409 `cccd_already_added`; a CCCD that
 * signs in to another account is 409 `cccd_in_use` once the code is confirmed.
 */
export const StartCccdAdditionSchema = z.object({
  currentPassword: CurrentPasswordField,
  /** The 12-digit CCCD number, as on the card. */
  cccd: CccdField,
});
/** Body of `POST /v1/account/cccd-additions`. */
export type StartCccdAdditionRequest = z.infer<typeof StartCccdAdditionSchema>;

/** The detail of the account a change replaces (`cccd`: a CCCD added to a CMND account). */
export const AccountChangeKindSchema = z.enum(['password', 'email', 'phone', 'cccd']);
/** The detail of the account a change replaces. */
export type AccountChangeKind = z.infer<typeof AccountChangeKindSchema>;

/** Response (201) of starting a change: the change's id and where its code went. */
export const AccountChangeStartedSchema = z.object({
  changeId: z.string(),
  change: AccountChangeKindSchema,
  /** The code: to the registered phone, or to the new phone for a phone change. */
  otp: OtpChallengeSchema,
});
/** Response of starting a change of the account. */
export type AccountChangeStarted = z.infer<typeof AccountChangeStartedSchema>;

/**
 * `POST /v1/account/changes/{id}/otp/verify` (body: `VerifyCodeSchema`) response. An email, phone or
 * CCCD change is made now (`next: 'done'`); a password change goes on to `…/password` (`next: 'password'`).
 */
export const AccountChangeCodeVerifiedSchema = z.object({
  changeId: z.string(),
  next: z.enum(['password', 'done']),
  /** With `done`: how many other sessions ended (0 unless they were asked to). */
  otherSessionsEnded: z.optional(z.number()),
});
/** Response of an account change's code verification. */
export type AccountChangeCodeVerified = z.infer<typeof AccountChangeCodeVerifiedSchema>;

/** `POST /v1/account/changes/{id}/otp/resend` response: a new code, the old one no longer works. */
export const AccountChangeCodeResentSchema = z.object({ otp: OtpChallengeSchema });
/** Response of an account change's resend. */
export type AccountChangeCodeResent = z.infer<typeof AccountChangeCodeResentSchema>;

/**
 * `POST /v1/account/changes/{id}/password`: the new password of a password change (the portal's
 * policy, not one of the last 5 passwords of the account).
 */
export const CompletePasswordChangeSchema = z.object({
  password: PasswordField,
  passwordConfirmation: PasswordField,
});
/** Body of `POST /v1/account/changes/{id}/password`. */
export type CompletePasswordChangeRequest = z.infer<typeof CompletePasswordChangeSchema>;

/** `POST /v1/account/changes/{id}/password` response (200): the password is changed. */
export const PasswordChangedSchema = z.object({
  next: z.literal('done'),
  /** How many other sessions ended (every one, unless the change was started with `endOtherSessions: false`). */
  otherSessionsEnded: z.number(),
});
/** Response of `POST /v1/account/changes/{id}/password`. */
export type PasswordChanged = z.infer<typeof PasswordChangedSchema>;

/** `POST /v1/account/sign-out-everywhere` response (200): every session of the account ended, this one too. */
export const SignedOutEverywhereSchema = z.object({
  /** How many sessions ended, on every portal. */
  sessionsEnded: z.number(),
});
/** Response of `POST /v1/account/sign-out-everywhere`. */
export type SignedOutEverywhere = z.infer<typeof SignedOutEverywhereSchema>;

/**
 * `GET /v1/userinfo` (with the citizen's access token): the signed-in account as an account page shows
 * it — the {@link AccountSchema} fields plus what the citizen may change, every contact masked with the
 * SDK's masks (`maskPhone`, `maskEmail`, `maskIdNumber`), never in full. Answered `Cache-Control: no-store`.
 */
export const AccountDetailsSchema = z.extend(AccountSchema, {
  /** The phone codes go to, masked as a code's destination is (`maskPhone`): `097****398`. */
  phoneMasked: z.string(),
  /** The account's e-mail address, masked (`maskEmail`): `a***@example.vn`; absent when it has none. */
  emailMasked: z.optional(z.string()),
  /**
   * Whether the account registered with a 12-digit CCCD or a 9-digit CMND; an enterprise's account,
   * known by its tax code, says `mst`.
   */
  idNumberKind: z.enum(['cccd', 'cmnd', 'mst']),
  /** Whether its holder may add a CCCD (`POST /v1/account/cccd-additions`): a CMND account without one. */
  canAddCccd: z.boolean(),
  /** Whether the account keeps a social-insurance (BHXH) code, so a lost phone can be recovered by it; never the code. */
  hasBhxhCode: z.boolean(),
});
/** Response of `GET /v1/userinfo`: the signed-in account with its masked contacts and what may change. */
export type AccountDetails = z.infer<typeof AccountDetailsSchema>;
