import * as z from 'zod/mini';
import { AccountSchema, OtpChallengeSchema } from './common.js';
import { BhxhField, BirthDateField, ConsentVersionField, EmailField, FullNameField, IdNumberField, OtpCodeField, PasswordField, PhoneField } from './fields.js';
import { parseBirthDate } from '../identity/birth-date.js';
import { birthYearAgrees, parseIdNumber } from '../identity/id-number.js';
import { typeRule } from './type-rule.js';

/** What every way of registering asks: who registers, the person's details, consent and the human check. */
const subjectType = z.literal('citizen', typeRule('subject_type'));
const startDetails = {
  idNumber: IdNumberField,
  fullName: FullNameField,
  birthDate: BirthDateField,
  phone: PhoneField,
  email: z.optional(EmailField),
  /** Version of the personal-data consent the citizen agreed to (Decree 13/2023). */
  consentVersion: ConsentVersionField,
  /** Solved human-check payload, when the service asks for one. */
  humanCheck: z.optional(z.string(typeRule()).check(z.maxLength(4096, 'too_long'))),
};

/**
 * A CCCD number carries its holder's birth year (digits 4–6): a date of birth in another year is
 * refused on `birthDate` as `id_number_birth_year`. Also reached when other fields were refused, so
 * it looks only at values of the right type.
 */
export const birthYearCheck = z.superRefine((body: { idNumber?: unknown; birthDate?: unknown }, ctx) => {
  if (typeof body.idNumber !== 'string' || typeof body.birthDate !== 'string') return;
  if (!birthYearAgrees(parseIdNumber(body.idNumber), parseBirthDate(body.birthDate))) {
    ctx.addIssue({ code: 'custom', message: 'id_number_birth_year', path: ['birthDate'], input: body.birthDate });
  }
});

/**
 * `POST /v1/registrations` with `method: "mobile"` ("Thuê bao di động"): the carrier confirms the
 * phone's SIM is registered to the person named.
 */
export const StartMobileRegistrationSchema = z.object({ subjectType, method: z.literal('mobile'), ...startDetails }).check(birthYearCheck);
/** Body of a registration by mobile subscriber. */
export type StartMobileRegistrationRequest = z.infer<typeof StartMobileRegistrationSchema>;

/**
 * `POST /v1/registrations` with `method: "bhxh"` ("Bảo hiểm xã hội", citizens only): the same
 * details plus the 10-digit social-insurance code, matched against the social-insurance register;
 * the code is then sent to the phone declared here.
 */
export const StartBhxhRegistrationSchema = z.object({
  subjectType,
  method: z.literal('bhxh'),
  ...startDetails,
  /** The 10-digit social-insurance (BHXH) code; separators and pasted invisible characters are read through. */
  bhxhCode: BhxhField,
}).check(birthYearCheck);
/** Body of a registration by social insurance. */
export type StartBhxhRegistrationRequest = z.infer<typeof StartBhxhRegistrationSchema>;

/**
 * `POST /v1/registrations`: start registering, by mobile subscriber (`method: "mobile"`, see
 * {@link StartMobileRegistrationSchema}) or by social insurance (`method: "bhxh"`, see
 * {@link StartBhxhRegistrationSchema}). The service asks the method's register and sends a one-time
 * code. Send an `Idempotency-Key` header to make a retry safe. A CCCD number carries its holder's
 * birth year (digits 4–6): a date of birth in another year is refused on `birthDate` as
 * `id_number_birth_year` before any register is asked.
 *
 * Without a known `method` the other fields cannot be checked (which ones are asked depends on it):
 * the answer names `method` alone, `required` when it is missing, `invalid_type` otherwise.
 */
export const StartRegistrationSchema = z.discriminatedUnion('method', [StartMobileRegistrationSchema, StartBhxhRegistrationSchema], {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const method = (issue.input as { method?: unknown } | undefined)?.method;
    return method === undefined || method === null ? 'required' : 'invalid_type';
  },
});
/** Body of `POST /v1/registrations`: one of the methods' bodies. */
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
