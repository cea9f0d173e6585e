/**
 * Signing with a USB token from a portal's page: the {@link Signer} interface the page talks to, the
 * {@link DevelopmentSigner} (a test certificate in WebCrypto, development only), the
 * {@link PluginSigner} adapter that puts a vendor's signing plugin behind the interface, and
 * {@link signChallenge}, which runs a whole signature against the service. No DOM; a separate entry,
 * so a bundle that does not sign carries none of it.
 *
 * @example
 * ```ts
 * import { DvcClient } from '@dvc-kit/sdk';
 * import { PluginSigner, signChallenge, SignerError, signerMessage } from '@dvc-kit/sdk/signer';
 *
 * const signer = new PluginSigner(vendorBinding);
 * try {
 *   const signed = await signChallenge(client, signer, { operation: 'register', subjectType: 'enterprise', choose, confirm });
 * } catch (error) {
 *   if (error instanceof SignerError) showError(signerMessage(error.code, 'vi'));
 *   else throw error;
 * }
 * ```
 * @module
 */
export type { Signer, SignerCertificate, SignerCertificateDetails, SignRequest, SignerSignature } from './signer.js';
export { SignerError, SIGNER_ERROR_CODES, signerMessage, type SignerErrorCode } from './errors.js';
export {
  DevelopmentSigner,
  type DevelopmentHolder,
  type DevelopmentHolderResponse,
  type DevelopmentKey,
  type DevelopmentKeyAlgorithm,
  type DevelopmentSignerOptions,
} from './development-signer.js';
export { PluginSigner, type PluginSignerOptions, type SigningPluginBinding } from './plugin-signer.js';
export { signChallenge, type SignChallengeOptions } from './sign-challenge.js';
