import type { ServiceConfig } from '@dvc-kit/sdk';
import type { RecoveryCode } from '@dvc-kit/sdk/contract';
import { flowTransition, type FlowEvent } from '../shared/flow-machine.js';
import type { RecoveryState } from './state.js';

/** What moves `<dvc-recovery>` from one step to the next, besides the {@link FlowEvent}s every flow has. */
export type RecoveryEvent =
  | FlowEvent
  | { readonly type: 'started'; readonly recoveryId: string; readonly idNumber: string; readonly otp: RecoveryCode; readonly at: number }
  | { readonly type: 'codeResent'; readonly otp: RecoveryCode }
  | { readonly type: 'codeVerified' }
  | { readonly type: 'recovered' };

const first = (config: ServiceConfig): RecoveryState => ({ step: 'identify', config });

/**
 * The recovery state machine as one pure function: `loading → identify → code → password → done`,
 * `error` from anywhere, `loading` again on a restart. An event that does not apply to the step on
 * screen leaves the state as it is.
 */
export function recoveryTransition(state: RecoveryState, event: RecoveryEvent): RecoveryState {
  const common = flowTransition(state, event, first);
  if (common) return common;
  switch (event.type) {
    case 'started':
      return state.step === 'identify'
        ? { step: 'code', config: state.config, recoveryId: event.recoveryId, idNumber: event.idNumber, otp: event.otp, startedAt: event.at }
        : state;
    case 'codeResent':
      return state.step === 'code' ? { ...state, otp: event.otp } : state;
    case 'codeVerified':
      return state.step === 'code'
        ? { step: 'password', config: state.config, recoveryId: state.recoveryId, idNumber: state.idNumber, startedAt: state.startedAt }
        : state;
    case 'recovered':
      return state.step === 'password' ? { step: 'done', config: state.config } : state;
    default:
      return state;
  }
}
