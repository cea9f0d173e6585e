import type { OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import type { FlowEvent } from '../shared/flow-machine.js';
import { recoveryFlowTransition } from '../recovery/flow.js';
import type { PhoneRecoveryState } from './state.js';

/** What moves `<dvc-phone-recovery>` from one step to the next, besides the {@link FlowEvent}s every flow has. */
export type PhoneRecoveryEvent =
  | FlowEvent
  | { readonly type: 'started'; readonly phoneRecoveryId: string; readonly otp: OtpChallenge; readonly at: number }
  | { readonly type: 'unconfirmed' }
  | { readonly type: 'codeResent'; readonly otp: OtpChallenge }
  | { readonly type: 'recovered'; readonly sessionsEnded: number };

/** The first step: the details form, or straight to the counter when the service does not offer the self-service way. */
const first = (config: ServiceConfig): PhoneRecoveryState =>
  config.lostPhoneRecovery ? { step: 'identify', config } : { step: 'counter', config, reason: 'not_offered' };

/**
 * The lost-phone state machine as one pure function: `loading → identify → code → done`,
 * `identify → counter` (details not confirmed), `error` from anywhere, `loading` again on a restart.
 * An event that does not apply to the step on screen leaves the state as it is.
 */
export function phoneRecoveryTransition(state: PhoneRecoveryState, event: PhoneRecoveryEvent): PhoneRecoveryState {
  return recoveryFlowTransition(state, event, first, 'code');
}
