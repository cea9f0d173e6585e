// What every widget reads first (the configuration, a human-check puzzle) and sign-in's first step: the calls of DvcClient as functions of a
// DvcClientCore, one module per flow, so a bundle carries only the calls it makes.

import type { HumanCheckChallenge, ServiceConfig } from '../contract/config.js';
import type { SignInStarted, StartSignInRequest } from '../contract/sign-in.js';
import { SIGN_IN_PATHS } from '../contract/paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** {@link DvcClient.getConfig}, as a function of a {@link DvcClientCore}. */
export function getConfig(client: DvcClientCore, options?: CallOptions): Promise<ServiceConfig> {
  return client.request({ path: SIGN_IN_PATHS.config }, options);
}

/** {@link DvcClient.getHumanCheckChallenge}, as a function of a {@link DvcClientCore}. */
export function getHumanCheckChallenge(client: DvcClientCore, options?: CallOptions): Promise<HumanCheckChallenge> {
  return client.request({ path: SIGN_IN_PATHS.humanCheckChallenge }, options);
}

/** {@link DvcClient.startSignIn}, as a function of a {@link DvcClientCore}. */
export function startSignIn(client: DvcClientCore, body: StartSignInRequest, options?: CallOptions): Promise<SignInStarted> {
  return client.request({ path: SIGN_IN_PATHS.signIns, body, idempotent: false }, options);
}
