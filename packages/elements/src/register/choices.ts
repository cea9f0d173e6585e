import type { ServiceConfig, SubjectType, VerificationMethod } from '@dvc-kit/sdk';
import type { SubjectTypeOffer } from '../method-picker/method-picker.js';

/** Verification methods this widget can take someone through; the others are shown as not yet available. */
const SUPPORTED_METHODS: ReadonlySet<string> = new Set<VerificationMethod>(['mobile', 'bhxh', 'usb_token', 'sim_signature', 'remote_signing']);

/** The IAL3 methods, by a digital signature (`<dvc-signature>` after the details). */
export const isSignatureMethod = (method: string): boolean => /_(token|signature|signing)$/.test(method);

/** What the portal narrows the offer to: the `methods` and `subject-type` attributes of `<dvc-register>`. */
export interface RegisterNarrowing {
  /** Methods the portal shows; all of the service's when absent. */
  readonly methods?: readonly string[] | undefined;
  /** The one subject type the portal serves; all three when absent. */
  readonly subjectType?: string | undefined;
  /** Whether the page gave a `signer`: without one the USB token is shown as not available. */
  readonly signer?: boolean;
}

/**
 * What the first step shows: the service's subject types and their methods (`config.subjectTypes`),
 * narrowed to the portal's `methods` and `subject-type`, a method available only when the service
 * offers it to that subject type and this widget can take them through it (an enterprise by its tax
 * code, an agency officer by the ID number, both by signature; the USB token only with a `signer`). A
 * subject type left with no method at all is not shown.
 */
export function registerChoices(config: ServiceConfig, narrowing: RegisterNarrowing = {}): SubjectTypeOffer[] {
  const shown = narrowing.methods?.length ? new Set(narrowing.methods) : undefined;
  return config.subjectTypes
    .filter((choice) => !narrowing.subjectType || choice.subjectType === narrowing.subjectType)
    .map(({ subjectType, methods }) => ({
      subjectType,
      methods: methods.filter((m) => !shown || shown.has(m.method)).map((m) => ({ ...m, available: m.available && SUPPORTED_METHODS.has(m.method) && (m.method !== 'usb_token' || !!narrowing.signer) })),
    }))
    .filter((choice) => choice.methods.length);
}

/** The one subject type and method there is to choose, when the first step shows only that: no need to ask. */
export function onlyChoice(choices: readonly SubjectTypeOffer[]): { readonly subjectType: SubjectType; readonly method: VerificationMethod } | undefined {
  const [choice, ...others] = choices;
  const [only, ...more] = choice?.methods.filter((m) => m.available) ?? [];
  return choice && only && !others.length && !more.length ? { subjectType: choice.subjectType, method: only.method as VerificationMethod } : undefined;
}
