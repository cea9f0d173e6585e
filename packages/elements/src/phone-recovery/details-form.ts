import type { ServiceConfig, StartPhoneRecoveryRequest } from '@dvc-kit/sdk';
import { readDetails } from '../register/details-form.js';
import type { IdentifyReading } from '../recovery/flow.js';

/** The details form, read: the request when every field passes the SDK's checks, else each field's problem. */
export type PhoneRecoveryReading = IdentifyReading<Omit<StartPhoneRecoveryRequest, 'humanCheck'>>;

/**
 * Reads the lost-phone details as registration by social insurance reads them (the SDK's parsers, the
 * rules the service applies): ID number, BHXH code, full name, date of birth (its year agreeing with the
 * CCCD), the new phone and the consent to their processing (`consent_required` on `consentVersion` when
 * the box is not ticked; when it is, the request names `config.consentVersion`). Pure; `today` bounds the dates.
 */
export function readPhoneRecoveryDetails(data: FormData, today: Date, config: Pick<ServiceConfig, 'consentVersion'>): PhoneRecoveryReading {
  const reading = readDetails(data, today, 'bhxh');
  return reading.ok ? { ok: true, body: { ...(reading.details as Omit<StartPhoneRecoveryRequest, 'humanCheck' | 'consentVersion'>), consentVersion: config.consentVersion } } : reading;
}
