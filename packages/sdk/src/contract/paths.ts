/** The service's HTTP paths, relative to its base URL. */
export const PATHS = {
  config: '/v1/config',
  humanCheckChallenge: '/v1/human-check/challenge',
  registrations: '/v1/registrations',
  registrationVerify: (id: string) => `/v1/registrations/${encodeURIComponent(id)}/otp/verify`,
  registrationResend: (id: string) => `/v1/registrations/${encodeURIComponent(id)}/otp/resend`,
  registrationPassword: (id: string) => `/v1/registrations/${encodeURIComponent(id)}/password`,
  signIns: '/v1/sign-ins',
  signInVerify: (id: string) => `/v1/sign-ins/${encodeURIComponent(id)}/otp/verify`,
  signInResend: (id: string) => `/v1/sign-ins/${encodeURIComponent(id)}/otp/resend`,
  recoveries: '/v1/recoveries',
  recoveryVerify: (id: string) => `/v1/recoveries/${encodeURIComponent(id)}/otp/verify`,
  recoveryResend: (id: string) => `/v1/recoveries/${encodeURIComponent(id)}/otp/resend`,
  recoveryPassword: (id: string) => `/v1/recoveries/${encodeURIComponent(id)}/password`,
  phoneRecoveries: '/v1/phone-recoveries',
  phoneRecoveryVerify: (id: string) => `/v1/phone-recoveries/${encodeURIComponent(id)}/otp/verify`,
  phoneRecoveryResend: (id: string) => `/v1/phone-recoveries/${encodeURIComponent(id)}/otp/resend`,
  passwordChanges: '/v1/account/password-changes',
  emailChanges: '/v1/account/email-changes',
  phoneChanges: '/v1/account/phone-changes',
  cccdAdditions: '/v1/account/cccd-additions',
  accountChangeVerify: (id: string) => `/v1/account/changes/${encodeURIComponent(id)}/otp/verify`,
  accountChangeResend: (id: string) => `/v1/account/changes/${encodeURIComponent(id)}/otp/resend`,
  accountChangePassword: (id: string) => `/v1/account/changes/${encodeURIComponent(id)}/password`,
  signOutEverywhere: '/v1/account/sign-out-everywhere',
  refresh: '/v1/tokens/refresh',
  signOut: '/v1/sign-out',
  userinfo: '/v1/userinfo',
  jwks: '/.well-known/jwks.json',
} as const;

/**
 * The operator API's paths, relative to the service's base URL: under their own prefix, without CORS,
 * for a one-stop counter's back office with an operator credential (never a portal's client id).
 */
export const OPERATOR_PATHS = {
  phoneReplacements: '/operator/v1/phone-replacements',
  audit: '/operator/v1/audit',
} as const;

/** Header naming the portal (client) a request comes from. */
export const CLIENT_HEADER = 'DVC-Client';
