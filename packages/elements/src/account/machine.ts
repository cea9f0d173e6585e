import type { AccountDetails, OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import { flowTransition, type FlowEvent } from '../shared/flow-machine.js';
import type { AccountAction, AccountState, SignedOutReason } from './state.js';

/** What moves `<dvc-account>` from one step to the next, besides the {@link FlowEvent}s every flow has. */
export type AccountEvent =
  | FlowEvent
  | { readonly type: 'read'; readonly account: AccountDetails }
  | { readonly type: 'chosen'; readonly action: AccountAction | 'signOut' }
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
 * `confirmSignOut → signedOut`; `cancelled` goes back to the overview from any action step, `signedOut`
 * ends everything (the session ended), `error` from anywhere, `loading` again on a restart. Adding a
 * CCCD is chosen only when the account may add one. An event that does not apply to the step on
 * screen leaves the state as it is.
 */
export function accountTransition(state: AccountState, event: AccountEvent): AccountState {
  const common = flowTransition(state, event, first);
  if (common) return common;
  if (state.step === 'loading' || state.step === 'error') return state;
  const { config } = state;
  if (event.type === 'signedOut') {
    const { type, ...ended } = event;
    return state.step === 'signedOut' ? state : { step: 'signedOut', config, ...ended };
  }
  // Reading the account, or signed out: only the account read moves on.
  if (!('account' in state)) return event.type === 'read' && state.step === 'reading' ? { step: 'overview', config, account: event.account } : state;
  const { account } = state;
  switch (event.type) {
    case 'read':
      return state.step === 'overview' ? { ...state, account: event.account } : state;
    case 'chosen':
      if (state.step !== 'overview' || (event.action === 'cccd' && !account.canAddCccd)) return state;
      return event.action === 'signOut' ? { step: 'confirmSignOut', config, account } : { step: 'change', config, account, action: event.action };
    case 'cancelled':
      return state.step === 'overview' ? state : { step: 'overview', config, account };
    case 'started':
      return state.step === 'change' ? { ...state, step: 'code', changeId: event.changeId, otp: event.otp, startedAt: event.at } : state;
    case 'codeResent':
      return state.step === 'code' ? { ...state, otp: event.otp } : state;
    case 'codeVerified':
      return state.step === 'code' && state.action === 'password' ? { step: 'password', config, account, action: 'password', changeId: state.changeId, startedAt: state.startedAt } : state;
    case 'changed':
      return state.step === 'code' || state.step === 'password' ? { step: 'overview', config, account, done: state.action, otherSessionsEnded: event.otherSessionsEnded } : state;
    default:
      return state;
  }
}
