// A signed-in citizen's account, its changes and its sessions: the calls of DvcClient as functions of a
// DvcClientCore, one module per flow, so a bundle carries only the calls it makes.

import type { AccountChangeCodeResent, AccountChangeCodeVerified, AccountDetails, AccountChangeStarted, CompletePasswordChangeRequest, PasswordChanged, SignedOutEverywhere, StartCccdAdditionRequest, StartEmailChangeRequest, StartPasswordChangeRequest, StartPhoneChangeRequest } from '../contract/account.js';
import type { TokenSet } from '../contract/sign-in.js';
import { ACCOUNT_PATHS } from '../contract/flow-paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** {@link DvcClient.startPasswordChange}, as a function of a {@link DvcClientCore}. */
export function startPasswordChange(client: DvcClientCore, accessToken: string, body: StartPasswordChangeRequest, options?: CallOptions): Promise<AccountChangeStarted> {
  return client.request({ path: ACCOUNT_PATHS.passwordChanges, body, bearer: accessToken, idempotent: false }, options);
}

/** {@link DvcClient.startEmailChange}, as a function of a {@link DvcClientCore}. */
export function startEmailChange(client: DvcClientCore, accessToken: string, body: StartEmailChangeRequest, options?: CallOptions): Promise<AccountChangeStarted> {
  return client.request({ path: ACCOUNT_PATHS.emailChanges, body, bearer: accessToken, idempotent: false }, options);
}

/** {@link DvcClient.startPhoneChange}, as a function of a {@link DvcClientCore}. */
export function startPhoneChange(client: DvcClientCore, accessToken: string, body: StartPhoneChangeRequest, options?: CallOptions): Promise<AccountChangeStarted> {
  return client.request({ path: ACCOUNT_PATHS.phoneChanges, body, bearer: accessToken, idempotent: false }, options);
}

/** {@link DvcClient.startCccdAddition}, as a function of a {@link DvcClientCore}. */
export function startCccdAddition(client: DvcClientCore, accessToken: string, body: StartCccdAdditionRequest, options?: CallOptions): Promise<AccountChangeStarted> {
  return client.request({ path: ACCOUNT_PATHS.cccdAdditions, body, bearer: accessToken, idempotent: false }, options);
}

/** {@link DvcClient.verifyAccountChangeCode}, as a function of a {@link DvcClientCore}. */
export function verifyAccountChangeCode(client: DvcClientCore, accessToken: string, changeId: string, body: { code: string }, options?: CallOptions): Promise<AccountChangeCodeVerified> {
  return client.request({ path: ACCOUNT_PATHS.accountChangeVerify(changeId), body, bearer: accessToken }, options);
}

/** {@link DvcClient.resendAccountChangeCode}, as a function of a {@link DvcClientCore}. */
export function resendAccountChangeCode(client: DvcClientCore, accessToken: string, changeId: string, options?: CallOptions): Promise<AccountChangeCodeResent> {
  return client.request({ path: ACCOUNT_PATHS.accountChangeResend(changeId), body: {}, bearer: accessToken, idempotent: false }, options);
}

/** {@link DvcClient.completePasswordChange}, as a function of a {@link DvcClientCore}. */
export function completePasswordChange(client: DvcClientCore, accessToken: string, changeId: string, body: CompletePasswordChangeRequest, options?: CallOptions): Promise<PasswordChanged> {
  return client.request({ path: ACCOUNT_PATHS.accountChangePassword(changeId), body, bearer: accessToken }, options);
}

/** {@link DvcClient.signOutEverywhere}, as a function of a {@link DvcClientCore}. */
export function signOutEverywhere(client: DvcClientCore, accessToken: string, options?: CallOptions): Promise<SignedOutEverywhere> {
  return client.request({ path: ACCOUNT_PATHS.signOutEverywhere, body: {}, bearer: accessToken, idempotent: true }, options);
}

/** {@link DvcClient.refresh}, as a function of a {@link DvcClientCore}. */
export function refresh(client: DvcClientCore, refreshToken: string, options?: CallOptions): Promise<TokenSet> {
  return client.request({ path: ACCOUNT_PATHS.refresh, body: { refreshToken }, idempotent: false }, options);
}

/** {@link DvcClient.signOut}, as a function of a {@link DvcClientCore}. */
export function signOut(client: DvcClientCore, refreshToken: string, options?: CallOptions): Promise<void> {
  return client.request({ path: ACCOUNT_PATHS.signOut, body: { refreshToken }, idempotent: true }, options);
}

/** {@link DvcClient.getAccount}, as a function of a {@link DvcClientCore}. */
export function getAccount(client: DvcClientCore, accessToken: string, options?: CallOptions): Promise<AccountDetails> {
  return client.request({ path: ACCOUNT_PATHS.userinfo, bearer: accessToken }, options);
}
