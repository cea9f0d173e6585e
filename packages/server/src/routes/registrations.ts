import { PATHS } from '@dvc-kit/sdk';
import { CompleteRegistrationSchema, StartRegistrationSchema, VerifyCodeSchema } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { registration } from '../flows/registration/registration.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { answerWith, callerOf, flowId } from './edge.js';

/**
 * The registration endpoints over the registration flow (`flows/registration/`):
 *
 * `POST /v1/registrations` (201, code sent) → `POST …/otp/verify` (200 `next: password`, or 409
 * `account_exists`) → `POST …/password` (201, the account). `POST …/otp/resend` sends a new code.
 * Each state-changing step honours `Idempotency-Key`; the code and password steps store their answer
 * in the step's own transaction.
 */
export function registrationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store, clock } = deps;
  const routes = new Hono<AppEnv>();
  const idempotencyDeps = { store, clock, hashKey: deps.keys.logHashKey, leaseSeconds: config.idempotency.leaseSeconds, encryption: deps.encryption };

  routes.post(PATHS.registrations, async (c) => {
    const { data, raw } = await readBody(c, StartRegistrationSchema);
    const caller = callerOf(c, deps);
    const start = registration.prepare(deps, caller, data);
    return idempotent(c, idempotencyDeps, raw, async (held) => ({
      status: 201,
      body: await registration.start(deps, caller, start, { takenOver: held.takenOver }),
    }));
  });

  routes.post('/v1/registrations/:id/otp/verify', async (c) => {
    const { data, raw } = await readBody(c, VerifyCodeSchema);
    const caller = callerOf(c, deps);
    return idempotent(c, idempotencyDeps, raw, async (held) => ({
      status: 200,
      body: await registration.verifyCode(deps, caller, flowId(c), data.code, answerWith(held, 200)),
    }));
  });

  routes.post('/v1/registrations/:id/otp/resend', async (c) => c.json({ otp: await registration.resend(deps, callerOf(c, deps), flowId(c)) }, 200));

  routes.post('/v1/registrations/:id/password', async (c) => {
    const { data, raw } = await readBody(c, CompleteRegistrationSchema);
    const caller = callerOf(c, deps);
    return idempotent(c, idempotencyDeps, raw, async (held) => ({
      status: 201,
      body: await registration.complete(deps, caller, flowId(c), data, answerWith(held, 201)),
    }));
  });

  return routes;
}
