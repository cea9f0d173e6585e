import type { CallOptions, DvcClientCore } from '../client/client.js';
import { createSignatureChallenge, previewSignatureCertificate } from '../client/signatures.js';
import type { CertificatePreview, SignatureOperation, SignedChallenge } from '../contract/signatures.js';
import type { SubjectType } from '../contract/common.js';
import { fromBase64 } from './base64.js';
import { SignerError } from './errors.js';
import type { Signer, SignerCertificate } from './signer.js';

/** What {@link signChallenge} is asked to do. */
export interface SignChallengeOptions extends Pick<CallOptions, 'signal'> {
  /** What the signature is for: `register`, `sign_in` or `upgrade`. */
  readonly operation: SignatureOperation;
  /** Whose certificate signs: the service checks it against that subject type's trust anchors. */
  readonly subjectType: SubjectType;
  /**
   * Picks the certificate to sign with — show the holder the list. Without it the only certificate is
   * taken, and several are a `choice_needed` refusal.
   */
  readonly choose?: (certificates: readonly SignerCertificate[]) => SignerCertificate | Promise<SignerCertificate>;
  /**
   * Shows the holder what the service read from the certificate (after its checks: path, dates, key
   * usage, revocation, the number it carries) and asks them to confirm: `false` is a `cancelled`
   * refusal and nothing is signed. Without it the certificate is not previewed; the service checks it
   * all the same when the signed challenge reaches the flow.
   */
  readonly confirm?: (preview: CertificatePreview, certificate: SignerCertificate) => boolean | Promise<boolean>;
  /** With `confirm`: the ID number the certificate must carry (the account's), checked by the preview. */
  readonly idNumber?: string;
  /** With `confirm`: the tax code the certificate must carry (the enterprise's), checked by the preview. */
  readonly taxCode?: string;
}

/**
 * Runs one signature end to end: lists the signer's certificates and picks one (`choose`), asks the
 * service for a challenge for the operation and subject type, shows the holder the service's reading of
 * the certificate (`confirm`, optional), has the signer sign the challenge's exact bytes, and returns the
 * signed challenge — what the registration, sign-in and upgrade flows take.
 *
 * The certificates are listed before the challenge is asked for, so a page without a plugin or token
 * finds out (`signer_unavailable`, `no_certificate`) without spending one.
 *
 * @throws {SignerError} from the signer (`cancelled`, `signer_unavailable`, `pin_locked` …), or
 * `no_certificate` / `choice_needed` / `cancelled` from the choice and the confirmation.
 * @throws {DvcError} (of the client's class) from the service: `method_not_offered`, a refused
 * certificate in the preview (`cert_expired`, `cert_revoked`, `cert_untrusted`, `subject_mismatch` …),
 * `too_many_attempts`.
 * @example
 * ```ts
 * const signed = await signChallenge(client, signer, {
 *   operation: 'upgrade',
 *   subjectType: 'citizen',
 *   choose: (certificates) => pickerDialog(certificates),
 *   confirm: (preview) => confirmDialog(preview.certificate), // holder, organisation, validity, CA
 *   idNumber: account.idNumber,
 * });
 * // `signed` is { challengeId, certificate, intermediates?, algorithm, signature }: send it to the flow.
 * ```
 */
export async function signChallenge(client: DvcClientCore, signer: Signer, options: SignChallengeOptions): Promise<SignedChallenge> {
  const signal = options.signal;
  const certificates = await signer.listCertificates(signal ? { signal } : {});
  if (certificates.length === 0) throw new SignerError('no_certificate');
  const chosen = options.choose ? await options.choose(certificates) : only(certificates);
  if (!certificates.some((certificate) => certificate.id === chosen.id)) throw new SignerError('certificate_not_found');
  const call = signal ? { signal } : {};
  const challenge = await createSignatureChallenge(client, { operation: options.operation, subjectType: options.subjectType }, call);
  if (options.confirm) {
    const preview = await previewSignatureCertificate(
      client,
      challenge.challengeId,
      {
        certificate: chosen.certificate,
        ...(chosen.intermediates?.length ? { intermediates: [...chosen.intermediates] } : {}),
        ...(options.idNumber !== undefined ? { idNumber: options.idNumber } : {}),
        ...(options.taxCode !== undefined ? { taxCode: options.taxCode } : {}),
      },
      call,
    );
    if (!(await options.confirm(preview, chosen))) throw new SignerError('cancelled');
  }
  const made = await signer.sign({ certificateId: chosen.id, data: fromBase64(challenge.toBeSigned), ...call });
  return {
    challengeId: challenge.challengeId,
    certificate: made.certificate,
    ...(made.intermediates?.length ? { intermediates: [...made.intermediates] } : {}),
    algorithm: made.algorithm,
    signature: made.signature,
  };
}

function only(certificates: readonly SignerCertificate[]): SignerCertificate {
  if (certificates.length > 1) throw new SignerError('choice_needed');
  return certificates[0]!;
}
