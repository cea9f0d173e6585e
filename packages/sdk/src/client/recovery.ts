// Password recovery ("Quên mật khẩu"): the calls of DvcClient as functions of a
// DvcClientCore, one module per flow, so a bundle carries only the calls it makes.

import type { CompleteRecoveryRequest, RecoveryCodeResent, RecoveryCodeVerified, RecoveryCompleted, RecoveryStarted, StartRecoveryRequest } from '../contract/recovery.js';
import { FLOW_ROOTS, flowStepPath } from '../contract/flow-paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** {@link DvcClient.startRecovery}, as a function of a {@link DvcClientCore}. */
export function startRecovery(client: DvcClientCore, body: StartRecoveryRequest, options?: CallOptions): Promise<RecoveryStarted> {
  return client.request({ path: FLOW_ROOTS.recoveries, body, idempotent: false }, options);
}

/** {@link DvcClient.verifyRecoveryCode}, as a function of a {@link DvcClientCore}. */
export function verifyRecoveryCode(client: DvcClientCore, recoveryId: string, body: { code: string }, options?: CallOptions): Promise<RecoveryCodeVerified> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.recoveries, recoveryId, 'otp/verify'), body }, options);
}

/** {@link DvcClient.resendRecoveryCode}, as a function of a {@link DvcClientCore}. */
export function resendRecoveryCode(client: DvcClientCore, recoveryId: string, options?: CallOptions): Promise<RecoveryCodeResent> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.recoveries, recoveryId, 'otp/resend'), body: {}, idempotent: false }, options);
}

/** {@link DvcClient.completeRecovery}, as a function of a {@link DvcClientCore}. */
export function completeRecovery(client: DvcClientCore, recoveryId: string, body: CompleteRecoveryRequest, options?: CallOptions): Promise<RecoveryCompleted> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.recoveries, recoveryId, 'password'), body }, options);
}
