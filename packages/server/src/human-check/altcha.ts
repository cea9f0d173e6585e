import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { HumanCheckChallenge } from '@dvc-kit/sdk';
import { extractParams } from 'altcha-lib/v1';
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

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The proof-of-work human check (ALTCHA format, as `altcha-lib` v1 makes and checks it): a puzzle
 * costing a browser a moment and a bot farm real money, with no third party seeing the citizen. A
 * solution counts once.
 *
 * The hashes are node:crypto's synchronous ones (microseconds), not `altcha-lib`'s Web Crypto calls:
 * those run on the libuv thread pool, where they waited behind argon2 for up to 170 ms under load.
 * The tests check that `altcha-lib` accepts what this makes and the other way round.
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
    const expires = Math.floor((this.#o.clock().getTime() + this.#o.expiresInSeconds * 1000) / 1000);
    // altcha-lib v1's salt: random hex, the parameters, and a closing "&" so none can be spliced on.
    const salt = `${randomBytes(12).toString('hex')}?expires=${expires}&`;
    const challenge = sha256Hex(`${salt}${randomInt(this.#o.maxNumber + 1)}`);
    const signature = createHmac('sha256', this.#o.key).update(challenge).digest('hex');
    return { algorithm: 'SHA-256', challenge, maxnumber: this.#o.maxNumber, salt, signature };
  }

  /**
   * Whether a base64 payload solves one of our unexpired puzzles and has not been used before; a
   * valid payload is spent by this call. `alreadySpentOk`: accept a solution already spent, for the
   * retry of a request that died after spending it (the idempotency key vouches it is that request).
   */
  async verify(payload: string | undefined, options: { alreadySpentOk?: boolean } = {}): Promise<boolean> {
    if (!payload || payload.length > 4096) return false;
    let decoded: { algorithm?: unknown; challenge?: unknown; number?: unknown; signature?: unknown; salt?: unknown };
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as typeof decoded;
    } catch {
      return false;
    }
    if (typeof decoded !== 'object' || decoded === null || decoded.algorithm !== 'SHA-256') return false;
    const { challenge, number, signature, salt } = decoded;
    if (typeof challenge !== 'string' || typeof signature !== 'string' || typeof salt !== 'string' || !Number.isSafeInteger(number)) return false;
    let expires: number;
    try {
      expires = Number(extractParams(payload).expires);
    } catch {
      return false;
    }
    const now = this.#o.clock();
    if (!Number.isFinite(expires) || expires * 1000 <= now.getTime()) return false;
    // Expiry was checked above against the service's clock.
    const expected = sha256Hex(`${salt}${number as number}`);
    if (!sameText(expected, challenge) || !sameText(createHmac('sha256', this.#o.key).update(expected).digest('hex'), signature)) return false;
    const fresh = await this.#o.used.markUsed(signature, new Date(expires * 1000), now);
    return fresh || options.alreadySpentOk === true;
  }
}
