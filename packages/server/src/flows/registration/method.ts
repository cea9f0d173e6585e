import type { VerificationMethod } from '@dvc-kit/sdk';
import type { StartRegistrationRequest } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../../app-deps.js';
import type { Caller } from '../caller.js';

/** What a register is asked to confirm about the citizen starting a registration (normalised). */
export interface RegisterQuery {
  readonly idNumber: string;
  readonly fullName: string;
  /** `yyyy-mm-dd`. */
  readonly birthDate: string;
  /** E.164: the phone the code goes to. */
  readonly phone: string;
  /** The 10-digit social-insurance (BHXH) code; by social insurance only. */
  readonly bhxhCode?: string | undefined;
}

/**
 * One way of proving who you are at registration (mobile subscriber, social insurance, …): the
 * register it asks and how it answers. The steps after it (code to the phone, password, account)
 * are the same for every method and live in `registration.ts`.
 */
export interface RegistrationMethodFlow {
  /** The method's name on the wire (`method` of `POST /v1/registrations`). */
  readonly method: StartRegistrationRequest['method'];
  /** How the account it makes was verified (its `verificationMethod`, which sets its IAL). */
  readonly verificationMethod: VerificationMethod;
  /**
   * Confirms the citizen's details with the method's register, counting the look-up against the
   * caller's limits before asking.
   * @throws {ProblemError} on a mismatch (the method's own code), `too_many_attempts`, `registry_unavailable`.
   */
  confirm(deps: AppDeps, caller: Caller, query: RegisterQuery): Promise<void>;
}
