import type { Account, ProblemCode, TokenSet } from '@dvc-kit/sdk';

/** Detail of `dvc-error`: the stable code and its text in the citizen's language. */
export interface DvcErrorDetail {
  readonly code: ProblemCode;
  readonly message: string;
}

/** Detail of `dvc-registered`: the new account (the ID number masked). */
export interface DvcRegisteredDetail {
  readonly account: Account;
}

/** Detail of `dvc-signed-in`: the account and the tokens to hand to the portal's backend. */
export interface DvcSignedInDetail {
  readonly account: Account;
  readonly tokens: TokenSet;
}

/** Dispatches a bubbling, composed `CustomEvent` from an element, so the page hears it. */
export function emit<T>(target: EventTarget, type: string, detail: T): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
}
