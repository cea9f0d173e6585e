import type { SubjectType, VerificationMethod } from '@dvc-kit/sdk';
import type { AccountCatalogue } from '../account/catalogue.js';
import type { GateCatalogue } from '../assurance-gate/catalogue.js';
import type { PasskeyCatalogue } from '../passkey/catalogue.js';
import type { SignatureCatalogue } from '../signature/catalogue.js';

/**
 * Every string a citizen reads in the widgets, besides problem and rule texts (those come from the
 * SDK's catalogue by code: `problemMessage`, `ruleMessage`). One object of this shape exists per
 * language, so a string missing in one language is a type error.
 */
export interface Catalogue {
  readonly errorSummaryTitle: string;
  /** Read before a field's error by screen readers ("Lỗi:"), hidden on screen. */
  readonly errorPrefix: string;
  readonly loading: string;
  readonly retry: string;
  readonly startAgain: string;
  readonly continue: string;
  readonly fatalHeading: string;
  readonly forgotPassword: string;
  readonly lostPhone: string;
  readonly assuranceLevel: (level: number) => string;
  readonly stepOf: (step: number, total: number) => string;
  /** Shown in place of the form when the page did not say which service and portal to use. */
  readonly widgetMisconfigured: string;
  /** For the portal team, in the console: which attributes (`missing`, a list) a widget (`tag`) lacks and what they hold. */
  readonly misconfiguredConsole: (tag: string, missing: string) => string;
  /** For the portal team, in the console: the service refuses this page's origin; what to add where. */
  readonly originNotAllowedConsole: (origin: string, service: string, clientId: string) => string;

  readonly registerTitle: string;
  readonly methodHeading: string;
  readonly subjectLegend: string;
  /** Công dân, Doanh nghiệp, Cơ quan nhà nước. */
  readonly subjectNames: Readonly<Record<SubjectType, string>>;
  readonly methodLegend: string;
  readonly methodGroup: (level: number) => string;
  readonly methodNames: Readonly<Record<VerificationMethod, string>>;
  readonly methodHints: Readonly<Partial<Record<VerificationMethod, string>>>;
  readonly methodRequired: string;
  readonly noMethods: string;
  /** The subject type chosen has no method this service offers yet. */
  readonly noMethodsForType: string;
  /** Beside a method shown but not offered by this service. */
  readonly methodUnavailable: string;
  readonly bhxhCodeLabel: string;
  readonly bhxhCodeHint: string;
  /** The phone's hint when no carrier checks it (social insurance, a signature): the code goes there. */
  readonly phoneHintBhxh: string;
  /** The details step's heading, by who registers. */
  readonly detailsHeading: Readonly<Record<SubjectType, string>>;
  /** From the details back to the choice of subject type and method. */
  readonly back: string;
  readonly idNumberLabel: string;
  readonly idNumberHint: string;
  /** An enterprise's tax code (MST), the number its account is known by. */
  readonly taxCodeLabel: string;
  readonly taxCodeHint: string;
  readonly fullNameLabel: string;
  readonly fullNameHint: string;
  readonly birthDateLabel: string;
  readonly birthDateHint: string;
  readonly phoneLabel: string;
  readonly phoneHint: string;
  readonly emailLabel: string;
  readonly emailHint: string;
  readonly consentLegend: string;
  readonly consentLabel: (version: string) => string;
  readonly codeHeading: string;
  /** The code field's name in the error summary. */
  readonly codeFieldName: string;
  readonly passwordHeading: string;
  readonly completeRegistration: string;
  readonly registeredHeading: string;
  readonly registeredAccount: (name: string, maskedId: string) => string;
  readonly registeredEverywhere: string;

  readonly signInTitle: string;
  readonly signIn: string;
  readonly passwordLabel: string;
  readonly signedIn: (name: string, level: number) => string;
  readonly signedInAccount: (maskedId: string) => string;
  /** Opens `<dvc-signature>` from the sign-in form, when the service offers a signature sign-in. */
  readonly signInWithSignature: string;

  readonly codeSentTo: (maskedPhone: string) => string;
  readonly codeResentTo: (maskedPhone: string) => string;
  readonly codeLabel: (length: number) => string;
  readonly codeValidFor: (time: string) => string;
  readonly codeExpired: string;
  readonly codeOneMinuteLeft: string;
  readonly confirmCode: string;
  readonly resend: string;
  readonly resendIn: (time: string) => string;
  readonly resendAvailable: string;

  readonly newPasswordLabel: string;
  readonly confirmPasswordLabel: string;
  readonly showPassword: string;
  readonly passwordNeeds: string;
  readonly ruleMet: string;
  readonly ruleUnmet: string;
  readonly rulesProgress: (met: number, total: number) => string;

  readonly humanCheckLabel: string;
  readonly humanCheckSolving: string;
  readonly humanCheckSolved: string;
  readonly humanCheckRequired: string;

  /** Shown, and read politely, while a slow step waits for the service. */
  readonly progress: Readonly<Record<ProgressKey, string>>;
  /** The warning before a flow's time on the service runs out (`minutes` left); what happens then. */
  readonly expiryWarning: (minutes: number) => string;
  /** The heading of the final step when the ID number already has an account. */
  readonly accountExistsHeading: string;
  /** That heading for an enterprise's tax code or an agency officer's ID number, whose accounts sign in by signature only. */
  readonly organisationExistsHeading: Readonly<Record<'enterprise' | 'agency', string>>;
  /** What such an account does instead of "Quên mật khẩu". */
  readonly organisationExistsText: string;
  /** The read-only user name on the new-password step, for password managers. */
  readonly usernameLabel: string;

  /** "Quên mật khẩu": what the first step asks, without saying whether an ID number has an account. */
  readonly recoveryIntro: string;
  readonly sendCode: string;
  /** Where a recovery code went, said the same whether or not the ID number has an account. */
  readonly codeSentToAccountPhone: string;
  readonly codeResentToAccountPhone: string;
  readonly newPasswordHeading: string;
  readonly recoveredHeading: string;
  readonly recoveredText: string;
  readonly backToSignIn: string;

  /** "Mất số điện thoại nhận OTP": who can replace the phone here, and what to type. */
  readonly lostPhoneIntro: string;
  /** The BHXH code's hint on the lost-phone form (its label is `bhxhCodeLabel`, as when registering). */
  readonly lostPhoneBhxhHint: string;
  readonly newPhoneLabel: string;
  readonly newPhoneHint: string;
  readonly phoneRecoveredHeading: string;
  readonly phoneRecoveredText: string;
  /** The final state that sends the citizen to a one-stop counter, worded the same whether or not the ID number has an account. */
  readonly counterHeading: string;
  readonly counterUnconfirmed: string;
  readonly counterNotOffered: string;
  readonly counterAdvice: string;

  /** `<dvc-account>`'s own strings (`account/vi.ts`, `account/en.ts`). */
  readonly account: AccountCatalogue;
  /** `<dvc-assurance-gate>`'s own strings (`assurance-gate/vi.ts`, `assurance-gate/en.ts`). */
  readonly gate: GateCatalogue;
  /** The passkey strings of `<dvc-login>` and `<dvc-account>` (`passkey/vi.ts`, `passkey/en.ts`). */
  readonly passkey: PasskeyCatalogue;
  /** `<dvc-signature>`'s own strings (`signature/vi.ts`, `signature/en.ts`). */
  readonly signature: SignatureCatalogue;
}

/** What a slow step is doing while the citizen waits. */
export type ProgressKey = 'checkingCarrier' | 'checkingSocialInsurance' | 'sendingCode' | 'checkingCode' | 'saving' | 'checkingCredentials' | 'humanCheck';

/** Keys of the catalogue whose value is a plain string. */
export type TextKey = { [K in keyof Catalogue]: Catalogue[K] extends string ? K : never }[keyof Catalogue];

/**
 * Keys of the strings the first step of a widget may show before the citizen acts (the sign-in form, the
 * human check, loading, the error step). What shows only after a submission (the error summary, a field's
 * error, what a slow step waits for, the expiry warning, the console's advice to the portal team) comes
 * with the later strings, which a submission waits for.
 */
export type FirstStepKey = 'loading' | 'retry' | 'startAgain' | 'fatalHeading' | 'forgotPassword' | 'lostPhone' | 'stepOf' | 'widgetMisconfigured' | 'idNumberLabel' | 'idNumberHint' | 'signInTitle' | 'signIn' | 'passwordLabel' | 'showPassword' | 'signInWithSignature' | 'humanCheckLabel' | 'humanCheckSolving' | 'humanCheckSolved';

/** The strings a widget's first step shows: the bundle's core carries them in Vietnamese; English ones come in a small chunk. */
export type FirstStepCatalogue = Pick<Catalogue, FirstStepKey>;

/** The strings of the later steps and the other widgets, fetched with them. */
export type LaterCatalogue = Omit<Catalogue, FirstStepKey>;
