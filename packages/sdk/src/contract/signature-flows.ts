import * as z from 'zod/mini';
import { AccountSchema } from './common.js';
import { BirthDateField, ConsentVersionField, EmailField, IdNumberField, PhoneField } from './fields.js';
import { birthYearCheck } from './registration.js';
import { SignedChallengeSchema } from './signatures.js';
import { typeRule } from './type-rule.js';

/**
 * `POST /v1/registrations/signature`: register at IAL3 with a USB token ("USB ký số"). The body names
 * the citizen's ID number (the certificate's UID must carry the same one), the date of birth (its year
 * must agree with a CCCD's), the phone the account's codes and notices go to, an optional email, the
 * consent and the human check, and the signed `register` challenge. The full name is the certificate's
 * holder (CN). The service verifies the signature and the certificate path, uses the challenge up and
 * sends a code to the phone; the registration then goes on as every other: `…/otp/verify`, then
 * `…/password` (an account at IAL3, `verificationMethod: "usb_token"`).
 *
 * Only for citizens today (`subjectType: "citizen"`); enterprises and agency officers come later.
 */
export const StartSignatureRegistrationSchema = z
  .object({
    subjectType: z.literal('citizen', typeRule('subject_type')),
    method: z.literal('usb_token', typeRule()),
    idNumber: IdNumberField,
    birthDate: BirthDateField,
    phone: PhoneField,
    email: z.optional(EmailField),
    /** Version of the personal-data consent the citizen agreed to (Decree 13/2023). */
    consentVersion: ConsentVersionField,
    /** Solved human-check payload, when the service asks for one. */
    humanCheck: z.optional(z.string(typeRule()).check(z.maxLength(4096, 'too_long'))),
    /** The `register` challenge, signed with the certificate that proves who registers. */
    signature: SignedChallengeSchema,
  })
  .check(birthYearCheck);
/** Body of `POST /v1/registrations/signature`. */
export type StartSignatureRegistrationRequest = z.infer<typeof StartSignatureRegistrationSchema>;

/**
 * `POST /v1/sign-ins/signature`: sign in with a USB token, without a password or SMS code (AAL3,
 * `amr: ["hwk", "sc", "pin", "mfa"]`). The body is the signed `sign_in` challenge; the account is the
 * one whose ID number the certificate carries. Answered like the code step of a sign-in (`SignedIn`).
 */
export const SignatureSignInSchema = SignedChallengeSchema;
/** Body of `POST /v1/sign-ins/signature`. */
export type SignatureSignInRequest = z.infer<typeof SignatureSignInSchema>;

/**
 * `POST /v1/account/assurance-upgrades`: a signed-in citizen (access token) raises the account to IAL3
 * by signing an `upgrade` challenge with a certificate that carries the account's ID number.
 */
export const AssuranceUpgradeSchema = SignedChallengeSchema;
/** Body of `POST /v1/account/assurance-upgrades`. */
export type AssuranceUpgradeRequest = z.infer<typeof AssuranceUpgradeSchema>;

/**
 * `POST /v1/account/assurance-upgrades` response (200): the account as it is now (IAL3, its new
 * `verificationMethod`), the level and method it had before, and when. Every portal sees it at once
 * through `GET /v1/session/assurance`, and in tokens from the next refresh.
 */
export const AssuranceUpgradedSchema = z.object({
  account: AccountSchema,
  previous: z.object({ ial: z.number(), verificationMethod: z.string() }),
  upgradedAt: z.iso.datetime(),
});
/** Response of `POST /v1/account/assurance-upgrades`. */
export type AssuranceUpgraded = z.infer<typeof AssuranceUpgradedSchema>;
