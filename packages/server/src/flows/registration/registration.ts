import { randomUUID } from 'node:crypto';
import { identityAssuranceOf, METHOD_IAL, parseBhxhCode, parseBirthDate, parseFullName, parseIdNumber, parsePhone, type OtpChallenge, FLOW_LIFETIME_SECONDS } from '@dvc-kit/sdk';
import type {
  CompleteRegistrationRequest,
  RegistrationCodeVerified,
  RegistrationCompleted,
  RegistrationStarted,
  StartRegistrationRequest,
} from '@dvc-kit/sdk/contract';
import type { AppDeps } from '../../app-deps.js';
import { ProblemError } from '../../http/problem.js';
import { accountView } from '../account-view.js';
import type { ClientConfig } from '../../config.js';
import type { AccountRecord } from '../../store/accounts.js';
import { NOTHING_ALONGSIDE, type Caller, type StepCommit } from '../caller.js';
import { requireCurrentConsent } from '../consent.js';
import { requireAcceptablePassword } from '../password-policy.js';
import { findFlow, findFlowAwaitingCode, newCodeFlow, requireHumanCheck, resendCode, startCodeFlow } from '../steps.js';
import type { RegisterQuery, RegistrationMethodFlow } from './method.js';
import { mobileSubscriber } from './mobile-subscriber.js';
import { socialInsurance } from './social-insurance.js';

/** How long a registration may take from the first step to the password. */
export const REGISTRATION_LIFETIME_SECONDS = FLOW_LIFETIME_SECONDS.registration;

/** The registration methods this service implements, by their name on the wire. */
const METHODS: Readonly<Record<StartRegistrationRequest['method'], RegistrationMethodFlow>> = { mobile: mobileSubscriber, bhxh: socialInsurance };

/**
 * The registration methods a portal offers now: its own `registrationMethods` (or the service's),
 * less those whose register the service lacks — `bhxh` only with a social-insurance register. What
 * `GET /v1/config` marks available and what a start may use.
 */
export function offeredMethods(deps: Pick<AppDeps, 'config' | 'socialInsurance'>, client: Pick<ClientConfig, 'registrationMethods'>): StartRegistrationRequest['method'][] {
  const named = client.registrationMethods ?? deps.config.registrationMethods;
  return named.filter((method) => method !== 'bhxh' || deps.socialInsurance !== undefined);
}

/** A start of registration whose details were normalised and checked, ready to ask the register. */
export interface RegistrationStart {
  readonly method: RegistrationMethodFlow;
  readonly query: RegisterQuery;
  readonly email: string | null;
  readonly consentVersion: string;
  readonly humanCheck: string | undefined;
}

/**
 * Registration, a visible state machine stored with the flow: start (details, the method's
 * register, code sent: `code_sent`) → code verified (`code_verified`, or `closed` with 409
 * `account_exists`) → password (account created, `completed`). A resend sends a new code.
 *
 * Whether the ID number already has an account is told only after the code proves the citizen holds
 * the phone the register tied to them, so registration cannot be used to test ID numbers; the
 * citizen is still told, as the national portal does, and pointed to "Quên mật khẩu".
 */
export const registration = {
  /**
   * Normalises and checks a start's details before anything is counted or stored: the identifiers,
   * the consent version and the method this portal offers.
   * @throws {ProblemError} `validation_failed`.
   */
  prepare(deps: AppDeps, caller: Caller, data: StartRegistrationRequest): RegistrationStart {
    const { config } = deps;
    const idNumber = parseIdNumber(data.idNumber);
    const fullName = parseFullName(data.fullName);
    const birthDate = parseBirthDate(data.birthDate);
    const phone = parsePhone(data.phone);
    const bhxhCode = data.method === 'bhxh' ? parseBhxhCode(data.bhxhCode) : undefined;
    if (!idNumber.ok || !fullName.ok || !birthDate.ok || !phone.ok || (bhxhCode && !bhxhCode.ok)) throw new ProblemError('validation_failed');
    requireCurrentConsent(config, data.consentVersion);
    if (!offeredMethods(deps, caller.client).includes(data.method)) {
      throw new ProblemError('validation_failed', { errors: [{ field: 'method', code: 'method_not_offered' }] });
    }
    return {
      method: METHODS[data.method],
      query: {
        idNumber: idNumber.value,
        fullName: fullName.value,
        birthDate: birthDate.iso,
        phone: phone.e164,
        ...(bhxhCode?.ok ? { bhxhCode: bhxhCode.value } : {}),
      },
      email: data.email?.trim() || null,
      consentVersion: data.consentVersion,
      humanCheck: data.humanCheck,
    };
  },

  /**
   * Spends the human check, has the method's register confirm the details, stores the flow and sends
   * the first code. A retry taking over a dead request (`takenOver`) redoes the start (a new flow and
   * code); the one it left expires.
   */
  async start(deps: AppDeps, caller: Caller, start: RegistrationStart, options: { takenOver?: boolean } = {}): Promise<RegistrationStarted> {
    const { clock, codes, log } = deps;
    await requireHumanCheck(deps, start.humanCheck, { spentByThisRequest: options.takenOver ?? false });
    const { query } = start;
    await start.method.confirm(deps, caller, query);
    const now = clock();
    const flow = newCodeFlow(deps, caller, REGISTRATION_LIFETIME_SECONDS, {
      kind: 'registration',
      idNumber: query.idNumber,
      phone: query.phone,
      details: {
        method: start.method.method,
        ...(query.bhxhCode !== undefined ? { bhxhCode: query.bhxhCode } : {}),
        fullName: query.fullName,
        birthDate: query.birthDate,
        email: start.email,
        consentVersion: start.consentVersion,
        consentAt: now.toISOString(),
      },
      accountSub: null,
    });
    const issued = await startCodeFlow(deps, caller, flow);
    log.info('registration.started', { client: flow.clientId, id: log.hash('id', flow.idNumber) });
    return { registrationId: flow.id, otp: codes.view(issued.challenge) };
  },

  /**
   * Checks the code. The spent code, the flow's move and `commit` are one transaction: a retry after
   * a crash past the commit replays "next: password" instead of finding the code spent.
   * @throws {ProblemError} `account_exists` (the flow is then closed), the code's problems, `flow_step`, `flow_not_found`.
   */
  async verifyCode(
    deps: AppDeps,
    caller: Caller,
    id: string,
    code: string,
    commit: StepCommit<RegistrationCodeVerified> = NOTHING_ALONGSIDE,
  ): Promise<RegistrationCodeVerified> {
    const { store, codes, log } = deps;
    const flow = await findFlowAwaitingCode(deps, caller, id, 'registration');
    const challenge = await codes.check(flow, 'registration', code);
    const result: RegistrationCodeVerified = { registrationId: flow.id, next: 'password' };
    const accountExists = await store.transaction(async (tx) => {
      if (!(await tx.otpChallenges.markUsed(challenge.id))) throw new ProblemError('flow_step');
      // An enterprise's flow is keyed by its tax code, an officer's by the ID number among agency accounts.
      const exists = (await tx.accounts.findByHolder(flow.details?.subjectType ?? 'citizen', flow.idNumber)) !== undefined;
      if (!(await tx.flows.advance(flow.id, 'code_sent', exists ? 'closed' : 'code_verified'))) throw new ProblemError('flow_step');
      if (!exists) await commit.alongside(tx, result);
      return exists;
    });
    if (accountExists) {
      log.info('registration.account_exists', { id: log.hash('id', flow.idNumber) });
      throw new ProblemError('account_exists');
    }
    return result;
  },

  /** "Gửi lại OTP": a new code replaces the old one. */
  resend(deps: AppDeps, caller: Caller, id: string): Promise<OtpChallenge> {
    return resendCode(deps, caller, id, 'registration');
  },

  /**
   * Sets the password and creates the account. The account, the flow's end and `commit` are one
   * transaction: a retry after a crash either redoes all of it or replays the answer, never finds an
   * account without its answer.
   * @throws {ProblemError} `validation_failed` (password rules), `account_exists`, `flow_step`, `flow_not_found`.
   */
  async complete(
    deps: AppDeps,
    caller: Caller,
    id: string,
    data: CompleteRegistrationRequest,
    commit: StepCommit<RegistrationCompleted> = NOTHING_ALONGSIDE,
  ): Promise<RegistrationCompleted> {
    const { config, store, clock, log } = deps;
    const flow = await findFlow(deps, caller, id, 'registration');
    if (flow.state !== 'code_verified' || !flow.details) throw new ProblemError('flow_step');
    const details = flow.details;
    // Flows stored before the method was recorded were all by mobile subscriber; a signature's flow
    // (`signature-registration.ts`) shares the steps after its first.
    const method = details.method ?? 'mobile';
    const verificationMethod = method === 'mobile' || method === 'bhxh' ? METHODS[method].verificationMethod : method;
    await requireAcceptablePassword(config, data.password, data.passwordConfirmation, {
      idNumber: flow.idNumber,
      phone: flow.phone,
      birthDate: details.birthDate,
      fullName: details.fullName,
    });
    const now = clock();
    const subjectType = details.subjectType ?? 'citizen';
    const account: AccountRecord = {
      sub: randomUUID(),
      idNumber: subjectType === 'enterprise' ? null : flow.idNumber,
      fullName: details.fullName,
      birthDate: subjectType === 'citizen' ? details.birthDate : null,
      taxCode: subjectType === 'enterprise' ? flow.idNumber : null,
      organisationName: subjectType === 'citizen' ? null : (details.organisationName ?? null),
      phone: flow.phone,
      email: details.email,
      subjectType,
      ial: METHOD_IAL[verificationMethod],
      verificationMethod,
      bhxhCode: details.bhxhCode ?? null,
      passwordHash: await deps.passwords.hash(data.password),
      consentVersion: details.consentVersion,
      consentAt: new Date(details.consentAt),
      createdAt: now,
    };
    const result: RegistrationCompleted = { account: accountView(account) };
    await store.transaction(async (tx) => {
      if (!(await tx.flows.advance(flow.id, 'code_verified', 'completed'))) throw new ProblemError('flow_step');
      if (!(await tx.accounts.create(account))) throw new ProblemError('account_exists');
      if (details.certificate) {
        const proved = identityAssuranceOf(verificationMethod);
        await tx.assuranceHistory.add({
          id: randomUUID(), accountSub: account.sub, at: now, event: 'registered', from: null, to: { ial: proved.ial, verificationMethod },
          clientId: flow.clientId, certificate: details.certificate, challengeId: details.challengeId ?? null,
        });
      }
      await commit.alongside(tx, result);
    });
    log.info('registration.completed', { client: flow.clientId, sub: account.sub });
    return result;
  },
};
