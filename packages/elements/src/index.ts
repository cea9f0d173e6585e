/**
 * DVC Kit custom elements: `<dvc-register>`, `<dvc-login>`, `<dvc-recovery>`, `<dvc-phone-recovery>` and
 * `<dvc-account>` and `<dvc-signature>` for any public-service portal page, and the parts they are made of. Importing this
 * module defines nothing; import `@dvc-kit/elements/define.js`
 * (or load the self-contained `bundle.js`) to register the tags.
 *
 * @example
 * ```ts
 * import '@dvc-kit/elements/define.js';
 * import type { DvcSignedInDetail } from '@dvc-kit/elements';
 * document.querySelector('dvc-login')!.addEventListener('dvc-signed-in', (event) => {
 *   const { tokens } = (event as CustomEvent<DvcSignedInDetail>).detail;
 * });
 * ```
 * @module
 */
export { DvcRegister } from './register/register.js';
export type { DetailsDraft, RegisterChoice, RegisterState, RegisterStep, RegistrationDetails } from './register/state.js';
export { DvcLogin } from './login/login.js';
export type { LoginState, LoginStep } from './login/state.js';
export { DvcRecovery } from './recovery/recovery.js';
export type { RecoveryState, RecoveryStep } from './recovery/state.js';
export { recoveryTransition, type RecoveryEvent } from './recovery/machine.js';
export { DvcPhoneRecovery } from './phone-recovery/phone-recovery.js';
export type { CounterReason, PhoneRecoveryState, PhoneRecoveryStep } from './phone-recovery/state.js';
export { phoneRecoveryTransition, type PhoneRecoveryEvent } from './phone-recovery/machine.js';
export { DvcMethodPicker, type MethodOffer, type MethodSelectDetail, type SubjectTypeOffer } from './method-picker/method-picker.js';
export { DvcOtpInput, type CodeChallenge, type OtpSubmitDetail } from './otp-input/otp-input.js';
export { DvcPasswordField } from './password-field/password-field.js';
export { DvcHumanCheck, type HumanCheckSolvedDetail } from './human-check/human-check.js';
export { DvcAssuranceGate } from './assurance-gate/assurance-gate.js';
export type { DvcAssuranceMetDetail } from './assurance-gate/events.js';
export { stepUpFor, strictest, type GateState, type StepUpReason } from './assurance-gate/state.js';
export type { GateCatalogue } from './assurance-gate/catalogue.js';
export { DvcAccount } from './account/account.js';
export { DvcSignature } from './signature/signature.js';
export type { SignatureState, SignatureStep, SignatureOperationName, RemoteMethod } from './signature/state.js';
export { signatureTransition, type SignatureEvent } from './signature/machine.js';
export type { DvcAssuranceUpgradedDetail } from './signature/events.js';
export type { SignatureCatalogue, RequestOutcome } from './signature/catalogue.js';
export type { AccountState, AccountStep, AccountAction, SignedOutReason } from './account/state.js';
export { accountTransition, type AccountEvent } from './account/machine.js';
export type { DvcAccountChangedDetail, DvcSignedOutDetail } from './account/events.js';
export type { AccountCatalogue } from './account/catalogue.js';
export { FlowElement } from './shared/flow-element.js';
export type { HumanCheckOutcome } from './shared/human-check-step.js';
export type { FlowEvent, FlowState, Transition } from './shared/flow-machine.js';
export { ServiceController, type CallResult, type ServiceCall, type ServiceHost } from './shared/controllers/service-controller.js';
export { FeedbackController, type FeedbackOptions, type FieldTarget } from './shared/controllers/feedback-controller.js';
export { FocusController, type FocusHost } from './shared/controllers/focus-controller.js';
export { SlotController } from './shared/controllers/slot-controller.js';
export { registerTransition, type RegisterEvent } from './register/machine.js';
export { loginTransition, type LoginEvent } from './login/machine.js';
export type { Feedback, FieldProblem, StepProblem } from './shared/feedback.js';
export { systemClock, type Clock } from './shared/clock.js';
export type {
  DvcActionRequestedDetail,
  DvcErrorDetail,
  DvcPhoneRecoveredDetail,
  DvcPhoneRecoveryUnconfirmedDetail,
  DvcRecoveredDetail, DvcRegisteredDetail, DvcSignedInDetail, WidgetAttribute, WidgetProblemCode } from './shared/events.js';
export { LocalizeController, languageOf } from './i18n/localize.js';
export type { Catalogue, TextKey } from './i18n/catalogue.js';
export { vi } from './i18n/vi.js';
export { en } from './i18n/en.js';
export { ELEMENTS, defineElements } from './registry.js';
