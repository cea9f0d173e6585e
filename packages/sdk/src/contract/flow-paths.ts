// The paths of the flows after sign-in, in a module apart from sign-in's (./paths.ts), so that a bundle
// for the sign-in page does not carry them. PATHS gathers them all; the client's calls build theirs from
// FLOW_ROOTS, and a bundle drops the tables it does not use.

/**
 * The path of the first step of each flow with a code; its later steps are under it
 * (`<root>/<flow id>/otp/verify` …, {@link flowStepPath}). The per-flow calls of the client build their
 * paths from these, so a bundle carries the roots without the tables of every step.
 */
export const FLOW_ROOTS = {
  signIns: '/v1/sign-ins',
  registrations: '/v1/registrations',
  recoveries: '/v1/recoveries',
  phoneRecoveries: '/v1/phone-recoveries',
  accountChanges: '/v1/account/changes',
} as const;

/**
 * `<root>/<flow id>/<tail>`: the path of a step of one open flow, its id encoded so that it cannot change
 * the route.
 *
 * @example
 * ```ts
 * flowStepPath(FLOW_ROOTS.registrations, 'reg 1', 'otp/verify'); // '/v1/registrations/reg%201/otp/verify'
 * ```
 */
export function flowStepPath(root: string, flowId: string, tail: string): string {
  return `${root}/${encodeURIComponent(flowId)}/${tail}`;
}

const step = (root: string, tail: string) => (flowId: string) => flowStepPath(root, flowId, tail);
const { signIns, registrations, recoveries, phoneRecoveries, accountChanges } = FLOW_ROOTS;

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

/**
 * The paths of passkeys: a signed-in citizen's own (add, list, remove) and a sign-in's passkey step
 * instead of its code. Part of `PATHS`.
 */
export const PASSKEY_PATHS = {
  passkeys: '/v1/account/passkeys',
  passkeyOptions: '/v1/account/passkeys/options',
  /** `/v1/account/passkeys/{id}`, the credential id encoded. */
  passkey: (id: string) => `/v1/account/passkeys/${encodeURIComponent(id)}`,
  signInPasskeyOptions: step(signIns, 'passkey/options'),
  signInPasskey: step(signIns, 'passkey'),
} as const;


/**
 * The paths of a signed-in session's assurance, as the service tells it (with the citizen's access
 * token). Part of `PATHS`.
 */
export const ASSURANCE_PATHS = {
  sessionAssurance: '/v1/session/assurance',
  sessionAssuranceCheck: '/v1/session/assurance/check',
} as const;

/**
 * The paths of SIM-signature and remote-signing requests: start one, poll it, cancel it. Part of `PATHS`.
 */
export const SIGNATURE_REQUEST_PATHS = {
  signatureRequests: '/v1/signature-requests',
  /** `/v1/signature-requests/{id}`, the id encoded. */
  signatureRequest: (requestId: string) => `/v1/signature-requests/${encodeURIComponent(requestId)}`,
} as const;

/**
 * The development CA's paths, answered only by a service in development mode with
 * `signatures.developmentCa` on (404 anywhere else, and never in production). They stay out of the
 * OpenAPI document, which describes what a production service answers.
 */
export const DEVELOPMENT_CA_PATHS = {
  /** `GET`: the development CA's certificate, PEM (`application/x-pem-file`). */
  certificate: '/dev/signature-ca',
  /** `POST` a `DevelopmentCertificateRequest`: a certificate for that key, issued by the development CA. */
  certificates: '/dev/signature-certificates',
} as const;
