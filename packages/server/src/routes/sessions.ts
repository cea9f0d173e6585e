import { PATHS } from '@dvc-kit/sdk';
import { RefreshSchema } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError, problemResponse } from '../http/problem.js';
import { hashRefreshToken, refreshSuccessorKey, successorRefreshToken } from '../tokens/refresh-token.js';
import { accountDetailsView } from '../flows/account-view.js';
import { holderOf } from './bearer.js';

/**
 * Sessions after sign-in: `POST /v1/tokens/refresh` trades a refresh token for a new token set (the
 * old refresh token dies; presenting a dead one ends the session, since someone copied it — except
 * within `tokens.refreshReuseGraceSeconds` while its successor is unused, a double submit, which gets
 * the same new refresh token); `POST /v1/sign-out` ends the session on every portal, asked by the
 * portal the session was made for (another gets 403 `client_mismatch`); `GET /v1/userinfo` reads the
 * account with an access token, as an account page shows it (contacts masked, what may change).
 */
export function sessionRoutes(deps: AppDeps): Hono<AppEnv> {
  const { store, clock, log, config } = deps;
  const routes = new Hono<AppEnv>();

  const successorKey = refreshSuccessorKey(deps.keys.otpHmacKey);

  routes.post(PATHS.refresh, async (c) => {
    const { data } = await readBody(c, RefreshSchema);
    const next = successorRefreshToken(successorKey, data.refreshToken);
    const ttl = config.tokens;
    const result = await store.sessions.rotateRefreshToken(
      hashRefreshToken(data.refreshToken), hashRefreshToken(next), c.var.client.id, clock(), ttl.sessionIdleSeconds, ttl.refreshReuseGraceSeconds,
    );
    if (result.outcome === 'reused') log.warn('session.refresh_token_reused', { client: c.var.client.id });
    if (result.outcome === 'repeated') log.info('session.refresh_repeated', { client: c.var.client.id, sid: result.session.id });
    if (result.outcome !== 'rotated' && result.outcome !== 'repeated') throw new ProblemError('unauthorized');
    const account = await store.accounts.findBySub(result.session.accountSub);
    if (!account) throw new ProblemError('unauthorized');
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.tokens.issue(account, result.session, next), 200);
  });

  routes.post(PATHS.signOut, async (c) => {
    const { data } = await readBody(c, RefreshSchema);
    const outcome = await store.sessions.revokeByRefreshToken(hashRefreshToken(data.refreshToken), c.var.client.id, clock(), 'signed_out');
    if (outcome === 'other_client') {
      log.warn('session.sign_out_other_client', { client: c.var.client.id });
      throw new ProblemError('client_mismatch');
    }
    if (outcome === 'ended') log.info('session.signed_out', { client: c.var.client.id });
    return c.body(null, 204);
  });

  routes.get(PATHS.userinfo, async (c) => {
    const { holder, presented } = await holderOf(c, deps);
    if (!holder) {
      const response = problemResponse('unauthorized', c.var.lang);
      response.headers.set('WWW-Authenticate', presented ? 'Bearer error="invalid_token"' : 'Bearer');
      return response;
    }
    c.header('Cache-Control', 'no-store');
    return c.json(accountDetailsView(holder.account), 200);
  });

  return routes;
}
