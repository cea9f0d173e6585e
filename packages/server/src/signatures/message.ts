import type { SignatureChallengeRecord } from '../store/signature-challenges.js';

/** First line of every signed challenge; the version changes if the format ever does. */
export const SIGNED_MESSAGE_HEADER = 'DVC-Kit signature challenge v1';

/**
 * The exact bytes a certificate signs for a challenge: UTF-8 text, lines ended by `\n` (none after
 * the last), in this order —
 *
 * ```text
 * DVC-Kit signature challenge v1
 * service: https://id.dichvucong.gov.vn
 * client: provincial-portal
 * operation: register
 * subject-type: citizen
 * challenge: sgc_…
 * nonce: <43 base64url characters: 256 random bits>
 * expires: 2026-12-01T10:05:00.000Z
 * ```
 *
 * Readable, so a signing plugin that shows what it signs shows something a citizen can read; it names
 * the service (its issuer URL), the portal, the operation and the subject type, so a signature made for
 * one is good for nothing else; the nonce makes it unique. The service hands it out base64url-encoded
 * as `toBeSigned` and rebuilds it from the stored challenge when the signature comes back, so it is
 * never stored and never taken from the caller. Documented for signing-plugin authors in
 * `docs/guides/signatures.md`.
 *
 * @example
 * ```ts
 * const bytes = signedMessage('https://id.example.gov.vn', challenge);
 * const toBeSigned = Buffer.from(bytes).toString('base64url');
 * ```
 */
export function signedMessage(issuer: string, challenge: Pick<SignatureChallengeRecord, 'id' | 'nonce' | 'operation' | 'subjectType' | 'clientId' | 'expiresAt'>): Uint8Array {
  const lines = [
    SIGNED_MESSAGE_HEADER,
    `service: ${issuer}`,
    `client: ${challenge.clientId}`,
    `operation: ${challenge.operation}`,
    `subject-type: ${challenge.subjectType}`,
    `challenge: ${challenge.id}`,
    `nonce: ${challenge.nonce}`,
    `expires: ${challenge.expiresAt.toISOString()}`,
  ];
  return new TextEncoder().encode(lines.join('\n'));
}
