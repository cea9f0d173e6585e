import { maskIdNumber } from '../identity/id-number.js';
import type { Account } from '../contract/common.js';
import type { ServiceConfig } from '../contract/config.js';
import type { CertificateDetails, SignatureMethod } from '../contract/signatures.js';
import type { StartRegistrationRequest } from '../contract/registration.js';
import type { FieldRule } from '../messages/codes.js';
import { DEFAULT_PASSWORD_POLICY } from '../password/policy.js';
import { METHODS_BY_SUBJECT_TYPE, registrationChoices } from '../assurance/registration-choices.js';
import type { VerificationMethod } from '../assurance/levels.js';
import { MOCK_ACCOUNTS, MOCK_CITIZENS, type MockAccount, type MockCitizen } from './citizens.js';
import { MockHumanCheck, type MockHumanCheckOptions } from './human-check.js';
import type { ServiceProblemCode } from '../contract/problem-status.js';
import { MockTokens } from './tokens.js';
import type { MockSignatureChallenge } from './signatures.js';
import type { MockSignatureRequest } from './signature-requests.js';
import type { MockPasskey, MockPasskeyChallenge } from './passkeys.js';
import { authenticationOf, type SignInAuthentication, type SignInMethod } from '../assurance/sign-in-methods.js';
import type { TokenSet } from '../contract/sign-in.js';

/** The operations of the service, named as the `DvcClient` methods that call them. */
export type MockOperation =
  | 'getConfig'
  | 'getHumanCheckChallenge'
  | 'startRegistration'
  | 'verifyRegistrationCode'
  | 'resendRegistrationCode'
  | 'completeRegistration'
  | 'startSignIn'
  | 'verifySignInCode'
  | 'resendSignInCode'
  | 'startRecovery'
  | 'verifyRecoveryCode'
  | 'resendRecoveryCode'
  | 'completeRecovery'
  | 'startPhoneRecovery'
  | 'verifyPhoneRecoveryCode'
  | 'resendPhoneRecoveryCode'
  | 'startPasswordChange'
  | 'startEmailChange'
  | 'startPhoneChange'
  | 'startCccdAddition'
  | 'verifyAccountChangeCode'
  | 'resendAccountChangeCode'
  | 'completePasswordChange'
  | 'signOutEverywhere'
  | 'refresh'
  | 'signOut'
  | 'getAccount'
  | 'createSignatureChallenge'
  | 'previewSignatureCertificate'
  | 'issueDevelopmentCertificate'
  | 'startSignatureRequest'
  | 'getSignatureRequest'
  | 'cancelSignatureRequest'
  | 'startSignatureRegistration'
  | 'signInWithSignature'
  | 'upgradeAssurance'
  | 'startPasskeyRegistration'
  | 'addPasskey'
  | 'listPasskeys'
  | 'removePasskey'
  | 'newSignInPasskeyOptions'
  | 'verifySignInPasskey'
  | 'getSessionAssurance'
  | 'checkSessionAssurance';

/** Changes to the default `GET /v1/config` answer; each object is merged into the default one. */
export type MockConfigOverrides = {
  readonly [K in keyof ServiceConfig]?: ServiceConfig[K] extends readonly unknown[] ? ServiceConfig[K] : ServiceConfig[K] extends object ? Partial<ServiceConfig[K]> : ServiceConfig[K];
};

/** Options of a {@link MockScenario} (and of `createMockHandlers`). */
export interface MockOptions {
  /**
   * Origin (and path prefix) the handlers answer on, e.g. `http://127.0.0.1:4000`. Default `*`:
   * any origin.
   */
  readonly baseUrl?: string;
  /** The `iss` of the tokens. Default `baseUrl`, or `https://id.dvc-kit.test` when that is `*`. */
  readonly issuer?: string;
  /**
   * Every one-time code the mock sends: a fixed code, or one per send (numbered from 1).
   * Default `'123456'`.
   */
  readonly code?: string | ((send: number) => string);
  /**
   * The people in the carrier's records (and, those with a `bhxhCode`, in the social-insurance
   * register). Default {@link MOCK_CITIZENS}.
   */
  readonly citizens?: readonly MockCitizen[];
  /** Accounts that exist from the start. Default {@link MOCK_ACCOUNTS}. */
  readonly accounts?: readonly MockAccount[];
  /** Client ids the mock knows; others get `unknown_client`. Default: any client id. */
  readonly clients?: readonly string[];
  /**
   * Browser origins the portal lists (`clients[].origins` on the service). When set, a request from
   * another origin gets `403 origin_not_allowed` with `Access-Control-Allow-Origin` set to that origin,
   * as the service answers it. The origin is the request's `Origin` header or, for a request made in
   * the page through `createMockFetch` (which carries none), the page's own origin. Default: any origin.
   */
  readonly origins?: readonly string[];
  /**
   * Changes to the configuration the mock serves (human check required, policy, timings …). The
   * mock offers registration by mobile subscriber only, as the service does by default; offer social
   * insurance too with `{ registrationMethods: ['mobile', 'bhxh'] }`.
   */
  readonly config?: MockConfigOverrides;
  /** Difficulty of the proof-of-work puzzle. Default: answer 7 within 0..50. */
  readonly humanCheck?: MockHumanCheckOptions;
  /** The clock, in epoch milliseconds; inject one to test expiry and waits without sleeping. */
  readonly now?: () => number;
  /** Wrong passwords allowed before sign-in slows down (default 5), then +60 s a failure, at most 900 s. */
  readonly freeFailures?: number;
}

/** One text message the mock "sent". */
export interface MockSms {
  /** E.164 destination. */
  readonly phone: string;
  /** The code; empty in a notice (`phone-changed`: the text to a number that is no longer the account's). */
  readonly code: string;
  readonly purpose: 'registration' | 'sign-in' | 'recovery' | 'account-change' | 'phone-recovery' | 'phone-changed';
  /** Epoch milliseconds. */
  readonly sentAt: number;
}

/** One request the mock answered, as a test may want to inspect it. */
export interface MockRequestRecord {
  readonly operation: MockOperation;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body, when there was one. */
  readonly body: unknown;
}

/** A failure forced on the next call of an operation. */
export interface ForcedFailure {
  readonly code: ServiceProblemCode | 'network';
  readonly retryAfter?: number;
  readonly fieldErrors?: readonly { readonly field: string; readonly code: FieldRule }[];
}

/** @internal A signed-in session, under each of its live refresh tokens. */
export interface MockSession {
  account: Account;
  readonly clientId: string;
  readonly sid: string;
  /** How it signed in. */
  readonly authentication: SignInAuthentication;
  /** Epoch seconds of the sign-in. */
  readonly authTime: number;
}

/** @internal What an account change carries to its last step. */
export interface MockChange {
  readonly kind: 'password' | 'email' | 'phone' | 'cccd';
  /** The session that started it. */
  readonly sid: string;
  readonly endOtherSessions: boolean;
  readonly email?: string;
  /** The CCCD a `cccd` change adds. */
  readonly cccd?: string;
}

/** @internal A registration, sign-in, recovery, phone recovery or account change in progress. */
export interface MockFlow {
  readonly id: string;
  readonly purpose: 'registration' | 'sign-in' | 'recovery' | 'account-change' | 'phone-recovery';
  readonly idNumber: string;
  readonly phone: string;
  code: string;
  expiresAt: number;
  resendAt: number;
  attempts: number;
  verified: boolean;
  readonly details?: StartRegistrationRequest;
  readonly change?: MockChange;
  /** A registration whose identity a USB-token signature proved: its account is made at IAL3. */
  readonly verifiedBy?: SignatureMethod;
  /** An enterprise's or agency officer's registration: who registers, as the certificate named them. */
  readonly organisation?: { readonly subjectType: 'enterprise' | 'agency'; readonly fullName: string; readonly organisationName: string; readonly taxCode?: string };
}

/** @internal An account, its password and the phone its codes go to (E.164). */
export interface MockAccountRecord {
  readonly account: Account;
  readonly password: string;
  readonly phone: string;
  /** The BHXH code of an account registered by social insurance (a lost phone is recovered with it). */
  readonly bhxhCode?: string;
}

/**
 * Register look-ups (carrier and social insurance together) the mock allows about one ID number per
 * hour, counted before the register is asked, mismatches included: the service's default
 * (`limits.registerLookups.perIdNumber`).
 */
export const MOCK_REGISTER_LOOKUPS_PER_HOUR = 5;

/**
 * The in-memory world the mock handlers act against: the carrier's records, the accounts, the flows in
 * progress, the text messages sent, and the requests seen. Tests read it (`outbox`, `requests`) and
 * steer it (`failNext`, `setNow` through an injected clock).
 *
 * @example
 * ```ts
 * import { MockScenario, createMockHandlers, createMockFetch } from '@dvc-kit/sdk/mock';
 * const scenario = new MockScenario({ code: '123456', config: { humanCheck: { required: true } } });
 * const fetch = createMockFetch(createMockHandlers(scenario));
 * scenario.failNext('startSignIn', { code: 'too_many_attempts', retryAfter: 120 });
 * ```
 */
export class MockScenario {
  /** The configuration `GET /v1/config` serves. */
  readonly config: ServiceConfig;
  /** The carrier's subscriber records, and the social-insurance records of those with a `bhxhCode`. */
  readonly citizens: readonly MockCitizen[];
  /** Every text message sent, oldest first. */
  readonly outbox: MockSms[] = [];
  /** Every request answered, oldest first. */
  readonly requests: MockRequestRecord[] = [];
  /** Where the handlers answer (`*` for any origin). */
  readonly baseUrl: string;
  /** @internal */ readonly humanCheck: MockHumanCheck;
  /** @internal */ readonly tokens: MockTokens;
  /** @internal */ readonly accounts = new Map<string, MockAccountRecord>();
  /** @internal */ readonly flows = new Map<string, MockFlow>();
  /** @internal */ readonly idempotency = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  /** @internal */ readonly passwordFailures = new Map<string, { count: number; lockedUntil: number }>();
  /** @internal */ readonly sessions = new Map<string, MockSession>();
  /** @internal */ readonly accessTokens = new Map<string, Account>();
  /** @internal The session (`sid`) of each access token. */
  readonly accessSids = new Map<string, string>();
  /** @internal Phones (E.164) of accounts that changed theirs, by ID number. */
  readonly phones = new Map<string, string>();
  /** @internal Emails of accounts (registered with one, or changed to one), by ID number. */
  readonly emails = new Map<string, string>();
  /** @internal Recovery starts per ID number (epoch ms), for the per-ID-number limit. */
  readonly recoveryStarts = new Map<string, number[]>();
  /** @internal Register look-ups per ID number (epoch ms), carrier and social insurance alike. */
  readonly registerLookups = new Map<string, number[]>();
  /** @internal The registered ID number (a CMND) of each CCCD added to an account. */
  readonly idAliases = new Map<string, string>();
  /** @internal Earlier passwords per ID number, newest first. */
  readonly passwordHistory = new Map<string, string[]>();
  /** @internal Refresh tokens rotated, with the answer they got, for a double submit within the grace. */
  /** Signature challenges issued, by id. */
  readonly signatureChallenges = new Map<string, MockSignatureChallenge>();
  /** @internal Certificates the mock's development CA issued (`POST /dev/signature-certificates`), with what they say. */
  readonly developmentCertificates = new Map<string, CertificateDetails>();
  /** @internal SIM-signature and remote-signing requests started, by id. */
  readonly signatureRequests = new Map<string, MockSignatureRequest>();
  readonly rotated = new Map<string, { readonly at: number; readonly tokens: ReturnType<MockTokens['issue']> }>();
  /** @internal When each session (`sid`) signed in (epoch ms), for the recent sign-in adding a passkey needs. */
  readonly signedInAt = new Map<string, number>();
  /** @internal Passkeys per account (`sub`). */
  readonly passkeys = new Map<string, MockPasskey[]>();
  /** @internal Passkey challenges handed out, by challenge. */
  readonly passkeyChallenges = new Map<string, MockPasskeyChallenge>();
  /** @internal */ readonly freeFailures: number;
  readonly #clients: ReadonlySet<string> | undefined;
  readonly #origins: ReadonlySet<string> | undefined;
  readonly #code: string | ((send: number) => string);
  readonly #now: () => number;
  readonly #forced = new Map<MockOperation, ForcedFailure[]>();
  #serial = 0;

  constructor(options: MockOptions = {}) {
    this.baseUrl = (options.baseUrl ?? '*').replace(/\/+$/, '');
    this.#now = options.now ?? (() => Date.now());
    this.#code = options.code ?? '123456';
    this.#clients = options.clients ? new Set(options.clients) : undefined;
    this.#origins = options.origins ? new Set(options.origins) : undefined;
    this.freeFailures = options.freeFailures ?? 5;
    this.citizens = options.citizens ?? MOCK_CITIZENS;
    this.config = mergeConfig(options.config);
    this.humanCheck = new MockHumanCheck(options.humanCheck);
    this.tokens = new MockTokens(options.issuer ?? (this.baseUrl === '*' ? 'https://id.dvc-kit.test' : this.baseUrl), this.#now);
    for (const { idNumber, password } of options.accounts ?? MOCK_ACCOUNTS) {
      const citizen = this.citizenOf(idNumber);
      if (!citizen) throw new Error(`Mock account ${idNumber} is not one of the scenario's citizens`);
      this.addAccount({ ...citizen, idNumber }, password);
    }
  }

  /** The mock's current time, epoch milliseconds. */
  now(): number {
    return this.#now();
  }

  /** Whether a client id may call the mock. */
  knowsClient(clientId: string | null): boolean {
    return Boolean(clientId) && (!this.#clients || this.#clients.has(clientId!));
  }

  /** Whether a page on `origin` may call the mock (`undefined`: no browser origin, as a server calls). */
  allowsOrigin(origin: string | undefined): boolean {
    return origin === undefined || !this.#origins || this.#origins.has(origin);
  }

  /**
   * Makes the next call of an operation fail with a problem (or, with `'network'`, never reach the
   * service). Calls queue: two `failNext` fail the next two calls.
   */
  failNext(operation: MockOperation, failure: ForcedFailure | ForcedFailure['code']): void {
    const queue = this.#forced.get(operation) ?? [];
    queue.push(typeof failure === 'string' ? { code: failure } : failure);
    this.#forced.set(operation, queue);
  }

  /** @internal The failure forced on this call, if any. */
  takeFailure(operation: MockOperation): ForcedFailure | undefined {
    return this.#forced.get(operation)?.shift();
  }

  /** Whether an account signs in with an ID number (the one it registered with, or a CCCD added to it). */
  hasAccount(idNumber: string): boolean {
    return this.accounts.has(this.registeredIdOf(idNumber));
  }

  /** @internal The number the account a typed ID number signs in to registered with; the typed one when none. */
  registeredIdOf(idNumber: string): string {
    return this.idAliases.get(idNumber) ?? idNumber;
  }

  /** @internal The person in the registers known by an ID number: their registered number, or their CCCD. */
  citizenOf(idNumber: string): MockCitizen | undefined {
    return this.citizens.find((c) => c.idNumber === idNumber || c.cccd === idNumber);
  }

  /**
   * @internal Adds a CCCD to the account registered with `idNumber`: it signs in with both, and every
   * view of the account (sessions, tokens) shows both masked.
   */
  addCccd(idNumber: string, cccd: string): void {
    const record = this.accounts.get(idNumber);
    if (!record) return;
    this.idAliases.set(cccd, idNumber);
    const account: Account = { ...record.account, idNumbersMasked: [maskIdNumber(idNumber), maskIdNumber(cccd)] };
    this.accounts.set(idNumber, { ...record, account });
    for (const session of this.sessions.values()) if (session.account.sub === account.sub) session.account = account;
    for (const [token, held] of this.accessTokens) if (held.sub === account.sub) this.accessTokens.set(token, account);
  }

  /**
   * @internal Raises the account registered with `idNumber` to IAL3 by `method`: every view of it
   * (sessions, access tokens) shows the new level, as the service's store does at once.
   */
  raiseIal(idNumber: string, method: SignatureMethod): Account | undefined {
    const record = this.accounts.get(idNumber);
    if (!record) return undefined;
    const account: Account = { ...record.account, ial: 3, verificationMethod: method };
    this.accounts.set(idNumber, { ...record, account });
    for (const session of this.sessions.values()) if (session.account.sub === account.sub) session.account = account;
    for (const [token, held] of this.accessTokens) if (held.sub === account.sub) this.accessTokens.set(token, account);
    return account;
  }

  /**
   * Opens a session of an existing account as if it had signed in by `method` now, without acting the
   * sign-in out: for a test that needs a session of a given assurance — `password` (AAL1, which no flow
   * of the service gives), `usb_token` (AAL3) — before the widget under test takes over. The session is
   * the scenario's like any other (`GET /v1/session/assurance` reads it, a refresh keeps it).
   *
   * @example
   * ```ts
   * const { tokens } = await scenario.openSession('001090001234', 'ministry-portal', 'password');
   * gate.accessToken = tokens.accessToken; // AAL1: the gate asks the citizen to sign in again
   * ```
   */
  async openSession(idNumber: string, clientId: string, method: SignInMethod): Promise<{ readonly tokens: TokenSet; readonly account: Account }> {
    const record = this.accounts.get(this.registeredIdOf(idNumber));
    if (!record) throw new Error(`The mock has no account for ${idNumber}`);
    const { account } = record;
    const tokens = await this.startSession(account, clientId, authenticationOf(method));
    return { tokens, account };
  }

  /**
   * Starts a session of `account` for `clientId`, signed in now with `authentication`, and issues its tokens:
   * every sign-in of the mock (by code, passkey or signature) ends here, as {@link openSession} does.
   */
  async startSession(account: Account, clientId: string, authentication: SignInAuthentication): Promise<TokenSet> {
    const sid = this.nextId('sid');
    const session: MockSession = { account, clientId, sid, authentication, authTime: Math.floor(this.now() / 1000) };
    const tokens = await this.tokens.issue(account, clientId, sid, session.authentication, session.authTime);
    this.sessions.set(tokens.refreshToken, session);
    this.accessTokens.set(tokens.accessToken, account);
    this.accessSids.set(tokens.accessToken, sid);
    this.signedInAt.set(sid, this.now());
    return tokens;
  }

  /** The newest code sent to a phone (E.164), as a citizen would read it from the SMS. */
  lastCode(phone?: string): string | undefined {
    return this.outbox.filter((sms) => sms.code !== '' && (!phone || sms.phone === phone)).at(-1)?.code;
  }

  /** @internal The phone (E.164) an account's codes go to: the carrier's record, or the one it changed to. */
  phoneOf(idNumber: string): string | undefined {
    return this.phones.get(idNumber) ?? this.accounts.get(idNumber)?.phone ?? this.citizens.find((c) => c.idNumber === idNumber)?.phone;
  }

  /** @internal A fresh identifier with a prefix. */
  nextId(prefix: string): string {
    return `${prefix}-${++this.#serial}`;
  }

  /** @internal Sends (records) a new code for a flow and resets its timings. */
  sendCode(flow: MockFlow): void {
    const sends = this.outbox.length + 1;
    flow.code = typeof this.#code === 'function' ? this.#code(sends) : this.#code;
    const now = this.now();
    flow.expiresAt = now + this.config.otp.ttlSeconds * 1000;
    flow.resendAt = now + this.config.otp.resendAfterSeconds * 1000;
    flow.attempts = 0;
    this.outbox.push({ phone: flow.phone, code: flow.code, purpose: flow.purpose, sentAt: now });
  }

  /** @internal Creates the account of a citizen, verified by `method`, whose codes go to `citizen.phone`. */
  addAccount(citizen: MockCitizen, password: string, method: 'mobile' | 'bhxh' = 'mobile'): Account {
    const id = citizen.idNumber;
    const account: Account = {
      sub: `mock-${id.slice(-6)}-${id.length}`,
      fullName: citizen.fullName,
      idNumberMasked: maskIdNumber(id),
      idNumbersMasked: [maskIdNumber(id)],
      subjectType: 'citizen',
      ial: 2,
      verificationMethod: method,
      createdAt: new Date(this.now()).toISOString(),
    };
    const bhxhCode = method === 'bhxh' ? citizen.bhxhCode : undefined;
    this.accounts.set(id, { account, password: password.normalize('NFC'), phone: citizen.phone, ...(bhxhCode ? { bhxhCode } : {}) });
    if (citizen.email) this.emails.set(id, citizen.email);
    return account;
  }
}

function mergeConfig(overrides: MockConfigOverrides = {}): ServiceConfig {
  const base: ServiceConfig = {
    clientId: 'mock-portal',
    clientName: 'Cổng dịch vụ công (mô phỏng)',
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY },
    otp: { length: 6, ttlSeconds: 180, resendAfterSeconds: 60, maxAttempts: 5 },
    registrationMethods: ['mobile'],
    subjectTypes: [],
    signInMethods: ['password'],
    // The mock acts passkeys out; the browser binds them to the page's own host (no RP ID named).
    passkeys: { offered: true },
    languages: ['vi', 'en'],
    humanCheck: { required: false, challengePath: '/v1/human-check/challenge' },
    consentVersion: '2025-01',
    lostPhoneRecovery: false,
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] = value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' ? { ...current, ...value } : value;
  }
  // The subject types follow the methods offered, as the service's do, unless a scenario sets them.
  if (overrides.subjectTypes === undefined) {
    const signIns = merged.signInMethods as string[];
    merged.subjectTypes = registrationChoices(merged.registrationMethods as string[]).map(({ subjectType, methods }) => ({
      subjectType,
      methods: [...methods],
      // As the service says: a password finds citizens only; the others sign in by the signature methods they may use.
      signInMethods: subjectType === 'citizen' ? [...signIns] : signIns.filter((method) => METHODS_BY_SUBJECT_TYPE[subjectType].includes(method as VerificationMethod)),
    }));
  }
  // Self-service phone recovery asks the social-insurance register: offered with social insurance, unless a scenario says.
  if (overrides.lostPhoneRecovery === undefined) merged.lostPhoneRecovery = (merged.registrationMethods as string[]).includes('bhxh');
  return merged as ServiceConfig;
}
