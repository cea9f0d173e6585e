import type { Account } from '../contract/common.js';
import {
  CompletePasswordChangeSchema,
  StartEmailChangeSchema,
  StartPasswordChangeSchema,
  StartPhoneChangeSchema,
  StartCccdAdditionSchema,
} from '../contract/account.js';
import type { SchemaIssue } from '../contract/issues.js';
import { parseIdNumber } from '../identity/id-number.js';
import { maskPhone, parsePhone } from '../identity/phone.js';
import { maskEmail } from '../identity/email.js';
import { refusePassword, replacePassword } from './passwords.js';
import { challengeOf, checkCode, findFlow, idempotent, resend, sendLimit } from './flows.js';
import type { RouteContext } from './route.js';
import type { MockCitizen } from './citizens.js';
import { MOCK_REGISTER_LOOKUPS_PER_HOUR, type MockChange, type MockFlow, type MockScenario } from './scenario.js';

/** The signed-in citizen of a request: a known access token whose session is still live. */
export interface Holder {
  readonly account: Account;
  readonly idNumber: string;
  readonly citizen: MockCitizen;
  readonly sid: string;
}

/** @internal The signed-in citizen of a request, or the 401 that refuses it. */
export function holderOf(context: RouteContext): Holder | Response {
  const { scenario, request } = context;
  const bearer = /^Bearer (.+)$/.exec(request.headers.get('Authorization') ?? '')?.[1];
  const account = bearer ? scenario.accessTokens.get(bearer) : undefined;
  const sid = bearer ? scenario.accessSids.get(bearer) : undefined;
  const live = sid !== undefined && [...scenario.sessions.values()].some((session) => session.sid === sid);
  const idNumber = account ? [...scenario.accounts].find(([, record]) => record.account.sub === account.sub)?.[0] : undefined;
  const citizen = idNumber ? scenario.citizenOf(idNumber) : undefined;
  if (!account || !live || !idNumber || !citizen) {
    const refused = context.problem('unauthorized');
    refused.headers.set('WWW-Authenticate', bearer ? 'Bearer error="invalid_token"' : 'Bearer');
    return refused;
  }
  return { account, idNumber, citizen, sid: sid! };
}

/**
 * The start of a password, email or phone change: the signed-in citizen, the body as `schema` reads it,
 * and the current password, counted as at sign-in; or the answer that refuses it.
 */
function changeRequest<T extends { readonly currentPassword: string }>(
  context: RouteContext,
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly SchemaIssue[] } } },
): { holder: Holder; data: T } | Response {
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const parsed = schema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  return refusePassword(context, holder.idNumber, parsed.data.currentPassword) ?? { holder, data: parsed.data };
}

/** Ends every session of the holder's account but `keep` (or every one); how many ended. */
function endSessions(scenario: MockScenario, sub: string, keep?: string): number {
  const ended = new Set<string>();
  for (const [token, session] of scenario.sessions) {
    if (session.account.sub === sub && session.sid !== keep) {
      ended.add(session.sid);
      scenario.sessions.delete(token);
    }
  }
  return ended.size;
}

function begin(context: RouteContext, holder: Holder, phone: string, change: MockChange): Response {
  const { scenario } = context;
  const limited = sendLimit(context, phone);
  if (limited) return limited;
  const flow: MockFlow = {
    id: scenario.nextId('change'),
    purpose: 'account-change',
    idNumber: holder.idNumber,
    phone,
    code: '',
    expiresAt: 0,
    resendAt: 0,
    attempts: 0,
    verified: false,
    change,
  };
  scenario.flows.set(flow.id, flow);
  scenario.sendCode(flow);
  return context.json({ changeId: flow.id, change: change.kind, otp: challengeOf(scenario, flow) }, 201);
}

/** The change named in the path, if this session of this citizen started it. */
function findChange(context: RouteContext, holder: Holder): MockFlow | Response {
  const flow = findFlow(context, 'account-change', 'changeId');
  if (flow instanceof Response) return flow;
  return flow.idNumber === holder.idNumber && flow.change?.sid === holder.sid ? flow : context.problem('flow_not_found');
}

/** `POST /v1/account/password-changes`: the current password, then a code to the registered phone. */
export function startPasswordChange(context: RouteContext): Response {
  const request = changeRequest(context, StartPasswordChangeSchema);
  if (request instanceof Response) return request;
  const { holder, data } = request;
  return begin(context, holder, context.scenario.phoneOf(holder.idNumber)!, { kind: 'password', sid: holder.sid, endOtherSessions: data.endOtherSessions ?? true });
}

/** `POST /v1/account/email-changes`: the current password and a new email, then a code to the registered phone. */
export function startEmailChange(context: RouteContext): Response {
  const request = changeRequest(context, StartEmailChangeSchema);
  if (request instanceof Response) return request;
  const { holder, data } = request;
  const current = context.scenario.emails.get(holder.idNumber) ?? holder.citizen.email;
  if (current?.toLowerCase() === data.email.toLowerCase()) return context.problem('validation_failed', { fieldErrors: [{ field: 'email', code: 'unchanged' }] });
  const change: MockChange = { kind: 'email', sid: holder.sid, endOtherSessions: data.endOtherSessions ?? false, email: data.email };
  return begin(context, holder, context.scenario.phoneOf(holder.idNumber)!, change);
}

/**
 * `POST /v1/account/phone-changes`: the current password and a new phone the carrier has in the
 * holder's name (the citizen's `phone` or `otherPhones`), then a code to the new phone.
 */
export function startPhoneChange(context: RouteContext): Response {
  const request = changeRequest(context, StartPhoneChangeSchema);
  if (request instanceof Response) return request;
  const { holder, data } = request;
  const phone = parsePhone(data.phone);
  if (!phone.ok) return context.problem('validation_failed', { fieldErrors: [{ field: 'phone', code: 'phone_format' }] });
  if (phone.e164 === context.scenario.phoneOf(holder.idNumber)) return context.problem('validation_failed', { fieldErrors: [{ field: 'phone', code: 'unchanged' }] });
  const sims = [holder.citizen.phone, ...(holder.citizen.otherPhones ?? [])];
  if (!sims.includes(phone.e164)) return context.problem('carrier_mismatch');
  return begin(context, holder, phone.e164, { kind: 'phone', sid: holder.sid, endOtherSessions: data.endOtherSessions ?? false });
}

/**
 * `POST /v1/account/cccd-additions`: only for an account registered with a 9-digit CMND and no CCCD
 * yet (`cccd_already_added`); the current password; the CCCD's birth year must be the holder's; the
 * look-ups about the CCCD counted as at registration; the register knows the holder by that CCCD
 * (the citizen's `cccd`; otherwise `carrier_mismatch`, or `bhxh_mismatch` for an account made by
 * social insurance); then a code to the registered phone.
 */
export function startCccdAddition(context: RouteContext): Response {
  const { scenario } = context;
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const parsed = StartCccdAdditionSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const hasCccd = [...scenario.idAliases.values()].includes(holder.idNumber);
  if (!/^\d{9}$/.test(holder.idNumber) || hasCccd) return context.problem('cccd_already_added');
  const wrong = refusePassword(context, holder.idNumber, parsed.data.currentPassword);
  if (wrong) return wrong;
  const cccd = parseIdNumber(parsed.data.cccd, new Date(scenario.now()));
  if (!cccd.ok || cccd.kind !== 'cccd') return context.problem('validation_failed', { fieldErrors: [{ field: 'cccd', code: 'id_number_cccd' }] });
  if (cccd.info.birthYear !== Number(holder.citizen.birthDate.slice(0, 4))) {
    return context.problem('validation_failed', { fieldErrors: [{ field: 'cccd', code: 'id_number_birth_year' }] });
  }
  const now = scenario.now();
  const lookups = (scenario.registerLookups.get(cccd.value) ?? []).filter((at) => at > now - 3_600_000);
  if (lookups.length >= MOCK_REGISTER_LOOKUPS_PER_HOUR) {
    return context.problem('too_many_attempts', { retryAfter: Math.max(1, Math.ceil((lookups[0]! + 3_600_000 - now) / 1000)) });
  }
  scenario.registerLookups.set(cccd.value, [...lookups, now]);
  if (holder.citizen.cccd !== cccd.value) return context.problem(holder.account.verificationMethod === 'bhxh' ? 'bhxh_mismatch' : 'carrier_mismatch');
  return begin(context, holder, scenario.phoneOf(holder.idNumber)!, { kind: 'cccd', sid: holder.sid, endOtherSessions: false, cccd: cccd.value });
}

/**
 * `POST /v1/account/changes/{id}/otp/verify`: an email, phone or CCCD change is made; a password
 * change goes on. A CCCD another account signs in with meanwhile ends the change with `cccd_in_use`.
 */
export function verifyAccountChangeCode(context: RouteContext): Response {
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const answer = idempotent(context, holder.sid);
  if (answer instanceof Response) return answer;
  const flow = findChange(context, holder);
  if (flow instanceof Response) return flow;
  const wrong = checkCode(context, flow);
  if (wrong) return wrong;
  const { scenario } = context;
  const change = flow.change!;
  if (change.kind === 'password') {
    flow.verified = true;
    return answer(200, { changeId: flow.id, next: 'password' });
  }
  if (change.kind === 'cccd') {
    scenario.flows.delete(flow.id);
    if (scenario.hasAccount(change.cccd!)) return context.problem(scenario.registeredIdOf(change.cccd!) === holder.idNumber ? 'cccd_already_added' : 'cccd_in_use');
    if ([...scenario.idAliases.values()].includes(holder.idNumber)) return context.problem('cccd_already_added');
    scenario.addCccd(holder.idNumber, change.cccd!);
  } else if (change.kind === 'email') scenario.emails.set(holder.idNumber, change.email!);
  else {
    const old = scenario.phoneOf(holder.idNumber)!;
    scenario.phones.set(holder.idNumber, flow.phone);
    scenario.outbox.push({ phone: old, code: '', purpose: 'phone-changed', sentAt: scenario.now() });
  }
  scenario.flows.delete(flow.id);
  const otherSessionsEnded = change.endOtherSessions ? endSessions(scenario, holder.account.sub, holder.sid) : 0;
  return answer(200, { changeId: flow.id, next: 'done', otherSessionsEnded });
}

/** `POST /v1/account/changes/{id}/otp/resend`: a new code, to where the first went. */
export function resendAccountChangeCode(context: RouteContext): Response {
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const flow = findChange(context, holder);
  return flow instanceof Response ? flow : resend(context, flow);
}

/** `POST /v1/account/changes/{id}/password`: the policy, none of the last 5 passwords, the other sessions ended unless asked not to. */
export function completePasswordChange(context: RouteContext): Response {
  const { scenario } = context;
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const answer = idempotent(context, holder.sid);
  if (answer instanceof Response) return answer;
  const flow = findChange(context, holder);
  if (flow instanceof Response) return flow;
  const parsed = CompletePasswordChangeSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const record = scenario.accounts.get(holder.idNumber);
  if (!flow.verified || flow.change?.kind !== 'password' || !record) return context.problem('flow_step');
  const owner = { ...holder.citizen, phone: scenario.phoneOf(holder.idNumber)! };
  const refused = replacePassword(context, holder.idNumber, record, parsed.data, owner);
  if (refused) return refused;
  scenario.flows.delete(flow.id);
  const otherSessionsEnded = flow.change.endOtherSessions ? endSessions(scenario, holder.account.sub, holder.sid) : 0;
  return answer(200, { next: 'done', otherSessionsEnded });
}

/** `POST /v1/account/sign-out-everywhere`: every session of the account ends, this one too. */
export function signOutEverywhere(context: RouteContext): Response {
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  return context.json({ sessionsEnded: endSessions(context.scenario, holder.account.sub) });
}

/**
 * `GET /v1/userinfo`: the signed-in account with its contacts masked (the phone and email it has now,
 * after any change), the kind of number it registered with, whether a CCCD may be added and whether it
 * keeps a BHXH code — `unauthorized` without a live session, as the service answers.
 */
export function getAccountDetails(context: RouteContext): Response {
  const { scenario } = context;
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const record = scenario.accounts.get(holder.idNumber);
  const email = scenario.emails.get(holder.idNumber) ?? holder.citizen.email;
  const cmnd = /^\d{9}$/.test(holder.idNumber);
  const response = context.json({
    ...holder.account,
    phoneMasked: maskPhone(scenario.phoneOf(holder.idNumber)!),
    ...(email ? { emailMasked: maskEmail(email) } : {}),
    idNumberKind: cmnd ? 'cmnd' : 'cccd',
    canAddCccd: cmnd && ![...scenario.idAliases.values()].includes(holder.idNumber),
    hasBhxhCode: Boolean(record?.bhxhCode),
  });
  response.headers.set('Cache-Control', 'no-store');
  return response;
}
