import type { AppDeps } from '../../app-deps.js';
import { ProblemError } from '../../http/problem.js';
import { RegistryUnavailableError } from '../../registries/carrier.js';
import type { Caller } from '../caller.js';
import { takeRegisterLookup } from '../register-lookup-limit.js';
import type { RegisterQuery, RegistrationMethodFlow } from './method.js';

/**
 * Registration by mobile subscriber ("Thuê bao di động"): the carrier confirms the SIM is registered
 * to the citizen. Each look-up is counted per client address and per ID number before the carrier
 * is asked, mismatches included (`limits.registerLookups`, 429 `too_many_attempts`).
 */
export const mobileSubscriber: RegistrationMethodFlow = {
  method: 'mobile',
  verificationMethod: 'mobile',
  async confirm(deps: AppDeps, caller: Caller, query: RegisterQuery): Promise<void> {
    const { log } = deps;
    await takeRegisterLookup(deps, caller.address, 'carrier', query.idNumber);
    let match: 'match' | 'mismatch';
    try {
      match = await deps.carrier.verifySubscriber(query);
    } catch (error) {
      log.error('registry.unavailable', { registry: 'carrier', error: error instanceof RegistryUnavailableError ? error.message : 'unexpected' });
      throw new ProblemError('registry_unavailable', { retryAfter: 60 });
    }
    if (match === 'mismatch') {
      log.info('registration.carrier_mismatch', { id: log.hash('id', query.idNumber), phone: log.hash('phone', query.phone) });
      throw new ProblemError('carrier_mismatch');
    }
  },
};
