import type { HumanCheckChallenge } from '@dvc-kit/sdk';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Clock } from '../config.js';
import type { HumanCheckRepository } from '../store/human-checks.js';

/** Options of {@link HumanCheck}. */
export interface HumanCheckOptions {
  /** Signs challenges, so the service keeps no state until a solution comes back. */
  readonly key: string;
  /** Upper bound of the secret number: the work a browser does (about half of it on average). */
  readonly maxNumber: number;
  /** Seconds a challenge may be solved and sent back. */
  readonly expiresInSeconds: number;
  readonly used: HumanCheckRepository;
  readonly clock: Clock;
}

/**
 * The proof-of-work human check (ALTCHA format, `altcha-lib` v1): a puzzle costing a browser a
 * moment and a bot farm real money, with no third party seeing the citizen. A solution counts once.
 *
 * @example
 * ```ts
 * const challenge = await humanCheck.challenge();          // GET /v1/human-check/challenge
 * const ok = await humanCheck.verify(body.humanCheck);     // once per solution
 * ```
 */
export class HumanCheck {
  readonly #o: HumanCheckOptions;

  constructor(options: HumanCheckOptions) {
    this.#o = options;
  }

  /** A fresh signed puzzle, expiring after `expiresInSeconds`. */
  async challenge(): Promise<HumanCheckChallenge> {
    const expires = new Date(this.#o.clock().getTime() + this.#o.expiresInSeconds * 1000);
    const challenge = await createChallenge({ hmacKey: this.#o.key, maxnumber: this.#o.maxNumber, expires, algorithm: 'SHA-256' });
    return { algorithm: 'SHA-256', challenge: challenge.challenge, maxnumber: this.#o.maxNumber, salt: challenge.salt, signature: challenge.signature };
  }

  /**
   * Whether a base64 payload solves one of our unexpired puzzles and has not been used before; a
   * valid payload is spent by this call. `alreadySpentOk`: accept a solution already spent, for the
   * retry of a request that died after spending it (the idempotency key vouches it is that request).
   */
  async verify(payload: string | undefined, options: { alreadySpentOk?: boolean } = {}): Promise<boolean> {
    if (!payload || payload.length > 4096) return false;
    let decoded: { algorithm?: unknown; signature?: unknown; salt?: unknown };
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof decoded;
    } catch {
      return false;
    }
    if (typeof decoded !== 'object' || decoded === null || decoded.algorithm !== 'SHA-256' || typeof decoded.signature !== 'string' || typeof decoded.salt !== 'string') return false;
    let expires: number;
    try {
      expires = Number(extractParams(payload).expires);
    } catch {
      return false;
    }
    const now = this.#o.clock();
    if (!Number.isFinite(expires) || expires * 1000 <= now.getTime()) return false;
    let solved = false;
    try {
      // Expiry was checked above against the service's clock.
      solved = await verifySolution(payload, this.#o.key, false);
    } catch {
      return false;
    }
    if (!solved) return false;
    const fresh = await this.#o.used.markUsed(decoded.signature, new Date(expires * 1000), now);
    return fresh || options.alreadySpentOk === true;
  }
}
