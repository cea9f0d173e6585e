import { PATHS } from '@dvc-kit/sdk';
import { StartPhoneRecoverySchema, VerifyCodeSchema } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { phoneRecovery } from '../flows/phone-recovery.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { answerWith, callerOf, flowId } from './edge.js';

/**
 * The lost-phone endpoints ("Mất số điện thoại nhận OTP") over the phone-recovery flow
 * (`flows/phone-recovery.ts`): `POST /v1/phone-recoveries` (201, a code to the new phone; 422
 * `phone_recovery_unconfirmed` alike for every failure) → `POST …/otp/verify` (200, the phone replaced,
 * every session ended). `POST …/otp/resend` sends a new code. The code step honours `Idempotency-Key`.
 */
export function phoneRecoveryRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store, clock } = deps;
  const routes = new Hono<AppEnv>();
  const idempotencyDeps = { store, clock, hashKey: deps.keys.logHashKey, leaseSeconds: config.idempotency.leaseSeconds, encryption: deps.encryption };

  routes.post(PATHS.phoneRecoveries, async (c) => {
    const { data } = await readBody(c, StartPhoneRecoverySchema);
    return c.json(await phoneRecovery.start(deps, callerOf(c, deps), data), 201);
  });

  routes.post('/v1/phone-recoveries/:id/otp/verify', async (c) => {
    const { data, raw } = await readBody(c, VerifyCodeSchema);
    const caller = callerOf(c, deps);
    return idempotent(c, idempotencyDeps, raw, async (held) => ({
      status: 200,
      body: await phoneRecovery.verifyCode(deps, caller, flowId(c), data.code, answerWith(held, 200)),
    }));
  });

  routes.post('/v1/phone-recoveries/:id/otp/resend', async (c) => c.json(await phoneRecovery.resend(deps, callerOf(c, deps), flowId(c)), 200));

  return routes;
}
