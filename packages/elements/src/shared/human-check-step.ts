import type { DvcErrorCore, ServiceConfig } from '@dvc-kit/sdk';
import type { DvcHumanCheck } from '../human-check/human-check.js';
import type { ServiceController } from './controllers/service-controller.js';
import type { FieldProblem } from './feedback.js';

/** What the human check on a step gave once it finished solving. */
export interface HumanCheckOutcome {
  /** What to add to the request: `humanCheck` with the solved payload, when there is one. */
  readonly body: { readonly humanCheck?: string };
  /** Why the step cannot be sent yet: the service requires the check and the citizen has not passed it. */
  readonly problem: FieldProblem | undefined;
  /** Tells the check the service answered a request that carried it: it takes each solution once, so the check solves a new one, still ticked. */
  readonly answered: (error: DvcErrorCore) => void;
}

/**
 * Waits for the `<dvc-human-check>` under `root`, when there is one, to finish solving (busy
 * meanwhile, with a progress message when it is still at work), and says what goes with the request.
 */
export async function awaitHumanCheck(root: HTMLElement | DocumentFragment, calls: ServiceController, config: ServiceConfig): Promise<HumanCheckOutcome> {
  const check = root.querySelector<DvcHumanCheck>('dvc-human-check');
  const payload = await calls.hold(check?.ready() ?? Promise.resolve(undefined), check?.solved ? undefined : 'humanCheck');
  return {
    body: payload ? { humanCheck: payload } : {},
    problem: config.humanCheck.required && !payload ? { term: 'humanCheckRequired' } : undefined,
    answered: (error: DvcErrorCore) => {
      if (error.status > 0) check?.renew();
    },
  };
}
