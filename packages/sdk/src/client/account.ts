// A signed-in citizen's account, its changes and its sessions: the calls of DvcClient as functions of a
// DvcClientCore, one module per flow, so a bundle carries only the calls it makes.

import type {
  AccountChangeCodeResent,
  AccountChangeCodeVerified,
  AccountChangeKind,
  AccountDetails,
  AccountChangeStarted,
  CompletePasswordChangeRequest,
  PasswordChanged,
  SignedOutEverywhere,
  StartCccdAdditionRequest,
  StartEmailChangeRequest,
  StartPasswordChangeRequest,
  StartPhoneChangeRequest,
} from '../contract/account.js';
import type { TokenSet } from '../contract/sign-in.js';
import { ACCOUNT_PATHS } from '../contract/flow-paths.js';
import type { CallOptions, DvcClient, DvcClientCore } from './client.js';

/** One call of the signed-in account: a GET without `body`; `idempotent` as {@link DvcClientCore.request} reads it. */
function signedIn<T>(client: DvcClientCore, accessToken: string, path: string, body: unknown, options?: CallOptions, idempotent?: boolean): Promise<T> {
  return client.request({ path, body, bearer: accessToken, idempotent }, options);
}

/** The body that starts each kind of account change ({@link startAccountChange}). */
export interface StartAccountChangeRequests {
  readonly password: StartPasswordChangeRequest;
  readonly email: StartEmailChangeRequest;
  readonly phone: StartPhoneChangeRequest;
  readonly cccd: StartCccdAdditionRequest;
}

/**
 * Starts a change of the signed-in account, of any `kind`, with that kind's body: the one call behind
 * {@link startPasswordChange}, {@link startEmailChange}, {@link startPhoneChange} and
 * {@link startCccdAddition}, for a caller that picks the kind at run time. Never sent twice: a start is
 * not retried after a network failure.
 *
 * @example
 * ```ts
 * const { changeId, otp } = await startAccountChange(client, accessToken, 'email', { currentPassword, email: 'moi@example.vn' });
 * ```
 */
export function startAccountChange<K extends AccountChangeKind>(client: DvcClientCore, accessToken: string, kind: K, body: StartAccountChangeRequests[K], options?: CallOptions): Promise<AccountChangeStarted> {
  // `/v1/account/<kind>-changes`, and `cccd-additions`.
  return signedIn(client, accessToken, ACCOUNT_PATHS[kind === 'cccd' ? 'cccdAdditions' : (`${kind}Changes` as `${Exclude<AccountChangeKind, 'cccd'>}Changes`)], body, options, false);
}

/** {@link DvcClient.startPasswordChange}, as a function of a {@link DvcClientCore}. */
export function startPasswordChange(client: DvcClientCore, accessToken: string, body: StartPasswordChangeRequest, options?: CallOptions): Promise<AccountChangeStarted> {
  return startAccountChange(client, accessToken, 'password', body, options);
}

/** {@link DvcClient.startEmailChange}, as a function of a {@link DvcClientCore}. */
export function startEmailChange(client: DvcClientCore, accessToken: string, body: StartEmailChangeRequest, options?: CallOptions): Promise<AccountChangeStarted> {
  return startAccountChange(client, accessToken, 'email', body, options);
}

/** {@link DvcClient.startPhoneChange}, as a function of a {@link DvcClientCore}. */
export function startPhoneChange(client: DvcClientCore, accessToken: string, body: StartPhoneChangeRequest, options?: CallOptions): Promise<AccountChangeStarted> {
  return startAccountChange(client, accessToken, 'phone', body, options);
}

/** {@link DvcClient.startCccdAddition}, as a function of a {@link DvcClientCore}. */
export function startCccdAddition(client: DvcClientCore, accessToken: string, body: StartCccdAdditionRequest, options?: CallOptions): Promise<AccountChangeStarted> {
  return startAccountChange(client, accessToken, 'cccd', body, options);
}

/** {@link DvcClient.verifyAccountChangeCode}, as a function of a {@link DvcClientCore}. */
export function verifyAccountChangeCode(client: DvcClientCore, accessToken: string, changeId: string, body: { code: string }, options?: CallOptions): Promise<AccountChangeCodeVerified> {
  return signedIn(client, accessToken, ACCOUNT_PATHS.accountChangeVerify(changeId), body, options);
}

/** {@link DvcClient.resendAccountChangeCode}, as a function of a {@link DvcClientCore}. */
export function resendAccountChangeCode(client: DvcClientCore, accessToken: string, changeId: string, options?: CallOptions): Promise<AccountChangeCodeResent> {
  return signedIn(client, accessToken, ACCOUNT_PATHS.accountChangeResend(changeId), {}, options, false);
}

/** {@link DvcClient.completePasswordChange}, as a function of a {@link DvcClientCore}. */
export function completePasswordChange(client: DvcClientCore, accessToken: string, changeId: string, body: CompletePasswordChangeRequest, options?: CallOptions): Promise<PasswordChanged> {
  return signedIn(client, accessToken, ACCOUNT_PATHS.accountChangePassword(changeId), body, options);
}

/** {@link DvcClient.signOutEverywhere}, as a function of a {@link DvcClientCore}. */
export function signOutEverywhere(client: DvcClientCore, accessToken: string, options?: CallOptions): Promise<SignedOutEverywhere> {
  return signedIn(client, accessToken, ACCOUNT_PATHS.signOutEverywhere, {}, options, true);
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
  return signedIn(client, accessToken, ACCOUNT_PATHS.userinfo, undefined, options);
}
