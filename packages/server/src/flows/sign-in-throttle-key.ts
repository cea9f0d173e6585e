import type { AppDeps } from '../app-deps.js';
import { keyedHash } from '../server-keys.js';
import type { AccountRecord } from '../store/accounts.js';

/**
 * The key the wrong-password slow-down (`signInThrottle`) counts under: the account's registered ID
 * number when the number typed signs in to an account, the number typed otherwise.
 *
 * An account may sign in with two numbers (a CMND and the CCCD its holder added). Counting per number
 * typed would give an attacker who knows both twice the guesses by alternating them; counting per
 * account keeps one budget however the account is named. Keying on both numbers would do the same
 * with more writes. An unknown number still has a count of its own, so a slowed answer says nothing
 * about whether it has an account; the only thing failures on one number teach about the other is
 * that the two are one account — and only to someone who already holds both numbers and spent the
 * free failures finding out.
 */
export function signInThrottleKey(deps: Pick<AppDeps, 'keys'>, typed: string, account: Pick<AccountRecord, 'idNumber'> | undefined): string {
  return keyedHash(deps.keys.logHashKey, `sign-in:${account?.idNumber ?? typed}`);
}
