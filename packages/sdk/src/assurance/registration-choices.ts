import type { SubjectType } from '../contract/common.js';
import type { IdentityAssuranceLevel, VerificationMethod } from './levels.js';
import { METHOD_IAL } from './levels.js';

/**
 * Who registers, in the order the national portal shows them: Công dân (citizen), Doanh nghiệp
 * (enterprise), Cơ quan nhà nước (state agency).
 */
export const SUBJECT_TYPES: readonly SubjectType[] = Object.freeze(['citizen', 'enterprise', 'agency'] as const);

/**
 * The verification methods each subject type may register with, in the national portal's order:
 * IAL2 by a register (mobile subscriber, social insurance, Vietnam Post account: citizens only),
 * IAL3 by a digital signature (USB token for all three; SIM signature and remote signing for citizens
 * and enterprises; an agency officer signs with the government CA's USB token).
 */
export const METHODS_BY_SUBJECT_TYPE: Readonly<Record<SubjectType, readonly VerificationMethod[]>> = Object.freeze({
  citizen: Object.freeze(['mobile', 'bhxh', 'vnpost', 'usb_token', 'sim_signature', 'remote_signing'] as const),
  enterprise: Object.freeze(['usb_token', 'sim_signature', 'remote_signing'] as const),
  agency: Object.freeze(['usb_token'] as const),
});

/** One method as a registration form shows it: its level, and whether this service offers it now. */
export interface RegistrationChoice {
  readonly method: VerificationMethod;
  /** The identity assurance level an account registered this way gets. */
  readonly ial: IdentityAssuranceLevel;
  /** `false`: shown as not yet available on this service (never pretending to work). */
  readonly available: boolean;
}

/** A subject type with its methods grouped by level (IAL2 first, then IAL3). */
export interface SubjectTypeChoices {
  readonly subjectType: SubjectType;
  readonly methods: readonly RegistrationChoice[];
}

/**
 * What a registration form offers, from the methods the service (or the portal) has switched on:
 * every subject type with every method it may use, grouped by level, each marked available or not.
 * A subject type whose methods are all unavailable is still listed, so the form can say so.
 *
 * @example
 * ```ts
 * registrationChoices(['mobile']);
 * // [{ subjectType: 'citizen', methods: [{ method: 'mobile', ial: 2, available: true },
 * //   { method: 'bhxh', ial: 2, available: false }, …, { method: 'usb_token', ial: 3, available: false }, …] },
 * //  { subjectType: 'enterprise', methods: [...] }, { subjectType: 'agency', methods: [...] }]
 * ```
 */
export function registrationChoices(offered: readonly string[]): SubjectTypeChoices[] {
  const on = new Set(offered);
  return SUBJECT_TYPES.map((subjectType) => ({
    subjectType,
    methods: [...METHODS_BY_SUBJECT_TYPE[subjectType]]
      .map((method) => ({ method, ial: METHOD_IAL[method], available: on.has(method) }))
      .sort((a, b) => a.ial - b.ial),
  }));
}
