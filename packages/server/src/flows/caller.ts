import type { ClientConfig } from '../config.js';
import type { Store } from '../store/store.js';

/**
 * Who asks for a step, as the HTTP edge read it: the portal (client) the request comes from and the
 * caller's network address, for per-address limits. Flows never see the request itself.
 */
export interface Caller {
  readonly client: ClientConfig;
  /** The address per-address limits count against (`clientAddress`). */
  readonly address: string;
}

/**
 * What a step commits together with its own transaction: the edge's stored answer of an
 * `Idempotency-Key` request, so the step and its answer are committed together and a crash can
 * never leave one without the other.
 */
export interface StepCommit<T> {
  /**
   * `true` when this request takes over its own earlier attempt that died (same key, same body):
   * what that attempt committed is in the database, and the step must accept finding it done.
   */
  readonly takenOver: boolean;
  /** Called inside the step's transaction with the step's result. */
  alongside(tx: Store, result: T): Promise<void>;
}

/** A step run without an `Idempotency-Key`: nothing to commit alongside. */
export const NOTHING_ALONGSIDE: StepCommit<never> = { takenOver: false, alongside: async () => {} };
