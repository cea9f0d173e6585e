import type { Account, OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import { flowTransition, type FlowEvent } from '../shared/flow-machine.js';
import type { PasskeyRequestOptions } from '@dvc-kit/sdk/contract';
import type { LoginState } from './state.js';

/** What moves `<dvc-login>` from one step to the next, besides the {@link FlowEvent}s every flow has. */
export type LoginEvent =
  | FlowEvent
  | { readonly type: 'started'; readonly signInId: string; readonly otp: OtpChallenge; readonly at: number; readonly passkey?: PasskeyRequestOptions }
  | { readonly type: 'codeResent'; readonly otp: OtpChallenge }
  | { readonly type: 'signedIn'; readonly account: Account }
  | { readonly type: 'recoveryOpened'; readonly idNumber: string }
  | { readonly type: 'lostPhoneOpened'; readonly idNumber: string }
  /** "Đăng nhập bằng chữ ký số" (the ID number typed so far is not needed: the certificate names the account). */
  | { readonly type: 'signatureOpened'; readonly idNumber: string }
  /** The citizen went back to sign in from recovery, the lost-phone recovery or the signature. */
  | { readonly type: 'recoveryClosed' };

const first = (config: ServiceConfig): LoginState => ({ step: 'credentials', config });

/**
 * The sign-in state machine as one pure function: `loading → credentials → code → done` (by the code or a passkey), `credentials ⇄ recovery | lostPhone | signature`, `signature → done`, `error` from
 * anywhere, `loading` again on a restart. An event that does not apply to the step on screen leaves the
 * state as it is.
 */
export function loginTransition(state: LoginState, event: LoginEvent): LoginState {
  const common = flowTransition(state, event, first);
  if (common) return common;
  switch (event.type) {
    case 'started':
      return state.step === 'credentials' ? { step: 'code', config: state.config, signInId: event.signInId, otp: event.otp, startedAt: event.at, passkey: event.passkey } : state;
    case 'codeResent':
      return state.step === 'code' ? { ...state, otp: event.otp } : state;
    case 'signedIn':
      return state.step === 'code' || state.step === 'signature' ? { step: 'done', config: state.config, account: event.account } : state;
    case 'recoveryOpened':
    case 'lostPhoneOpened':
      return state.step === 'credentials' ? { step: event.type === 'recoveryOpened' ? 'recovery' : 'lostPhone', config: state.config, idNumber: event.idNumber } : state;
    case 'signatureOpened':
      return state.step === 'credentials' ? { step: 'signature', config: state.config } : state;
    case 'recoveryClosed':
      return state.step === 'recovery' || state.step === 'lostPhone' || state.step === 'signature' ? first(state.config) : state;
    default:
      return state;
  }
}
