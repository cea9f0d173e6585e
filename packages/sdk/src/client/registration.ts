// Registration by mobile subscriber or social insurance: the calls of DvcClient as functions of a
// DvcClientCore, one module per flow, so a bundle carries only the calls it makes.

import type { CodeResent, CompleteRegistrationRequest, RegistrationCodeVerified, RegistrationCompleted, RegistrationStarted, StartRegistrationRequest } from '../contract/registration.js';
import { FLOW_ROOTS, flowStepPath } from '../contract/flow-paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** {@link DvcClient.startRegistration}, as a function of a {@link DvcClientCore}. */
export function startRegistration(client: DvcClientCore, body: StartRegistrationRequest, options?: CallOptions): Promise<RegistrationStarted> {
  return client.request({ path: FLOW_ROOTS.registrations, body }, options);
}

/** {@link DvcClient.verifyRegistrationCode}, as a function of a {@link DvcClientCore}. */
export function verifyRegistrationCode(client: DvcClientCore, registrationId: string, body: { code: string }, options?: CallOptions): Promise<RegistrationCodeVerified> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.registrations, registrationId, 'otp/verify'), body }, options);
}

/** {@link DvcClient.resendRegistrationCode}, as a function of a {@link DvcClientCore}. */
export function resendRegistrationCode(client: DvcClientCore, registrationId: string, options?: CallOptions): Promise<CodeResent> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.registrations, registrationId, 'otp/resend'), body: {}, idempotent: false }, options);
}

/** {@link DvcClient.completeRegistration}, as a function of a {@link DvcClientCore}. */
export function completeRegistration(client: DvcClientCore, registrationId: string, body: CompleteRegistrationRequest, options?: CallOptions): Promise<RegistrationCompleted> {
  return client.request({ path: flowStepPath(FLOW_ROOTS.registrations, registrationId, 'password'), body }, options);
}
