import { normalizeIdNumber, parseBhxhCode, parseBirthDate, parseFullName, parsePhone, sameFullName, FLOW_LIFETIME_SECONDS } from '@dvc-kit/sdk';
import type { PhoneRecovered, PhoneRecoveryCodeResent, PhoneRecoveryStarted, StartPhoneRecoveryRequest } from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import { RegistryUnavailableError } from '../registries/carrier.js';
import type { PhoneRecoveryDetails } from '../store/flows.js';
import { noticeOldPhone } from './account-changes.js';
import { NOTHING_ALONGSIDE, type Caller, type StepCommit } from './caller.js';
import { requireCurrentConsent } from './consent.js';
import { takeRegisterLookup } from './register-lookup-limit.js';
import { findFlowAwaitingCode, newCodeFlow, requireHumanCheck, resendCode, startCodeFlow } from './steps.js';

/** How long a lost-phone recovery may take from the match to the code. */
export const PHONE_RECOVERY_LIFETIME_SECONDS = FLOW_LIFETIME_SECONDS.phoneRecovery;

/** Why the sessions of an account whose phone was recovered ended, as recorded with them. */
const SESSIONS_ENDED_REASON = 'phone_recovered';

/** Which check did not confirm, for the log only: the answer is one and the same for all. */
type Unconfirmed = 'account' | 'social_insurance' | 'carrier';

/**
 * Asks a register, turning "cannot answer" into `undefined` (logged) so both registers are always
 * asked to the end, whatever the other answered.
 */
async function ask(deps: AppDeps, registry: 'social_insurance' | 'carrier', question: () => Promise<'match' | 'mismatch'>): Promise<'match' | 'mismatch' | undefined> {
  try {
    return await question();
  } catch (error) {
    deps.log.error('registry.unavailable', { registry, error: error instanceof RegistryUnavailableError ? error.message : 'unexpected' });
    return undefined;
  }
}

/**
 * "Mất số điện thoại nhận OTP" without a counter: the citizen who lost the phone that receives codes
 * proves who they are again — the social-insurance register confirms the declared ID number, BHXH
 * code, name and birth date afresh, the account was registered with that same BHXH code, name and
 * birth date, and the carrier confirms the NEW phone's SIM is that person's — then a code goes to the
 * new phone (`code_sent`); the right code replaces the phone and ends every session of the account,
 * on every portal (`completed`), and the old number gets a notice.
 *
 * It never tells whether the ID number has an account, or whether the account has a BHXH code: both
 * registers are asked every time, with the declared details, after one register look-up has been
 * counted against the address and the ID number (mismatches included); an ID number without an
 * account, an account without a BHXH code, a detail that differs from the account and a register that
 * says no all answer 422 `phone_recovery_unconfirmed`, whose text sends the citizen to a one-stop
 * counter with their ID card. Offered only when the service asks a social-insurance register.
 *
 * These details are personal data (Decree 13/2023): as at registration, the citizen agrees to their
 * processing first — the consent version in force, checked before anything is counted or asked — and
 * the version and when it was given are kept with the flow and recorded with the completed recovery.
 */
export const phoneRecovery = {
  /**
   * Checks the consent version and the details and, when everything confirms, stores the flow (with the
   * consent version and when it was given) and texts its code to the new phone.
   * @throws {ProblemError} `not_found` (no social-insurance register), `validation_failed` (`consent_required`
   * on `consentVersion`: not the version in force), `human_check_failed`, `too_many_attempts`
   * (with `retryAfter`), `phone_recovery_unconfirmed`, `registry_unavailable`, `otp_rate_limited`, `sms_unavailable`.
   */
  async start(deps: AppDeps, caller: Caller, data: StartPhoneRecoveryRequest): Promise<PhoneRecoveryStarted> {
    const { store, codes, log } = deps;
    const register = deps.socialInsurance;
    if (!register) throw new ProblemError('not_found');
    requireCurrentConsent(deps.config, data.consentVersion);
    await requireHumanCheck(deps, data.humanCheck);
    const idNumber = normalizeIdNumber(data.idNumber);
    const [bhxh, birth, name, phone] = [parseBhxhCode(data.bhxhCode), parseBirthDate(data.birthDate), parseFullName(data.fullName), parsePhone(data.phone)];
    // The contract's fields already refused anything these parsers refuse.
    if (!bhxh.ok || !birth.ok || !name.ok || !phone.ok) throw new ProblemError('validation_failed');
    await takeRegisterLookup(deps, caller.address, 'social_insurance', idNumber);
    const account = await store.accounts.findByIdNumber(idNumber);
    const person = { idNumber, fullName: name.value, birthDate: birth.iso };
    // Both registers, every time, about the declared person: how many questions are asked, and of whom, tells nothing.
    const [insured, subscriber] = await Promise.all([
      ask(deps, 'social_insurance', () => register.verifyInsuredPerson({ ...person, bhxhCode: bhxh.value })),
      ask(deps, 'carrier', () => deps.carrier.verifySubscriber({ ...person, phone: phone.e164 })),
    ]);
    if (insured === undefined || subscriber === undefined) throw new ProblemError('registry_unavailable', { retryAfter: 60 });
    const declaredIsAccount =
      account !== undefined &&
      account.bhxhCode !== null &&
      account.bhxhCode !== undefined &&
      account.bhxhCode === bhxh.value &&
      account.birthDate === birth.iso &&
      sameFullName(account.fullName, name.value);
    const unconfirmed: Unconfirmed | undefined = !declaredIsAccount ? 'account' : insured !== 'match' ? 'social_insurance' : subscriber !== 'match' ? 'carrier' : undefined;
    if (unconfirmed || !account) {
      log.info('phone_recovery.unconfirmed', { client: caller.client.id, id: log.hash('id', idNumber), check: unconfirmed ?? 'account' });
      throw new ProblemError('phone_recovery_unconfirmed');
    }
    const change: PhoneRecoveryDetails = { change: 'lost_phone', previousPhone: account.phone, consentVersion: data.consentVersion, consentAt: deps.clock().toISOString() };
    const flow = newCodeFlow(deps, caller, PHONE_RECOVERY_LIFETIME_SECONDS, { kind: 'phone_recovery', idNumber, phone: phone.e164, details: null, accountSub: account.sub, change });
    const issued = await startCodeFlow(deps, caller, flow);
    log.info('phone_recovery.started', { client: flow.clientId, sub: account.sub, phone: log.hash('phone', phone.e164) });
    return { phoneRecoveryId: flow.id, otp: codes.view(issued.challenge) };
  },

  /**
   * "Gửi lại OTP": a new code to the new phone.
   * @throws {ProblemError} `flow_not_found`, `flow_step`, `otp_resend_too_soon`, `otp_rate_limited`, `sms_unavailable`.
   */
  async resend(deps: AppDeps, caller: Caller, id: string): Promise<PhoneRecoveryCodeResent> {
    return { otp: await resendCode(deps, caller, id, 'phone_recovery') };
  },

  /**
   * Checks the code sent to the new phone. The spent code, the flow's end, the phone replaced (only if
   * it is still the one the details were matched against), the recovery recorded with the consent the
   * citizen gave (`phone_recoveries`), the end of every session of the account and `commit` are one transaction; then the old number gets a notice (best effort).
   * @throws {ProblemError} `otp_invalid` (with `remainingAttempts`), `otp_expired`, `otp_attempts_exceeded`, `flow_step`, `flow_not_found`.
   */
  async verifyCode(deps: AppDeps, caller: Caller, id: string, code: string, commit: StepCommit<PhoneRecovered> = NOTHING_ALONGSIDE): Promise<PhoneRecovered> {
    const { store, clock, codes, log } = deps;
    const flow = await findFlowAwaitingCode(deps, caller, id, 'phone_recovery');
    const details = flow.change;
    if (!flow.accountSub || !details || !('previousPhone' in details) || details.change !== 'lost_phone') throw new ProblemError('flow_not_found');
    // A recovery started before consent was recorded cannot show what the citizen agreed to: it starts again.
    const { consentVersion, consentAt } = details;
    if (!consentVersion || !consentAt) throw new ProblemError('flow_not_found');
    const sub = flow.accountSub;
    const challenge = await codes.check(flow, 'phone_recovery', code);
    const now = clock();
    const result = await store.transaction(async (tx): Promise<PhoneRecovered> => {
      if (!(await tx.otpChallenges.markUsed(challenge.id))) throw new ProblemError('flow_step');
      if (!(await tx.flows.advance(flow.id, 'code_sent', 'completed'))) throw new ProblemError('flow_step');
      // A change of the phone that landed meanwhile (a counter, another recovery) wins; this one must start again.
      if (!(await tx.accounts.replacePhone(sub, details.previousPhone, flow.phone))) throw new ProblemError('flow_step');
      await tx.phoneRecoveries.add({ id: flow.id, accountSub: sub, clientId: flow.clientId, consentVersion, consentAt: new Date(consentAt), completedAt: now });
      const answer: PhoneRecovered = { next: 'sign_in', sessionsEnded: await tx.sessions.revokeAllForAccount(sub, now, SESSIONS_ENDED_REASON) };
      await commit.alongside(tx, answer);
      return answer;
    });
    if (details.previousPhone !== flow.phone) noticeOldPhone(deps, details.previousPhone, flow.phone);
    log.info('phone_recovery.completed', { client: flow.clientId, sub, sessionsEnded: result.sessionsEnded });
    return result;
  },
};
