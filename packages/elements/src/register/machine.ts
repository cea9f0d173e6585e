import type { Account, OtpChallenge, ServiceConfig, SubjectType, VerificationMethod } from '@dvc-kit/sdk';
import { flowTransition, type FlowEvent } from '../shared/flow-machine.js';
import { onlyChoice, registerChoices, type RegisterNarrowing } from './choices.js';
import type { SignatureMethod } from '@dvc-kit/sdk/contract';
import type { DetailsDraft, RegisterState, RegistrationDetails } from './state.js';

/** What moves `<dvc-register>` from one step to the next, besides the {@link FlowEvent}s every flow has. */
export type RegisterEvent =
  | FlowEvent
  | { readonly type: 'methodChosen'; readonly subjectType: SubjectType; readonly method: VerificationMethod }
  | { readonly type: 'back'; readonly draft?: DetailsDraft }
  /** The details of an IAL3 method, read: on to the signature that proves them. */
  | { readonly type: 'signing'; readonly details: RegistrationDetails; readonly humanCheck: Readonly<Record<string, string>>; readonly draft?: DetailsDraft }
  | { readonly type: 'started'; readonly details: RegistrationDetails; readonly registrationId: string; readonly otp: OtpChallenge; readonly at: number }
  | { readonly type: 'codeResent'; readonly otp: OtpChallenge }
  | { readonly type: 'codeVerified' }
  | { readonly type: 'registered'; readonly account: Account }
  | { readonly type: 'accountExists' };

/** The first step: the choice of subject type and method, or the details when there is only one of each. */
function first(config: ServiceConfig, narrowing: RegisterNarrowing): RegisterState {
  const only = onlyChoice(registerChoices(config, narrowing));
  return only ? { step: 'details', config, ...only } : { step: 'method', config };
}

/**
 * The registration state machine as one pure function:
 * `loading → method → details → (signature →) code → password → done` (`signature` for an IAL3 method,
 * `back` from it to the details), `error` from anywhere, `loading` again on a
 * restart, and the final `exists` from details, code or password when the ID number has an account.
 * The configuration leads straight to `details` when, once the portal's `narrowing` is applied, there
 * is only one subject type and one method to choose. `back` leads from `details` to `method`, the
 * choice still selected and the `draft` kept for the details, only when `method` was shown: never
 * without a choice to make, never once a code was sent (the registration is open on the service). An event that does not apply to the step on
 * screen leaves the state as it is.
 */
export function registerTransition(state: RegisterState, event: RegisterEvent, narrowing: RegisterNarrowing = {}): RegisterState {
  const common = flowTransition(state, event, (config) => first(config, narrowing));
  if (common) return common;
  switch (event.type) {
    case 'methodChosen':
      return state.step === 'method'
        ? { step: 'details', config: state.config, subjectType: event.subjectType, method: event.method, draft: state.draft }
        : state;
    case 'signing':
      return state.step === 'details'
        ? { step: 'signature', config: state.config, details: event.details, method: state.method as SignatureMethod, humanCheck: event.humanCheck, draft: event.draft }
        : state;
    case 'back':
      // From the signature ("Huỷ", or a detail refused) back to the details as typed.
      if (state.step === 'signature') return { step: 'details', config: state.config, subjectType: state.details.subjectType ?? 'citizen', method: state.method, draft: state.draft };
      return state.step === 'details' && !onlyChoice(registerChoices(state.config, narrowing))
        ? { step: 'method', config: state.config, chosen: { subjectType: state.subjectType, method: state.method }, draft: event.draft }
        : state;
    case 'started':
      return state.step === 'details' || state.step === 'signature'
        ? { step: 'code', config: state.config, details: event.details, registrationId: event.registrationId, otp: event.otp, startedAt: event.at, bySignature: state.step === 'signature' }
        : state;
    case 'codeResent':
      return state.step === 'code' ? { ...state, otp: event.otp } : state;
    case 'codeVerified':
      return state.step === 'code'
        ? { step: 'password', config: state.config, details: state.details, registrationId: state.registrationId, startedAt: state.startedAt, bySignature: state.bySignature }
        : state;
    case 'registered':
      return state.step === 'password' ? { step: 'done', config: state.config, account: event.account } : state;
    case 'accountExists':
      if (state.step === 'details') return { step: 'exists', config: state.config, subjectType: state.subjectType };
      return state.step === 'signature' || state.step === 'code' || state.step === 'password' ? { step: 'exists', config: state.config, subjectType: state.details.subjectType } : state;
    default:
      return state;
  }
}
