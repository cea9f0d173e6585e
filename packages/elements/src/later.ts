/**
 * Everything a page fetches after the first step of a widget, gathered in one module so the widgets
 * fetch it with one `import()` (see {@link later}): the steps after the first (code, new password), the
 * other widgets and parts, the warning before a flow runs out, the proof-of-work search, the ID-number
 * rule and the rest of the Vietnamese strings. In the self-contained bundle it is the later chunk; a
 * bundler that imports `@dvc-kit/elements` makes it one chunk of its own the same way.
 * @module
 */
export { renderCodeStep } from './shared/code-step.js';
export { parseIdNumber } from './shared/id-number.js';
export { refusal } from './shared/refusal.js';
export { LifetimeController } from './shared/controllers/lifetime-controller.js';
export { solveHumanCheck } from './human-check/solver.js';
export { vi, localProblemsVi, localRulesVi } from './i18n/vi.js';
export { DvcRecovery } from './recovery/recovery.js';
export { DvcPhoneRecovery } from './phone-recovery/phone-recovery.js';
export { renderSignInLater } from './login/later-steps.js';
export { feedbackSummary } from './shared/error-summary.js';
export { DvcRegister } from './register/register.js';
export { DvcMethodPicker } from './method-picker/method-picker.js';
export { DvcOtpInput } from './otp-input/otp-input.js';
export { DvcPasswordField } from './password-field/password-field.js';
export { DvcAssuranceGate } from './assurance-gate/assurance-gate.js';
export { DvcAccount } from './account/account.js';
export { DvcSignature } from './signature/signature.js';
