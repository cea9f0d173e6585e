import { randomUUID } from 'node:crypto';
import type { SignInAuthentication } from '@dvc-kit/sdk';
import type { SignedIn } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import type { AccountRecord } from '../store/accounts.js';
import type { FlowRecord } from '../store/flows.js';
import type { SessionRecord } from '../store/sessions.js';
import type { Store } from '../store/store.js';
import { generateRefreshToken, hashRefreshToken } from '../tokens/refresh-token.js';
import { accountView } from './account-view.js';
import type { StepCommit } from './caller.js';

/**
 * Ends a sign-in whose second factor was just proved — the SMS code, or a passkey — with a new session
 * and its tokens; the session records `authentication` (method, AAL, `amr`), which its tokens carry. `spend` (the code or the passkey's use), the flow's end, the session
 * and `commit` (the sealed stored answer) are one transaction.
 * @throws {ProblemError} `flow_not_found` when the account is gone, `flow_step` when a parallel request ended the sign-in first.
 */
export async function openSignInSession(
  deps: AppDeps,
  flow: FlowRecord,
  accountSub: string,
  authentication: SignInAuthentication,
  spend: (tx: Store) => Promise<void>,
  commit: StepCommit<SignedIn>,
): Promise<SignedIn> {
  const { store, log } = deps;
  const account = await store.accounts.findBySub(accountSub);
  if (!account) throw new ProblemError('flow_not_found');
  const { session, refreshToken, result } = await newSession(deps, account, flow.clientId, authentication);
  await store.transaction(async (tx) => {
    await spend(tx);
    if (!(await tx.flows.advance(flow.id, 'code_sent', 'completed'))) throw new ProblemError('flow_step');
    await tx.sessions.create(session, hashRefreshToken(refreshToken));
    await commit.alongside(tx, result);
  });
  log.info('sign_in.completed', { client: flow.clientId, sub: account.sub, sid: session.id, amr: authentication.amr.join(' ') });
  return result;
}

/** A session about to be stored, its refresh token, and the answer that hands out its tokens. */
export interface NewSession {
  readonly session: SessionRecord;
  /** Stored only as its hash (`hashRefreshToken`). */
  readonly refreshToken: string;
  readonly result: SignedIn;
}

/**
 * A new session of `account` for the portal `clientId`, recording `authentication`, with its tokens
 * signed — not yet stored: the caller stores it (`sessions.create`) in the transaction that spends
 * what proved the sign-in, so the tokens are never sent for a session that rolled back.
 */
export async function newSession(
  deps: Pick<AppDeps, 'config' | 'clock' | 'tokens'>,
  account: AccountRecord,
  clientId: string,
  authentication: SignInAuthentication,
): Promise<NewSession> {
  const now = deps.clock();
  const { tokens: ttl } = deps.config;
  const session: SessionRecord = {
    id: randomUUID(),
    accountSub: account.sub,
    clientId,
    authTime: now,
    authentication,
    createdAt: now,
    idleExpiresAt: new Date(now.getTime() + Math.min(ttl.sessionIdleSeconds, ttl.sessionAbsoluteSeconds) * 1000),
    absoluteExpiresAt: new Date(now.getTime() + ttl.sessionAbsoluteSeconds * 1000),
    revokedAt: null,
  };
  const refreshToken = generateRefreshToken();
  // Signed before the commit, so the answer can be stored with the session; unsent if it rolls back.
  const tokens = await deps.tokens.issue(account, session, refreshToken);
  return { session, refreshToken, result: { tokens, account: accountView(account) } };
}
