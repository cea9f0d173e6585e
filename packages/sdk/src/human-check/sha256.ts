// A small synchronous SHA-256 (FIPS 180-4) for the human-check search. Web Crypto's digest is a
// promise per hash: tens of microseconds of scheduling for under one of hashing, which made a
// 20,000-number search take most of a second. Here the salt's whole blocks are hashed once (the
// midstate) and each candidate hashes only the salt's tail and its digits, compared word by word.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Hashes one 64-byte block of `bytes` at `offset` into `state`; `w` is a 64-word scratch array. */
function compress(state: Uint32Array, bytes: Uint8Array, offset: number, w: Uint32Array): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4;
    w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
  }
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15]!;
    const b = w[i - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/**
 * Tests candidates `prefix + n` against one SHA-256 digest. Made once per challenge; each
 * {@link PrefixedSha256.matches} call costs one or two block compressions and no allocation.
 */
export class PrefixedSha256 {
  readonly #midstate = new Uint32Array(8);
  readonly #state = new Uint32Array(8);
  readonly #target = new Uint32Array(8);
  readonly #w = new Uint32Array(64);
  readonly #buffer = new Uint8Array(128);
  readonly #tailLength: number;
  readonly #prefixLength: number;

  /**
   * @param prefix the text hashed before each candidate (the challenge's salt), UTF-8 encoded.
   * @param digestHex the digest a solution must hash to, 64 hexadecimal digits.
   */
  constructor(prefix: string, digestHex: string) {
    const bytes = new TextEncoder().encode(prefix);
    this.#midstate.set(INITIAL);
    const whole = bytes.length - (bytes.length % 64);
    for (let offset = 0; offset < whole; offset += 64) compress(this.#midstate, bytes, offset, this.#w);
    this.#buffer.set(bytes.subarray(whole));
    this.#tailLength = bytes.length - whole;
    this.#prefixLength = bytes.length;
    for (let i = 0; i < 8; i++) this.#target[i] = Number.parseInt(digestHex.slice(i * 8, i * 8 + 8), 16) | 0;
  }

  /** Whether SHA-256 of the prefix followed by the decimal digits of `number` is the digest. */
  matches(number: number): boolean {
    const buffer = this.#buffer;
    const digits = String(number);
    let end = this.#tailLength;
    for (let i = 0; i < digits.length; i++) buffer[end++] = digits.charCodeAt(i);
    const blocks = end + 9 <= 64 ? 1 : 2;
    buffer[end++] = 0x80;
    buffer.fill(0, end, blocks * 64);
    const bits = (this.#prefixLength + digits.length) * 8;
    const last = blocks * 64;
    buffer[last - 4] = bits >>> 24;
    buffer[last - 3] = bits >>> 16;
    buffer[last - 2] = bits >>> 8;
    buffer[last - 1] = bits;
    const state = this.#state;
    state.set(this.#midstate);
    compress(state, buffer, 0, this.#w);
    if (blocks === 2) compress(state, buffer, 64, this.#w);
    const target = this.#target;
    for (let i = 0; i < 8; i++) if (state[i] !== target[i]) return false;
    return true;
  }
}
