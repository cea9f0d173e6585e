import * as z from 'zod/mini';
import { AccountSchema, OtpChallengeSchema } from './common.js';
import { BirthDateField, EmailField, FullNameField, IdNumberField, OtpCodeField, PasswordField, PhoneField } from './fields.js';
import { parseBirthDate } from '../identity/birth-date.js';
import { birthYearAgrees, parseIdNumber } from '../identity/id-number.js';
import { typeRule } from './type-rule.js';

/**
 * `POST /v1/registrations`: start registering by mobile subscriber. The service checks the
 * carrier's subscriber record and sends a one-time code. Send an `Idempotency-Key` header to make a
 * retry safe. A CCCD number carries its holder's birth year (digits 4–6): a date of birth in another
 * year is refused on `birthDate` as `id_number_birth_year` before any registry is asked.
 */
export const StartRegistrationSchema = z.object({
  subjectType: z.literal('citizen', typeRule('subject_type')),
  method: z.literal('mobile', typeRule()),
  idNumber: IdNumberField,
  fullName: FullNameField,
  birthDate: BirthDateField,
  phone: PhoneField,
  email: z.optional(EmailField),
  /** Version of the personal-data consent the citizen agreed to (Decree 13/2023). */
  consentVersion: z.string(typeRule()).check(z.minLength(1, 'consent_required'), z.maxLength(32, 'too_long')),
  /** Solved human-check payload, when the service asks for one. */
  humanCheck: z.optional(z.string(typeRule()).check(z.maxLength(4096, 'too_long'))),
}).check(
  z.superRefine((body, ctx) => {
    // Also reached when other fields were refused: look only at values of the right type.
    if (typeof body.idNumber !== 'string' || typeof body.birthDate !== 'string') return;
    if (!birthYearAgrees(parseIdNumber(body.idNumber), parseBirthDate(body.birthDate))) {
      ctx.addIssue({ code: 'custom', message: 'id_number_birth_year', path: ['birthDate'], input: body.birthDate });
    }
  }),
);
/** Body of `POST /v1/registrations`. */
export type StartRegistrationRequest = z.infer<typeof StartRegistrationSchema>;

/** `POST /v1/registrations` response (201). */
export const RegistrationStartedSchema = z.object({
  registrationId: z.string(),
  otp: OtpChallengeSchema,
});
/** `POST /v1/registrations` response. */
export type RegistrationStarted = z.infer<typeof RegistrationStartedSchema>;

/** `POST /v1/registrations/{id}/otp/verify` and `/v1/sign-ins/{id}/otp/verify` body. */
export const VerifyCodeSchema = z.object({ code: OtpCodeField });
/** Body of a code verification. */
export type VerifyCodeRequest = z.infer<typeof VerifyCodeSchema>;

/** `POST /v1/registrations/{id}/otp/verify` response: the next step is the password. */
export const RegistrationCodeVerifiedSchema = z.object({
  registrationId: z.string(),
  next: z.literal('password'),
});
/** Response of a registration code verification. */
export type RegistrationCodeVerified = z.infer<typeof RegistrationCodeVerifiedSchema>;

/** `POST /v1/registrations/{id}/otp/resend` and `/v1/sign-ins/{id}/otp/resend` response. */
export const CodeResentSchema = z.object({ otp: OtpChallengeSchema });
/** Response of a resend. */
export type CodeResent = z.infer<typeof CodeResentSchema>;

/** `POST /v1/registrations/{id}/password`: set the password and create the account. */
export const CompleteRegistrationSchema = z.object({
  password: PasswordField,
  passwordConfirmation: PasswordField,
});
/** Body of `POST /v1/registrations/{id}/password`. */
export type CompleteRegistrationRequest = z.infer<typeof CompleteRegistrationSchema>;

/** `POST /v1/registrations/{id}/password` response (201): the new account. */
export const RegistrationCompletedSchema = z.object({ account: AccountSchema });
/** Response of `POST /v1/registrations/{id}/password`. */
export type RegistrationCompleted = z.infer<typeof RegistrationCompletedSchema>;
