import * as z from 'zod/mini';
import { AccountSchema, OtpChallengeSchema } from './common.js';
import { IdNumberField, PasswordField } from './fields.js';
import { PasskeyRequestOptionsSchema } from './passkeys.js';
import { typeRule } from './type-rule.js';

/**
 * `POST /v1/sign-ins`: ID number and password. On success a one-time code goes to the registered
 * phone. A wrong password and an unknown ID number get the same `invalid_credentials` answer.
 */
export const StartSignInSchema = z.object({
  idNumber: IdNumberField,
  password: PasswordField,
  humanCheck: z.optional(z.string(typeRule()).check(z.maxLength(4096, 'too_long'))),
});
/** Body of `POST /v1/sign-ins`. */
export type StartSignInRequest = z.infer<typeof StartSignInSchema>;

/**
 * `POST /v1/sign-ins` response: the code sent, and, when the account has passkeys (and the service
 * offers them), the options with which one of them may answer instead (`POST /v1/sign-ins/{id}/passkey`).
 */
export const SignInStartedSchema = z.object({
  signInId: z.string(),
  otp: OtpChallengeSchema,
  passkey: z.optional(PasskeyRequestOptionsSchema),
});
/** Response of `POST /v1/sign-ins`. */
export type SignInStarted = z.infer<typeof SignInStartedSchema>;

/** Tokens issued at sign-in and refresh. */
export const TokenSetSchema = z.object({
  tokenType: z.literal('Bearer'),
  /** JWT (ES256) for calling APIs; short-lived. */
  accessToken: z.string(),
  /** JWT (ES256) telling the portal who signed in, with `acr` and `amr`. */
  idToken: z.string(),
  /** Opaque, single-use; rotated at every refresh. */
  refreshToken: z.string(),
  /** Seconds the access token lives. */
  expiresIn: z.number(),
});
/** Tokens issued at sign-in and refresh. */
export type TokenSet = z.infer<typeof TokenSetSchema>;

/** `POST /v1/sign-ins/{id}/otp/verify` response: signed in. */
export const SignedInSchema = z.object({
  tokens: TokenSetSchema,
  account: AccountSchema,
});
/** Response of a successful sign-in. */
export type SignedIn = z.infer<typeof SignedInSchema>;

/** `POST /v1/tokens/refresh` body. */
export const RefreshSchema = z.object({ refreshToken: z.string(typeRule()).check(z.minLength(1, 'required'), z.maxLength(512, 'too_long')) });
/** Body of `POST /v1/tokens/refresh` and `POST /v1/sign-out`. */
export type RefreshRequest = z.infer<typeof RefreshSchema>;
