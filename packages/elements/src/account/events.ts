import type { AccountChangeKind, AccountDetails } from '@dvc-kit/sdk';
import type { SignedOutReason } from './state.js';

/**
 * Detail of `dvc-account-changed`: which detail changed, the account as it reads now (contacts
 * masked), and how many other sessions ended with it (every one for a password change, unless the
 * citizen unticked it).
 */
export interface DvcAccountChangedDetail {
  readonly change: AccountChangeKind;
  readonly account: AccountDetails;
  readonly otherSessionsEnded: number;
}

/**
 * Detail of `dvc-signed-out`: `signed_out_everywhere` (the citizen did, every session of the account
 * ended, this one too; `sessionsEnded` says how many) or `session_ended` (the service no longer
 * accepts the access token: signed out elsewhere, timed out, or ended by a password change). Either way
 * the portal forgets its tokens and shows its sign-in.
 */
export interface DvcSignedOutDetail {
  readonly reason: SignedOutReason;
  readonly sessionsEnded?: number;
}
