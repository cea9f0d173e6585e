import type { AppDeps } from '../../app-deps.js';
import { ProblemError } from '../../http/problem.js';
import { RegistryUnavailableError } from '../../registries/carrier.js';
import type { Caller } from '../caller.js';
import { takeRegisterLookup } from '../register-lookup-limit.js';
import type { RegisterQuery, RegistrationMethodFlow } from './method.js';

/**
 * Registration by social insurance ("Bảo hiểm xã hội", citizens only): the social-insurance register
 * confirms that the declared ID number, BHXH code, name and birth date are one insured person's
 * record; the code then goes to the phone the citizen declared. Each look-up is counted per client
 * address and per ID number before the register is asked, mismatches included, in the same budget as
 * the carrier's (`limits.registerLookups`, 429 `too_many_attempts`).
 *
 * Offered only when the service has a social-insurance register (`registries.socialInsurance`).
 */
export const socialInsurance: RegistrationMethodFlow = {
  method: 'bhxh',
  verificationMethod: 'bhxh',
  async confirm(deps: AppDeps, caller: Caller, query: RegisterQuery): Promise<void> {
    const { log } = deps;
    const register = deps.socialInsurance;
    // `registration.prepare` offers the method only with a register; a start that got here without one is refused the same way.
    if (!register || query.bhxhCode === undefined) throw new ProblemError('validation_failed', { errors: [{ field: 'method', code: 'method_not_offered' }] });
    await takeRegisterLookup(deps, caller.address, 'social_insurance', query.idNumber);
    let match: 'match' | 'mismatch';
    try {
      match = await register.verifyInsuredPerson({ idNumber: query.idNumber, bhxhCode: query.bhxhCode, fullName: query.fullName, birthDate: query.birthDate });
    } catch (error) {
      log.error('registry.unavailable', { registry: 'social_insurance', error: error instanceof RegistryUnavailableError ? error.message : 'unexpected' });
      throw new ProblemError('registry_unavailable', { retryAfter: 60 });
    }
    if (match === 'mismatch') {
      log.info('registration.bhxh_mismatch', { id: log.hash('id', query.idNumber) });
      throw new ProblemError('bhxh_mismatch');
    }
  },
};
