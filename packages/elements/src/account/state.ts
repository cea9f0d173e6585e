import type { AccountDetails, OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import type { StepProblem } from '../shared/feedback.js';

/** A change the citizen makes from `<dvc-account>`, each with the current password and a fresh code. */
export type AccountAction = 'password' | 'email' | 'phone' | 'cccd';

/** Why `<dvc-account>` shows the citizen signed out: they signed out everywhere, or the session had ended. */
export type SignedOutReason = 'signed_out_everywhere' | 'session_ended';

/**
 * The steps of `<dvc-account>`, one at a time: `reading` the account, the `overview` (details, level,
 * the actions; `done` names the change just made), then one action — `change` (the current password
 * and the new detail) → `code` → `password` (a password change only) → back to `overview`; or
 * `confirmSignOut` → `signedOut`; or `upgrade` (an IAL2 account to IAL3 by signature) → `overview`. `loading` before the configuration arrives, `error` when the flow
 * cannot go on. `startedAt` (epoch milliseconds, the widget's clock) is when the service opened the
 * change, which it keeps for a limited time.
 */
export type AccountState =
  | { readonly step: 'loading' }
  | ({ readonly step: 'error' } & StepProblem)
  | { readonly step: 'reading'; readonly config: ServiceConfig }
  | { readonly step: 'overview'; readonly config: ServiceConfig; readonly account: AccountDetails; readonly done?: AccountAction | 'upgrade'; readonly otherSessionsEnded?: number }
  /** "Nâng lên mức 3 bằng chữ ký số": `<dvc-signature operation="upgrade">` in place. */
  | { readonly step: 'upgrade'; readonly config: ServiceConfig; readonly account: AccountDetails }
  | { readonly step: 'change'; readonly config: ServiceConfig; readonly account: AccountDetails; readonly action: AccountAction }
  | {
      readonly step: 'code';
      readonly config: ServiceConfig;
      readonly account: AccountDetails;
      readonly action: AccountAction;
      readonly changeId: string;
      readonly otp: OtpChallenge;
      readonly startedAt: number;
    }
  | { readonly step: 'password'; readonly config: ServiceConfig; readonly account: AccountDetails; readonly action: 'password'; readonly changeId: string; readonly startedAt: number }
  | { readonly step: 'confirmSignOut'; readonly config: ServiceConfig; readonly account: AccountDetails }
  | { readonly step: 'signedOut'; readonly config: ServiceConfig; readonly reason: SignedOutReason; readonly sessionsEnded?: number };

/** The name of one step of `<dvc-account>`. */
export type AccountStep = AccountState['step'];
