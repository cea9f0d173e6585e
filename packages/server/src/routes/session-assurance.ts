import { PATHS, unmetRequirement, type SessionAssurance } from '@dvc-kit/sdk';
import { AssuranceRequirementSchema, type AssuranceCheck, type SessionAssuranceView } from '@dvc-kit/sdk/contract';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AccountHolder } from '../flows/account-changes.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { requireAccessToken, type SignedInEnv } from './bearer.js';

/**
 * The truth about a session, for a gate "as verified by the service": read from the store, not from
 * the token — the account's identity level and method as they are now (an upgrade made on any portal
 * shows at once) and how and when this session signed in. A session that ended answers 401, though
 * its access token has not expired.
 */
export function sessionAssuranceOf({ account, session }: AccountHolder): SessionAssuranceView {
  const { aal, amr, vneidLevel } = session.authentication;
  return {
    ial: account.ial,
    ialMethod: account.verificationMethod,
    aal,
    amr: [...amr],
    authTime: Math.floor(session.authTime.getTime() / 1000),
    ...(vneidLevel ? { vneidLevel } : {}),
  };
}

/**
 * A signed-in session's assurance, with the citizen's access token (its session live in the store):
 *
 * - `GET /v1/session/assurance` (200): `{ ial, ialMethod, aal, amr, authTime, vneidLevel? }`.
 * - `POST /v1/session/assurance/check` with a requirement `{ ial?, aal?, vneidLevel?, maxAge? }` (200):
 *   `{ meets, missing, assurance }`, `maxAge` measured by the service's clock. A requirement out of
 *   range is 400 `validation_failed` naming the field.
 *
 * Both only read: nothing to guess and nothing to change, so no limit beyond the token's.
 */
export function sessionAssuranceRoutes(deps: AppDeps): Hono<SignedInEnv> {
  const routes = new Hono<SignedInEnv>();
  routes.use('/v1/session/*', requireAccessToken(deps));

  routes.get(PATHS.sessionAssurance, (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(sessionAssuranceOf(c.var.holder), 200);
  });

  routes.post(PATHS.sessionAssuranceCheck, async (c) => {
    const { data } = await readBody(c as unknown as Context<AppEnv>, AssuranceRequirementSchema);
    const assurance = sessionAssuranceOf(c.var.holder);
    const missing = unmetRequirement(assurance satisfies SessionAssurance, data, deps.clock());
    const answer: AssuranceCheck = { meets: Object.keys(missing).length === 0, missing, assurance };
    c.header('Cache-Control', 'no-store');
    return c.json(answer, 200);
  });

  return routes;
}
