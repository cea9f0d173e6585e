// The assurance of a signed-in session as the service tells it: the calls of DvcClient as functions of a
// DvcClientCore, in a module of their own, so a bundle carries them only when it asks.

import type { AssuranceRequirement } from '../assurance/levels.js';
import type { AssuranceCheck, SessionAssuranceView } from '../contract/assurance.js';
import { ASSURANCE_PATHS } from '../contract/flow-paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** {@link DvcClient.getSessionAssurance}, as a function of a {@link DvcClientCore}. */
export function getSessionAssurance(client: DvcClientCore, accessToken: string, options?: CallOptions): Promise<SessionAssuranceView> {
  return client.request({ path: ASSURANCE_PATHS.sessionAssurance, bearer: accessToken }, options);
}

/** {@link DvcClient.checkSessionAssurance}, as a function of a {@link DvcClientCore}. */
export function checkSessionAssurance(
  client: DvcClientCore,
  accessToken: string,
  requirement: AssuranceRequirement,
  options?: CallOptions,
): Promise<AssuranceCheck> {
  // A question, not a change: safe to send again.
  return client.request({ path: ASSURANCE_PATHS.sessionAssuranceCheck, body: requirement, bearer: accessToken, idempotent: true }, options);
}
