import { randomBytes } from 'node:crypto';
import { authenticationOf, maskIdNumber, type AuthenticationMethod } from '@dvc-kit/sdk';
import type {
  AddPasskeyRequest,
  Passkey,
  PasskeyAdded,
  PasskeyList,
  PasskeyRegistrationStarted,
  PasskeyRequestOptions,
  SignedIn,
  SignInPasskeyOptions,
  StartPasskeyRegistrationRequest,
  VerifySignInPasskeyRequest,
} from '@dvc-kit/sdk/contract';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { AppDeps } from '../app-deps.js';
import type { ServerConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';
import type { FlowRecord } from '../store/flows.js';
import type { PasskeyRecord } from '../store/passkeys.js';
import type { AccountHolder } from './account-changes.js';
import { requireCurrentPassword } from './account-changes.js';
import { NOTHING_ALONGSIDE, type Caller, type StepCommit } from './caller.js';
import { accountNumber } from './account-holder.js';
import { openSignInSession } from './sign-in-session.js';
import { findFlowAwaitingCode } from './steps.js';

/** The passkey part of the configuration, when passkeys are offered. */
type PasskeysConfig = NonNullable<ServerConfig['passkeys']>;

/**
 * How a passkey sign-in is described in `amr` (RFC 8176): the password (the first step), the key —
 * `hwk` for a passkey bound to one authenticator, `swk` for a synced one, whose private key leaves the
 * device in the platform's keychain — `user` when the authenticator verified its holder (PIN or
 * biometrics), and `mfa`.
 */
export function passkeyAmr(deviceType: PasskeyRecord['deviceType'], userVerified: boolean): AuthenticationMethod[] {
  return ['pwd', deviceType === 'single_device' ? 'hwk' : 'swk', ...(userVerified ? (['user'] as const) : []), 'mfa'];
}

/** The passkey configuration, or 404 when the service offers none (its routes are not mounted then). */
function offered(deps: AppDeps): PasskeysConfig {
  if (!deps.config.passkeys) throw new ProblemError('not_found');
  return deps.config.passkeys;
}

/**
 * The challenge a browser echoes in `clientDataJSON`, read before any signature is checked to find the
 * stored challenge it answers; `undefined` when the JSON is not a client data object.
 */
function echoedChallenge(clientDataJSON: string): string | undefined {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = typeof data === 'object' && data !== null ? (data as { challenge?: unknown }).challenge : undefined;
    return typeof challenge === 'string' && challenge.length > 0 && challenge.length <= 256 ? challenge : undefined;
  } catch {
    return undefined;
  }
}

/** The 16 bytes of an account's UUID: the WebAuthn user handle, the same on every passkey of the account. */
function userHandle(sub: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(sub.replace(/-/g, ''), 'hex'));
}

/** The WebAuthn ids of the account's passkeys, for `excludeCredentials` / `allowCredentials`. */
function descriptors(records: readonly PasskeyRecord[]): { id: string; transports: AuthenticatorTransport[] }[] {
  return records.map((record) => ({ id: record.id, transports: record.transports as AuthenticatorTransport[] }));
}

function newId(): string {
  return randomBytes(16).toString('base64url');
}

/** A passkey as the citizen sees it: never its key. */
export function passkeyView(record: PasskeyRecord): Passkey {
  return {
    id: record.id,
    name: record.name,
    transports: [...record.transports],
    deviceType: record.deviceType,
    backedUp: record.backedUp,
    createdAt: record.createdAt.toISOString(),
    lastUsedAt: record.lastUsedAt?.toISOString() ?? null,
  };
}

/**
 * Passkeys (WebAuthn, @simplewebauthn/server): a signed-in citizen adds, lists and removes them; at
 * sign-in, after the password, one of them may answer instead of the SMS code.
 *
 * Adding one needs the current password (counted as a sign-in attempt, as every account change does)
 * and a sign-in at most `passkeys.recentSignInSeconds` old: that sign-in's SMS code (or passkey) is the
 * fresh second factor, so no new code is texted moments after the last one. An access token alone adds
 * nothing.
 *
 * Every challenge is random (128 bits), bound to what asked for it — the session, or the sign-in — and
 * to the portal, lives `passkeys.ceremonySeconds`, and is spent by the first answer to it, right or
 * wrong, in one `UPDATE … RETURNING`: of parallel answers, one gets it. The signature counter only
 * grows (a counter that does not is a cloned or replayed authenticator, refused).
 *
 * Losing every passkey changes nothing else: the sign-in's code is texted whether or not the account
 * has passkeys, and the code still answers.
 */
export const passkeys = {
  /**
   * The options to make a passkey with (`navigator.credentials.create()`), after the current password,
   * on a recent sign-in.
   * @throws {ProblemError} `recent_sign_in_required`, `too_many_attempts`, `invalid_credentials`, `passkey_limit_reached`.
   */
  async startRegistration(deps: AppDeps, caller: Caller, holder: AccountHolder, data: StartPasskeyRegistrationRequest): Promise<PasskeyRegistrationStarted> {
    const settings = offered(deps);
    const { store, clock, log } = deps;
    const { account, session } = holder;
    if (clock().getTime() - session.authTime.getTime() > settings.recentSignInSeconds * 1000) throw new ProblemError('recent_sign_in_required');
    await requireCurrentPassword(deps, caller, account, data.currentPassword);
    const existing = await store.passkeys.listForAccount(account.sub);
    if (existing.length >= settings.maxPerAccount) throw new ProblemError('passkey_limit_reached');
    const options = await generateRegistrationOptions({
      rpName: settings.rpName,
      rpID: settings.rpId,
      userID: userHandle(account.sub),
      // What a passkey manager lists: the masked ID number and the name, never the full number.
      userName: account.idNumber ? maskIdNumber(account.idNumber) : accountNumber(account),
      userDisplayName: account.fullName,
      timeout: settings.ceremonySeconds * 1000,
      attestationType: 'none',
      excludeCredentials: descriptors(existing),
      authenticatorSelection: { residentKey: 'preferred', userVerification: settings.userVerification },
    });
    const now = clock();
    const expiresAt = new Date(now.getTime() + settings.ceremonySeconds * 1000);
    const registrationId = newId();
    await store.passkeys.createChallenge({
      id: registrationId,
      purpose: 'register',
      challenge: options.challenge,
      clientId: caller.client.id,
      accountSub: account.sub,
      sessionId: session.id,
      flowId: null,
      createdAt: now,
      expiresAt,
    });
    log.info('passkey.registration_started', { client: caller.client.id, sub: account.sub });
    return { registrationId, options, expiresAt: expiresAt.toISOString() };
  },

  /**
   * Checks the new passkey against its challenge (this session's, this portal's origins, the RP ID) and
   * stores it. The challenge is spent whatever the outcome.
   * @throws {ProblemError} `passkey_verification_failed`, `passkey_already_added`, `passkey_limit_reached`.
   */
  async add(deps: AppDeps, caller: Caller, holder: AccountHolder, data: AddPasskeyRequest): Promise<PasskeyAdded> {
    const settings = offered(deps);
    const { store, clock, log } = deps;
    const { account, session } = holder;
    const echoed = echoedChallenge(data.credential.response.clientDataJSON);
    const spent = echoed
      ? await store.passkeys.spendChallenge({ purpose: 'register', challenge: echoed, clientId: caller.client.id, id: data.registrationId, sessionId: session.id }, clock())
      : undefined;
    if (!spent || spent.accountSub !== account.sub) {
      log.info('passkey.registration_refused', { client: caller.client.id, sub: account.sub, reason: 'challenge' });
      throw new ProblemError('passkey_verification_failed');
    }
    let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verified = await verifyRegistrationResponse({
        response: data.credential as RegistrationResponseJSON,
        expectedChallenge: spent.challenge,
        expectedOrigin: [...caller.client.origins],
        expectedRPID: settings.rpId,
        requireUserVerification: settings.userVerification === 'required',
      });
    } catch (error) {
      log.info('passkey.registration_refused', { client: caller.client.id, sub: account.sub, reason: error instanceof Error ? error.message.slice(0, 160) : 'unexpected' });
      throw new ProblemError('passkey_verification_failed');
    }
    if (!verified.verified) throw new ProblemError('passkey_verification_failed');
    const info = verified.registrationInfo;
    const record: PasskeyRecord = {
      id: info.credential.id,
      accountSub: account.sub,
      publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
      counter: info.credential.counter,
      transports: (data.credential.response.transports ?? []).filter((transport) => /^[a-z-]{1,32}$/.test(transport)),
      deviceType: info.credentialDeviceType === 'multiDevice' ? 'multi_device' : 'single_device',
      backedUp: info.credentialBackedUp,
      name: data.name ?? null,
      createdAt: clock(),
      lastUsedAt: null,
    };
    const added = await store.passkeys.add(record, settings.maxPerAccount);
    if (added === 'limit') throw new ProblemError('passkey_limit_reached');
    if (added === 'exists') throw new ProblemError('passkey_already_added');
    log.info('passkey.added', { client: caller.client.id, sub: account.sub, deviceType: record.deviceType });
    return { passkey: passkeyView(record) };
  },

  /** The account's passkeys, oldest first. */
  async list(deps: AppDeps, holder: AccountHolder): Promise<PasskeyList> {
    offered(deps);
    const records = await deps.store.passkeys.listForAccount(holder.account.sub);
    return { passkeys: records.map(passkeyView) };
  },

  /**
   * Removes one of the account's passkeys. Sign-in then falls back to the code for it.
   * @throws {ProblemError} `passkey_not_found`.
   */
  async remove(deps: AppDeps, caller: Caller, holder: AccountHolder, id: string): Promise<void> {
    offered(deps);
    if (!(await deps.store.passkeys.remove(id, holder.account.sub))) throw new ProblemError('passkey_not_found');
    deps.log.info('passkey.removed', { client: caller.client.id, sub: holder.account.sub });
  },

  /**
   * The options with which one of the account's passkeys may answer a sign-in that has just passed its
   * password (a new challenge bound to the sign-in); `undefined` when the service offers no passkeys,
   * the account has none, or the sign-in has had `passkeys.optionsPerSignIn` already.
   */
  async signInOptions(deps: AppDeps, flow: FlowRecord, accountSub: string): Promise<PasskeyRequestOptions | undefined> {
    const settings = deps.config.passkeys;
    if (!settings) return undefined;
    const records = await deps.store.passkeys.listForAccount(accountSub);
    if (records.length === 0) return undefined;
    const options = await generateAuthenticationOptions({
      rpID: settings.rpId,
      allowCredentials: descriptors(records),
      userVerification: settings.userVerification,
      timeout: settings.ceremonySeconds * 1000,
    });
    const now = deps.clock();
    const created = await deps.store.passkeys.createChallenge(
      {
        id: newId(),
        purpose: 'sign_in',
        challenge: options.challenge,
        clientId: flow.clientId,
        accountSub,
        sessionId: null,
        flowId: flow.id,
        createdAt: now,
        // Never past the sign-in's own end.
        expiresAt: new Date(Math.min(now.getTime() + settings.ceremonySeconds * 1000, flow.expiresAt.getTime())),
      },
      settings.optionsPerSignIn,
    );
    return created ? options : undefined;
  },

  /**
   * A new passkey challenge for a sign-in waiting for its second factor (after a failed or cancelled
   * try: each try spends its challenge).
   * @throws {ProblemError} `flow_not_found`, `flow_step`, `passkey_not_found` (the account has no passkeys), `too_many_attempts` (`passkeys.optionsPerSignIn` reached; the code still answers).
   */
  async newSignInOptions(deps: AppDeps, caller: Caller, id: string): Promise<SignInPasskeyOptions> {
    const settings = offered(deps);
    const flow = await findFlowAwaitingCode(deps, caller, id, 'sign_in');
    if (!flow.accountSub) throw new ProblemError('flow_step');
    if ((await deps.store.passkeys.countForAccount(flow.accountSub)) === 0) throw new ProblemError('passkey_not_found');
    const passkey = await passkeys.signInOptions(deps, flow, flow.accountSub);
    if (!passkey) {
      const retryAfter = Math.max(1, Math.ceil((flow.expiresAt.getTime() - deps.clock().getTime()) / 1000));
      deps.log.warn('sign_in.passkey_options_exhausted', { client: flow.clientId, sub: flow.accountSub, max: settings.optionsPerSignIn });
      throw new ProblemError('too_many_attempts', { retryAfter });
    }
    return { passkey };
  },

  /**
   * Ends a sign-in with a passkey instead of its code: the assertion must answer a challenge of this
   * sign-in (spent now, whatever the outcome), come from a passkey of the account, from one of the
   * portal's origins, for the RP ID, with a counter above the stored one. The passkey's use, the
   * flow's end, the session and `commit` are one transaction; the tokens say AAL2 with
   * {@link passkeyAmr}.
   * @throws {ProblemError} `flow_not_found`, `flow_step`, `passkey_verification_failed`, `passkey_not_found`.
   */
  async verifySignIn(deps: AppDeps, caller: Caller, id: string, data: VerifySignInPasskeyRequest, commit: StepCommit<SignedIn> = NOTHING_ALONGSIDE): Promise<SignedIn> {
    const settings = offered(deps);
    const { store, clock, log } = deps;
    const flow = await findFlowAwaitingCode(deps, caller, id, 'sign_in');
    const accountSub = flow.accountSub;
    if (!accountSub) throw new ProblemError('flow_step');
    const refuse = (reason: string): never => {
      log.info('sign_in.passkey_refused', { client: flow.clientId, sub: accountSub, reason });
      throw new ProblemError('passkey_verification_failed');
    };
    const echoed = echoedChallenge(data.credential.response.clientDataJSON);
    const spent = echoed ? await store.passkeys.spendChallenge({ purpose: 'sign_in', challenge: echoed, clientId: caller.client.id, flowId: flow.id }, clock()) : undefined;
    if (!spent) return refuse('challenge');
    const record = await store.passkeys.find(data.credential.id, accountSub);
    if (!record) {
      log.info('sign_in.passkey_refused', { client: flow.clientId, sub: accountSub, reason: 'unknown_passkey' });
      throw new ProblemError('passkey_not_found');
    }
    let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verified = await verifyAuthenticationResponse({
        response: data.credential as AuthenticationResponseJSON,
        expectedChallenge: spent.challenge,
        expectedOrigin: [...caller.client.origins],
        expectedRPID: settings.rpId,
        credential: { id: record.id, publicKey: new Uint8Array(Buffer.from(record.publicKey, 'base64url')), counter: record.counter, transports: [...record.transports] },
        requireUserVerification: settings.userVerification === 'required',
      });
    } catch (error) {
      return refuse(error instanceof Error ? error.message.slice(0, 160) : 'unexpected');
    }
    if (!verified.verified) return refuse('signature');
    const { newCounter, userVerified, credentialBackedUp } = verified.authenticationInfo;
    const now = clock();
    // AAL2 as the SDK's table says for a passkey, with `amr` naming this passkey's kind and whether it verified its holder.
    return openSignInSession(deps, flow, accountSub, { ...authenticationOf('passkey'), amr: passkeyAmr(record.deviceType, userVerified) }, async (tx) => {
      // A parallel use of the same passkey that moved the counter first wins; this one is a replay.
      if (!(await tx.passkeys.recordUse(record.id, accountSub, newCounter, credentialBackedUp, now))) refuse('counter');
    }, commit);
  },
};
