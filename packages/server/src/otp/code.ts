import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** Digits in a one-time code. */
export const OTP_LENGTH = 6;

/** A fresh 6-digit code from the CSPRNG (`crypto.randomInt`), leading zeros kept. */
export function generateCode(): string {
  return String(randomInt(0, 10 ** OTP_LENGTH)).padStart(OTP_LENGTH, '0');
}

/** What a code is bound to: its challenge, purpose and phone. */
export interface CodeBinding {
  readonly challengeId: string;
  readonly purpose: string;
  readonly phone: string;
}

/**
 * The stored form of a code: HMAC-SHA256 under the server key over the code and what it is bound to,
 * so a code is worthless for another flow, purpose or phone, and a database leak reveals no code.
 */
export function codeHmac(key: string, binding: CodeBinding, code: string): string {
  return createHmac('sha256', key).update(`${binding.challengeId}\n${binding.purpose}\n${binding.phone}\n${code}`, 'utf8').digest('hex');
}

/** Compares a typed code with a stored HMAC in constant time. */
export function codeMatches(key: string, binding: CodeBinding, code: string, storedHmac: string): boolean {
  const expected = Buffer.from(storedHmac, 'hex');
  const actual = Buffer.from(codeHmac(key, binding, code), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
