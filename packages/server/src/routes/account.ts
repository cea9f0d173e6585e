import { PATHS } from '@dvc-kit/sdk';
import {
  CompletePasswordChangeSchema,
  StartCccdAdditionSchema,
  StartEmailChangeSchema,
  StartPasswordChangeSchema,
  StartPhoneChangeSchema,
  VerifyCodeSchema,
} from '@dvc-kit/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { accountChanges } from '../flows/account-changes.js';
import { cccdAddition } from '../flows/cccd-addition.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { requireAccessToken, type SignedInEnv } from './bearer.js';
import { answerWith, callerOf, flowId } from './edge.js';

/** A signed-in request seen as any other request of the app (the holder aside). */
const plain = (c: Context<SignedInEnv>) => c as unknown as Context<AppEnv>;

/**
 * The signed-in citizen's own account, over the account-change flow (`flows/account-changes.ts`).
 * Every route needs the citizen's access token (`Authorization: Bearer`, its session live):
 *
 * - `POST /v1/account/password-changes`, `…/email-changes`, `…/phone-changes`, `…/cccd-additions`
 *   (201, a code sent; `flows/cccd-addition.ts`) → `POST /v1/account/changes/{id}/otp/verify` (200;
 *   an email, phone or CCCD change is made, a password change goes on) → `POST …/password` (200, the password changed). `…/otp/resend` sends a new code.
 *   The code and password steps honour `Idempotency-Key`, their answers stored in the step's transaction
 *   and kept per session: another session's request with the same key is never handed this one's answer.
 * - `POST /v1/account/sign-out-everywhere` (200): every session of the account ends, on every portal.
 */
export function accountRoutes(deps: AppDeps): Hono<SignedInEnv> {
  const { config, store, clock } = deps;
  const routes = new Hono<SignedInEnv>();
  const idempotencyDeps = { store, clock, hashKey: deps.keys.logHashKey, leaseSeconds: config.idempotency.leaseSeconds, encryption: deps.encryption };
  routes.use('/v1/account/*', requireAccessToken(deps));
  /** {@link idempotent}, with the keys kept per session. */
  const ownIdempotent = (c: Context<SignedInEnv>, raw: string, work: Parameters<typeof idempotent>[3]) =>
    idempotent(plain(c), idempotencyDeps, raw, work, { owner: c.var.holder.session.id });

  routes.post(PATHS.passwordChanges, async (c) => {
    const { data } = await readBody(plain(c), StartPasswordChangeSchema);
    return c.json(await accountChanges.startPassword(deps, callerOf(plain(c), deps), c.var.holder, data), 201);
  });

  routes.post(PATHS.emailChanges, async (c) => {
    const { data } = await readBody(plain(c), StartEmailChangeSchema);
    return c.json(await accountChanges.startEmail(deps, callerOf(plain(c), deps), c.var.holder, data), 201);
  });

  routes.post(PATHS.phoneChanges, async (c) => {
    const { data } = await readBody(plain(c), StartPhoneChangeSchema);
    return c.json(await accountChanges.startPhone(deps, callerOf(plain(c), deps), c.var.holder, data), 201);
  });

  routes.post(PATHS.cccdAdditions, async (c) => {
    const { data } = await readBody(plain(c), StartCccdAdditionSchema);
    return c.json(await cccdAddition.start(deps, callerOf(plain(c), deps), c.var.holder, data), 201);
  });

  routes.post('/v1/account/changes/:id/otp/verify', async (c) => {
    const { data, raw } = await readBody(plain(c), VerifyCodeSchema);
    const caller = callerOf(plain(c), deps);
    return ownIdempotent(c, raw, async (held) => ({
      status: 200,
      body: await accountChanges.verifyCode(deps, caller, c.var.holder, flowId(plain(c)), data.code, answerWith(held, 200)),
    }));
  });

  routes.post('/v1/account/changes/:id/otp/resend', async (c) =>
    c.json({ otp: await accountChanges.resend(deps, callerOf(plain(c), deps), c.var.holder, flowId(plain(c))) }, 200),
  );

  routes.post('/v1/account/changes/:id/password', async (c) => {
    const { data, raw } = await readBody(plain(c), CompletePasswordChangeSchema);
    const caller = callerOf(plain(c), deps);
    return ownIdempotent(c, raw, async (held) => ({
      status: 200,
      body: await accountChanges.completePassword(deps, caller, c.var.holder, flowId(plain(c)), data, answerWith(held, 200)),
    }));
  });

  routes.post(PATHS.signOutEverywhere, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await accountChanges.signOutEverywhere(deps, callerOf(plain(c), deps), c.var.holder), 200);
  });

  return routes;
}
