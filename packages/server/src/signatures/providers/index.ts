export type { ProviderHolder, SigningOrder, SigningStart, SigningOutcome, SigningProvider } from './provider.js';
export { ProviderUnavailableError } from './provider.js';
export { SigningRequestError, type SigningRequestFailure } from './errors.js';
export { HttpSigningProvider, type HttpSigningProviderOptions } from './http.js';
export { SandboxSigningProvider, readSandboxSigners, DEFAULT_SANDBOX_SIGNERS, type SandboxSigner, type SandboxAnswer, type SandboxSigningOptions } from './sandbox.js';
export type { DevelopmentCertificate, DevelopmentHolder } from '../development-ca.js';
export { SigningRequests, normalizeHolder, type SigningRequestsOptions, type SigningRequester } from './signing-requests.js';
export { verifySignatureRequest, signedChallengeOfRequest, type VerifiedSignatureRequest } from './verify-request.js';
export { signingSetupFromConfig, type SigningSetup } from './from-config.js';
