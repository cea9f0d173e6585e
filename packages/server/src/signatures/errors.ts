/**
 * Why a certificate or a signed challenge was refused, each its own stable code (the SDK's problem
 * codes of the same names), plus the two the HTTP edge words otherwise: `challenge_not_found` (no such
 * challenge for this portal and operation: a 404 `not_found`) and `certificate_format` (bytes that are
 * not a certificate: a 400 naming the field).
 */
export type SignatureFailure =
  | 'cert_expired'
  | 'cert_not_yet_valid'
  | 'cert_revoked'
  | 'cert_untrusted'
  | 'cert_key_usage'
  | 'signature_mismatch'
  | 'subject_mismatch'
  | 'cert_no_id_number'
  | 'cert_no_tax_code'
  | 'cert_wrong_subject_type'
  | 'challenge_expired'
  | 'challenge_used'
  | 'challenge_not_found'
  | 'revocation_unavailable'
  | 'certificate_format';

/**
 * A refused certificate or signature. A domain error: it names the failure, and for
 * `certificate_format` the request field that held the bytes; the HTTP edge turns it into a problem.
 *
 * @example
 * ```ts
 * try {
 *   await verifier.inspect({ certificate, subjectType: 'citizen' });
 * } catch (error) {
 *   if (error instanceof SignatureError && error.code === 'cert_revoked') showRevoked();
 * }
 * ```
 */
export class SignatureError extends Error {
  override readonly name = 'SignatureError';
  readonly code: SignatureFailure;
  /** The request field at fault, for `certificate_format` (e.g. `certificate`, `intermediates.1`). */
  readonly field: string | undefined;

  constructor(code: SignatureFailure, field?: string) {
    super(code);
    this.code = code;
    this.field = field;
  }
}
