import { PATHS } from '@dvc-kit/sdk';
import { AssuranceUpgradeSchema, signatureProofOf, SignatureSignInSchema, StartSignatureRegistrationSchema } from '@dvc-kit/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { ialUpgrade } from '../flows/ial-upgrade.js';
import { signatureRegistration } from '../flows/registration/signature-registration.js';
import { signIn } from '../flows/sign-in.js';
import { signatureSignIn } from '../flows/signature-sign-in.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { requireAccessToken, type SignedInEnv } from './bearer.js';
import { answerWith, callerOf } from './edge.js';
import { signingRequestProblem } from './signature-requests.js';

/** A signed-in request seen as any other request of the app (the holder aside). */
const plain = (c: Context<SignedInEnv>) => c as unknown as Context<AppEnv>;

/**
 * The flows that take a signed challenge (USB token) or a signed SIM-signature or remote-signing
 * request (`signatureRequestId`), each answered only while the service offers the method with trust
 * anchors for citizens (404 `not_found` when it offers none of the kind the body names):
 *
 * - `POST /v1/registrations/signature` (201, a code sent): registration at IAL3, going on at
 *   `/v1/registrations/{id}/otp/verify` and `…/password`. Honours `Idempotency-Key`.
 * - `POST /v1/sign-ins/signature` (200, session and tokens at AAL3). Honours `Idempotency-Key` as the
 *   code step of a sign-in does (a repeat gets the same tokens while their refresh token is live).
 * - `POST /v1/account/assurance-upgrades` (200), with the citizen's access token: the account to IAL3.
 *
 * A refused signature or certificate is its own problem (`signatureProblem`), as the preview answers;
 * a request not signed is its own too (`signingRequestProblem`): `signature_pending`, `provider_refused`,
 * `provider_timeout`, `provider_unavailable`.
 */
export function signatureFlowRoutes(deps: AppDeps): Hono<SignedInEnv> {
  const { config, store, clock } = deps;
  const routes = new Hono<SignedInEnv>();
  const idempotencyDeps = { store, clock, hashKey: deps.keys.logHashKey, leaseSeconds: config.idempotency.leaseSeconds, encryption: deps.encryption };
  const mapped = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw signingRequestProblem(deps, error);
    }
  };

  routes.post(PATHS.signatureRegistrations, async (c) => {
    const { data, raw } = await readBody(plain(c), StartSignatureRegistrationSchema);
    const caller = callerOf(plain(c), deps);
    const start = signatureRegistration.prepare(deps, data);
    return idempotent(plain(c), idempotencyDeps, raw, async (held) => ({
      status: 201,
      body: await mapped(() => signatureRegistration.start(deps, caller, start, { takenOver: held.takenOver })),
    }));
  });

  routes.post(PATHS.signatureSignIns, async (c) => {
    const { data, raw } = await readBody(plain(c), SignatureSignInSchema);
    const caller = callerOf(plain(c), deps);
    c.header('Cache-Control', 'no-store');
    return idempotent(
      plain(c),
      idempotencyDeps,
      raw,
      async (held) => ({ status: 200, body: await mapped(() => signatureSignIn.signIn(deps, caller, signatureProofOf(data), answerWith(held, 200))) }),
      { beforeReplay: (body) => signIn.replayable(deps, caller, body) },
    );
  });

  routes.post(PATHS.assuranceUpgrades, requireAccessToken(deps), async (c) => {
    const { data } = await readBody(plain(c), AssuranceUpgradeSchema);
    const caller = callerOf(plain(c), deps);
    c.header('Cache-Control', 'no-store');
    return c.json(await mapped(() => ialUpgrade.upgrade(deps, caller, c.var.holder, signatureProofOf(data))), 200);
  });

  return routes;
}
