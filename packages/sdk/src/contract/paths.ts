import { ACCOUNT_PATHS, ASSURANCE_PATHS, FLOW_PATHS, PASSKEY_PATHS, RECOVERY_PATHS, SIGNATURE_REQUEST_PATHS } from './flow-paths.js';

/**
 * The paths of what every widget reads first (the configuration, a human-check puzzle) and of sign-in's
 * first step, apart from the others, so that a bundle for the sign-in page carries only these (the
 * code's paths are in `FLOW_PATHS`). Part of {@link PATHS}.
 */
export const SIGN_IN_PATHS = {
  config: '/v1/config',
  humanCheckChallenge: '/v1/human-check/challenge',
  signIns: '/v1/sign-ins',
} as const;

/** The service's HTTP paths, relative to its base URL. */
export const PATHS = {
  ...SIGN_IN_PATHS,
  ...FLOW_PATHS,
  ...RECOVERY_PATHS,
  ...ACCOUNT_PATHS,
  signatureChallenges: '/v1/signature-challenges',
  signatureCertificatePreview: (challengeId: string) => `/v1/signature-challenges/${encodeURIComponent(challengeId)}/certificate`,
  ...SIGNATURE_REQUEST_PATHS,
  signatureRegistrations: '/v1/registrations/signature',
  signatureSignIns: '/v1/sign-ins/signature',
  assuranceUpgrades: '/v1/account/assurance-upgrades',
  ...PASSKEY_PATHS,
  ...ASSURANCE_PATHS,
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
