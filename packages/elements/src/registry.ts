import { DvcAccount } from './account/account.js';
import type { DvcAccountChangedDetail, DvcSignedOutDetail } from './account/events.js';
import { DvcAssuranceGate } from './assurance-gate/assurance-gate.js';
import type { DvcAssuranceMetDetail } from './assurance-gate/events.js';
import { DvcHumanCheck, type HumanCheckSolvedDetail } from './human-check/human-check.js';
import { DvcLogin } from './login/login.js';
import { DvcMethodPicker, type MethodSelectDetail } from './method-picker/method-picker.js';
import { DvcOtpInput, type OtpSubmitDetail } from './otp-input/otp-input.js';
import { DvcPasswordField } from './password-field/password-field.js';
import { DvcPhoneRecovery } from './phone-recovery/phone-recovery.js';
import { DvcRecovery } from './recovery/recovery.js';
import { DvcRegister } from './register/register.js';
import type { DvcAssuranceUpgradedDetail } from './signature/events.js';
import { DvcSignature } from './signature/signature.js';
import type {
  DvcActionRequestedDetail,
  DvcErrorDetail,
  DvcPhoneRecoveredDetail,
  DvcPhoneRecoveryUnconfirmedDetail,
  DvcRecoveredDetail,
  DvcRegisteredDetail,
  DvcSignedInDetail,
} from './shared/events.js';

/** Every DVC Kit element by tag name. */
export const ELEMENTS = Object.freeze({
  'dvc-register': DvcRegister,
  'dvc-login': DvcLogin,
  'dvc-method-picker': DvcMethodPicker,
  'dvc-otp-input': DvcOtpInput,
  'dvc-password-field': DvcPasswordField,
  'dvc-human-check': DvcHumanCheck,
  'dvc-assurance-gate': DvcAssuranceGate,
  'dvc-recovery': DvcRecovery,
  'dvc-phone-recovery': DvcPhoneRecovery,
  'dvc-account': DvcAccount,
  'dvc-signature': DvcSignature,
});

/**
 * Registers every DVC Kit element with a custom-element registry, skipping tags already defined (for
 * example by a second copy of the bundle on the page).
 *
 * @example
 * ```ts
 * import { defineElements } from '@dvc-kit/elements';
 * defineElements();
 * ```
 */
export function defineElements(registry: CustomElementRegistry = customElements): void {
  for (const [tag, element] of Object.entries(ELEMENTS)) {
    if (!registry.get(tag)) registry.define(tag, element);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-register': DvcRegister;
    'dvc-login': DvcLogin;
    'dvc-method-picker': DvcMethodPicker;
    'dvc-otp-input': DvcOtpInput;
    'dvc-password-field': DvcPasswordField;
    'dvc-human-check': DvcHumanCheck;
    'dvc-assurance-gate': DvcAssuranceGate;
    'dvc-recovery': DvcRecovery;
    'dvc-phone-recovery': DvcPhoneRecovery;
    'dvc-account': DvcAccount;
    'dvc-signature': DvcSignature;
  }
  // The elements' events, so `addEventListener('dvc-signed-in', …)` gets a typed `event.detail`.
  interface HTMLElementEventMap {
    'dvc-registered': CustomEvent<DvcRegisteredDetail>;
    'dvc-signed-in': CustomEvent<DvcSignedInDetail>;
    'dvc-recovered': CustomEvent<DvcRecoveredDetail>;
    'dvc-phone-recovered': CustomEvent<DvcPhoneRecoveredDetail>;
    'dvc-phone-recovery-unconfirmed': CustomEvent<DvcPhoneRecoveryUnconfirmedDetail>;
    'dvc-error': CustomEvent<DvcErrorDetail>;
    'dvc-method-select': CustomEvent<MethodSelectDetail>;
    'dvc-otp-submit': CustomEvent<OtpSubmitDetail>;
    'dvc-otp-resend': CustomEvent<undefined>;
    'dvc-human-check-solved': CustomEvent<HumanCheckSolvedDetail>;
    'dvc-sign-in-requested': CustomEvent<DvcActionRequestedDetail>;
    'dvc-forgot-password-requested': CustomEvent<DvcActionRequestedDetail>;
    'dvc-account-changed': CustomEvent<DvcAccountChangedDetail>;
    'dvc-signed-out': CustomEvent<DvcSignedOutDetail>;
    'dvc-assurance-met': CustomEvent<DvcAssuranceMetDetail>;
    'dvc-assurance-upgraded': CustomEvent<DvcAssuranceUpgradedDetail>;
    'dvc-signature-cancelled': CustomEvent<undefined>;
  }
}
