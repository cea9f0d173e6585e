/**
 * Stable codes of problem responses (`code` in `application/problem+json`) and of `DvcError`.
 * Callers branch on these, never on message text.
 */
export const PROBLEM_CODES = [
  'validation_failed',
  'unknown_client',
  'origin_not_allowed',
  'body_too_large',
  'unsupported_media_type',
  'human_check_failed',
  'carrier_mismatch',
  'bhxh_mismatch',
  'phone_recovery_unconfirmed',
  'account_exists',
  'cccd_already_added',
  'cccd_in_use',
  'account_not_found',
  'invalid_credentials',
  'too_many_attempts',
  'otp_invalid',
  'otp_expired',
  'otp_attempts_exceeded',
  'otp_resend_too_soon',
  'otp_rate_limited',
  'flow_not_found',
  'flow_step',
  'idempotency_conflict',
  'unauthorized',
  'client_mismatch',
  'insufficient_user_authentication',
  'not_found',
  'registry_unavailable',
  'sms_unavailable',
  'cert_expired',
  'cert_not_yet_valid',
  'cert_revoked',
  'cert_untrusted',
  'cert_key_usage',
  'signature_mismatch',
  'subject_mismatch',
  'cert_no_id_number',
  'cert_no_tax_code',
  'cert_wrong_subject_type',
  'challenge_expired',
  'challenge_used',
  'revocation_unavailable',
  'passkey_not_found',
  'passkey_verification_failed',
  'passkey_already_added',
  'passkey_limit_reached',
  'recent_sign_in_required',
  'provider_timeout',
  'provider_refused',
  'provider_unavailable',
  'signature_pending',
  'already_ial3',
  'subject_type_unsupported',
  'internal',
  'network',
  'timeout',
  'aborted',
] as const;

/** One of {@link PROBLEM_CODES}. */
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * The problems a browser client words itself, without the service's `detail`: no answer, a cancelled or
 * unreadable call, and what a widget finds out on its own (the flow's time ran out on the page, the human
 * check could not be solved, the code expired on screen, the ID number has an account).
 */
export type LocalProblemCode = Extract<
  ProblemCode,
  'network' | 'timeout' | 'aborted' | 'internal' | 'not_found' | 'unknown_client' | 'flow_not_found' | 'otp_expired' | 'human_check_failed' | 'account_exists'
>;

/**
 * Stable codes of the rule a single field broke (`errors[].code`). Password rules appear as
 * `password_<rule>`.
 */
export const FIELD_RULES = [
  'required',
  'invalid_type',
  'too_long',
  'id_number_format',
  'id_number_province',
  'id_number_century',
  'id_number_birth_year',
  'id_number_sex',
  'id_number_cccd',
  'phone_format',
  'phone_carrier',
  'phone_converted',
  'date_format',
  'date_invalid',
  'date_future',
  'date_too_old',
  'name_control',
  'name_characters',
  'name_script',
  'name_length',
  'email_format',
  'unchanged',
  'bhxh_format',
  'otp_format',
  'subject_type',
  'method_not_offered',
  'consent_required',
  'certificate_format',
  'tax_code_format',
  'exactly_one',
  'method_mismatch',
  'password_min_length',
  'password_max_length',
  'password_lower',
  'password_upper',
  'password_digit',
  'password_special',
  'password_control',
  'password_common',
  'password_guessable',
  'password_personal_data',
  'password_mismatch',
  'password_reused',
] as const;

/** One of {@link FIELD_RULES}. */
export type FieldRule = (typeof FIELD_RULES)[number];

/**
 * The field rules a browser client checks on its own, besides `invalid_type` (the text for a rule
 * without one): every rule but those only the service applies (a length limit of the contract, an
 * unchanged value, the guessability estimate, the last passwords, what this portal offers).
 */
export type LocalFieldRule = Exclude<
  FieldRule,
  'too_long' | 'unchanged' | 'method_not_offered' | 'subject_type' | 'password_guessable' | 'password_reused' | 'certificate_format' | 'exactly_one' | 'method_mismatch'
>;

/** Languages every citizen-facing string exists in; Vietnamese first. */
export type Language = 'vi' | 'en';

/** The languages DVC Kit speaks, Vietnamese first. */
export const LANGUAGES: readonly Language[] = ['vi', 'en'];

/**
 * Picks the language to answer in from an `Accept-Language` header or a `lang` attribute;
 * Vietnamese unless English is preferred.
 *
 * @example
 * ```ts
 * pickLanguage('en-GB,en;q=0.9,vi;q=0.5'); // 'en'
 * pickLanguage(undefined); // 'vi'
 * ```
 */
export function pickLanguage(header: string | null | undefined): Language {
  if (!header) return 'vi';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'vi';
}
