import type { Passkey, PasskeyRequestOptions } from '../contract/passkeys.js';
import { AddPasskeySchema, StartPasskeyRegistrationSchema, VerifySignInPasskeySchema } from '../contract/passkeys.js';
import { maskIdNumber } from '../identity/id-number.js';
import { authenticationOf } from '../assurance/sign-in-methods.js';
import { holderOf } from './account.js';
import { findFlow } from './flows.js';
import { refusePassword } from './passwords.js';
import type { RouteContext } from './route.js';
import type { MockFlow, MockScenario } from './scenario.js';

/** A passkey the mock holds for an account: its id and what the list shows (no key: the mock checks no signature). */
export interface MockPasskey {
  readonly view: Passkey;
}

/** A passkey challenge the mock handed out. */
export interface MockPasskeyChallenge {
  readonly purpose: 'register' | 'sign_in';
  readonly sub: string;
  /** The addition's id (`registrationId`) and the session that asked. */
  readonly registrationId?: string;
  readonly sid?: string;
  /** The sign-in it belongs to. */
  readonly flowId?: string;
  readonly expiresAt: number;
  /** Spent by an answer, right or wrong. */
  used?: boolean;
}

/** The service's defaults the mock acts out. */
const RECENT_SIGN_IN_MS = 600_000;
const CEREMONY_MS = 300_000;
const MAX_PER_ACCOUNT = 10;
const OPTIONS_PER_SIGN_IN = 5;

function base64url(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomId(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/** The `type` and `challenge` of a browser's `clientDataJSON`, or `undefined` when it is not one. */
function clientData(encoded: string): { type?: unknown; challenge?: unknown } | undefined {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const data: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0))));
    return typeof data === 'object' && data !== null ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Spends the live challenge a `clientDataJSON` echoes, if it is of this purpose and `matches`; whatever the outcome it is spent. */
function spend(scenario: MockScenario, encoded: string, type: string, matches: (challenge: MockPasskeyChallenge) => boolean): MockPasskeyChallenge | undefined {
  const data = clientData(encoded);
  const value = typeof data?.challenge === 'string' ? data.challenge : undefined;
  const challenge = value === undefined ? undefined : scenario.passkeyChallenges.get(value);
  if (!challenge || challenge.used || !matches(challenge)) return undefined;
  challenge.used = true;
  return data?.type === type && challenge.expiresAt > scenario.now() ? challenge : undefined;
}

/**
 * The options a sign-in answers with beside its code when the account has passkeys (a new challenge
 * bound to the sign-in), or `undefined`.
 */
export function mockSignInPasskeyOptions(scenario: MockScenario, flow: MockFlow, sub: string): PasskeyRequestOptions | undefined {
  const passkeys = scenario.passkeys.get(sub) ?? [];
  const given = [...scenario.passkeyChallenges.values()].filter((challenge) => challenge.flowId === flow.id).length;
  if (passkeys.length === 0) return undefined;
  if (given >= OPTIONS_PER_SIGN_IN) return undefined;
  const challenge = randomId();
  scenario.passkeyChallenges.set(challenge, { purpose: 'sign_in', sub, flowId: flow.id, expiresAt: scenario.now() + CEREMONY_MS });
  return {
    challenge,
    timeout: CEREMONY_MS,
    allowCredentials: passkeys.map(({ view }) => ({ id: view.id, type: 'public-key', transports: view.transports })),
    userVerification: 'preferred',
  };
}

/**
 * `POST /v1/account/passkeys/options`: the current password (counted as at sign-in), on a session
 * signed in at most 10 minutes ago (`recent_sign_in_required`), at most 10 passkeys.
 */
export function startPasskeyRegistration(context: RouteContext): Response {
  const { scenario } = context;
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const parsed = StartPasskeyRegistrationSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  if (scenario.now() - (scenario.signedInAt.get(holder.sid) ?? 0) > RECENT_SIGN_IN_MS) return context.problem('recent_sign_in_required');
  const refused = refusePassword(context, holder.idNumber, parsed.data.currentPassword);
  if (refused) return refused;
  const existing = scenario.passkeys.get(holder.account.sub) ?? [];
  if (existing.length >= MAX_PER_ACCOUNT) return context.problem('passkey_limit_reached');
  const challenge = randomId();
  const registrationId = randomId();
  const expiresAt = scenario.now() + CEREMONY_MS;
  scenario.passkeyChallenges.set(challenge, { purpose: 'register', sub: holder.account.sub, registrationId, sid: holder.sid, expiresAt });
  return context.json({
    registrationId,
    expiresAt: new Date(expiresAt).toISOString(),
    options: {
      rp: { name: 'Dịch vụ công' },
      user: { id: base64url(new TextEncoder().encode(holder.account.sub)), name: maskIdNumber(holder.idNumber), displayName: holder.account.fullName },
      challenge,
      pubKeyCredParams: [{ type: 'public-key', alg: -8 }, { type: 'public-key', alg: -7 }, { type: 'public-key', alg: -257 }],
      timeout: CEREMONY_MS,
      excludeCredentials: existing.map(({ view }) => ({ id: view.id, type: 'public-key', transports: view.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      attestation: 'none',
    },
  });
}

/**
 * `POST /v1/account/passkeys`: accepted when its `clientDataJSON` is a `webauthn.create` echoing this
 * session's live challenge of that `registrationId` (`passkey_verification_failed` otherwise; the mock
 * checks no attestation signature), its id new (`passkey_already_added`).
 */
export function addPasskey(context: RouteContext): Response {
  const { scenario } = context;
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const parsed = AddPasskeySchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const { credential, registrationId, name } = parsed.data;
  const spent = spend(scenario, credential.response.clientDataJSON, 'webauthn.create', (c) => c.purpose === 'register' && c.registrationId === registrationId && c.sid === holder.sid);
  if (!spent) return context.problem('passkey_verification_failed');
  const existing = scenario.passkeys.get(holder.account.sub) ?? [];
  if ([...scenario.passkeys.values()].some((list) => list.some(({ view }) => view.id === credential.id))) return context.problem('passkey_already_added');
  if (existing.length >= MAX_PER_ACCOUNT) return context.problem('passkey_limit_reached');
  const view: Passkey = {
    id: credential.id,
    name: name ?? null,
    transports: credential.response.transports ?? [],
    deviceType: credential.authenticatorAttachment === 'cross-platform' ? 'single_device' : 'multi_device',
    backedUp: credential.authenticatorAttachment !== 'cross-platform',
    createdAt: new Date(scenario.now()).toISOString(),
    lastUsedAt: null,
  };
  scenario.passkeys.set(holder.account.sub, [...existing, { view }]);
  return context.json({ passkey: view }, 201);
}

/** `GET /v1/account/passkeys`. */
export function listPasskeys(context: RouteContext): Response {
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  return context.json({ passkeys: (context.scenario.passkeys.get(holder.account.sub) ?? []).map(({ view }) => view) });
}

/** `DELETE /v1/account/passkeys/{id}`: 204, or `passkey_not_found`. */
export function removePasskey(context: RouteContext): Response {
  const { scenario } = context;
  const holder = holderOf(context);
  if (holder instanceof Response) return holder;
  const id = String(context.params.passkeyId ?? '');
  const existing = scenario.passkeys.get(holder.account.sub) ?? [];
  if (!existing.some(({ view }) => view.id === id)) return context.problem('passkey_not_found');
  scenario.passkeys.set(holder.account.sub, existing.filter(({ view }) => view.id !== id));
  return new Response(null, { status: 204 });
}

/** `POST /v1/sign-ins/{id}/passkey/options`: a new challenge; `passkey_not_found` without passkeys, `too_many_attempts` after 5. */
export function newSignInPasskeyOptions(context: RouteContext): Response {
  const { scenario } = context;
  const flow = findFlow(context, 'sign-in', 'signInId');
  if (flow instanceof Response) return flow;
  const { account } = scenario.accounts.get(flow.idNumber)!;
  if ((scenario.passkeys.get(account.sub) ?? []).length === 0) return context.problem('passkey_not_found');
  const passkey = mockSignInPasskeyOptions(scenario, flow, account.sub);
  if (!passkey) return context.problem('too_many_attempts', { retryAfter: Math.max(1, Math.ceil((flow.expiresAt - scenario.now()) / 1000)) });
  return context.json({ passkey });
}

/**
 * `POST /v1/sign-ins/{id}/passkey`: signed in when its `clientDataJSON` is a `webauthn.get` echoing a
 * live challenge of this sign-in and its id is one of the account's passkeys; the tokens' `amr` is
 * `pwd hwk user mfa` (`swk` for a platform passkey the mock takes as synced). The mock checks no signature or counter.
 */
export async function verifySignInPasskey(context: RouteContext): Promise<Response> {
  const { scenario } = context;
  const flow = findFlow(context, 'sign-in', 'signInId');
  if (flow instanceof Response) return flow;
  const parsed = VerifySignInPasskeySchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const { credential } = parsed.data;
  const { account } = scenario.accounts.get(flow.idNumber)!;
  const spent = spend(scenario, credential.response.clientDataJSON, 'webauthn.get', (c) => c.purpose === 'sign_in' && c.flowId === flow.id);
  if (!spent) return context.problem('passkey_verification_failed');
  const passkey = (scenario.passkeys.get(account.sub) ?? []).find(({ view }) => view.id === credential.id);
  if (!passkey) return context.problem('passkey_not_found');
  scenario.flows.delete(flow.id);
  // AAL2 after the password, `amr` naming the passkey's kind: what the service's sessions record.
  const authentication = { ...authenticationOf('passkey'), amr: ['pwd', passkey.view.deviceType === 'single_device' ? 'hwk' : 'swk', 'user', 'mfa'] as const };
  const tokens = await scenario.startSession(account, context.clientId, authentication);
  const list = scenario.passkeys.get(account.sub)!;
  scenario.passkeys.set(account.sub, list.map((entry) => (entry === passkey ? { view: { ...entry.view, lastUsedAt: new Date(scenario.now()).toISOString() } } : entry)));
  return context.json({ tokens, account });
}

/**
 * A passkey route as the service mounts it: answered only while the scenario's configuration offers
 * passkeys (`config.passkeys.offered`, the default); otherwise `not_found`, as the service answers
 * without `passkeys.rpId`.
 */
export function whenPasskeysOffered(run: (context: RouteContext) => Response | Promise<Response>): (context: RouteContext) => Response | Promise<Response> {
  return (context) => (context.scenario.config.passkeys.offered ? run(context) : context.problem('not_found'));
}
