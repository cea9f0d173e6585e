import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatCountdown, isOtpCode, otpCountdown } from '../../src/otp/timing.js';

const timing = { expiresAt: '2026-01-01T00:03:00Z', resendAt: '2026-01-01T00:01:00Z' };
const at = (iso: string) => new Date(iso);

describe('otpCountdown', () => {
  test('counts down to expiry and to resend from the moment given', () => {
    assert.deepEqual(otpCountdown(timing, at('2026-01-01T00:00:30Z')), { secondsLeft: 150, resendInSeconds: 30, expired: false, canResend: false });
  });

  test('rounds up, so a code with 0.4 s left still shows 1 s and is not expired', () => {
    const countdown = otpCountdown(timing, at('2026-01-01T00:02:59.600Z'));
    assert.equal(countdown.secondsLeft, 1);
    assert.equal(countdown.expired, false);
  });

  test('allows resend exactly at resendAt, before the code expires', () => {
    assert.deepEqual(otpCountdown(timing, at('2026-01-01T00:01:00Z')), { secondsLeft: 120, resendInSeconds: 0, expired: false, canResend: true });
  });

  test('is expired exactly at expiresAt and stays at 0 afterwards', () => {
    assert.deepEqual(otpCountdown(timing, at('2026-01-01T00:03:00Z')), { secondsLeft: 0, resendInSeconds: 0, expired: true, canResend: true });
    assert.deepEqual(otpCountdown(timing, at('2026-01-01T01:00:00Z')), { secondsLeft: 0, resendInSeconds: 0, expired: true, canResend: true });
  });

  test('never counts up as time passes and never goes below 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 400_000 }), fc.integer({ min: 0, max: 100_000 }), (offsetMs, laterMs) => {
        const start = Date.parse('2026-01-01T00:00:00Z');
        const earlier = otpCountdown(timing, new Date(start + offsetMs));
        const later = otpCountdown(timing, new Date(start + offsetMs + laterMs));
        assert.ok(later.secondsLeft <= earlier.secondsLeft && later.secondsLeft >= 0);
        assert.ok(later.resendInSeconds <= earlier.resendInSeconds && later.resendInSeconds >= 0);
      }),
    );
  });
});

describe('formatCountdown', () => {
  test('formats seconds as m:ss', () => {
    assert.equal(formatCountdown(125), '2:05');
    assert.equal(formatCountdown(180), '3:00');
    assert.equal(formatCountdown(59), '0:59');
    assert.equal(formatCountdown(0), '0:00');
  });

  test('drops fractions and shows 0:00 for negative values', () => {
    assert.equal(formatCountdown(61.9), '1:01');
    assert.equal(formatCountdown(-5), '0:00');
  });
});

describe('isOtpCode', () => {
  test('accepts exactly six digits', () => {
    assert.equal(isOtpCode('012345'), true);
  });

  test('refuses fewer or more digits, spaces and letters', () => {
    for (const input of ['', '12345', '1234567', '123 456', '12345a', ' 123456']) {
      assert.equal(isOtpCode(input), false, input);
    }
  });
});
