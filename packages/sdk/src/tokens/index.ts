/**
 * Verifying DVC Kit ID and access tokens against the service's JWKS, with jose.
 *
 * @example
 * ```ts
 * import { createTokenVerifier } from '@dvc-kit/sdk/tokens';
 * const verifier = createTokenVerifier({ issuer: 'http://127.0.0.1:4000', audience: 'provincial-portal' });
 * const { claims } = await verifier.verifyIdToken(idToken);
 * ```
 * @module
 */
export * from './verify.js';
