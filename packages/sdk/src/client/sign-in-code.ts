// The code step of sign-in: the calls of DvcClient as functions of a DvcClientCore, apart from sign-in's
// first step, so the sign-in page carries them only with the steps after the first.

import type { CodeResent } from '../contract/registration.js';
import type { SignedIn } from '../contract/sign-in.js';
import { FLOW_ROOTS, flowStepPath } from '../contract/flow-paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** {@link DvcClient.verifySignInCode}, as a function of a {@link DvcClientCore}. */
export function verifySignInCode(client: DvcClientCore, signInId: string, body: { code: string }, options?: CallOptions): Promise<SignedIn> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.signIns, signInId, 'otp/verify'), body }, options);
}

/** {@link DvcClient.resendSignInCode}, as a function of a {@link DvcClientCore}. */
export function resendSignInCode(client: DvcClientCore, signInId: string, options?: CallOptions): Promise<CodeResent> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.signIns, signInId, 'otp/resend'), body: {}, idempotent: false }, options);
}
