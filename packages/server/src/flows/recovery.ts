import { normalizeIdNumber, FLOW_LIFETIME_SECONDS } from '@dvc-kit/sdk';
import type {
  CompleteRecoveryRequest,
  RecoveryCode,
  RecoveryCodeVerified,
  RecoveryCompleted,
  RecoveryStarted,
  StartRecoveryRequest,
} from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import { limitKey, takeOrRefuse } from '../limits/take-or-refuse.js';
import type { IssuedCode } from '../otp/one-time-codes.js';
import { keyedHash } from '../server-keys.js';
import type { FlowRecord } from '../store/flows.js';
import type { OtpChallengeRecord } from '../store/otp-challenges.js';
import { NOTHING_ALONGSIDE, type Caller, type StepCommit } from './caller.js';
import { acceptNewPassword, PASSWORD_HISTORY_SIZE } from './password-policy.js';
import { findFlow, findFlowAwaitingCode, newCodeFlow, requireHumanCheck } from './steps.js';

/** How long a recovery may take from the ID number to the new password. */
export const RECOVERY_LIFETIME_SECONDS = FLOW_LIFETIME_SECONDS.recovery;


/** Why the sessions of a recovered account ended, as recorded with them. */
const SESSIONS_ENDED_REASON = 'password_recovered';

/**
 * What a recovery's codes are bound to and counted under instead of a phone: a stand-in derived from
 * the ID number, the same whether or not the ID number has an account, so the code-send limits (per
 * phone, per address) answer alike for both. Never a phone number: nothing is ever sent to it.
 */
function codePhone(deps: AppDeps, idNumber: string): string {
  return `recovery:${keyedHash(deps.keys.logHashKey, `recovery-code:${idNumber}`)}`;
}

/** The flow as the code rules see it: its id and the stand-in phone. */
const codeTarget = (deps: AppDeps, flow: FlowRecord) => ({ id: flow.id, phone: codePhone(deps, flow.idNumber) });

/** What a recovery's answer shows of its code: the timing, never where it went. */
function codeView(challenge: OtpChallengeRecord, length: number): RecoveryCode {
  return { length, expiresAt: challenge.expiresAt.toISOString(), resendAt: challenge.resendAt.toISOString() };
}

/**
 * Texts a recovery's code to the account's phone after the answer has gone, so the answer of an ID
 * number with an account is no slower than that of one without, and depends on nothing about the
 * phone. The phone's own send limits still hold: when they are used up, no text goes (the citizen
 * asks again later, "Gửi lại OTP"); neither that nor a gateway failure changes any answer.
 */
function deliverAfterAnswer(deps: AppDeps, issued: IssuedCode, phone: string): void {
  const { store, clock, log } = deps;
  setImmediate(() => {
    void (async () => {
      // The phone's one send budget, shared with every code and notice it is texted.
      const limit = await store.sendLimits.take([deps.codes.phoneSendLimit(phone)], clock());
      if (!limit.ok) {
        log.warn('recovery.text_withheld', { phone: log.hash('phone', phone), retryAfter: limit.retryAfterSeconds });
        return;
      }
      // A failed text is logged by deliver (`otp.send_failed`). The code stays active, unknown to
      // anyone, as the code of an ID number without an account does: marking it failed would answer
      // the next step differently.
      await deps.codes.deliver({ challenge: { ...issued.challenge, phone }, code: issued.code }).catch(() => undefined);
    })().catch((error: unknown) => log.error('recovery.text_failed', { error: error instanceof Error ? error.name : 'unexpected' }));
  });
}

/**
 * Password recovery ("Quên mật khẩu"), a state machine stored with the flow: start (ID number and
 * human check; a code to the registered phone: `code_sent`) → code verified (`code_verified`) → new
 * password (`completed`: the password replaced, every session of the account ended, on every portal).
 *
 * It never tells whether the ID number has an account: an unknown ID number gets a flow that answers
 * every step the same way — same status, same body, a code with the same timing and limits — but
 * whose code is sent nowhere and can never be verified. The answer never shows the masked phone; the
 * codes are bound to and counted under a stand-in derived from the ID number rather than the phone;
 * and the SMS goes out after the answer, so neither the answer nor its time tells. Starts are
 * limited per client address and per ID number with the numbers of the code-send limits (`otp`).
 * There are no security questions, and the code cannot be skipped.
 */
export const recovery = {
  /**
   * Spends the human check, takes one start from the address's and the ID number's limits, stores
   * the flow and makes its code (sent after the answer, and only when there is an account).
   * @throws {ProblemError} `human_check_failed`, `too_many_attempts` or `otp_rate_limited` (with `retryAfter`).
   */
  async start(deps: AppDeps, caller: Caller, data: StartRecoveryRequest): Promise<RecoveryStarted> {
    const { config, store, codes, log } = deps;
    await requireHumanCheck(deps, data.humanCheck);
    const idNumber = normalizeIdNumber(data.idNumber);
    const { otp } = config;
    await takeOrRefuse(
      deps,
      [
        { key: limitKey(deps, 'recovery', 'address', caller.address), limits: [{ max: otp.perAddressPer5Minutes, windowSeconds: 300 }] },
        {
          key: limitKey(deps, 'recovery', 'id', idNumber),
          limits: [{ max: otp.perPhonePerMinute, windowSeconds: 60 }, { max: otp.perPhonePerHour, windowSeconds: 3600 }],
        },
      ],
      'recovery.limited',
      { address: log.hash('address', caller.address), id: log.hash('id', idNumber) },
    );
    const account = await store.accounts.findByIdNumber(idNumber);
    const flow = newCodeFlow(deps, caller, RECOVERY_LIFETIME_SECONDS, {
      kind: 'recovery',
      idNumber,
      // Where the text goes; the code itself is bound to codePhone(), the same for every ID number.
      phone: account?.phone ?? codePhone(deps, idNumber),
      details: null,
      accountSub: account?.sub ?? null,
    });
    const issued = await store.transaction(async (tx) => {
      await tx.flows.create(flow);
      return codes.issue(tx, codeTarget(deps, flow), 'recovery', caller.address);
    });
    if (account) deliverAfterAnswer(deps, issued, account.phone);
    log.info('recovery.started', { client: flow.clientId, id: log.hash('id', idNumber) });
    return { recoveryId: flow.id, otp: codeView(issued.challenge, codes.view(issued.challenge).length) };
  },

  /**
   * "Gửi lại OTP": a new code replaces the old one (sent after the answer, and only when there is an account).
   * @throws {ProblemError} `flow_not_found`, `flow_step`, `otp_resend_too_soon`, `otp_rate_limited`.
   */
  async resend(deps: AppDeps, caller: Caller, id: string): Promise<RecoveryCode> {
    const { store, clock, codes } = deps;
    const flow = await findFlowAwaitingCode(deps, caller, id, 'recovery');
    const now = clock();
    const issued = await store.transaction(async (tx) => {
      if (!(await tx.otpChallenges.supersedeForResend(flow.id, now))) {
        const current = await tx.otpChallenges.active(flow.id);
        const wait = current ? Math.ceil((current.resendAt.getTime() - now.getTime()) / 1000) : 1;
        throw new ProblemError('otp_resend_too_soon', { retryAfter: Math.max(1, wait) });
      }
      return codes.issue(tx, codeTarget(deps, flow), 'recovery', caller.address);
    });
    if (flow.accountSub) deliverAfterAnswer(deps, issued, flow.phone);
    return codeView(issued.challenge, codes.view(issued.challenge).length);
  },

  /**
   * Checks the code. The spent code, the flow's move and `commit` are one transaction. A recovery of
   * an ID number without an account refuses every code as wrong, tries counted as for any code.
   * @throws {ProblemError} `otp_invalid` (with `remainingAttempts`), `otp_expired`, `otp_attempts_exceeded`, `flow_step`, `flow_not_found`.
   */
  async verifyCode(
    deps: AppDeps,
    caller: Caller,
    id: string,
    code: string,
    commit: StepCommit<RecoveryCodeVerified> = NOTHING_ALONGSIDE,
  ): Promise<RecoveryCodeVerified> {
    const { store, codes, log } = deps;
    const flow = await findFlowAwaitingCode(deps, caller, id, 'recovery');
    const challenge = await codes.check(codeTarget(deps, flow), 'recovery', code);
    if (!flow.accountSub) {
      // Its code was never sent: a right guess is as wrong as any other.
      log.info('otp.wrong', { purpose: 'recovery', remainingAttempts: challenge.maxAttempts - challenge.attempts });
      throw new ProblemError('otp_invalid', { extensions: { remainingAttempts: challenge.maxAttempts - challenge.attempts } });
    }
    const result: RecoveryCodeVerified = { recoveryId: flow.id, next: 'password' };
    await store.transaction(async (tx) => {
      if (!(await tx.otpChallenges.markUsed(challenge.id))) throw new ProblemError('flow_step');
      if (!(await tx.flows.advance(flow.id, 'code_sent', 'code_verified'))) throw new ProblemError('flow_step');
      await commit.alongside(tx, result);
    });
    log.info('recovery.code_verified', { client: flow.clientId, sub: flow.accountSub });
    return result;
  },

  /**
   * Sets the new password: the portal's policy, and none of the account's last
   * {@link PASSWORD_HISTORY_SIZE} passwords (checked against each stored argon2id hash). The new hash,
   * the old one into the history, the end of every session of the account (refresh tokens revoked),
   * the flow's end and `commit` are one transaction. The ID number's wrong-password slow-down is
   * forgotten: the citizen proved the phone and chose a new password.
   * @throws {ProblemError} `validation_failed` (`password_*` rules, `password_reused`), `flow_step`, `flow_not_found`.
   */
  async complete(
    deps: AppDeps,
    caller: Caller,
    id: string,
    data: CompleteRecoveryRequest,
    commit: StepCommit<RecoveryCompleted> = NOTHING_ALONGSIDE,
  ): Promise<RecoveryCompleted> {
    const { store, clock, log } = deps;
    const flow = await findFlow(deps, caller, id, 'recovery');
    if (flow.state !== 'code_verified' || !flow.accountSub) throw new ProblemError('flow_step');
    const account = await store.accounts.findBySub(flow.accountSub);
    if (!account) throw new ProblemError('flow_not_found');
    const newHash = await acceptNewPassword(deps, account, data);
    const now = clock();
    const result: RecoveryCompleted = { next: 'sign_in' };
    const ended = await store.transaction(async (tx) => {
      if (!(await tx.flows.advance(flow.id, 'code_verified', 'completed'))) throw new ProblemError('flow_step');
      // A parallel recovery that changed the password first wins; this one must start again.
      if (!(await tx.accounts.replacePasswordHash(account.sub, account.passwordHash, newHash))) throw new ProblemError('flow_step');
      await tx.passwordHistory.add(account.sub, account.passwordHash, now, PASSWORD_HISTORY_SIZE - 1);
      const count = await tx.sessions.revokeAllForAccount(account.sub, now, SESSIONS_ENDED_REASON);
      await tx.signInThrottle.succeeded(keyedHash(deps.keys.logHashKey, `sign-in:${account.idNumber}`));
      await commit.alongside(tx, result);
      return count;
    });
    log.info('recovery.completed', { client: flow.clientId, sub: account.sub, sessionsEnded: ended });
    return result;
  },
};
