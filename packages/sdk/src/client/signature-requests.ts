// SIM-signature and remote-signing requests: the calls of DvcClient as functions of a DvcClientCore, in a
// module of their own, so a bundle carries only the calls it makes.

import type { SignatureRequestStarted, SignatureRequestState, StartSignatureRequest } from '../contract/signature-requests.js';
import { SIGNATURE_REQUEST_PATHS } from '../contract/flow-paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** {@link DvcClient.startSignatureRequest}, as a function of a {@link DvcClientCore}. */
export function startSignatureRequest(client: DvcClientCore, body: StartSignatureRequest, options?: CallOptions): Promise<SignatureRequestStarted> {
  // Each start sends a prompt to a phone: never sent again on its own.
  return client.request({ path: SIGNATURE_REQUEST_PATHS.signatureRequests, body, idempotent: false }, options);
}

/** {@link DvcClient.getSignatureRequest}, as a function of a {@link DvcClientCore}. */
export function getSignatureRequest(client: DvcClientCore, requestId: string, options?: CallOptions): Promise<SignatureRequestState> {
  return client.request({ path: SIGNATURE_REQUEST_PATHS.signatureRequest(requestId) }, options);
}

/** {@link DvcClient.cancelSignatureRequest}, as a function of a {@link DvcClientCore}. */
export function cancelSignatureRequest(client: DvcClientCore, requestId: string, options?: CallOptions): Promise<SignatureRequestState> {
  return client.request({ path: SIGNATURE_REQUEST_PATHS.signatureRequest(requestId), method: 'DELETE', idempotent: true }, options);
}
