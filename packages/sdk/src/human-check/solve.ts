import type { HumanCheckChallenge } from '../contract/config.js';

/** Options of {@link solveHumanCheck}. */
export interface SolveOptions {
  /** Stops the search; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called now and then with the share of the search space tried, 0–1. */
  readonly onProgress?: (fraction: number) => void;
}

const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function toBase64(text: string): string {
  const bytes = encoder.encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Solves the service's proof-of-work human check (ALTCHA format): finds the number `n` for which
 * SHA-256(salt + n) is the challenge, and returns the payload to send as `humanCheck`. It costs a
 * browser a moment and a bot farm real money; no third party sees the citizen. Uses Web Crypto, so
 * it runs in browsers and in Node ≥ 20.
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
  for (let number = 0; number <= max; number++) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (number % 1000 === 0) {
      options.onProgress?.(number / max);
      // Give the page's timers and input a turn: one awaited digest per number would starve them.
      if (number > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if ((await sha256Hex(`${challenge.salt}${number}`)) === challenge.challenge) {
      const { algorithm, salt, signature } = challenge;
      return toBase64(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature }));
    }
  }
  throw new Error('Human check challenge has no solution within its maxnumber');
}
