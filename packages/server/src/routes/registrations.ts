import { randomBytes, randomUUID } from 'node:crypto';
import { METHOD_IAL, parseBirthDate, parseFullName, parseIdNumber, parsePhone, PATHS } from '@dvc-kit/sdk';
import { CompleteRegistrationSchema, StartRegistrationSchema, VerifyCodeSchema } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { idempotent } from '../http/idempotency.js';
import { ProblemError, type FieldErrorSpec } from '../http/problem.js';
import { checkNewPassword } from '../passwords/check-new-password.js';
import { RegistryUnavailableError } from '../registries/carrier.js';
import type { AccountRecord } from '../store/accounts.js';
import type { FlowRecord } from '../store/flows.js';
import { accountView } from './account-view.js';
import { findFlowAwaitingCode, resendCode, startCodeFlow } from './code-step.js';
import { findFlow, requireHumanCheck } from './flow-lookup.js';
import { takeRegisterLookup } from './register-lookup-limit.js';

/** How long a registration may take from the first step to the password. */
export const REGISTRATION_LIFETIME_SECONDS = 30 * 60;

/**
 * Registration by mobile subscriber, a visible state machine stored with the flow:
 *
 * `POST /v1/registrations` (details, carrier check, code sent: `code_sent`) →
 * `POST …/otp/verify` (`code_verified`, or `closed` with 409 `account_exists`) →
 * `POST …/password` (account created, `completed`). `POST …/otp/resend` sends a new code.
 *
 * Whether the ID number already has an account is told only after the code proves the citizen holds
 * the phone the carrier registered to them, so registration cannot be used to test ID numbers; the
 * citizen is still told, as the national portal does, and pointed to "Quên mật khẩu".
 *
 * Each carrier look-up is counted per client address and per ID number before the carrier is asked,
 * mismatches included (`limits.registerLookups`, 429 `too_many_attempts`), after the human check.
 */
export function registrationRoutes(deps: AppDeps): Hono<AppEnv> {
  const { config, store, clock, codes, log } = deps;
  const routes = new Hono<AppEnv>();
  const idempotencyDeps = { store, clock, hashKey: deps.keys.logHashKey, leaseSeconds: config.idempotency.leaseSeconds, encryption: deps.encryption };

  routes.post(PATHS.registrations, async (c) => {
    const { data, raw } = await readBody(c, StartRegistrationSchema);
    const idNumber = parseIdNumber(data.idNumber);
    const fullName = parseFullName(data.fullName);
    const birthDate = parseBirthDate(data.birthDate);
    const phone = parsePhone(data.phone);
    if (!idNumber.ok || !fullName.ok || !birthDate.ok || !phone.ok) throw new ProblemError('validation_failed');
    if (data.consentVersion !== config.consentVersion) {
      throw new ProblemError('validation_failed', { errors: [{ field: 'consentVersion', code: 'consent_required' }] });
    }
    const methods = c.var.client.registrationMethods ?? config.registrationMethods;
    if (!methods.includes(data.method)) throw new ProblemError('validation_failed', { errors: [{ field: 'method', code: 'invalid_type' }] });

    // A retry taking over a dead request redoes the start (a new flow and code); the one it left expires.
    return idempotent(c, idempotencyDeps, raw, async (held) => {
      await requireHumanCheck(deps, data.humanCheck, { spentByThisRequest: held.takenOver });
      const query = { idNumber: idNumber.value, fullName: fullName.value, birthDate: birthDate.iso, phone: phone.e164 };
      await takeRegisterLookup(c, deps, 'carrier', query.idNumber);
      let match: 'match' | 'mismatch';
      try {
        match = await deps.carrier.verifySubscriber(query);
      } catch (error) {
        log.error('registry.unavailable', { registry: 'carrier', error: error instanceof RegistryUnavailableError ? error.message : 'unexpected' });
        throw new ProblemError('registry_unavailable', { retryAfter: 60 });
      }
      if (match === 'mismatch') {
        log.info('registration.carrier_mismatch', { id: log.hash('id', query.idNumber), phone: log.hash('phone', query.phone) });
        throw new ProblemError('carrier_mismatch');
      }
      const now = clock();
      const flow: FlowRecord = {
        id: randomBytes(16).toString('base64url'),
        kind: 'registration',
        clientId: c.var.client.id,
        state: 'code_sent',
        idNumber: query.idNumber,
        phone: query.phone,
        details: { fullName: query.fullName, birthDate: query.birthDate, email: data.email?.trim() || null, consentVersion: data.consentVersion, consentAt: now.toISOString() },
        accountSub: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + REGISTRATION_LIFETIME_SECONDS * 1000),
      };
      const issued = await startCodeFlow(c, deps, flow);
      log.info('registration.started', { client: flow.clientId, id: log.hash('id', flow.idNumber) });
      return { status: 201, body: { registrationId: flow.id, otp: codes.view(issued.challenge) } };
    });
  });

  routes.post('/v1/registrations/:id/otp/verify', async (c) => {
    const { data, raw } = await readBody(c, VerifyCodeSchema);
    // With an Idempotency-Key, the flow's move and the stored answer commit together: a retry after a
    // crash past the commit replays "next: password" instead of finding the code spent.
    return idempotent(c, idempotencyDeps, raw, async (held) => {
      const flow = await findFlowAwaitingCode(c, deps, 'registration');
      const challenge = await codes.check(flow, 'registration', data.code);
      const result = { status: 200, body: { registrationId: flow.id, next: 'password' } } as const;
      const accountExists = await store.transaction(async (tx) => {
        if (!(await tx.otpChallenges.markUsed(challenge.id))) throw new ProblemError('flow_step');
        const exists = (await tx.accounts.findByIdNumber(flow.idNumber)) !== undefined;
        if (!(await tx.flows.advance(flow.id, 'code_sent', exists ? 'closed' : 'code_verified'))) throw new ProblemError('flow_step');
        if (!exists) await held.storeAnswer(tx, result);
        return exists;
      });
      if (accountExists) {
        log.info('registration.account_exists', { id: log.hash('id', flow.idNumber) });
        throw new ProblemError('account_exists');
      }
      return result;
    });
  });

  routes.post('/v1/registrations/:id/otp/resend', resendCode(deps, 'registration'));

  routes.post('/v1/registrations/:id/password', async (c) => {
    const { data, raw } = await readBody(c, CompleteRegistrationSchema);
    return idempotent(c, idempotencyDeps, raw, async (held) => {
      const flow = await findFlow(c, deps, 'registration');
      if (flow.state !== 'code_verified' || !flow.details) throw new ProblemError('flow_step');
      const details = flow.details;
      const policy = config.passwordPolicy;
      const check = await checkNewPassword(
        data.password,
        policy,
        { idNumber: flow.idNumber, phone: flow.phone, birthDate: details.birthDate, fullName: details.fullName },
        data.passwordConfirmation,
        { minScore: config.passwordMinScore },
      );
      if (!check.ok) {
        const errors: FieldErrorSpec[] = check.unmet.map((rule) => ({
          field: rule === 'mismatch' ? 'passwordConfirmation' : 'password',
          code: `password_${rule}`,
          params: { min: policy.minLength, max: policy.maxLength },
        }));
        throw new ProblemError('validation_failed', { errors });
      }
      const now = clock();
      const account: AccountRecord = {
        sub: randomUUID(),
        idNumber: flow.idNumber,
        fullName: details.fullName,
        birthDate: details.birthDate,
        phone: flow.phone,
        email: details.email,
        subjectType: 'citizen',
        ial: METHOD_IAL.mobile,
        verificationMethod: 'mobile',
        passwordHash: await deps.passwords.hash(data.password),
        consentVersion: details.consentVersion,
        consentAt: new Date(details.consentAt),
        createdAt: now,
      };
      const result = { status: 201, body: { account: accountView(account) } } as const;
      // The account, the flow's end and the stored answer commit together: a retry after a crash
      // either redoes all of it or replays the answer, never finds an account without its answer.
      await store.transaction(async (tx) => {
        if (!(await tx.flows.advance(flow.id, 'code_verified', 'completed'))) throw new ProblemError('flow_step');
        if (!(await tx.accounts.create(account))) throw new ProblemError('account_exists');
        await held.storeAnswer(tx, result);
      });
      log.info('registration.completed', { client: flow.clientId, sub: account.sub });
      return result;
    });
  });

  return routes;
}
