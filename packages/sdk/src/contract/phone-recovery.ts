import * as z from 'zod/mini';
import { OtpChallengeSchema } from './common.js';
import { BhxhField, BirthDateField, ConsentVersionField, FullNameField, IdNumberField, PhoneField } from './fields.js';
import { typeRule } from './type-rule.js';

/**
 * `POST /v1/phone-recoveries` ("Mất số điện thoại nhận OTP"): a citizen who lost the phone that
 * receives codes asks to replace it, without signing in. Offered when `GET /v1/config` says
 * `lostPhoneRecovery: true` (the service asks a social-insurance register).
 *
 * The service asks the social-insurance register afresh with these details and the carrier whether
 * the NEW phone's SIM is the account holder's; only an account registered with a BHXH code can be
 * recovered this way. Whatever fails — no account, no BHXH code on it, a detail that differs, a
 * register that says no — the answer is the same 422 `phone_recovery_unconfirmed`, whose text tells
 * the citizen to bring their ID card to a one-stop counter ("bộ phận một cửa"). When everything
 * matches, a code goes to the NEW phone.
 *
 * The details are personal data (Decree 13/2023): the citizen agrees to their processing as at
 * registration, and the request names the consent text agreed to (`consentVersion`, from
 * `GET /v1/config`). A missing one, or one other than the version in force, is refused with 400
 * `validation_failed` on `consentVersion` (`consent_required`) before anything is counted or asked;
 * the version and when it was given are recorded with the recovery.
 */
export const StartPhoneRecoverySchema = z.object({
  idNumber: IdNumberField,
  /** The 10-digit social-insurance (BHXH) code the account was registered with. */
  bhxhCode: BhxhField,
  fullName: FullNameField,
  birthDate: BirthDateField,
  /** The NEW mobile number: it must be registered to the account's holder at the carrier. */
  phone: PhoneField,
  /** Version of the personal-data consent the citizen agreed to (Decree 13/2023), as `GET /v1/config` names it. */
  consentVersion: ConsentVersionField,
  /** Solved human-check payload, when the service asks for one. */
  humanCheck: z.optional(z.string(typeRule()).check(z.maxLength(4096, 'too_long'))),
});
/** Body of `POST /v1/phone-recoveries`. */
export type StartPhoneRecoveryRequest = z.infer<typeof StartPhoneRecoverySchema>;

/** `POST /v1/phone-recoveries` response (201): the details matched; a code went to the new phone. */
export const PhoneRecoveryStartedSchema = z.object({
  phoneRecoveryId: z.string(),
  /** The code, sent to the NEW phone (its masked number is the one the citizen typed). */
  otp: OtpChallengeSchema,
});
/** Response of `POST /v1/phone-recoveries`. */
export type PhoneRecoveryStarted = z.infer<typeof PhoneRecoveryStartedSchema>;

/** `POST /v1/phone-recoveries/{id}/otp/resend` response: a new code to the new phone. */
export const PhoneRecoveryCodeResentSchema = z.object({ otp: OtpChallengeSchema });
/** Response of a phone recovery's resend. */
export type PhoneRecoveryCodeResent = z.infer<typeof PhoneRecoveryCodeResentSchema>;

/**
 * `POST /v1/phone-recoveries/{id}/otp/verify` (body: `VerifyCodeSchema`) response (200): the new phone
 * is the account's, every session of the account has ended (on every portal), and the old number got
 * a notice. Sign in again: the codes now go to the new phone.
 */
export const PhoneRecoveredSchema = z.object({
  next: z.literal('sign_in'),
  /** How many sessions of the account ended. */
  sessionsEnded: z.number(),
});
/** Response of a phone recovery's code verification. */
export type PhoneRecovered = z.infer<typeof PhoneRecoveredSchema>;
