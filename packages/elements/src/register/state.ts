import type { Account, OtpChallenge, ProblemCode, ServiceConfig, SubjectType, VerificationMethod } from '@dvc-kit/sdk';
import type { SignatureMethod } from '@dvc-kit/sdk/contract';

/** What the citizen entered at the details step, as checked by the SDK's parsers. */
export interface RegistrationDetails {
  /** Who registers; a citizen when absent. */
  readonly subjectType?: SubjectType;
  /** The number the account is known by: a citizen's or agency officer's ID number (digits only), an enterprise's tax code (`0101234567`, a branch `0101234567-001`). */
  readonly idNumber: string;
  /** NFC, trimmed. By a signature the certificate's holder (an enterprise's: its organisation), empty until it is read. */
  readonly fullName: string;
  /** ISO `yyyy-mm-dd`; empty for an enterprise or an agency officer, who give none. */
  readonly birthDate: string;
  /** As typed; the service normalises it. */
  readonly phone: string;
  readonly email?: string;
  /** Registering by social insurance: the 10-digit BHXH code, digits only. */
  readonly bhxhCode?: string;
}

/** The subject type and method chosen at the first step. */
export interface RegisterChoice {
  readonly subjectType: SubjectType;
  readonly method: VerificationMethod;
}

/** What the details form held when the citizen went back to the first step, by field name; its text fields start with it. */
export type DetailsDraft = Readonly<Record<string, string>>;

/**
 * The steps of `<dvc-register>`, one at a time: `method → details → (signature →) code → password → done`
 * (`signature` for an IAL3 method; straight
 * to `details` when there is only one subject type and method to choose), with
 * `loading` before the configuration arrives, `error` when the flow cannot go on, and `exists`, a final
 * step, when the ID number (an enterprise's tax code) already has an account. `startedAt` (epoch
 * milliseconds, the widget's clock) is when the service opened the registration, which it keeps for a
 * limited time.
 * Going `back` from the details to the first step keeps the `chosen` subject type and method selected
 * and the `draft` typed so far, which the details show again.
 */
export type RegisterState =
  | { readonly step: 'loading' }
  | { readonly step: 'method'; readonly config: ServiceConfig; readonly chosen?: RegisterChoice; readonly draft?: DetailsDraft }
  | ({ readonly step: 'details'; readonly config: ServiceConfig; readonly draft?: DetailsDraft } & RegisterChoice)
  /**
   * An IAL3 method: `<dvc-signature>` proves the details (the certificate must carry the ID number or tax
   * code); `humanCheck` is the details step's solution, sent with the registration; `draft` the form as
   * typed, for the details shown again on "Huỷ" or a refusal of one of them.
   */
  | { readonly step: 'signature'; readonly config: ServiceConfig; readonly details: RegistrationDetails; readonly method: SignatureMethod; readonly humanCheck: Readonly<Record<string, string>>; readonly draft?: DetailsDraft }
  /** `bySignature`: an IAL3 registration, whose signature came before the code (one step more to count). */
  | { readonly step: 'code'; readonly config: ServiceConfig; readonly details: RegistrationDetails; readonly registrationId: string; readonly otp: OtpChallenge; readonly startedAt: number; readonly bySignature: boolean }
  | { readonly step: 'password'; readonly config: ServiceConfig; readonly details: RegistrationDetails; readonly registrationId: string; readonly startedAt: number; readonly bySignature: boolean }
  | { readonly step: 'done'; readonly config: ServiceConfig; readonly account: Account }
  /** `subjectType`: whose number has the account (an enterprise's and an officer's sign in by signature). */
  | { readonly step: 'exists'; readonly config: ServiceConfig; readonly subjectType?: SubjectType }
  | { readonly step: 'error'; readonly code: ProblemCode };

/** The name of one step of `<dvc-register>`. */
export type RegisterStep = RegisterState['step'];
