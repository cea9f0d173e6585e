import { authenticationOf, normalizeIdNumber, type OtpChallenge, FLOW_LIFETIME_SECONDS } from '@dvc-kit/sdk';
import { SignedInSchema, type SignedIn, type SignInStarted, type StartSignInRequest } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import { hashRefreshToken, refreshSuccessorKey, successorRefreshToken } from '../tokens/refresh-token.js';
import { NOTHING_ALONGSIDE, type Caller, type StepCommit } from './caller.js';
import { passkeys } from './passkeys.js';
import { openSignInSession } from './sign-in-session.js';
import { takeSignInAttempt } from './sign-in-address-limit.js';
import { signInThrottleKey } from './sign-in-throttle-key.js';
import { findFlowAwaitingCode, newCodeFlow, requireHumanCheck, resendCode, startCodeFlow } from './steps.js';

/** How long a sign-in may wait for its code. */
export const SIGN_IN_LIFETIME_SECONDS = FLOW_LIFETIME_SECONDS.signIn;

/**
 * Sign-in with ID number, password and an SMS code: start (`code_sent`) → code verified (session
 * and tokens, `completed`); a resend sends a new code.
 *
 * A wrong password and an unknown ID number get the same 401 `invalid_credentials`, in body, status
 * and time (an unknown ID still costs one argon2id verification). Failures slow the ID number down
 * whether or not it has an account; an account that signs in with two numbers (a CMND and its added
 * CCCD) has one slow-down for both ({@link signInThrottleKey}). Attempts are also counted per client address across ID numbers
 * (password spraying, `limits.signInAttempts`) before any password is checked; a correct password
 * gives its attempt back.
 */
export const signIn = {
  /**
   * Checks the human check, the address's and the ID number's limits and the password, then stores
   * the flow and sends the code to the account's phone.
   * @throws {ProblemError} `human_check_failed`, `too_many_attempts`, `invalid_credentials`, `otp_rate_limited`, `sms_unavailable`.
   */
  async start(deps: AppDeps, caller: Caller, data: StartSignInRequest): Promise<SignInStarted> {
    const { config, store, clock, codes, log } = deps;
    await requireHumanCheck(deps, data.humanCheck);
    const attempt = await takeSignInAttempt(deps, caller.address);
    const idNumber = normalizeIdNumber(data.idNumber);
    // Either number of an account (its CMND, or the CCCD added to it) finds it, and counts against it.
    const account = await store.accounts.findByIdNumber(idNumber);
    const idKey = signInThrottleKey(deps, idNumber, account);
    const decision = await store.signInThrottle.attempt(idKey, clock(), config.signInThrottle);
    if (!decision.allowed) {
      log.warn('sign_in.throttled', { id: log.hash('id', idNumber), retryAfter: decision.retryAfterSeconds });
      throw new ProblemError('too_many_attempts', { retryAfter: decision.retryAfterSeconds });
    }
    const passwordOk = await deps.passwords.verifyOrDummy(account?.passwordHash, data.password);
    if (!account || !passwordOk) {
      log.info('sign_in.failed', { id: log.hash('id', idNumber) });
      throw new ProblemError('invalid_credentials');
    }
    await Promise.all([store.signInThrottle.succeeded(idKey), attempt.giveBack()]);

    const flow = newCodeFlow(deps, caller, SIGN_IN_LIFETIME_SECONDS, { kind: 'sign_in', idNumber, phone: account.phone, details: null, accountSub: account.sub });
    const issued = await startCodeFlow(deps, caller, flow);
    log.info('sign_in.password_ok', { client: flow.clientId, sub: account.sub });
    // An account with passkeys may answer with one instead of the code; the code is sent all the same (the fallback).
    const passkey = await passkeys.signInOptions(deps, flow, account.sub);
    return { signInId: flow.id, otp: codes.view(issued.challenge), ...(passkey ? { passkey } : {}) };
  },

  /**
   * Checks the code and opens the session. The spent code, the flow's end, the session and `commit`
   * (the sealed stored answer) are one transaction: a retry after a crash past the commit replays the
   * tokens instead of finding the code spent — as long as their refresh token is still live
   * ({@link signIn.replayable}).
   * @throws {ProblemError} the code's problems, `flow_step`, `flow_not_found`.
   */
  async verifyCode(deps: AppDeps, caller: Caller, id: string, code: string, commit: StepCommit<SignedIn> = NOTHING_ALONGSIDE): Promise<SignedIn> {
    const flow = await findFlowAwaitingCode(deps, caller, id, 'sign_in');
    if (!flow.accountSub) throw new ProblemError('flow_step');
    const challenge = await deps.codes.check(flow, 'sign_in', code);
    // Password, then the SMS code just checked.
    return openSignInSession(deps, flow, flow.accountSub, authenticationOf('password_sms'), async (tx) => {
      if (!(await tx.otpChallenges.markUsed(challenge.id))) throw new ProblemError('flow_step');
    }, commit);
  },

  /**
   * Refuses to replay a stored sign-in whose refresh token the session would no longer honour (used
   * past the double-submit grace, or the session ended): the citizen evidently had the answer, and a
   * dead token handed out again would end the session when presented. The step is done.
   * @throws {ProblemError} `flow_step` when the stored answer's refresh token is no longer live.
   */
  async replayable(deps: AppDeps, caller: Caller, stored: unknown): Promise<void> {
    const { config, store, clock } = deps;
    const successorKey = refreshSuccessorKey(deps.keys.otpHmacKey);
    const answer = SignedInSchema.safeParse(stored);
    const presented = answer.success ? answer.data.tokens.refreshToken : undefined;
    const live =
      presented !== undefined &&
      (await store.sessions.isRefreshTokenLive(
        hashRefreshToken(presented),
        hashRefreshToken(successorRefreshToken(successorKey, presented)),
        caller.client.id,
        clock(),
        config.tokens.refreshReuseGraceSeconds,
      ));
    if (!live) throw new ProblemError('flow_step');
  },

  /** "Gửi lại OTP": a new code replaces the old one. */
  resend(deps: AppDeps, caller: Caller, id: string): Promise<OtpChallenge> {
    return resendCode(deps, caller, id, 'sign_in');
  },
};

