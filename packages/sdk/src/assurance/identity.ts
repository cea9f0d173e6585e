import { METHOD_IAL, type IdentityAssuranceLevel, type VerificationMethod, type VneidLevel } from './levels.js';

/**
 * What proved an identity: the carrier's record that the SIM is the holder's, the social-insurance
 * register's record, a Vietnam Post account, a signature certificate issued by a trusted Vietnamese
 * CA over a challenge the holder signed, or VNeID's own proofing (level 1: chip and face matched to
 * the population database; level 2: in person).
 */
export type IdentityEvidence =
  | 'carrier_record'
  | 'social_insurance_record'
  | 'vnpost_account'
  | 'signature_certificate'
  | 'vneid_chip_and_face'
  | 'vneid_in_person';

/** An account's identity assurance: the level, the method that proved it, and the evidence it rested on. */
export interface IdentityAssurance {
  readonly ial: IdentityAssuranceLevel;
  readonly method: VerificationMethod;
  readonly evidence: IdentityEvidence;
}

const EVIDENCE: Readonly<Record<Exclude<VerificationMethod, 'vneid'>, IdentityEvidence>> = Object.freeze({
  mobile: 'carrier_record',
  bhxh: 'social_insurance_record',
  vnpost: 'vnpost_account',
  usb_token: 'signature_certificate',
  sim_signature: 'signature_certificate',
  remote_signing: 'signature_certificate',
});

/**
 * The identity assurance a verification method gives: IAL2 for a register (mobile subscriber, social
 * insurance, Vietnam Post) and VNeID level 1, IAL3 for a signature certificate and VNeID level 2.
 *
 * @param vneidLevel - for `vneid`, the VNeID level (default 1).
 * @example
 * ```ts
 * identityAssuranceOf('bhxh'); // { ial: 2, method: 'bhxh', evidence: 'social_insurance_record' }
 * identityAssuranceOf('vneid', 2); // { ial: 3, method: 'vneid', evidence: 'vneid_in_person' }
 * ```
 */
export function identityAssuranceOf(method: VerificationMethod, vneidLevel: VneidLevel = 1): IdentityAssurance {
  if (method === 'vneid') return vneidLevel === 2 ? { ial: 3, method, evidence: 'vneid_in_person' } : { ial: 2, method, evidence: 'vneid_chip_and_face' };
  return { ial: METHOD_IAL[method], method, evidence: EVIDENCE[method] };
}
