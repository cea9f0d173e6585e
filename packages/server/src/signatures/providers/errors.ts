/**
 * Why a signing request could not be used, each a stable code: the three provider outcomes
 * (`provider_refused`, `provider_timeout`, `provider_unavailable`, the SDK's problem codes of the same
 * names), and what the HTTP edge words otherwise — `request_not_found` (no such request for this
 * portal: 404 `not_found`), `request_pending` and `request_cancelled` (not signed: 409 `flow_step`),
 * `method_not_offered` (the method is not offered, or not for the challenge's subject type: 400 on `method`).
 */
export type SigningRequestFailure =
  | 'provider_refused'
  | 'provider_timeout'
  | 'provider_unavailable'
  | 'request_not_found'
  | 'request_pending'
  | 'request_cancelled'
  | 'method_not_offered';

/**
 * A signing request that cannot be started or used. A domain error: the HTTP edge turns it into a problem.
 *
 * @example
 * ```ts
 * try {
 *   await verifySignatureRequest(deps.signingRequests, deps.signatures, tx, requestId, expected);
 * } catch (error) {
 *   if (error instanceof SigningRequestError && error.code === 'request_pending') askAgainLater();
 * }
 * ```
 */
export class SigningRequestError extends Error {
  override readonly name = 'SigningRequestError';
  readonly code: SigningRequestFailure;

  constructor(code: SigningRequestFailure) {
    super(code);
    this.code = code;
  }
}
