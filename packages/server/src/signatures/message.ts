import { signedMessage as signedMessageOf } from '@dvc-kit/sdk/contract';
import type { SignatureChallengeRecord } from '../store/signature-challenges.js';

export { SIGNED_MESSAGE_HEADER } from '@dvc-kit/sdk/contract';

/**
 * The exact bytes a stored challenge's signature covers: the SDK's `signedMessage` (the one definition
 * of the format, documented there and in `docs/guides/signatures.md`) filled from the record and the
 * service's issuer. Rebuilt when the signature comes back, never taken from the caller.
 */
export function signedMessage(issuer: string, challenge: Pick<SignatureChallengeRecord, 'id' | 'nonce' | 'operation' | 'subjectType' | 'clientId' | 'expiresAt'>): Uint8Array {
  return signedMessageOf({
    service: issuer,
    clientId: challenge.clientId,
    operation: challenge.operation,
    subjectType: challenge.subjectType,
    challengeId: challenge.id,
    nonce: challenge.nonce,
    expiresAt: challenge.expiresAt.toISOString(),
  });
}
