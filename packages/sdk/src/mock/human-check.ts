import type { HumanCheckChallenge } from '../contract/config.js';

const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** How hard the mock's proof-of-work puzzle is: the answer and the top of the search space. */
export interface MockHumanCheckOptions {
  /** The number the solver has to find. Default 7. */
  readonly number?: number;
  /** Top of the search space; keep it small so tests stay fast. Default 50. */
  readonly maxnumber?: number;
}

/**
 * Issues ALTCHA-format puzzles and checks solved payloads the way the service does: the answer must
 * hash to the challenge, carry the signature the mock issued, and be used once.
 */
export class MockHumanCheck {
  readonly #number: number;
  readonly #maxnumber: number;
  readonly #issued = new Set<string>();
  #serial = 0;

  constructor(options: MockHumanCheckOptions = {}) {
    this.#number = options.number ?? 7;
    this.#maxnumber = options.maxnumber ?? 50;
  }

  /** A fresh puzzle. */
  async challenge(): Promise<HumanCheckChallenge> {
    const salt = `mock-salt-${++this.#serial}.`;
    const challenge = await sha256Hex(`${salt}${this.#number}`);
    const signature = await sha256Hex(`mock-signature:${challenge}`);
    this.#issued.add(signature);
    return { algorithm: 'SHA-256', challenge, maxnumber: this.#maxnumber, salt, signature };
  }

  /** Whether a `humanCheck` payload solves a puzzle this mock issued and has not seen used. */
  async verify(payload: string | undefined): Promise<boolean> {
    if (!payload) return false;
    let solution: { algorithm?: unknown; challenge?: unknown; number?: unknown; salt?: unknown; signature?: unknown };
    try {
      solution = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
    } catch {
      return false;
    }
    const { algorithm, challenge, number, salt, signature } = solution;
    if (algorithm !== 'SHA-256' || typeof challenge !== 'string' || typeof number !== 'number' || typeof salt !== 'string' || typeof signature !== 'string') return false;
    if (!this.#issued.has(signature) || signature !== (await sha256Hex(`mock-signature:${challenge}`))) return false;
    if ((await sha256Hex(`${salt}${number}`)) !== challenge) return false;
    this.#issued.delete(signature);
    return true;
  }
}
