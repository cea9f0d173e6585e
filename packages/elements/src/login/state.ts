import type { Account, OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import type { PasskeyRequestOptions } from '@dvc-kit/sdk/contract';
import type { StepProblem } from '../shared/feedback.js';

/**
 * The steps of `<dvc-login>`: `credentials → code → done` (or `credentials → recovery | lostPhone | signature → credentials`, `signature → done`), with `loading` before the configuration
 * arrives and `error` when the flow cannot go on. `startedAt` (epoch milliseconds, the widget's clock)
 * is when the service opened the sign-in, which it keeps for a limited time. `passkey`, on the code step, is
 * the challenge the sign-in started with when the account has passkeys (a passkey may answer instead of the code).
 */
export type LoginState =
  | { readonly step: 'loading' }
  | { readonly step: 'credentials'; readonly config: ServiceConfig }
  | {
      readonly step: 'code';
      readonly config: ServiceConfig;
      readonly signInId: string;
      readonly otp: OtpChallenge;
      readonly startedAt: number;
      readonly passkey?: PasskeyRequestOptions;
    }
  | { readonly step: 'done'; readonly config: ServiceConfig; readonly account: Account }
  /** "Quên mật khẩu" opened in place (`<dvc-recovery>`), starting from the ID number typed so far. */
  | { readonly step: 'recovery'; readonly config: ServiceConfig; readonly idNumber: string }
  /** "Mất số điện thoại nhận OTP" opened in place (`<dvc-phone-recovery>`), starting from the ID number typed so far. */
  | { readonly step: 'lostPhone'; readonly config: ServiceConfig; readonly idNumber: string }
  /** "Đăng nhập bằng chữ ký số" opened in place (`<dvc-signature operation="sign-in">`). */
  | { readonly step: 'signature'; readonly config: ServiceConfig }
  | ({ readonly step: 'error' } & StepProblem);

/** The name of one step of `<dvc-login>`. */
export type LoginStep = LoginState['step'];
