import type { AccountAction } from './state.js';

/**
 * The strings of `<dvc-account>`, one object per language, plugged into the widgets' catalogue as
 * `account` (so a missing translation does not compile, and English arrives with the other English strings).
 */
export interface AccountCatalogue {
  readonly heading: string;
  readonly idNumbersTerm: string;
  readonly idNumberKind: (kind: 'cccd' | 'cmnd' | 'mst') => string;
  readonly levelTerm: string;
  readonly phoneTerm: string;
  readonly emailTerm: string;
  readonly bhxhTerm: string;
  readonly bhxhKept: string;
  readonly none: string;
  readonly actionsHeading: string;
  /** The overview's buttons: each change, raising an IAL2 account to IAL3 by signature, and sign-out everywhere (also the confirming button). */
  readonly actions: Readonly<Record<AccountAction | 'signOut' | 'upgrade', string>>;
  /** What the citizen gets when a change is made (`otherSessionsEnded` other sessions ended with it). */
  readonly done: (action: AccountAction | 'upgrade', otherSessionsEnded: number) => string;
  readonly currentPasswordLabel: string;
  readonly currentPasswordWrong: string;
  readonly newEmailLabel: string;
  readonly newPhoneHint: string;
  readonly cccdLabel: string;
  readonly cccdHint: string;
  readonly endOtherSessions: string;
  readonly cancel: string;
  readonly confirmSignOutHeading: string;
  readonly confirmSignOutText: string;
  readonly signedOutHeading: string;
  readonly signedOutEverywhere: (sessions: number) => string;
  readonly sessionEnded: string;
}
