import { PATHS } from '@dvc-kit/sdk';
import { CompleteRecoverySchema, StartRecoverySchema, VerifyCodeSchema } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { recovery } from '../flows/recovery.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { answerWith, callerOf, flowId } from './edge.js';

/**
 * The password-recovery endpoints ("Quên mật khẩu") over the recovery flow (`flows/recovery.ts`):
 * `POST /v1/recoveries` (201, the same answer whether or not the ID number has an account) →
 * `POST …/otp/verify` (200 `next: password`) → `POST …/password` (200 `next: sign_in`, every session
 * of the account ended). `POST …/otp/resend` sends a new code. The code and password steps honour
 * `Idempotency-Key`, their answers stored in the step's own transaction.
 */
export function recoveryRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store, clock } = deps;
  const routes = new Hono<AppEnv>();
  const idempotencyDeps = { store, clock, hashKey: deps.keys.logHashKey, leaseSeconds: config.idempotency.leaseSeconds, encryption: deps.encryption };

  routes.post(PATHS.recoveries, async (c) => {
    const { data } = await readBody(c, StartRecoverySchema);
    return c.json(await recovery.start(deps, callerOf(c, deps), data), 201);
  });

  routes.post('/v1/recoveries/:id/otp/verify', async (c) => {
    const { data, raw } = await readBody(c, VerifyCodeSchema);
    const caller = callerOf(c, deps);
    return idempotent(c, idempotencyDeps, raw, async (held) => ({
      status: 200,
      body: await recovery.verifyCode(deps, caller, flowId(c), data.code, answerWith(held, 200)),
    }));
  });

  routes.post('/v1/recoveries/:id/otp/resend', async (c) => c.json({ otp: await recovery.resend(deps, callerOf(c, deps), flowId(c)) }, 200));

  routes.post('/v1/recoveries/:id/password', async (c) => {
    const { data, raw } = await readBody(c, CompleteRecoverySchema);
    const caller = callerOf(c, deps);
    return idempotent(c, idempotencyDeps, raw, async (held) => ({
      status: 200,
      body: await recovery.complete(deps, caller, flowId(c), data, answerWith(held, 200)),
    }));
  });

  return routes;
}
