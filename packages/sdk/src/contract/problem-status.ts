import type { ProblemCode } from '../messages/codes.js';

/** A problem code the service can answer with (the client-side `network`, `timeout` and `aborted` are not). */
export type ServiceProblemCode = Exclude<ProblemCode, 'network' | 'timeout' | 'aborted'>;

/**
 * The HTTP status the service answers each problem code with — one table for the service and the
 * mock, so a portal's tests against the mock see what production sends.
 */
export const PROBLEM_STATUS: Readonly<Record<ServiceProblemCode, number>> = Object.freeze({
  validation_failed: 400,
  unknown_client: 400,
  origin_not_allowed: 403,
  body_too_large: 413,
  unsupported_media_type: 415,
  human_check_failed: 400,
  carrier_mismatch: 422,
  bhxh_mismatch: 422,
  phone_recovery_unconfirmed: 422,
  account_exists: 409,
  cccd_already_added: 409,
  cccd_in_use: 409,
  account_not_found: 404,
  invalid_credentials: 401,
  too_many_attempts: 429,
  otp_invalid: 400,
  otp_expired: 410,
  otp_attempts_exceeded: 429,
  otp_resend_too_soon: 429,
  otp_rate_limited: 429,
  flow_not_found: 404,
  flow_step: 409,
  idempotency_conflict: 422,
  unauthorized: 401,
  client_mismatch: 403,
  insufficient_user_authentication: 401,
  not_found: 404,
  registry_unavailable: 503,
  sms_unavailable: 503,
  cert_expired: 422,
  cert_not_yet_valid: 422,
  cert_revoked: 422,
  cert_untrusted: 422,
  cert_key_usage: 422,
  signature_mismatch: 422,
  subject_mismatch: 422,
  cert_no_id_number: 422,
  cert_no_tax_code: 422,
  cert_wrong_subject_type: 422,
  challenge_expired: 410,
  challenge_used: 409,
  revocation_unavailable: 503,
  passkey_not_found: 404,
  passkey_verification_failed: 400,
  passkey_already_added: 409,
  passkey_limit_reached: 409,
  recent_sign_in_required: 403,
  provider_timeout: 410,
  provider_refused: 422,
  provider_unavailable: 503,
  signature_pending: 409,
  already_ial3: 409,
  subject_type_unsupported: 409,
  internal: 500,
});

/** Base of the `type` URI of every problem: `https://dvc-kit.dev/problems/<code>`. */
export const PROBLEM_TYPE_BASE = 'https://dvc-kit.dev/problems/';
