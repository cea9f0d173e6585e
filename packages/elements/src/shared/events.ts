import type { Account, ProblemCode, TokenSet } from '@dvc-kit/sdk';

/** An attribute a widget needs to reach the service when no `client` is given. */
export type WidgetAttribute = 'service' | 'client-id';

/**
 * A code of `dvc-error` that comes from the widget itself, not from the service:
 * `widget_misconfigured` — the page set neither a `client` nor both the `service` and `client-id`
 * attributes.
 */
export type WidgetProblemCode = 'widget_misconfigured';

/**
 * Detail of `dvc-error`: the stable code and its text in the citizen's language. `origin_not_allowed`
 * means the service does not list the page's origin for this portal (the console names the origin to
 * add to the client's `origins`); `widget_misconfigured` comes with the `missing` attributes.
 */
export interface DvcErrorDetail {
  readonly code: ProblemCode | WidgetProblemCode;
  readonly message: string;
  /** With `widget_misconfigured`: the attributes to set. */
  readonly missing?: readonly WidgetAttribute[];
}

/** Detail of `dvc-registered`: the new account (the ID number masked). */
export interface DvcRegisteredDetail {
  readonly account: Account;
}

/**
 * Detail of `dvc-sign-in-requested` and `dvc-forgot-password-requested` (the ID number already has an
 * account): the page's link for that action, if it gave one. Both events are cancelable:
 * `preventDefault()` keeps the link from navigating, for a page that routes itself.
 */
export interface DvcActionRequestedDetail {
  readonly href: string | undefined;
}

/** Detail of `dvc-recovered`: the password is changed and every other session has ended; sign in with the new one. */
export interface DvcRecoveredDetail {
  readonly next: 'sign_in';
}

/**
 * Detail of `dvc-phone-recovered` ("Mất số điện thoại nhận OTP" done): the new phone is the account's,
 * codes go to it from now on, and every session of the account has ended (`sessionsEnded` of them, on
 * every portal); sign in again.
 */
export interface DvcPhoneRecoveredDetail {
  readonly next: 'sign_in';
  readonly sessionsEnded: number;
}

/**
 * Detail of `dvc-phone-recovery-unconfirmed`: the widget sends the citizen to a one-stop counter with
 * their ID card. `unconfirmed`: the service could not confirm the details (the same whether or not the
 * ID number has an account); `not_offered`: the service has no self-service way (no social-insurance register).
 */
export interface DvcPhoneRecoveryUnconfirmedDetail {
  readonly reason: 'unconfirmed' | 'not_offered';
}

/** Detail of `dvc-signed-in`: the account and the tokens to hand to the portal's backend. */
export interface DvcSignedInDetail {
  readonly account: Account;
  readonly tokens: TokenSet;
}

/**
 * Dispatches a bubbling, composed `CustomEvent` from an element, so the page hears it; `cancelable` for
 * an action the page may take over (`false` back when it called `preventDefault()`).
 */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
}
