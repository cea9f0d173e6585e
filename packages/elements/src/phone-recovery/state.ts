import type { OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import type { StepProblem } from '../shared/feedback.js';
import type { DvcPhoneRecoveryUnconfirmedDetail } from '../shared/events.js';

/**
 * Why `<dvc-phone-recovery>` ends at the one-stop counter: the service could not confirm the details
 * (`unconfirmed` — the same whether or not the ID number has an account, or the account a BHXH code),
 * or it does not offer the self-service way at all (`not_offered`: no social-insurance register).
 */
export type CounterReason = DvcPhoneRecoveryUnconfirmedDetail['reason'];

/**
 * The steps of `<dvc-phone-recovery>` ("Mất số điện thoại nhận OTP"): `identify → code → done`, or
 * `identify → counter` when the details are not confirmed, with `loading` before the configuration
 * arrives and `error` when the flow cannot go on. `done` and `counter` are final: neither has a live
 * field. The code step shows the masked NEW phone (the citizen typed it). `startedAt` (epoch
 * milliseconds, the widget's clock) is when the service opened the recovery, which it keeps for a
 * limited time.
 */
export type PhoneRecoveryState =
  | { readonly step: 'loading' }
  | { readonly step: 'identify'; readonly config: ServiceConfig }
  | { readonly step: 'code'; readonly config: ServiceConfig; readonly phoneRecoveryId: string; readonly otp: OtpChallenge; readonly startedAt: number }
  | { readonly step: 'done'; readonly config: ServiceConfig; readonly sessionsEnded: number }
  | { readonly step: 'counter'; readonly config: ServiceConfig; readonly reason: CounterReason }
  | ({ readonly step: 'error' } & StepProblem);

/** The name of one step of `<dvc-phone-recovery>`. */
export type PhoneRecoveryStep = PhoneRecoveryState['step'];
