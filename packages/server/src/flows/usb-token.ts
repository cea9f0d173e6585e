import type { SubjectType } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';

/**
 * The subject types the signing flows serve with a USB token: citizens, enterprises (an account per tax
 * code) and agency officers (a work account under the government CA) — each where it has trust anchors.
 */
export const USB_TOKEN_FLOW_SUBJECTS: readonly SubjectType[] = ['citizen', 'enterprise', 'agency'];

/**
 * Whether the service offers the USB-token flows (registration, sign-in, upgrade) to a subject type:
 * `usb_token` is in `signatures.methods`, the flows serve the subject type, and it has trust anchors.
 * What `GET /v1/config` reports and what each flow checks first.
 */
export function usbTokenOffered(deps: Pick<AppDeps, 'config' | 'signatures'>, subjectType: SubjectType): boolean {
  return deps.config.signatures.methods.includes('usb_token') && USB_TOKEN_FLOW_SUBJECTS.includes(subjectType) && deps.signatures.accepts(subjectType);
}

/**
 * Refuses a USB-token flow the service does not offer: 404 `not_found` when it offers no USB token at
 * all (as the signature-challenge endpoints answer), else 400 `method_not_offered` on `subjectType`.
 */
export function requireUsbToken(deps: Pick<AppDeps, 'config' | 'signatures'>, subjectType: SubjectType): void {
  if (!deps.config.signatures.methods.includes('usb_token')) throw new ProblemError('not_found');
  if (!usbTokenOffered(deps, subjectType)) throw new ProblemError('validation_failed', { errors: [{ field: 'subjectType', code: 'method_not_offered' }] });
}
