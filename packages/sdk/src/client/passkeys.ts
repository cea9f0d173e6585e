// Passkeys: the calls of DvcClient as functions of a DvcClientCore, in a module of their own, so a bundle
// without passkeys carries none of them.

import type {
  AddPasskeyRequest,
  PasskeyAdded,
  PasskeyAssertion,
  PasskeyList,
  PasskeyRegistrationStarted,
  SignInPasskeyOptions,
  StartPasskeyRegistrationRequest,
} from '../contract/passkeys.js';
import type { SignedIn } from '../contract/sign-in.js';
import { PASSKEY_PATHS } from '../contract/flow-paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** {@link DvcClient.startPasskeyRegistration}, as a function of a {@link DvcClientCore}. */
export function startPasskeyRegistration(client: DvcClientCore, accessToken: string, body: StartPasskeyRegistrationRequest, options?: CallOptions): Promise<PasskeyRegistrationStarted> {
  return client.request({ path: PASSKEY_PATHS.passkeyOptions, body, bearer: accessToken, idempotent: false }, options);
}

/** {@link DvcClient.addPasskey}, as a function of a {@link DvcClientCore}. */
export function addPasskey(client: DvcClientCore, accessToken: string, body: AddPasskeyRequest, options?: CallOptions): Promise<PasskeyAdded> {
  return client.request({ path: PASSKEY_PATHS.passkeys, body, bearer: accessToken, idempotent: false }, options);
}

/** {@link DvcClient.listPasskeys}, as a function of a {@link DvcClientCore}. */
export function listPasskeys(client: DvcClientCore, accessToken: string, options?: CallOptions): Promise<PasskeyList> {
  return client.request({ path: PASSKEY_PATHS.passkeys, bearer: accessToken }, options);
}

/** {@link DvcClient.removePasskey}, as a function of a {@link DvcClientCore}. */
export function removePasskey(client: DvcClientCore, accessToken: string, passkeyId: string, options?: CallOptions): Promise<void> {
  return client.request({ path: PASSKEY_PATHS.passkey(passkeyId), method: 'DELETE', bearer: accessToken, idempotent: true }, options);
}

/** {@link DvcClient.newSignInPasskeyOptions}, as a function of a {@link DvcClientCore}. */
export function newSignInPasskeyOptions(client: DvcClientCore, signInId: string, options?: CallOptions): Promise<SignInPasskeyOptions> {
  return client.request({ path: PASSKEY_PATHS.signInPasskeyOptions(signInId), body: {}, idempotent: false }, options);
}

/** {@link DvcClient.verifySignInPasskey}, as a function of a {@link DvcClientCore}. */
export function verifySignInPasskey(client: DvcClientCore, signInId: string, credential: PasskeyAssertion, options?: CallOptions): Promise<SignedIn> {
  return client.request({ path: PASSKEY_PATHS.signInPasskey(signInId), body: { credential } }, options);
}
