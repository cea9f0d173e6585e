import type { AccountDetails, OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import { flowTransition, type FlowEvent } from '../shared/flow-machine.js';
import type { Passkey } from '@dvc-kit/sdk/contract';
import type { AccountAction, AccountHeld, AccountState, SignedOutReason } from './state.js';

/** What moves `<dvc-account>` from one step to the next, besides the {@link FlowEvent}s every flow has. */
export type AccountEvent =
  | FlowEvent
  /** The account read (again), with its passkeys when the service offers them. */
  | { readonly type: 'read'; readonly account: AccountDetails; readonly passkeys?: readonly Passkey[] }
  | { readonly type: 'chosen'; readonly action: AccountAction | 'signOut' | 'upgrade' }
  | { readonly type: 'cancelled' }
  | { readonly type: 'started'; readonly changeId: string; readonly otp: OtpChallenge; readonly at: number }
  | { readonly type: 'codeResent'; readonly otp: OtpChallenge }
  | { readonly type: 'codeVerified' }
  | { readonly type: 'changed'; readonly otherSessionsEnded: number }
  | { readonly type: 'signedOut'; readonly reason: SignedOutReason; readonly sessionsEnded?: number }
  /** "Thêm khóa truy cập", or "Xóa …" for one passkey. */
  | { readonly type: 'passkeyChosen'; readonly remove?: Passkey }
  /** A passkey added or removed: the account's passkeys now. */
  | { readonly type: 'passkeysChanged'; readonly passkeys: readonly Passkey[]; readonly done: 'passkeyAdded' | 'passkeyRemoved' };

const first = (config: ServiceConfig): AccountState => ({ step: 'reading', config });

/**
 * The account page's state machine as one pure function: `loading → reading → overview`, then one
 * action at a time — `change → code → (password →) overview` with the change named in `done`, or
 * `confirmSignOut → signedOut`, or `addPasskey` / `removePasskey → overview` (only when the service offers
 * passkeys), or `upgrade → overview` (an IAL2 account only); `cancelled` goes back to the overview from any action step, `signedOut`
 * ends everything (the session ended), `error` from anywhere, `loading` again on a restart. Adding a
 * CCCD is chosen only when the account may add one. An event that does not apply to the step on
 * screen leaves the state as it is.
 */
export function accountTransition(state: AccountState, event: AccountEvent): AccountState {
  const common = flowTransition(state, event, first);
  if (common) return common;
  if (!('config' in state)) return state;
  const { step, config } = state;
  // The account and its passkeys, carried from step to step.
  const held: AccountHeld | undefined = 'account' in state ? { config, account: state.account, passkeys: state.passkeys } : undefined;
  switch (event.type) {
    case 'signedOut': {
      const { type, ...ended } = event;
      return step === 'signedOut' ? state : { step: 'signedOut', config, ...ended };
    }
    case 'read':
      return step === 'reading' || step === 'overview' ? { ...state, step: 'overview', account: event.account, passkeys: event.passkeys } : state;
    case 'chosen':
      if (step !== 'overview' || (event.action === 'cccd' && !state.account.canAddCccd)) return state;
      if (event.action === 'upgrade') return state.account.ial === 2 ? { ...held!, step: 'upgrade' } : state;
      return event.action === 'signOut' ? { ...held!, step: 'confirmSignOut' } : { ...held!, step: 'change', action: event.action };
    case 'passkeyChosen':
      if (step !== 'overview' || !state.passkeys) return state;
      return event.remove ? { ...state, step: 'removePasskey', passkey: event.remove } : { ...state, step: 'addPasskey' };
    case 'passkeysChanged':
      return step === 'addPasskey' || step === 'removePasskey' ? { ...held!, step: 'overview', passkeys: event.passkeys, done: event.done } : state;
    case 'cancelled':
      // Back from an action step (reading the account and signed out have none).
      return held && step !== 'overview' ? { ...held, step: 'overview' } : state;
    case 'started':
      return step === 'change' ? { ...state, step: 'code', changeId: event.changeId, otp: event.otp, startedAt: event.at } : state;
    case 'codeResent':
      return step === 'code' ? { ...state, otp: event.otp } : state;
    case 'codeVerified':
      if (step !== 'code' || state.action !== 'password') return state;
      return { ...held!, step: 'password', action: 'password', changeId: state.changeId, startedAt: state.startedAt };
    case 'changed':
      if (step === 'upgrade') return { ...held!, step: 'overview', done: 'upgrade' };
      return step === 'code' || step === 'password' ? { ...held!, step: 'overview', done: state.action, otherSessionsEnded: event.otherSessionsEnded } : state;
  }
  return state;
}
