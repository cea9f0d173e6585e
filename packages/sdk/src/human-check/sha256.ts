// A small synchronous SHA-256 (FIPS 180-4) for the human-check search. Web Crypto's digest is a
// promise per hash: tens of microseconds of scheduling for under one of hashing, which made a
// 20,000-number search take most of a second. Here the salt's whole blocks are hashed once (the
// midstate) and each candidate hashes only the salt's tail and its digits, compared word by word.
// The constants are derived from the primes as the standard defines them, which keeps the widget
// bundle smaller than a table would.

const K = new Uint32Array(64);
const INITIAL = new Uint32Array(8);
for (let candidate = 2, found = 0; found < 64; candidate++) {
  let prime = true;
  for (let divisor = 2; divisor * divisor <= candidate; divisor++) if (candidate % divisor === 0) prime = false;
  if (!prime) continue;
  if (found < 8) INITIAL[found] = (Math.sqrt(candidate) % 1) * 2 ** 32;
  K[found++] = (Math.cbrt(candidate) % 1) * 2 ** 32;
}

const W = new Uint32Array(64);

/** Hashes the 64-byte block of `bytes` at `offset` into `state`. */
function compress(state: Uint32Array, bytes: Uint8Array, offset: number): void {
  for (let i = 0; i < 64; i++) {
    if (i < 16) {
      const j = offset + i * 4;
      W[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    } else {
      const a = W[i - 15]!;
      const b = W[i - 2]!;
      W[i] = W[i - 16]! + (((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3)) + W[i - 7]! + (((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10));
    }
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  const added = [a, b, c, d, e, f, g, h];
  for (let i = 0; i < 8; i++) state[i] = state[i]! + added[i]!;
}

/**
 * A test of candidates `prefix + n` against one SHA-256 digest (64 hexadecimal digits): whether
 * SHA-256 of the prefix (UTF-8) followed by the decimal digits of `n` is that digest. Made once per
 * challenge; each call costs one or two block compressions and allocates only the digits' string.
 */
export function prefixedSha256(prefix: string, digestHex: string): (n: number) => boolean {
  const bytes = new TextEncoder().encode(prefix);
  const midstate = INITIAL.slice();
  const whole = bytes.length - (bytes.length % 64);
  for (let offset = 0; offset < whole; offset += 64) compress(midstate, bytes, offset);
  const tail = bytes.length - whole;
  const buffer = new Uint8Array(128);
  buffer.set(bytes.subarray(whole));
  const target = new Uint32Array(8).map((_, i) => Number.parseInt(digestHex.slice(i * 8, i * 8 + 8), 16));
  const state = new Uint32Array(8);
  return (n) => {
    const digits = String(n);
    let end = tail;
    for (let i = 0; i < digits.length; i++) buffer[end++] = digits.charCodeAt(i);
    const last = end + 9 <= 64 ? 64 : 128;
    buffer[end++] = 0x80;
    buffer.fill(0, end, last);
    const bits = (bytes.length + digits.length) * 8;
    for (let i = 1; i <= 4; i++) buffer[last - i] = bits >>> (8 * (i - 1));
    state.set(midstate);
    compress(state, buffer, 0);
    if (last === 128) compress(state, buffer, 64);
    return state.every((word, i) => word === target[i]);
  };
}
