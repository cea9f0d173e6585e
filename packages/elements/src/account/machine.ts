import type { AccountDetails, OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import { flowTransition, type FlowEvent } from '../shared/flow-machine.js';
import type { AccountAction, AccountState, SignedOutReason } from './state.js';

/** What moves `<dvc-account>` from one step to the next, besides the {@link FlowEvent}s every flow has. */
export type AccountEvent =
  | FlowEvent
  | { readonly type: 'read'; readonly account: AccountDetails }
  | { readonly type: 'chosen'; readonly action: AccountAction | 'signOut' | 'upgrade' }
  | { readonly type: 'cancelled' }
  | { readonly type: 'started'; readonly changeId: string; readonly otp: OtpChallenge; readonly at: number }
  | { readonly type: 'codeResent'; readonly otp: OtpChallenge }
  | { readonly type: 'codeVerified' }
  | { readonly type: 'changed'; readonly otherSessionsEnded: number }
  | { readonly type: 'signedOut'; readonly reason: SignedOutReason; readonly sessionsEnded?: number };

const first = (config: ServiceConfig): AccountState => ({ step: 'reading', config });

/**
 * The account page's state machine as one pure function: `loading → reading → overview`, then one
 * action at a time — `change → code → (password →) overview` with the change named in `done`, or
 * `confirmSignOut → signedOut`, or `upgrade → overview` (an IAL2 account only); `cancelled` goes back to the overview from any action step, `signedOut`
 * ends everything (the session ended), `error` from anywhere, `loading` again on a restart. Adding a
 * CCCD is chosen only when the account may add one. An event that does not apply to the step on
 * screen leaves the state as it is.
 */
export function accountTransition(state: AccountState, event: AccountEvent): AccountState {
  const common = flowTransition(state, event, first);
  if (common) return common;
  if (!('config' in state)) return state;
  const { step, config } = state;
  switch (event.type) {
    case 'signedOut': {
      const { type, ...ended } = event;
      return step === 'signedOut' ? state : { step: 'signedOut', config, ...ended };
    }
    case 'read':
      return step === 'reading' || step === 'overview' ? { ...state, step: 'overview', account: event.account } : state;
    case 'chosen':
      if (step !== 'overview' || (event.action === 'cccd' && !state.account.canAddCccd)) return state;
      if (event.action === 'upgrade') return state.account.ial === 2 ? { step: 'upgrade', config, account: state.account } : state;
      return event.action === 'signOut' ? { step: 'confirmSignOut', config, account: state.account } : { step: 'change', config, account: state.account, action: event.action };
    case 'cancelled':
      // Back from an action step (reading the account and signed out have none).
      return 'account' in state && step !== 'overview' ? { step: 'overview', config, account: state.account } : state;
    case 'started':
      return step === 'change' ? { ...state, step: 'code', changeId: event.changeId, otp: event.otp, startedAt: event.at } : state;
    case 'codeResent':
      return step === 'code' ? { ...state, otp: event.otp } : state;
    case 'codeVerified':
      if (step !== 'code' || state.action !== 'password') return state;
      return { step: 'password', config, account: state.account, action: 'password', changeId: state.changeId, startedAt: state.startedAt };
    case 'changed':
      if (step === 'upgrade') return { step: 'overview', config, account: state.account, done: 'upgrade' };
      return step === 'code' || step === 'password' ? { step: 'overview', config, account: state.account, done: state.action, otherSessionsEnded: event.otherSessionsEnded } : state;
  }
  return state;
}
