/**
 * The DVC Kit SDK: the rules every portal shares (ID numbers, phones, dates, names, password policy,
 * assurance levels, one-time-code timing), the message catalogue in Vietnamese and English, and
 * {@link DvcClient}, a typed client of the identity service. Runs in browsers and Node ≥ 20; no DOM.
 *
 * Token verification lives in `@dvc-kit/sdk/tokens` and the zod wire schemas in
 * `@dvc-kit/sdk/contract`, so a widget bundle carries neither unless it asks.
 *
 * @example
 * ```ts
 * import { DvcClient, checkPassword, parsePhone } from '@dvc-kit/sdk';
 * ```
 * @module
 */
export * from './identity/index.js';
export * from './password/index.js';
export * from './assurance/index.js';
export * from './otp/index.js';
export * from './messages/index.js';
export * from './client/index.js';
export * from './human-check/index.js';
export { PATHS, OPERATOR_PATHS, CLIENT_HEADER } from './contract/paths.js';
export type { Account, FieldError, OtpChallenge, Problem, SubjectType } from './contract/common.js';
export type { ServiceConfig, HumanCheckChallenge } from './contract/config.js';
export type {
  StartRegistrationRequest,
  RegistrationStarted,
  VerifyCodeRequest,
  RegistrationCodeVerified,
  CodeResent,
  CompleteRegistrationRequest,
  RegistrationCompleted,
} from './contract/registration.js';
export type {
  AccountDetails,
  AccountChangeKind,
  AccountChangeStarted,
  AccountChangeCodeVerified,
  AccountChangeCodeResent,
  PasswordChanged,
  SignedOutEverywhere,
  StartPasswordChangeRequest,
  StartEmailChangeRequest,
  StartPhoneChangeRequest,
  StartCccdAdditionRequest,
  CompletePasswordChangeRequest,
} from './contract/account.js';
export type { StartPhoneRecoveryRequest, PhoneRecoveryStarted, PhoneRecoveryCodeResent, PhoneRecovered } from './contract/phone-recovery.js';
export type { DocumentType, PhoneReplacementRequest, PhoneReplaced, AuditEntry, AuditList } from './contract/operator.js';
export type { StartSignInRequest, SignInStarted, TokenSet, SignedIn, RefreshRequest } from './contract/sign-in.js';
