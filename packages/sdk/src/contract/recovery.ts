import * as z from 'zod/mini';
import { IdNumberField, PasswordField } from './fields.js';
import { typeRule } from './type-rule.js';

/**
 * `POST /v1/recoveries` ("Quên mật khẩu"): start recovering a forgotten password with the ID number
 * and a solved human check. If the ID number has an account, a one-time code goes to its registered
 * phone. The answer is the same whether or not it has one: no masked phone, same status and body.
 */
export const StartRecoverySchema = z.object({
  idNumber: IdNumberField,
  /** Solved human-check payload, when the service asks for one. */
  humanCheck: z.optional(z.string(typeRule()).check(z.maxLength(4096, 'too_long'))),
});
/** Body of `POST /v1/recoveries`. */
export type StartRecoveryRequest = z.infer<typeof StartRecoverySchema>;

/**
 * The code of a recovery: its length and timing, but not where it went — showing the masked phone
 * would tell whether the ID number has an account.
 */
export const RecoveryCodeSchema = z.object({
  /** Digits in the code. */
  length: z.number(),
  expiresAt: z.iso.datetime(),
  resendAt: z.iso.datetime(),
});
/** The code of a recovery, without its destination. */
export type RecoveryCode = z.infer<typeof RecoveryCodeSchema>;

/** `POST /v1/recoveries` response (201). */
export const RecoveryStartedSchema = z.object({
  recoveryId: z.string(),
  /** The code sent to the registered phone, if the ID number has an account. */
  otp: RecoveryCodeSchema,
});
/** Response of `POST /v1/recoveries`. */
export type RecoveryStarted = z.infer<typeof RecoveryStartedSchema>;

/** `POST /v1/recoveries/{id}/otp/verify` (body: `VerifyCodeSchema`) response: the next step is the new password. */
export const RecoveryCodeVerifiedSchema = z.object({
  recoveryId: z.string(),
  next: z.literal('password'),
});
/** Response of a recovery code verification. */
export type RecoveryCodeVerified = z.infer<typeof RecoveryCodeVerifiedSchema>;

/** `POST /v1/recoveries/{id}/otp/resend` response. */
export const RecoveryCodeResentSchema = z.object({ otp: RecoveryCodeSchema });
/** Response of a recovery resend. */
export type RecoveryCodeResent = z.infer<typeof RecoveryCodeResentSchema>;

/**
 * `POST /v1/recoveries/{id}/password`: the new password (the portal's policy, not one of the last 5
 * passwords of the account). Every session of the account ends.
 */
export const CompleteRecoverySchema = z.object({
  password: PasswordField,
  passwordConfirmation: PasswordField,
});
/** Body of `POST /v1/recoveries/{id}/password`. */
export type CompleteRecoveryRequest = z.infer<typeof CompleteRecoverySchema>;

/** `POST /v1/recoveries/{id}/password` response (200): the password is changed; sign in with it. */
export const RecoveryCompletedSchema = z.object({
  next: z.literal('sign_in'),
});
/** Response of `POST /v1/recoveries/{id}/password`. */
export type RecoveryCompleted = z.infer<typeof RecoveryCompletedSchema>;
