import { PATHS } from '@dvc-kit/sdk';
import { StartSignInSchema, VerifyCodeSchema } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { signIn } from '../flows/sign-in.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { answerWith, callerOf, flowId } from './edge.js';

/**
 * The sign-in endpoints over the sign-in flow (`flows/sign-in.ts`): `POST /v1/sign-ins` (200, code
 * sent) → `POST …/otp/verify` (200, session and tokens); `POST …/otp/resend` sends a new code.
 *
 * The code step honours `Idempotency-Key`: its answer (sealed at rest, for it holds the refresh
 * token) is stored in the transaction that creates the session, and replayed to a repeat while its
 * refresh token is still live.
 */
export function signInRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store, clock } = deps;
  const routes = new Hono<AppEnv>();
  const idempotencyDeps = { store, clock, hashKey: deps.keys.logHashKey, leaseSeconds: config.idempotency.leaseSeconds, encryption: deps.encryption };

  routes.post(PATHS.signIns, async (c) => {
    const { data } = await readBody(c, StartSignInSchema);
    return c.json(await signIn.start(deps, callerOf(c, deps), data), 200);
  });

  routes.post('/v1/sign-ins/:id/otp/verify', async (c) => {
    const { data, raw } = await readBody(c, VerifyCodeSchema);
    const caller = callerOf(c, deps);
    return idempotent(
      c,
      idempotencyDeps,
      raw,
      async (held) => ({ status: 200, body: await signIn.verifyCode(deps, caller, flowId(c), data.code, answerWith(held, 200)) }),
      { beforeReplay: (body) => signIn.replayable(deps, caller, body) },
    );
  });

  routes.post('/v1/sign-ins/:id/otp/resend', async (c) => c.json({ otp: await signIn.resend(deps, callerOf(c, deps), flowId(c)) }, 200));

  return routes;
}
