import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AccountHolder } from '../flows/account-changes.js';
import type { AppEnv } from '../http/env.js';
import { problemResponse } from '../http/problem.js';

/** The Hono environment of routes behind {@link requireAccessToken}: the signed-in holder is known. */
export interface SignedInEnv {
  Bindings: AppEnv['Bindings'];
  Variables: AppEnv['Variables'] & {
    /** The account and live session of the request's access token. */
    holder: AccountHolder;
  };
}

/**
 * The account and session of a request's `Authorization: Bearer` access token: issued by this service
 * to the calling portal, unexpired, and its session still live in the store (not signed out, not ended
 * by a password change elsewhere, within its idle and absolute limits) — a valid signature alone is
 * not enough. `undefined` otherwise, and `presented` says whether there was a token at all.
 */
export async function holderOf(c: Context<AppEnv>, deps: Pick<AppDeps, 'tokens' | 'store' | 'clock'>): Promise<{ holder?: AccountHolder; presented: boolean }> {
  const header = c.req.header('Authorization') ?? '';
  const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(header)?.[1];
  if (!token) return { presented: header !== '' };
  const claims = await deps.tokens.verifyAccessToken(token, c.var.client.id);
  const session = claims ? await deps.store.sessions.findActive(claims.sid, deps.clock()) : undefined;
  if (!claims || !session || session.accountSub !== claims.sub || session.clientId !== c.var.client.id) return { presented: true };
  const account = await deps.store.accounts.findBySub(claims.sub);
  return account ? { holder: { account, session }, presented: true } : { presented: true };
}

/**
 * Lets a request through only with a live access token (see {@link holderOf}); otherwise answers 401
 * `unauthorized` with `WWW-Authenticate` (RFC 6750), without reading the body.
 */
export function requireAccessToken(deps: Pick<AppDeps, 'tokens' | 'store' | 'clock'>): MiddlewareHandler<SignedInEnv> {
  return async (c, next) => {
    const { holder, presented } = await holderOf(c as unknown as Context<AppEnv>, deps);
    if (!holder) {
      const response = problemResponse('unauthorized', c.var.lang);
      response.headers.set('WWW-Authenticate', presented ? 'Bearer error="invalid_token"' : 'Bearer');
      return response;
    }
    c.set('holder', holder);
    await next();
  };
}
