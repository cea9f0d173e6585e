import type { StepUpReason } from './state.js';

/**
 * The strings of `<dvc-assurance-gate>`, one object per language, plugged into the widgets' catalogue as
 * `gate` (so a missing translation does not compile, and English arrives with the other English strings).
 */
export interface GateCatalogue {
  /** Read politely while the gate asks the service. */
  readonly checking: string;
  /**
   * One sentence: why the citizen is asked for a step (`level`: the level asked for, or `maxAge` in seconds);
   * a session that ended is told with `<dvc-account>`'s `sessionEnded`.
   */
  readonly reason: (why: Exclude<StepUpReason, 'ended'>, level: number) => string;
}
