import type { ServiceConfig } from '@dvc-kit/sdk';
import type { StepProblem } from '../shared/feedback.js';
import type { RecoveryCode } from '@dvc-kit/sdk/contract';

/**
 * The steps of `<dvc-recovery>` ("Quên mật khẩu"): `identify → code → password → done`, with `loading`
 * before the configuration arrives and `error` when the flow cannot go on. The code step knows only the
 * code's timing, never where it went. `startedAt` (epoch milliseconds, the widget's clock) is when the
 * service opened the recovery, which it keeps for a limited time.
 */
export type RecoveryState =
  | { readonly step: 'loading' }
  | { readonly step: 'identify'; readonly config: ServiceConfig }
  | { readonly step: 'code'; readonly config: ServiceConfig; readonly recoveryId: string; readonly idNumber: string; readonly otp: RecoveryCode; readonly startedAt: number }
  | { readonly step: 'password'; readonly config: ServiceConfig; readonly recoveryId: string; readonly idNumber: string; readonly startedAt: number }
  | { readonly step: 'done'; readonly config: ServiceConfig }
  | ({ readonly step: 'error' } & StepProblem);

/** The name of one step of `<dvc-recovery>`. */
export type RecoveryStep = RecoveryState['step'];
