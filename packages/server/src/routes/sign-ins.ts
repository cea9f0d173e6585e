import { randomBytes, randomUUID } from 'node:crypto';
import { normalizeIdNumber, PATHS } from '@dvc-kit/sdk';
import { SignedInSchema, StartSignInSchema, VerifyCodeSchema } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { ProblemError } from '../http/problem.js';
import { keyedHash } from '../server-keys.js';
import type { FlowRecord } from '../store/flows.js';
import type { SessionRecord } from '../store/sessions.js';
import { generateRefreshToken, hashRefreshToken, refreshSuccessorKey, successorRefreshToken } from '../tokens/refresh-token.js';
import { accountView } from './account-view.js';
import { findFlowAwaitingCode, resendCode, startCodeFlow } from './code-step.js';
import { requireHumanCheck } from './flow-lookup.js';
import { takeSignInAttempt } from './sign-in-address-limit.js';

/** How long a sign-in may wait for its code. */
export const SIGN_IN_LIFETIME_SECONDS = 15 * 60;

/**
 * Sign-in with ID number, password and an SMS code: `POST /v1/sign-ins` (`code_sent`) →
 * `POST …/otp/verify` (session and tokens, `completed`); `POST …/otp/resend` sends a new code.
 *
 * The code step honours `Idempotency-Key`: its answer (sealed at rest, for it holds the refresh
 * token) is stored in the transaction that creates the session, and replayed to a repeat while its
 * refresh token is still live.
 *
 * A wrong password and an unknown ID number get the same 401 `invalid_credentials`, in body, status
 * and time (an unknown ID still costs one argon2id verification). Failures slow the ID number down
 * whether or not it has an account. Attempts are also counted per client address across ID numbers
 * (password spraying, `limits.signInAttempts`) before any password is checked; a correct password
 * gives its attempt back.
 */
export function signInRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store, clock, codes, log } = deps;
  const routes = new Hono<AppEnv>();
  const idempotencyDeps = { store, clock, hashKey: deps.keys.logHashKey, leaseSeconds: config.idempotency.leaseSeconds, encryption: deps.encryption };
  const successorKey = refreshSuccessorKey(deps.keys.otpHmacKey);

  /**
   * Refuses to replay a stored sign-in whose refresh token the session would no longer honour (used
   * past the double-submit grace, or the session ended): the citizen evidently had the answer, and a
   * dead token handed out again would end the session when presented. The step is done: 409 `flow_step`.
   */
  async function refuseDeadSignIn(clientId: string, body: unknown): Promise<void> {
    const answer = SignedInSchema.safeParse(body);
    const presented = answer.success ? answer.data.tokens.refreshToken : undefined;
    const live =
      presented !== undefined &&
      (await store.sessions.isRefreshTokenLive(
        hashRefreshToken(presented),
        hashRefreshToken(successorRefreshToken(successorKey, presented)),
        clientId,
        clock(),
        config.tokens.refreshReuseGraceSeconds,
      ));
    if (!live) throw new ProblemError('flow_step');
  }

  routes.post(PATHS.signIns, async (c) => {
    const { data } = await readBody(c, StartSignInSchema);
    await requireHumanCheck(deps, data.humanCheck);
    const attempt = await takeSignInAttempt(c, deps);
    const idNumber = normalizeIdNumber(data.idNumber);
    const idKey = keyedHash(deps.keys.logHashKey, `sign-in:${idNumber}`);
    const decision = await store.signInThrottle.attempt(idKey, clock(), config.signInThrottle);
    if (!decision.allowed) {
      log.warn('sign_in.throttled', { id: log.hash('id', idNumber), retryAfter: decision.retryAfterSeconds });
      throw new ProblemError('too_many_attempts', { retryAfter: decision.retryAfterSeconds });
    }
    const account = await store.accounts.findByIdNumber(idNumber);
    const passwordOk = await deps.passwords.verifyOrDummy(account?.passwordHash, data.password);
    if (!account || !passwordOk) {
      log.info('sign_in.failed', { id: log.hash('id', idNumber) });
      throw new ProblemError('invalid_credentials');
    }
    await Promise.all([store.signInThrottle.succeeded(idKey), attempt.giveBack()]);

    const now = clock();
    const flow: FlowRecord = {
      id: randomBytes(16).toString('base64url'),
      kind: 'sign_in',
      clientId: c.var.client.id,
      state: 'code_sent',
      idNumber,
      phone: account.phone,
      details: null,
      accountSub: account.sub,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SIGN_IN_LIFETIME_SECONDS * 1000),
    };
    const issued = await startCodeFlow(c, deps, flow);
    log.info('sign_in.password_ok', { client: flow.clientId, sub: account.sub });
    return c.json({ signInId: flow.id, otp: codes.view(issued.challenge) }, 200);
  });

  routes.post('/v1/sign-ins/:id/otp/verify', async (c) => {
    const { data, raw } = await readBody(c, VerifyCodeSchema);
    // With an Idempotency-Key, the spent code, the flow's end, the session and the (sealed) answer
    // commit together: a retry after a crash past the commit replays the tokens instead of finding the
    // code spent — as long as their refresh token is still the session's live one.
    return idempotent(
      c,
      idempotencyDeps,
      raw,
      async (held) => {
        const flow = await findFlowAwaitingCode(c, deps, 'sign_in');
        if (!flow.accountSub) throw new ProblemError('flow_step');
        const challenge = await codes.check(flow, 'sign_in', data.code);
        const account = await store.accounts.findBySub(flow.accountSub);
        if (!account) throw new ProblemError('flow_not_found');
        const now = clock();
        const { tokens: ttl } = config;
        const session: SessionRecord = {
          id: randomUUID(),
          accountSub: account.sub,
          clientId: flow.clientId,
          authTime: now,
          createdAt: now,
          idleExpiresAt: new Date(now.getTime() + Math.min(ttl.sessionIdleSeconds, ttl.sessionAbsoluteSeconds) * 1000),
          absoluteExpiresAt: new Date(now.getTime() + ttl.sessionAbsoluteSeconds * 1000),
          revokedAt: null,
        };
        const refreshToken = generateRefreshToken();
        // Signed before the commit, so the answer can be stored with the session; unsent if it rolls back.
        const tokens = await deps.tokens.issue(account, session, refreshToken);
        const result = { status: 200, body: { tokens, account: accountView(account) } } as const;
        await store.transaction(async (tx) => {
          if (!(await tx.otpChallenges.markUsed(challenge.id))) throw new ProblemError('flow_step');
          if (!(await tx.flows.advance(flow.id, 'code_sent', 'completed'))) throw new ProblemError('flow_step');
          await tx.sessions.create(session, hashRefreshToken(refreshToken));
          await held.storeAnswer(tx, result);
        });
        log.info('sign_in.completed', { client: flow.clientId, sub: account.sub, sid: session.id });
        return result;
      },
      { beforeReplay: (body) => refuseDeadSignIn(c.var.client.id, body) },
    );
  });

  routes.post('/v1/sign-ins/:id/otp/resend', resendCode(deps, 'sign_in'));

  return routes;
}
