// The paths of the flows after sign-in, in a module apart from sign-in's (./paths.ts), so that a bundle
// for the sign-in page does not carry them. PATHS gathers them all.

/** `/v1/<flow>/<id>/<tail>`: a step of one open flow (its id encoded). */
const step = (flow: string, tail: string) => (id: string) => `${flow}/${encodeURIComponent(id)}/${tail}`;

const signIns = '/v1/sign-ins';
const registrations = '/v1/registrations';
const recoveries = '/v1/recoveries';
const phoneRecoveries = '/v1/phone-recoveries';
const accountChanges = '/v1/account/changes';

/**
 * The paths of the steps of an open sign-in (its code) and of registration. Part of `PATHS`.
 */
export const FLOW_PATHS = {
  signInVerify: step(signIns, 'otp/verify'),
  signInResend: step(signIns, 'otp/resend'),
  registrations,
  registrationVerify: step(registrations, 'otp/verify'),
  registrationResend: step(registrations, 'otp/resend'),
  registrationPassword: step(registrations, 'password'),
} as const;

/**
 * The paths of recovery ("Quên mật khẩu") and lost-phone recovery, apart from `FLOW_PATHS` so that a
 * bundle with only sign-in and registration does not carry them. Part of `PATHS`.
 */
export const RECOVERY_PATHS = {
  recoveries,
  recoveryVerify: step(recoveries, 'otp/verify'),
  recoveryResend: step(recoveries, 'otp/resend'),
  recoveryPassword: step(recoveries, 'password'),
  phoneRecoveries,
  phoneRecoveryVerify: step(phoneRecoveries, 'otp/verify'),
  phoneRecoveryResend: step(phoneRecoveries, 'otp/resend'),
} as const;

/** The paths of a signed-in citizen's account, its changes and sessions. Part of `PATHS`. */
export const ACCOUNT_PATHS = {
  passwordChanges: '/v1/account/password-changes',
  emailChanges: '/v1/account/email-changes',
  phoneChanges: '/v1/account/phone-changes',
  cccdAdditions: '/v1/account/cccd-additions',
  accountChangeVerify: step(accountChanges, 'otp/verify'),
  accountChangeResend: step(accountChanges, 'otp/resend'),
  accountChangePassword: step(accountChanges, 'password'),
  signOutEverywhere: '/v1/account/sign-out-everywhere',
  refresh: '/v1/tokens/refresh',
  signOut: '/v1/sign-out',
  userinfo: '/v1/userinfo',
} as const;

