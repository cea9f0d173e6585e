import type { Account, OtpChallenge, ServiceConfig, VerificationMethod } from '@dvc-kit/sdk';
import { flowTransition, type FlowEvent } from '../shared/flow-machine.js';
import type { RegisterState, RegistrationDetails } from './state.js';

/** What moves `<dvc-register>` from one step to the next, besides the {@link FlowEvent}s every flow has. */
export type RegisterEvent =
  | FlowEvent
  | { readonly type: 'methodChosen'; readonly method: VerificationMethod }
  | { readonly type: 'started'; readonly details: RegistrationDetails; readonly registrationId: string; readonly otp: OtpChallenge; readonly at: number }
  | { readonly type: 'codeResent'; readonly otp: OtpChallenge }
  | { readonly type: 'codeVerified' }
  | { readonly type: 'registered'; readonly account: Account }
  | { readonly type: 'accountExists' };

const first = (config: ServiceConfig): RegisterState => ({ step: 'method', config });

/**
 * The registration state machine as one pure function:
 * `loading → method → details → code → password → done`, `error` from anywhere, `loading` again on a
 * restart, and the final `exists` from details, code or password when the ID number has an account. An event that does not apply to the step on screen leaves the state as it is.
 */
export function registerTransition(state: RegisterState, event: RegisterEvent): RegisterState {
  const common = flowTransition(state, event, first);
  if (common) return common;
  switch (event.type) {
    case 'methodChosen':
      return state.step === 'method' ? { step: 'details', config: state.config, method: event.method } : state;
    case 'started':
      return state.step === 'details'
        ? { step: 'code', config: state.config, details: event.details, registrationId: event.registrationId, otp: event.otp, startedAt: event.at }
        : state;
    case 'codeResent':
      return state.step === 'code' ? { ...state, otp: event.otp } : state;
    case 'codeVerified':
      return state.step === 'code'
        ? { step: 'password', config: state.config, details: state.details, registrationId: state.registrationId, startedAt: state.startedAt }
        : state;
    case 'registered':
      return state.step === 'password' ? { step: 'done', config: state.config, account: event.account } : state;
    case 'accountExists':
      return state.step === 'details' || state.step === 'code' || state.step === 'password' ? { step: 'exists', config: state.config } : state;
    default:
      return state;
  }
}
