/** The timing of one one-time-code challenge as the service reports it (ISO instants). */
export interface OtpTiming {
  /** When the code stops being accepted. */
  readonly expiresAt: string;
  /** When "Gửi lại OTP" (resend) is allowed. */
  readonly resendAt: string;
}

/** What a widget shows at a moment: seconds left for the code and until resend is allowed. */
export interface OtpCountdown {
  readonly secondsLeft: number;
  readonly resendInSeconds: number;
  readonly expired: boolean;
  readonly canResend: boolean;
}

/**
 * Works out the countdown of a one-time code at `now`, rounding up so "0 s" only shows once the
 * moment has passed.
 *
 * @example
 * ```ts
 * const c = otpCountdown({ expiresAt: '2026-01-01T00:03:00Z', resendAt: '2026-01-01T00:01:00Z' },
 *   new Date('2026-01-01T00:00:30Z'));
 * // c.secondsLeft === 150, c.resendInSeconds === 30, c.canResend === false
 * ```
 */
export function otpCountdown(timing: OtpTiming, now: Date = new Date()): OtpCountdown {
  const secondsUntil = (iso: string) => Math.max(0, Math.ceil((Date.parse(iso) - now.getTime()) / 1000));
  const secondsLeft = secondsUntil(timing.expiresAt);
  const resendInSeconds = secondsUntil(timing.resendAt);
  return { secondsLeft, resendInSeconds, expired: secondsLeft === 0, canResend: resendInSeconds === 0 };
}

/**
 * Formats seconds as `m:ss` for a countdown.
 *
 * @example
 * ```ts
 * formatCountdown(125); // '2:05'
 * ```
 */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

/** Whether `input` has the shape of a one-time code: exactly six digits. */
export function isOtpCode(input: string): boolean {
  return /^\d{6}$/.test(input);
}
