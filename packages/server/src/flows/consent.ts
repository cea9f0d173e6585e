import type { ServerConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';

/**
 * The consent to personal-data processing (Decree 13/2023) a flow that collects ID numbers and phones
 * records: the citizen must have agreed to the text in force (`config.consentVersion`, which
 * `GET /v1/config` names). Registration and lost-phone recovery check it before anything is counted,
 * asked or stored.
 * @throws {ProblemError} `validation_failed` on `consentVersion` (`consent_required`) for any other version.
 */
export function requireCurrentConsent(config: Pick<ServerConfig, 'consentVersion'>, version: string): void {
  if (version !== config.consentVersion) throw new ProblemError('validation_failed', { errors: [{ field: 'consentVersion', code: 'consent_required' }] });
}
