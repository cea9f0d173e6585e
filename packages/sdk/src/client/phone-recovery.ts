// Lost-phone recovery ("Mất số điện thoại nhận OTP"): the calls of DvcClient as functions of a
// DvcClientCore, one module per flow, so a bundle carries only the calls it makes.

import type { PhoneRecovered, PhoneRecoveryCodeResent, PhoneRecoveryStarted, StartPhoneRecoveryRequest } from '../contract/phone-recovery.js';
import { FLOW_ROOTS, flowStepPath } from '../contract/flow-paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** {@link DvcClient.startPhoneRecovery}, as a function of a {@link DvcClientCore}. */
export function startPhoneRecovery(client: DvcClientCore, body: StartPhoneRecoveryRequest, options?: CallOptions): Promise<PhoneRecoveryStarted> {
  return client.request({ path: FLOW_ROOTS.phoneRecoveries, body, idempotent: false }, options);
}

/** {@link DvcClient.verifyPhoneRecoveryCode}, as a function of a {@link DvcClientCore}. */
export function verifyPhoneRecoveryCode(client: DvcClientCore, phoneRecoveryId: string, body: { code: string }, options?: CallOptions): Promise<PhoneRecovered> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.phoneRecoveries, phoneRecoveryId, 'otp/verify'), body }, options);
}

/** {@link DvcClient.resendPhoneRecoveryCode}, as a function of a {@link DvcClientCore}. */
export function resendPhoneRecoveryCode(client: DvcClientCore, phoneRecoveryId: string, options?: CallOptions): Promise<PhoneRecoveryCodeResent> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.phoneRecoveries, phoneRecoveryId, 'otp/resend'), body: {}, idempotent: false }, options);
}
