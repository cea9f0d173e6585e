import { maskPhone, parsePhone, FLOW_LIFETIME_SECONDS } from '@dvc-kit/sdk';
import type {
  AccountChangeCodeVerified,
  AccountChangeStarted,
  CompletePasswordChangeRequest,
  OtpChallenge,
  PasswordChanged,
  SignedOutEverywhere,
  StartEmailChangeRequest,
  StartPasswordChangeRequest,
  StartPhoneChangeRequest,
} from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import { RegistryUnavailableError } from '../registries/carrier.js';
import type { AccountRecord } from '../store/accounts.js';
import type { AccountChangeDetails, FlowRecord } from '../store/flows.js';
import type { SessionRecord } from '../store/sessions.js';
import type { Store } from '../store/store.js';
import { accountNumber, requireCitizen, type CitizenAccount } from './account-holder.js';
import { NOTHING_ALONGSIDE, type Caller, type StepCommit } from './caller.js';
import { acceptNewPassword, PASSWORD_HISTORY_SIZE } from './password-policy.js';
import { takeRegisterLookup } from './register-lookup-limit.js';
import { takeSignInAttempt } from './sign-in-address-limit.js';
import { noticeAfterAnswer } from './notice.js';
import { signInThrottleKey } from './sign-in-throttle-key.js';
import { findFlow, newCodeFlow, startCodeFlow } from './steps.js';

/** How long a change may take from the current password to the new detail. */
export const ACCOUNT_CHANGE_LIFETIME_SECONDS = FLOW_LIFETIME_SECONDS.accountChange;

/** Why a CCCD addition was refused at its last step. */
interface CccdRefused {
  readonly refused: 'cccd_in_use' | 'cccd_already_added';
}

/** The signed-in citizen asking, as the edge found them: a live session and its account. */
export interface AccountHolder {
  readonly account: AccountRecord;
  /** The session of the access token; it must be live (not signed out, not expired) in the store. */
  readonly session: SessionRecord;
}

/** Why sessions ended, as recorded with them. */
const ENDED_BY = { password: 'password_changed', email: 'email_changed', phone: 'phone_changed', cccd: 'cccd_added', everywhere: 'signed_out_everywhere' } as const;

/**
 * The text to a phone that is no longer the account's: ASCII (it travels on every handset), naming
 * the new number only masked, and what to do when the citizen did not ask for it.
 */
export function phoneChangedNotice(newPhone: string): string {
  return `DVC: So dien thoai nhan ma cua tai khoan dich vu cong da doi sang ${maskPhone(newPhone)}. Neu khong phai ban yeu cau, hay den bo phan mot cua gan nhat.`;
}

/**
 * Checks the current password, counted as a sign-in attempt is: against the address's attempts
 * (password spraying) and the ID number's wrong-password slow-down, so a change cannot be used to
 * guess passwords faster than sign-in allows. A right password clears both, as at sign-in.
 * @throws {ProblemError} `too_many_attempts` (with `retryAfter`) or `invalid_credentials`.
 */
export async function requireCurrentPassword(deps: AppDeps, caller: Caller, account: AccountRecord, password: string): Promise<void> {
  const { config, store, clock, log } = deps;
  const attempt = await takeSignInAttempt(deps, caller.address);
  const idKey = signInThrottleKey(deps, accountNumber(account), { idNumber: accountNumber(account) });
  const decision = await store.signInThrottle.attempt(idKey, clock(), config.signInThrottle);
  if (!decision.allowed) {
    log.warn('account_change.throttled', { sub: account.sub, retryAfter: decision.retryAfterSeconds });
    throw new ProblemError('too_many_attempts', { retryAfter: decision.retryAfterSeconds });
  }
  if (!(await deps.passwords.verify(account.passwordHash, password))) {
    log.info('account_change.wrong_password', { sub: account.sub });
    throw new ProblemError('invalid_credentials');
  }
  await Promise.all([store.signInThrottle.succeeded(idKey), attempt.giveBack()]);
}

/**
 * Asks the carrier whether the new SIM is registered to the account's holder, counted against the
 * register look-up limits of the address and the ID number before the carrier is asked.
 * @throws {ProblemError} `too_many_attempts`, `carrier_mismatch` or `registry_unavailable`.
 */
async function requireCarrierMatch(deps: AppDeps, caller: Caller, account: CitizenAccount, phone: string): Promise<void> {
  const { log } = deps;
  await takeRegisterLookup(deps, caller.address, 'carrier', account.idNumber);
  let match: 'match' | 'mismatch';
  try {
    match = await deps.carrier.verifySubscriber({ idNumber: account.idNumber, fullName: account.fullName, birthDate: account.birthDate, phone });
  } catch (error) {
    log.error('registry.unavailable', { registry: 'carrier', error: error instanceof RegistryUnavailableError ? error.message : 'unexpected' });
    throw new ProblemError('registry_unavailable', { retryAfter: 60 });
  }
  if (match === 'mismatch') {
    log.info('account_change.carrier_mismatch', { sub: account.sub, phone: log.hash('phone', phone) });
    throw new ProblemError('carrier_mismatch');
  }
}

/** Stores the change and sends its first code (to `phone`); the answer shows where it went. */
export async function beginChange(deps: AppDeps, caller: Caller, holder: AccountHolder, phone: string, change: AccountChangeDetails): Promise<AccountChangeStarted> {
  const { codes, log } = deps;
  const flow = newCodeFlow(deps, caller, ACCOUNT_CHANGE_LIFETIME_SECONDS, {
    kind: 'account_change',
    idNumber: accountNumber(holder.account),
    phone,
    details: null,
    accountSub: holder.account.sub,
    change,
  });
  const issued = await startCodeFlow(deps, caller, flow);
  log.info('account_change.started', { client: flow.clientId, sub: holder.account.sub, change: change.change });
  return { changeId: flow.id, change: change.change, otp: codes.view(issued.challenge) };
}

/**
 * The change with this id, if the asking citizen started it from this very session, on this portal,
 * and it has not expired: another citizen's (or another session's) change id is not found.
 * @throws {ProblemError} `flow_not_found`.
 */
async function findChange(deps: AppDeps, caller: Caller, holder: AccountHolder, id: string): Promise<FlowRecord & { change: AccountChangeDetails }> {
  const flow = await findFlow(deps, caller, id, 'account_change');
  if (flow.accountSub !== holder.account.sub || !flow.change || !('sessionId' in flow.change) || flow.change.sessionId !== holder.session.id) {
    throw new ProblemError('flow_not_found');
  }
  return flow as FlowRecord & { change: AccountChangeDetails };
}

/** Ends the holder's other sessions when the change asked for it; how many ended. */
async function endOthersIfAsked(tx: Store, holder: AccountHolder, change: AccountChangeDetails, now: Date): Promise<number> {
  if (!change.endOtherSessions) return 0;
  return tx.sessions.revokeOtherSessions(holder.account.sub, holder.session.id, now, ENDED_BY[change.change]);
}

/**
 * Texts the old phone that the account's phone changed, after the answer and within that phone's
 * own send limits. Best effort: a refused limit or a failed gateway is logged and changes nothing.
 * Also sent by a lost-phone recovery (`flows/phone-recovery.ts`).
 */
export function noticeOldPhone(deps: AppDeps, oldPhone: string, newPhone: string): void {
  noticeAfterAnswer(deps, oldPhone, phoneChangedNotice(newPhone), 'account_change.notice');
}

/**
 * Changes of a signed-in account — password, email, phone — and sign-out everywhere. Each change is a
 * flow of its own kind (`account_change`) bound to the account, the session and the portal that
 * started it, living {@link ACCOUNT_CHANGE_LIFETIME_SECONDS}:
 *
 * - password: current password → code to the registered phone (`code_sent`) → code verified
 *   (`code_verified`) → new password (`completed`: policy, none of the last 5, history kept).
 * - email: current password and the new email → code to the registered phone → email replaced (`completed`).
 * - phone: current password and the new phone → the carrier confirms the SIM is the holder's →
 *   code to the NEW phone (the old one may be lost) → phone replaced (`completed`), a notice to the old one.
 *
 * An access token alone changes nothing: each change needs the current password and a fresh code.
 * The current password counts as a sign-in attempt (address limit, ID number slow-down). Other
 * sessions end when asked (`endOtherSessions`; by default for a password, not for email or phone).
 * The final write, the spent code, the flow's move, the sessions' end and the stored idempotent
 * answer are one transaction.
 */
export const accountChanges = {
  /**
   * Starts a password change.
   * @throws {ProblemError} `too_many_attempts`, `invalid_credentials`, `otp_rate_limited`, `sms_unavailable`.
   */
  async startPassword(deps: AppDeps, caller: Caller, holder: AccountHolder, data: StartPasswordChangeRequest): Promise<AccountChangeStarted> {
    await requireCurrentPassword(deps, caller, holder.account, data.currentPassword);
    return beginChange(deps, caller, holder, holder.account.phone, { change: 'password', sessionId: holder.session.id, endOtherSessions: data.endOtherSessions ?? true });
  },

  /**
   * Starts an email change; the new email must differ from the current one.
   * @throws {ProblemError} `too_many_attempts`, `invalid_credentials`, `validation_failed` (`email`: `unchanged`), `otp_rate_limited`, `sms_unavailable`.
   */
  async startEmail(deps: AppDeps, caller: Caller, holder: AccountHolder, data: StartEmailChangeRequest): Promise<AccountChangeStarted> {
    await requireCurrentPassword(deps, caller, holder.account, data.currentPassword);
    const email = data.email.normalize('NFC');
    // The part after @ is case-insensitive, and no provider here tells mailboxes apart by case.
    if (holder.account.email !== null && holder.account.email.toLowerCase() === email.toLowerCase()) {
      throw new ProblemError('validation_failed', { errors: [{ field: 'email', code: 'unchanged' }] });
    }
    return beginChange(deps, caller, holder, holder.account.phone, { change: 'email', sessionId: holder.session.id, endOtherSessions: data.endOtherSessions ?? false, email });
  },

  /**
   * Starts a phone change: the new phone must differ from the current one and be the holder's at the
   * carrier; its code goes to the new phone. Citizens only: the carrier knows no enterprise or work
   * account (`subject_type_unsupported`; a counter changes theirs).
   * @throws {ProblemError} `subject_type_unsupported`, `too_many_attempts`, `invalid_credentials`, `validation_failed` (`phone`: `unchanged`), `carrier_mismatch`, `registry_unavailable`, `otp_rate_limited`, `sms_unavailable`.
   */
  async startPhone(deps: AppDeps, caller: Caller, holder: AccountHolder, data: StartPhoneChangeRequest): Promise<AccountChangeStarted> {
    const { account } = holder;
    requireCitizen(account);
    await requireCurrentPassword(deps, caller, account, data.currentPassword);
    const parsed = parsePhone(data.phone);
    // The contract's PhoneField already refused anything parsePhone refuses.
    if (!parsed.ok) throw new ProblemError('validation_failed', { errors: [{ field: 'phone', code: 'phone_format' }] });
    if (parsed.e164 === account.phone) throw new ProblemError('validation_failed', { errors: [{ field: 'phone', code: 'unchanged' }] });
    await requireCarrierMatch(deps, caller, account, parsed.e164);
    return beginChange(deps, caller, holder, parsed.e164, {
      change: 'phone',
      sessionId: holder.session.id,
      endOtherSessions: data.endOtherSessions ?? false,
      previousPhone: account.phone,
    });
  },

  /**
   * "Gửi lại OTP": a new code replaces the old one, to where the first went.
   * @throws {ProblemError} `flow_not_found`, `flow_step`, `otp_resend_too_soon`, `otp_rate_limited`, `sms_unavailable`.
   */
  async resend(deps: AppDeps, caller: Caller, holder: AccountHolder, id: string): Promise<OtpChallenge> {
    const flow = await findChange(deps, caller, holder, id);
    if (flow.state !== 'code_sent') throw new ProblemError('flow_step');
    return deps.codes.view(await deps.codes.resend(flow, 'account_change', caller.address));
  },

  /**
   * Checks the code. An email, phone or CCCD change is made in the same transaction as the spent code
   * (and the other sessions end if asked); a password change moves on to its new password. A CCCD
   * that meanwhile signs in to another account (or an account that got a CCCD by a parallel change)
   * ends the change, its code spent, with nothing added.
   * @throws {ProblemError} `otp_invalid` (with `remainingAttempts`), `otp_expired`, `otp_attempts_exceeded`, `flow_step`, `flow_not_found`, `cccd_in_use`, `cccd_already_added`.
   */
  async verifyCode(
    deps: AppDeps,
    caller: Caller,
    holder: AccountHolder,
    id: string,
    code: string,
    commit: StepCommit<AccountChangeCodeVerified> = NOTHING_ALONGSIDE,
  ): Promise<AccountChangeCodeVerified> {
    const { store, clock, codes, log } = deps;
    const flow = await findChange(deps, caller, holder, id);
    if (flow.state !== 'code_sent') throw new ProblemError('flow_step');
    const challenge = await codes.check(flow, 'account_change', code);
    const { change } = flow;
    const now = clock();
    const outcome = await store.transaction(async (tx): Promise<AccountChangeCodeVerified | CccdRefused> => {
      if (!(await tx.otpChallenges.markUsed(challenge.id))) throw new ProblemError('flow_step');
      let answer: AccountChangeCodeVerified;
      if (change.change === 'password') {
        if (!(await tx.flows.advance(flow.id, 'code_sent', 'code_verified'))) throw new ProblemError('flow_step');
        answer = { changeId: flow.id, next: 'password' };
      } else if (change.change === 'cccd') {
        const added = change.cccd ? await tx.accounts.addCccd(holder.account.sub, change.cccd, now) : 'has_cccd';
        // Refused: the flow ends with its code spent and nothing else stored; the answer says why.
        if (!(await tx.flows.advance(flow.id, 'code_sent', added === 'added' ? 'completed' : 'closed'))) throw new ProblemError('flow_step');
        if (added !== 'added') return { refused: added === 'in_use' ? 'cccd_in_use' : 'cccd_already_added' };
        answer = { changeId: flow.id, next: 'done', otherSessionsEnded: 0 };
      } else {
        if (!(await tx.flows.advance(flow.id, 'code_sent', 'completed'))) throw new ProblemError('flow_step');
        if (change.change === 'email') {
          if (!change.email || !(await tx.accounts.replaceEmail(holder.account.sub, change.email))) throw new ProblemError('flow_not_found');
        } else if (!change.previousPhone || !(await tx.accounts.replacePhone(holder.account.sub, change.previousPhone, flow.phone))) {
          // A parallel change of the phone landed first: this one must start again.
          throw new ProblemError('flow_step');
        }
        answer = { changeId: flow.id, next: 'done', otherSessionsEnded: await endOthersIfAsked(tx, holder, change, now) };
      }
      await commit.alongside(tx, answer);
      return answer;
    });
    if ('refused' in outcome) {
      log.info('account_change.cccd_refused', { client: flow.clientId, sub: holder.account.sub, reason: outcome.refused });
      throw new ProblemError(outcome.refused);
    }
    const result = outcome;
    if (change.change === 'phone' && change.previousPhone) noticeOldPhone(deps, change.previousPhone, flow.phone);
    log.info(result.next === 'done' ? 'account_change.completed' : 'account_change.code_verified', {
      client: flow.clientId,
      sub: holder.account.sub,
      change: change.change,
      ...(result.otherSessionsEnded !== undefined ? { sessionsEnded: result.otherSessionsEnded } : {}),
    });
    return result;
  },

  /**
   * Sets the new password of a password change: the portal's policy, none of the account's last
   * {@link PASSWORD_HISTORY_SIZE} passwords. The new hash, the old one into the history, the end of
   * the other sessions (unless the change was started with `endOtherSessions: false`), the flow's end
   * and `commit` are one transaction.
   * @throws {ProblemError} `validation_failed` (`password_*` rules, `password_reused`), `flow_step`, `flow_not_found`.
   */
  async completePassword(
    deps: AppDeps,
    caller: Caller,
    holder: AccountHolder,
    id: string,
    data: CompletePasswordChangeRequest,
    commit: StepCommit<PasswordChanged> = NOTHING_ALONGSIDE,
  ): Promise<PasswordChanged> {
    const { store, clock, log } = deps;
    const flow = await findChange(deps, caller, holder, id);
    if (flow.change.change !== 'password' || flow.state !== 'code_verified') throw new ProblemError('flow_step');
    const { account } = holder;
    const newHash = await acceptNewPassword(deps, account, data);
    const now = clock();
    const result = await store.transaction(async (tx): Promise<PasswordChanged> => {
      if (!(await tx.flows.advance(flow.id, 'code_verified', 'completed'))) throw new ProblemError('flow_step');
      // A parallel change (or recovery) that replaced the password first wins; this one must start again.
      if (!(await tx.accounts.replacePasswordHash(account.sub, account.passwordHash, newHash))) throw new ProblemError('flow_step');
      await tx.passwordHistory.add(account.sub, account.passwordHash, now, PASSWORD_HISTORY_SIZE - 1);
      const answer: PasswordChanged = { next: 'done', otherSessionsEnded: await endOthersIfAsked(tx, holder, flow.change, now) };
      await commit.alongside(tx, answer);
      return answer;
    });
    log.info('account_change.completed', { client: flow.clientId, sub: account.sub, change: 'password', sessionsEnded: result.otherSessionsEnded });
    return result;
  },

  /** Ends every session of the holder's account, this one too, on every portal. */
  async signOutEverywhere(deps: AppDeps, caller: Caller, holder: AccountHolder): Promise<SignedOutEverywhere> {
    const sessionsEnded = await deps.store.sessions.revokeAllForAccount(holder.account.sub, deps.clock(), ENDED_BY.everywhere);
    deps.log.info('session.signed_out_everywhere', { client: caller.client.id, sub: holder.account.sub, sessionsEnded });
    return { sessionsEnded };
  },
};

