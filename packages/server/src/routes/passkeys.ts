import { PATHS } from '@dvc-kit/sdk';
import { AddPasskeySchema, PasskeyIdField, StartPasskeyRegistrationSchema, VerifySignInPasskeySchema } from '@dvc-kit/sdk/contract';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { originUnderRpId } from '../config.js';
import { passkeys } from '../flows/passkeys.js';
import { signIn } from '../flows/sign-in.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { ProblemError } from '../http/problem.js';
import { requireAccessToken, type SignedInEnv } from './bearer.js';
import { answerWith, callerOf, flowId } from './edge.js';

/** A signed-in request seen as any other request of the app (the holder aside). */
const plain = (c: Context<SignedInEnv>) => c as unknown as Context<AppEnv>;

/** {@link requireAccessToken}, unless a middleware before it already found the holder (`/v1/account/*` has one). */
function signedIn(deps: AppDeps): MiddlewareHandler<SignedInEnv> {
  const require = requireAccessToken(deps);
  return async (c, next) => (c.var.holder ? next() : require(c, next));
}

/**
 * The passkey endpoints over the passkey flow (`flows/passkeys.ts`), mounted only when the service
 * offers passkeys (`passkeys` configured):
 *
 * - With the citizen's access token: `POST /v1/account/passkeys/options` (200, the creation options,
 *   after the current password on a recent sign-in) → `POST /v1/account/passkeys` (201, the passkey
 *   added); `GET /v1/account/passkeys` (200, the list); `DELETE /v1/account/passkeys/{id}` (204).
 * - At sign-in, instead of the code: `POST /v1/sign-ins/{id}/passkey` (200, session and tokens, as the
 *   code step answers; honours `Idempotency-Key` as that step does), and
 *   `POST /v1/sign-ins/{id}/passkey/options` (200) for a new challenge after a failed try.
 * - `GET /.well-known/webauthn` (with `passkeys.relatedOrigins`): the portals' origins outside the RP ID,
 *   for WebAuthn Related Origin Requests.
 */
export function passkeyRoutes(deps: AppDeps): Hono<SignedInEnv> {
  const { config, store, clock } = deps;
  const routes = new Hono<SignedInEnv>();
  const idempotencyDeps = { store, clock, hashKey: deps.keys.logHashKey, leaseSeconds: config.idempotency.leaseSeconds, encryption: deps.encryption };
  const holderRequired = signedIn(deps);

  routes.post(PATHS.passkeyOptions, holderRequired, async (c) => {
    const { data } = await readBody(plain(c), StartPasskeyRegistrationSchema);
    c.header('Cache-Control', 'no-store');
    return c.json(await passkeys.startRegistration(deps, callerOf(plain(c), deps), c.var.holder, data), 200);
  });

  routes.post(PATHS.passkeys, holderRequired, async (c) => {
    const { data } = await readBody(plain(c), AddPasskeySchema);
    return c.json(await passkeys.add(deps, callerOf(plain(c), deps), c.var.holder, data), 201);
  });

  routes.get(PATHS.passkeys, holderRequired, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await passkeys.list(deps, c.var.holder), 200);
  });

  routes.delete('/v1/account/passkeys/:id', holderRequired, async (c) => {
    const id = c.req.param('id');
    if (!PasskeyIdField.safeParse(id).success) throw new ProblemError('passkey_not_found');
    await passkeys.remove(deps, callerOf(plain(c), deps), c.var.holder, id);
    return c.body(null, 204);
  });

  routes.post('/v1/sign-ins/:id/passkey/options', async (c) => c.json(await passkeys.newSignInOptions(deps, callerOf(plain(c), deps), flowId(plain(c))), 200));

  routes.post('/v1/sign-ins/:id/passkey', async (c) => {
    const { data, raw } = await readBody(plain(c), VerifySignInPasskeySchema);
    const caller = callerOf(plain(c), deps);
    return idempotent(
      plain(c),
      idempotencyDeps,
      raw,
      async (held) => ({ status: 200, body: await passkeys.verifySignIn(deps, caller, flowId(plain(c)), data, answerWith(held, 200)) }),
      { beforeReplay: (body) => signIn.replayable(deps, caller, body) },
    );
  });

  const settings = config.passkeys;
  if (settings?.relatedOrigins) {
    const origins = [...new Set(config.clients.flatMap((client) => client.origins))].filter((origin) => !originUnderRpId(origin, settings.rpId));
    routes.get('/.well-known/webauthn', (c) => {
      c.header('Cache-Control', 'public, max-age=3600');
      return c.json({ origins }, 200);
    });
  }

  return routes;
}
