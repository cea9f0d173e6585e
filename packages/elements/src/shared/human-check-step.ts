import type { DvcErrorCore } from '@dvc-kit/sdk';
import type { FieldProblem } from './feedback.js';

/** What the human check on a step gave once it finished solving (a flow widget's `humanCheck()`). */
export interface HumanCheckOutcome {
  /** What to add to the request: `humanCheck` with the solved payload, when there is one. */
  readonly body: { readonly humanCheck?: string };
  /** Why the step cannot be sent yet: the service requires the check and the citizen has not passed it. */
  readonly problem: FieldProblem | undefined;
  /** Tells the check the service answered a request that carried it: it takes each solution once, so the check solves a new one, still ticked. */
  readonly answered: (error: DvcErrorCore) => void;
}
