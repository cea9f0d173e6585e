import type { AppDeps } from '../app-deps.js';
import { limitKey, takeOrRefuse } from '../limits/take-or-refuse.js';

/** A register the service asks about a citizen. They share one budget: the log says which was asked. */
export type RegisterName = 'carrier' | 'social_insurance';

/**
 * Counts one register look-up against the caller's address and the ID number asked about, before the
 * register is asked, whatever it will answer: matches and mismatches alike, so no one can test
 * (ID number, name, birth date, phone) combinations against a register's records. Every register
 * (carrier, social insurance) goes through this one guard and shares its counts. The counting is
 * atomic in the database, so parallel look-ups never pass a limit.
 *
 * @throws {ProblemError} `too_many_attempts` with `retryAfter` when the address or the ID number has
 * used its look-ups (`limits.registerLookups`).
 * @example
 * ```ts
 * await requireHumanCheck(deps, data.humanCheck); // cheap to check and no oracle: first
 * await takeRegisterLookup(deps, caller.address, 'carrier', idNumber);
 * const match = await deps.carrier.verifySubscriber(query);
 * ```
 */
export async function takeRegisterLookup(deps: AppDeps, address: string, register: RegisterName, idNumber: string): Promise<void> {
  const limits = deps.config.limits.registerLookups;
  await takeOrRefuse(
    deps,
    [
      { key: limitKey(deps, 'lookup', 'address', address), limits: limits.perAddress },
      { key: limitKey(deps, 'lookup', 'id', idNumber), limits: limits.perIdNumber },
    ],
    'register.lookup_limited',
    { register, address: deps.log.hash('address', address), id: deps.log.hash('id', idNumber) },
  );
}
