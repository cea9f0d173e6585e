import type { HumanCheckChallenge } from '../contract/config.js';
import { prefixedSha256 } from './sha256.js';

/** Options of {@link solveHumanCheck}. */
export interface SolveOptions {
  /** Stops the search; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called now and then with the share of the search space tried, 0–1. */
  readonly onProgress?: (fraction: number) => void;
}

/** Longest stretch of hashing, in milliseconds, before the page's timers and input get a turn. */
const SLICE_MS = 10;

/** Base64 of the UTF-8 of `text`. */
const toBase64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/**
 * Solves the service's proof-of-work human check (ALTCHA format): finds the number `n` for which
 * SHA-256(salt + n) is the challenge, and returns the payload to send as `humanCheck`. It costs a
 * browser a moment and a bot farm real money; no third party sees the citizen. Hashes synchronously
 * in plain JavaScript (no Web Crypto promise per number), in slices of about 10 ms between which the
 * page's timers and input get a turn; runs in browsers and in Node ≥ 20.
 *
 * @example
 * ```ts
 * const challenge = await client.getHumanCheckChallenge();
 * const humanCheck = await solveHumanCheck(challenge);
 * await client.startSignIn({ idNumber, password, humanCheck });
 * ```
 */
export async function solveHumanCheck(challenge: HumanCheckChallenge, options: SolveOptions = {}): Promise<string> {
  const max = challenge.maxnumber ?? 1_000_000;
  const solves = prefixedSha256(challenge.salt, challenge.challenge);
  let sliceStart = Date.now();
  for (let number = 0; number <= max; number++) {
    if (number % 1000 === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.(number / max);
      if (Date.now() - sliceStart >= SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        options.signal?.throwIfAborted();
        sliceStart = Date.now();
      }
    }
    if (solves(number)) {
      const { algorithm, salt, signature } = challenge;
      return toBase64(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature }));
    }
  }
  throw new Error('Human check: no solution up to maxnumber');
}
