import type { ServiceConfig } from '@dvc-kit/sdk';
import type { StepProblem } from './feedback.js';

/**
 * What every flow's state machine has: `loading` until the service's configuration arrives, `error`
 * when the flow cannot go on (why: a code, with the service's text when it gave one), and steps that
 * carry the configuration.
 */
export type FlowState =
  | { readonly step: 'loading' }
  | ({ readonly step: 'error' } & StepProblem)
  | { readonly step: string; readonly config: ServiceConfig };

/**
 * The events every flow answers the same way: the configuration `configured` the flow (to its first
 * step), the flow `failed` (to `error`), the citizen `restarted` it (to `loading`, the configuration
 * fetched again).
 */
export type FlowEvent =
  | { readonly type: 'configured'; readonly config: ServiceConfig }
  | ({ readonly type: 'failed' } & StepProblem)
  | { readonly type: 'restarted' };

/** A flow's transitions: the next state for an event, or the same state when the event does not apply there. */
export type Transition<S, E> = (state: S, event: E) => S;

/**
 * The transitions of {@link FlowEvent}s, shared by every flow: `first` is the step the configuration
 * leads to. `undefined` for an event that is not one of them.
 */
export function flowTransition<S extends FlowState>(state: S, event: { readonly type: string }, first: (config: ServiceConfig) => S): S | undefined {
  const common = event as FlowEvent;
  switch (common.type) {
    case 'configured':
      return state.step === 'loading' ? first(common.config) : state;
    case 'failed': {
      const { type, ...problem } = common;
      return { ...problem, step: 'error' } as S;
    }
    case 'restarted':
      return { step: 'loading' } as S;
    default:
      return undefined;
  }
}
