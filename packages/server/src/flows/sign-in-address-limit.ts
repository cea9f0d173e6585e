import type { AppDeps } from '../app-deps.js';
import { limitKey, takeOrRefuse } from '../limits/take-or-refuse.js';

/** A sign-in attempt counted against the caller's address; give it back when the password was right. */
export interface SignInAttempt {
  /** Forgets the attempt, so only failures use up the address's limit. */
  giveBack(): Promise<void>;
}

/**
 * Counts one password attempt against the caller's address, across all ID numbers (password
 * spraying), before any account is looked up or any password hashed — so the answer is the same
 * whether or not the ID number has an account. Atomic in the database: parallel attempts never pass
 * the limit. The per-ID-number slow-down (`signInThrottle`) applies as well.
 *
 * @throws {ProblemError} `too_many_attempts` with `retryAfter` when the address has used its attempts
 * (`limits.signInAttempts`).
 */
export async function takeSignInAttempt(deps: AppDeps, address: string): Promise<SignInAttempt> {
  const events = await takeOrRefuse(
    deps,
    [{ key: limitKey(deps, 'sign-in', 'address', address), limits: deps.config.limits.signInAttempts.perAddress }],
    'sign_in.address_limited',
    { address: deps.log.hash('address', address) },
  );
  return { giveBack: () => deps.store.sendLimits.giveBack(events) };
}
