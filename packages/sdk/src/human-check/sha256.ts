// A small synchronous SHA-256 (FIPS 180-4) for the human-check search. Web Crypto's digest is a
// promise per hash: tens of microseconds of scheduling for under one of hashing, which made a
// 20,000-number search take most of a second (batched, still about 350 ms in Node). Here each
// candidate is written after the salt in one reused buffer and hashed there, compared word by word.
// The constants are derived from the primes as the standard defines them, which keeps the widget
// bundle smaller than a table would.

const K = new Uint32Array(64);
const INITIAL = new Uint32Array(8);
for (let candidate = 2, found = 0; found < 64; candidate++) {
  let divisor = 2;
  while (candidate % divisor) divisor++;
  if (divisor < candidate) continue;
  if (found < 8) INITIAL[found] = (Math.sqrt(candidate) % 1) * 2 ** 32;
  K[found++] = (Math.cbrt(candidate) % 1) * 2 ** 32;
}

const W = new Uint32Array(64);

/** `x` rotated right by `n` bits. */
const rotate = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** Hashes the 64-byte block of `view` at `offset` into `state`. */
function compress(state: Uint32Array, view: DataView, offset: number): void {
  for (let i = 0; i < 64; i++) {
    if (i < 16) W[i] = view.getUint32(offset + i * 4);
    else {
      const a = W[i - 15]!;
      const b = W[i - 2]!;
      W[i] = W[i - 16]! + (rotate(a, 7) ^ rotate(a, 18) ^ (a >>> 3)) + W[i - 7]! + (rotate(b, 17) ^ rotate(b, 19) ^ (b >>> 10));
    }
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!, e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h! + (rotate(e!, 6) ^ rotate(e!, 11) ^ rotate(e!, 25)) + ((e! & f!) ^ (~e! & g!)) + K[i]! + W[i]!) | 0;
    const t2 = ((rotate(a!, 2) ^ rotate(a!, 13) ^ rotate(a!, 22)) + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d! + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  [a, b, c, d, e, f, g, h].map((word, i) => (state[i]! += word!));
}

/**
 * A test of candidates `prefix + n` against one SHA-256 digest (64 hexadecimal digits): whether
 * SHA-256 of the prefix (UTF-8) followed by the decimal digits of `n` is that digest. Made once per
 * challenge; each call writes the digits after the prefix, pads, and compresses the blocks (one for a
 * salt of up to 50 bytes), allocating only the digits' string.
 */
export function prefixedSha256(prefix: string, digestHex: string): (n: number) => boolean {
  const bytes = new TextEncoder().encode(prefix);
  const buffer = new Uint8Array(bytes.length + 128);
  buffer.set(bytes);
  const view = new DataView(buffer.buffer);
  const target = new Uint32Array(8).map((_, i) => Number.parseInt(digestHex.slice(i * 8, i * 8 + 8), 16));
  const state = new Uint32Array(8);
  return (n) => {
    const digits = String(n);
    let end = bytes.length;
    for (let i = 0; i < digits.length; ) buffer[end++] = digits.charCodeAt(i++);
    // The padding: 0x80, zeros, and the length in bits in the last 4 bytes of a whole block.
    const last = (end + 72) & ~63;
    buffer[end] = 0x80;
    buffer.fill(0, end + 1, last);
    view.setUint32(last - 4, end * 8);
    state.set(INITIAL);
    for (let offset = 0; offset < last; offset += 64) compress(state, view, offset);
    return state.every((word, i) => word === target[i]);
  };
}
