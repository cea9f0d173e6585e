import type { ServiceConfig } from '@dvc-kit/sdk';
import type { RecoveryCode } from '@dvc-kit/sdk/contract';
import type { FlowEvent } from '../shared/flow-machine.js';
import { recoveryFlowTransition } from './flow.js';
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
  return recoveryFlowTransition(state, event, first, 'password');
}
