// Registration, sign-in and the IAL3 upgrade by signature: the calls of DvcClient as functions of a
// DvcClientCore, in a module of their own, so a bundle carries only the calls it makes.

import type { RegistrationStarted } from '../contract/registration.js';
import type { SignedIn } from '../contract/sign-in.js';
import type { AssuranceUpgraded, AssuranceUpgradeRequest, SignatureSignInRequest, StartSignatureRegistrationRequest } from '../contract/signature-flows.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

const REGISTRATIONS = '/v1/registrations/signature';
const SIGN_INS = '/v1/sign-ins/signature';
const UPGRADES = '/v1/account/assurance-upgrades';

/** {@link DvcClient.startSignatureRegistration}, as a function of a {@link DvcClientCore}. */
export function startSignatureRegistration(client: DvcClientCore, body: StartSignatureRegistrationRequest, options?: CallOptions): Promise<RegistrationStarted> {
  return client.request({ path: REGISTRATIONS, body }, options);
}

/** {@link DvcClient.signInWithSignature}, as a function of a {@link DvcClientCore}. */
export function signInWithSignature(client: DvcClientCore, body: SignatureSignInRequest, options?: CallOptions): Promise<SignedIn> {
  return client.request({ path: SIGN_INS, body }, options);
}

/** {@link DvcClient.upgradeAssurance}, as a function of a {@link DvcClientCore}. */
export function upgradeAssurance(client: DvcClientCore, accessToken: string, body: AssuranceUpgradeRequest, options?: CallOptions): Promise<AssuranceUpgraded> {
  return client.request({ path: UPGRADES, body, bearer: accessToken }, options);
}
