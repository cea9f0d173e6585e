import type { AccountDetails, OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import type { Passkey } from '@dvc-kit/sdk/contract';
import type { StepProblem } from '../shared/feedback.js';

/** A change the citizen makes from `<dvc-account>`, each with the current password and a fresh code. */
export type AccountAction = 'password' | 'email' | 'phone' | 'cccd';

/** Why `<dvc-account>` shows the citizen signed out: they signed out everywhere, or the session had ended. */
export type SignedOutReason = 'signed_out_everywhere' | 'session_ended';

/**
 * The steps of `<dvc-account>`, one at a time: `reading` the account, the `overview` (details, level,
 * the actions; `done` names the change just made), then one action — `change` (the current password
 * and the new detail) → `code` → `password` (a password change only) → back to `overview`; or
 * `confirmSignOut` → `signedOut`; or a passkey: `addPasskey` (the current password, then the browser makes
 * it) or `removePasskey` (a confirmation) → back to `overview`; or `upgrade` (an IAL2 account to IAL3 by
 * signature) → `overview`. `loading` before the configuration arrives, `error` when the flow
 * cannot go on. `startedAt` (epoch milliseconds, the widget's clock) is when the service opened the
 * change, which it keeps for a limited time.
 */
export type AccountState =
  | { readonly step: 'loading' }
  | ({ readonly step: 'error' } & StepProblem)
  | { readonly step: 'reading'; readonly config: ServiceConfig }
  | (AccountHeld & { readonly step: 'overview'; readonly done?: AccountDone; readonly otherSessionsEnded?: number })
  /** "Nâng lên mức 3 bằng chữ ký số": `<dvc-signature operation="upgrade">` in place. */
  | (AccountHeld & { readonly step: 'upgrade' })
  | (AccountHeld & { readonly step: 'change'; readonly action: AccountAction })
  | (AccountHeld & { readonly step: 'code'; readonly action: AccountAction; readonly changeId: string; readonly otp: OtpChallenge; readonly startedAt: number })
  | (AccountHeld & { readonly step: 'password'; readonly action: 'password'; readonly changeId: string; readonly startedAt: number })
  | (AccountHeld & { readonly step: 'confirmSignOut' })
  | (AccountHeld & { readonly step: 'addPasskey' })
  | (AccountHeld & { readonly step: 'removePasskey'; readonly passkey: Passkey })
  | { readonly step: 'signedOut'; readonly config: ServiceConfig; readonly reason: SignedOutReason; readonly sessionsEnded?: number };

/**
 * What every step after reading the account holds: the account and, when the service offers passkeys,
 * its passkeys (`undefined` when it does not).
 */
export interface AccountHeld {
  readonly config: ServiceConfig;
  readonly account: AccountDetails;
  readonly passkeys?: readonly Passkey[];
}

/** What the overview says was just done: a change, the upgrade to IAL3, or a passkey added or removed. */
export type AccountDone = AccountAction | 'upgrade' | 'passkeyAdded' | 'passkeyRemoved';

/** The name of one step of `<dvc-account>`. */
export type AccountStep = AccountState['step'];
