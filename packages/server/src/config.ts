import * as z from 'zod';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@dvc-kit/sdk';
import { SIGNATURE_METHODS } from '@dvc-kit/sdk/contract';
import { KeyEncryptionKeySchema } from './at-rest/key-encryption-key.js';
import { productionProblems } from './production.js';
import { HttpEdgeSchema } from './http/edge-config.js';
import { LimitsSchema } from './limits/limits-config.js';

/** The current time. Injected so tests move time without sleeping. */
export type Clock = () => Date;

const origin = z.string().refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
}, 'must be an origin such as https://dichvucong.example.gov.vn (scheme, host and port only)');

/**
 * The registration methods this service implements, by their name on the wire: `mobile` (mobile
 * subscriber, asks `registries.carrier`) and `bhxh` (social insurance, asks `registries.socialInsurance`).
 */
const RegistrationMethodSchema = z.enum(['mobile', 'bhxh']);

const ClientSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, ".", "_" and "-", at most 64').describe('The client id the portal sends in the `DVC-Client` header.'),
  name: z.string().min(1).max(200).describe("The portal's name, shown in `GET /v1/config`."),
  origins: z.array(origin).default([]).transform((list) => list.map((value) => new URL(value).origin)).describe('Browser origins allowed to call the service for this portal (CORS), e.g. `https://dichvucong.bacninh.gov.vn`. Server-side callers send no Origin.'),
  registrationMethods: z.array(RegistrationMethodSchema).optional().describe('Registration methods this portal offers (`mobile`, `bhxh`); the service-wide `registrationMethods` when absent. `bhxh` needs `registries.socialInsurance`.'),
  signInMethods: z.array(z.literal('password')).optional().describe('Sign-in methods this portal offers; the service-wide `signInMethods` when absent.'),
});

/**
 * One operator credential: a one-stop counter's back office (or another operator system) that may
 * call the operator API (`/operator/v1`). Only the SHA-256 of its bearer token is configured: the
 * token itself is a high-entropy secret handed to the counter's system, never stored here.
 */
const OperatorSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, ".", "_" and "-", at most 64').describe('The operator\'s id, recorded in the audit log with every call it makes.'),
  name: z.string().min(1).max(200).describe('Who the credential belongs to, e.g. `Bộ phận một cửa UBND tỉnh Bắc Ninh`.'),
  tokenSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the token as 64 lower-case hex digits')
    .describe('SHA-256 (hex) of the operator\'s bearer token; the token itself is never configured. Make a token of at least 32 random bytes (`openssl rand -base64 32`) and its hash with `printf %s "$TOKEN" | sha256sum`.'),
});

const OtpSchema = z.object({
  ttlSeconds: z.int().min(30).max(600).default(180).describe('Seconds a one-time code stays valid.'),
  resendAfterSeconds: z.int().min(10).max(600).default(60).describe('Seconds before "Gửi lại OTP" may send a new code (at most `ttlSeconds`).'),
  maxAttempts: z.int().min(1).max(5).default(5).describe('Wrong tries allowed per code before it is spent.'),
  perPhonePerMinute: z.int().min(1).max(3).default(3).describe('Codes sent to one phone per minute, at most.'),
  perPhonePerHour: z.int().min(1).max(10).default(10).describe('Codes sent to one phone per hour, at most.'),
  perAddressPer5Minutes: z.int().min(1).max(25).default(25).describe('Codes sent for one client address per 5 minutes, at most.'),
});

const PasswordPolicySchema = z.object({
  minLength: z.int().min(8).max(128).optional().describe('Fewest characters of a password (default 8).'),
  maxLength: z.int().min(64).max(1024).optional().describe('Most characters of a password (default 128); longer ones are refused, never truncated.'),
  requireLower: z.boolean().optional().describe('A lower-case letter is required (default true: the portal rule).'),
  requireUpper: z.boolean().optional().describe('An upper-case letter is required (default true).'),
  requireDigit: z.boolean().optional().describe('A digit is required (default true).'),
  requireSpecial: z.boolean().optional().describe('A special character is required (default true). NIST 800-63B and ASVS advise against composition rules; set the four `require…` keys to false to drop them.'),
  rejectCommon: z.boolean().optional().describe('Refuse common passwords (default true).'),
  rejectPersonalData: z.boolean().optional().describe("Refuse passwords containing the citizen's ID number, phone, birth date or name (default true)."),
});

const secret = z.string().min(32, 'at least 32 characters of randomness');

const SecretsSchema = z.object({
  otpHmacKey: secret.optional().describe('Key of the HMAC that stores one-time codes; generated once and kept in the database when absent.'),
  logHashKey: secret.optional().describe('Key of the HMAC that stands in for ID numbers and phones in logs and counters; generated once and kept in the database when absent.'),
  humanCheckKey: secret.optional().describe('Key that signs human-check (ALTCHA) challenges; generated once and kept in the database when absent.'),
  keyEncryptionKey: KeyEncryptionKeySchema.optional().describe(
    'The operator key-encryption key (KEK): signing and HMAC keys kept in the database are stored encrypted under it (AES-256-GCM, key derived by HKDF). At least 32 random bytes as base64url (`openssl rand -base64 32`); env `DVC_KEY_ENCRYPTION_KEY`. Required in production; keep it outside the database.',
  ),
});

const SmsSchema = z.discriminatedUnion('driver', [
  z.object({ driver: z.literal('outbox').describe('`outbox`: texts are kept in the database and shown at `/dev/outbox` (development only).') }),
  z.object({
    driver: z.literal('http').describe('`http`: texts are POSTed to the operator\'s SMS gateway (see "SMS gateway" in the operators guide).'),
    url: z.url({ protocol: /^https?$/ }).describe('URL the gateway accepts texts at.'),
    token: z.string().min(1).describe('Bearer token sent to the gateway.'),
    timeoutMs: z.int().min(100).max(60_000).default(5000).describe('Milliseconds to wait for the gateway before the send counts as failed.'),
  }),
]);

/** A register the service asks: the development sandbox over fictional citizens, or the operator's HTTP gateway. */
function registerSchema(guideSection: string) {
  return z.discriminatedUnion('driver', [
    z.object({
      driver: z.literal('sandbox').describe('`sandbox`: fictional citizens from a fixture file (development only).'),
      fixture: z.string().min(1).optional().describe("Path of the sandbox fixture (JSON); the package's own fictional citizens when absent."),
    }),
    z.object({
      driver: z.literal('http').describe(`\`http\`: the register the operator runs or contracts (see "${guideSection}" in the operators guide).`),
      url: z.url({ protocol: /^https?$/ }).describe('URL of the register\'s match endpoint.'),
      token: z.string().min(1).describe('Bearer token sent to the register.'),
      timeoutMs: z.int().min(100).max(60_000).default(5000).describe('Milliseconds to wait for the register before answering `registry_unavailable`.'),
    }),
  ]);
}

const CarrierSchema = registerSchema('Carrier register');
const SocialInsuranceSchema = registerSchema('Social-insurance register');

const Argon2Schema = z.object({
  memoryCost: z.int().min(19_456, 'at least 19456 KiB (19 MiB)').default(19_456).describe('argon2id memory per hash, in KiB.'),
  timeCost: z.int().min(2).default(2).describe('argon2id passes over the memory.'),
  parallelism: z.int().min(1).max(16).default(1).describe('argon2id lanes.'),
});

const TokensSchema = z.object({
  accessTtlSeconds: z.int().min(60).max(3600).default(600).describe('Lifetime of an access token, in seconds.'),
  idTtlSeconds: z.int().min(60).max(3600).default(600).describe('Lifetime of an ID token, in seconds.'),
  sessionIdleSeconds: z.int().min(60).max(900).default(900).describe('A session unused for this long ends (its refresh token stops working).'),
  sessionAbsoluteSeconds: z.int().min(300).max(43_200).default(43_200).describe('A session ends this long after sign-in, whatever its use.'),
  refreshReuseGraceSeconds: z.int().min(0).max(60).default(20).describe('A refresh token sent again this soon after its first use gets the same new refresh token (a double submit), not the end of the session.'),
});

const SignInThrottleSchema = z.object({
  freeFailures: z.int().min(1).max(5).default(5).describe('Wrong passwords per ID number answered at once before the wait starts.'),
  stepSeconds: z.int().min(60).max(3600).default(60).describe('Seconds the wait grows by for each failure after the free ones.'),
  maxWaitSeconds: z.int().min(60).max(3600).default(900).describe('Longest wait, in seconds.'),
  forgetAfterSeconds: z.int().min(3600).max(7 * 86_400).default(43_200).describe('Failures older than this (seconds) are forgotten.'),
  maxFailuresPerHour: z.int().min(1).max(100).default(100).describe('Hard cap of failures per ID number per hour.'),
});

const MetricsSchema = z.object({
  enabled: z.boolean().default(false).describe('Serve Prometheus metrics at `GET /metrics` (off by default).'),
  token: secret
    .optional()
    .describe('Bearer token a scraper must send (`Authorization: Bearer …`); required with `enabled` unless the service runs in development mode.'),
  processMetrics: z.boolean().default(true).describe("Also export Node's process metrics (CPU, memory, event-loop lag, GC) beside the service's own."),
});

const pemPaths = (who: string) =>
  z.array(z.string().min(1)).default([]).describe(`PEM files of the trust anchors (root or issuing CA certificates) for ${who}; a file may hold several certificates.`);

/** A signing provider for `sim_signature` or `remote_signing`: the development sandbox, or the operator's HTTP API. */
const SigningProviderSchema = z.discriminatedUnion('driver', [
  z.object({
    driver: z.literal('sandbox').describe('`sandbox`: fictional holders from a fixture, certificates from the service\'s development CA, the one the development signer\'s come from (development only).'),
    fixture: z.string().min(1).optional().describe("Path of the sandbox signers fixture (JSON); the package's own fictional holders when absent."),
    delaySeconds: z.int().min(0).max(120).default(5).describe('Seconds before a sandbox holder answers on the phone (signs, refuses, or keeps silent).'),
  }),
  z.object({
    driver: z.literal('http').describe('`http`: the provider\'s API the operator configures (the JSON contract is in docs/guides/signatures.md).'),
    baseUrl: z.url({ protocol: /^https?$/ }).describe('Base URL of the provider\'s API; the service calls `sign-requests` under it.'),
    token: z.string().min(1).describe('Bearer token sent to the provider.'),
    timeoutMs: z.int().min(100).max(60_000).default(5000).describe('Milliseconds one call to the provider may take before it counts as unavailable.'),
  }),
]);

const SignaturesSchema = z.object({
  methods: z
    .array(z.enum(SIGNATURE_METHODS))
    .default([])
    .refine((methods) => new Set(methods).size === methods.length, 'each method once')
    .describe('Signature methods the service offers: `usb_token` (citizens, enterprises, agency officers), `sim_signature` and `remote_signing` (citizens, enterprises). Each needs `trustAnchors` for a subject type it serves; production refuses to start otherwise. Empty (the default): no signature challenges.'),
  trustAnchors: z
    .object({
      citizen: pemPaths('citizens: the public CAs under the national root (Root CA quốc gia)'),
      enterprise: pemPaths('enterprises: the public CAs under the national root'),
      agency: pemPaths('agency officers: the government CA (Ban Cơ yếu Chính phủ)'),
    })
    .prefault({})
    .describe('Trust anchors per subject type, read at start; a certificate must chain to one of its subject type\'s anchors. A subject type without anchors gets no signature challenge.'),
  developmentCa: z
    .boolean()
    .default(false)
    .describe('Development mode only (production refuses to start with it): the service makes a development CA (kept in the database), trusts it for every subject type beside `trustAnchors`, and answers `GET /dev/signature-ca` and `POST /dev/signature-certificates`, so the SDK\'s `DevelopmentSigner` can sign without a USB token. See docs/guides/signatures.md.'),
  challengeTtlSeconds: z.int().min(60).max(900).default(300).describe('Seconds a signature challenge may be signed and used (once).'),
  uidPrefixes: z
    .record(z.string().min(1).max(16), z.enum(['id_number', 'tax_code']))
    .default({ 'CMND:': 'id_number', 'CCCD:': 'id_number', 'MST:': 'tax_code' })
    .describe('Prefixes of the subject\'s UID attribute (0.9.2342.19200300.100.1.1) and what the number after each is: an ID number (`id_number`) or a tax code (`tax_code`). Matched without regard to case, the longest first.'),
  crl: z
    .object({
      files: z.array(z.string().min(1)).default([]).describe('CRL files (DER or PEM) read at start and used before fetching; a stale one (past its nextUpdate) is not used.'),
      fetch: z.boolean().default(true).describe("Fetch CRLs from a certificate's CRL distribution point (http/https) when no given one is current; each is cached until its nextUpdate."),
      fetchTimeoutMs: z.int().min(100).max(30_000).default(5000).describe('Milliseconds one CRL fetch may take before the answer is `revocation_unavailable`.'),
      maxBytes: z.int().min(1024).max(200_000_000).default(50_000_000).describe('Largest CRL accepted, in bytes.'),
    })
    .prefault({})
    .describe('Revocation lists: given, or fetched. A certificate whose revocation cannot be checked is refused (`revocation_unavailable`), never taken as good.'),
  providers: z
    .object({
      sim_signature: SigningProviderSchema.optional().describe('The SIM-signature provider (the holder confirms with the SIM PIN).'),
      remote_signing: SigningProviderSchema.optional().describe('The remote-signing provider (a SmartCA-style service; the holder confirms in its app).'),
    })
    .prefault({})
    .describe('Who signs for `sim_signature` and `remote_signing`. Production refuses to start with a sandbox, or with either method offered without its provider; in development an offered method without one gets the sandbox.'),
  requests: z
    .object({
      ttlSeconds: z.int().min(30).max(600).default(120).describe('Seconds the holder has to confirm on the phone (never past the challenge\'s expiry); the request is `timed_out` after.'),
      pollIntervalSeconds: z.int().min(1).max(30).default(2).describe('Seconds a page waits between polls, and the least time between two questions to the provider about one request.'),
    })
    .prefault({})
    .describe('SIM-signature and remote-signing requests: how long the holder has, and how often the provider is asked.'),
});

/** A DNS name a WebAuthn relying party may use as its RP ID: lower-case labels, not an IP address. */
const RP_ID = /^(?=.{1,253}$)(?!\d+(\.\d+){3}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Whether an origin's host is the RP ID or under it (WebAuthn's "registrable domain suffix" rule, without the public-suffix list). */
export function originUnderRpId(origin: string, rpId: string): boolean {
  const host = new URL(origin).hostname;
  return host === rpId || host.endsWith(`.${rpId}`);
}

const PasskeysSchema = z.object({
  rpId: z
    .string()
    .regex(RP_ID, 'must be a lower-case DNS name (no scheme, port or IP address), e.g. "id.dichvucong.gov.vn" or "dichvucong.gov.vn"')
    .describe('The WebAuthn RP ID every passkey is bound to, for good: a DNS name the portals\' origins are under (e.g. `dichvucong.gov.vn` for `https://tinh.dichvucong.gov.vn`), or, with `relatedOrigins`, the identity service\'s own host. Changing it later orphans every passkey (they fall back to the code). See docs/guides/passkeys.md.'),
  rpName: z.string().min(1).max(64).default('Dịch vụ công').describe('The name a browser shows when a passkey is made.'),
  relatedOrigins: z
    .boolean()
    .default(false)
    .describe('Allow portals on origins outside `rpId` through WebAuthn Related Origin Requests: the service answers `GET /.well-known/webauthn` with every client origin, and must then be served at `https://<rpId>`. Off: every client origin must be under `rpId`.'),
  userVerification: z.enum(['required', 'preferred']).default('preferred').describe('Whether a passkey must verify its holder (PIN, fingerprint, face): `preferred` accepts a passkey that only tests presence (the password was the first factor); `required` refuses it. `amr` carries `user` when it verified.'),
  recentSignInSeconds: z.int().min(60).max(3600).default(600).describe('Adding a passkey needs the current password and a sign-in (password and code, or a passkey) at most this many seconds old.'),
  maxPerAccount: z.int().min(1).max(50).default(10).describe('Most passkeys one account may have.'),
  ceremonySeconds: z.int().min(30).max(600).default(300).describe('Seconds a passkey challenge (to add one, or to sign in with one) stays valid; the browser is given as long.'),
  optionsPerSignIn: z.int().min(1).max(20).default(5).describe('Passkey challenges one sign-in may ask for (each try spends one); more answer `too_many_attempts`, and the SMS code remains.'),
});

/** The mode a configuration asks for: production unless it says `development`. */
function modeOf(config: object): unknown {
  return 'mode' in config ? config.mode : 'production';
}

const HousekeepingSchema = z.object({
  /** Seconds between two sweeps of expired rows by this instance; `0` runs none (another instance or a job sweeps). */
  intervalSeconds: z.int().min(0).max(86_400).default(300).describe('Seconds between two sweeps of expired rows by this instance; `0` runs none (another instance or a job sweeps).'),
  /** Most rows one delete statement removes; the sweep loops, yielding to requests between batches. */
  batchSize: z.int().min(10).max(10_000).default(500).describe('Most rows one delete statement removes; the sweep loops, yielding to requests between batches.'),
});

const IdempotencySchema = z.object({
  /**
   * Seconds a request holds its `Idempotency-Key` before a retry may take it over (the request is
   * presumed dead): longer than the slowest request (register and SMS time-outs included).
   */
  leaseSeconds: z.int().min(1).max(600).default(30).describe('Seconds a request holds its `Idempotency-Key` before a retry may take it over (the request is presumed dead): longer than the slowest request, at least `http.requestTimeoutMs`.'),
});

/**
 * The zod schema of the service configuration: what {@link loadConfig} validates with. Exported for
 * tools that generate a JSON Schema of the configuration file (`z.toJSONSchema`).
 */
export const ServerConfigSchema = z.object({
  mode: z.enum(['production', 'development']).default('production')
    .describe('`production` (the default): no /dev routes, no sandbox register, no SMS outbox; refuses to start without an SMS gateway, registers, an https issuer and the key-encryption key. `development` must be asked for (env `DVC_MODE=development`).'),
  issuer: z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, '')).describe('Public base URL of the service, e.g. `https://id.dichvucong.gov.vn`: the `iss` of its tokens. `https` in production.'),
  database: z
    .object({
      url: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional().describe('A `postgres://` URL; when set, PostgreSQL is used (env `DATABASE_URL`).'),
      schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional().describe('PostgreSQL schema to keep the tables in (created when missing); `public` when absent.'),
      dataDir: z.string().min(1).optional().describe('Folder of the embedded PGlite database (env `DATA_DIR`); in memory when absent and no `url`.'),
    })
    .default({})
    .describe('Where accounts live: PostgreSQL (`url`) or embedded PGlite (`dataDir`), not both.'),
  clients: z
    .array(ClientSchema)
    .min(1, 'at least one client (portal) is needed')
    .refine((clients) => new Set(clients.map((client) => client.id)).size === clients.length, 'client ids must be unique')
    .describe('The portals that use the service (env `DVC_CLIENTS` as a JSON array); ids unique.'),
  otp: OtpSchema.default(OtpSchema.parse({})).describe('SMS one-time codes: lifetime, tries and send limits. Each may be tightened, never loosened past the maximum.'),
  passwordPolicy: PasswordPolicySchema.default({}).transform((partial): PasswordPolicy => ({ ...DEFAULT_PASSWORD_POLICY, ...partial })).describe('The password rule, shown by the widgets and enforced by the service; unset keys keep the portal default.'),
  passwordMinScore: z
    .int()
    .min(0)
    .max(4)
    .default(3)
    .describe('Lowest guessability score (zxcvbn, 0–4) of a new password, estimated by the service over common passwords and a Vietnamese word list through capitals, substitutions and appended digits; below it the password is refused as `password_guessable`. 0 turns the estimate off.'),
  secrets: SecretsSchema.default({}).describe('Symmetric keys of the service. Each absent one is generated once and kept in the database, shared by every instance.'),
  sms: SmsSchema.optional().describe('Where one-time codes are texted: the operator\'s `http` gateway (required in production); in development the `outbox` when absent.'),
  registries: z
    .object({
      carrier: CarrierSchema.optional().describe('The carrier register that confirms a SIM is registered to the citizen: `http` (required in production); in development the `sandbox` when absent.'),
      socialInsurance: SocialInsuranceSchema.optional().describe('The social-insurance register that confirms an insured person\'s BHXH code, ID number, name and birth date: `http` in production, where the social-insurance method is offered only when it is set; in development the `sandbox` when absent.'),
    })
    .default({})
    .describe('The registers the service asks.'),
  humanCheck: z
    .object({
      required: z.boolean().default(true).describe('Whether registration and sign-in need a solved human check (ALTCHA proof of work).'),
      maxNumber: z.int().min(100).max(10_000_000).default(20_000).describe('Difficulty: the largest number the solver may have to try.'),
      expiresInSeconds: z.int().min(30).max(3600).default(600).describe('Seconds a challenge stays solvable.'),
    })
    .default({ required: true, maxNumber: 20_000, expiresInSeconds: 600 })
    .describe('The human check (ALTCHA) before registration and sign-in.'),
  argon2: Argon2Schema.default(Argon2Schema.parse({})).describe('argon2id cost of password hashes: OWASP\'s minimum or stronger.'),
  tokens: TokensSchema.default(TokensSchema.parse({})).describe('Token lifetimes and session timeouts.'),
  signInThrottle: SignInThrottleSchema.default(SignInThrottleSchema.parse({})).describe('How wrong passwords slow an ID number down (never a permanent lock).'),
  housekeeping: HousekeepingSchema.default(HousekeepingSchema.parse({})).describe('The sweep of expired rows, run on a timer outside the request path, in bounded batches.'),
  idempotency: IdempotencySchema.default(IdempotencySchema.parse({})).describe('How long a request holds its `Idempotency-Key` before a retry may take it over.'),
  consentVersion: z.string().min(1).max(32).default('2025-01').describe('Version of the personal-data consent text a registration and a lost-phone recovery must accept (recorded with the account, and with each lost-phone recovery).'),
  registrationMethods: z.array(RegistrationMethodSchema).min(1).default(['mobile']).describe('Registration methods the service offers: `mobile` (mobile subscriber, asks `registries.carrier`) and `bhxh` (social insurance, asks `registries.socialInsurance`, which must then be set, in development too).'),
  signInMethods: z.array(z.literal('password')).min(1).default(['password']).describe('Sign-in methods the service offers.'),
  signatures: SignaturesSchema.prefault({}).describe('Digital signatures (IAL3): the methods offered, trust anchors per subject type, challenges, UID prefixes and revocation lists. See docs/guides/signatures.md.'),
  operators: z
    .array(OperatorSchema)
    .default([])
    .refine((operators) => new Set(operators.map((operator) => operator.id)).size === operators.length, 'operator ids must be unique')
    .refine((operators) => new Set(operators.map((operator) => operator.tokenSha256)).size === operators.length, 'each operator needs a token of its own')
    .describe('Operator credentials for the operator API (`/operator/v1`: a counter officer replaces a lost phone, the audit log), env `DVC_OPERATORS` as a JSON array of `{ id, name, tokenSha256 }`. Empty (the default): the operator API answers 404.'),
  trustProxy: z.boolean().default(false).describe('Read the client address from the last `X-Forwarded-For` entry: only behind one reverse proxy you run.'),
  passkeys: PasskeysSchema.optional().describe('Passkeys (WebAuthn) as the second factor instead of the SMS code, and the account routes that add, list and remove them. Absent (the default): not offered.'),
  limits: LimitsSchema.describe('Register look-ups and sign-in attempts per client address and per ID number (defaults and reasons: `limits/limits-config.ts`).'),
  http: HttpEdgeSchema.default(HttpEdgeSchema.parse({})).describe('Body size, timeouts and connection cap of the HTTP edge.'),
  metrics: MetricsSchema.default(MetricsSchema.parse({})).describe('Prometheus metrics: see the operators guide (docs/guides/operators.md).'),
  log: z.optional(z.custom<(line: string) => void>((value) => typeof value === 'function', 'must be a function')).describe('Programmatic only (not from JSON): where log lines go; standard output when absent.'),
  clock: z.optional(z.custom<Clock>((value) => typeof value === 'function', 'must be a function returning a Date')).describe('Programmatic only (not from JSON): the current time, for tests.'),
}).strict()
  .refine((config) => !(config.database.url && config.database.dataDir), {
    message: 'set either database.url (PostgreSQL) or database.dataDir (PGlite), not both',
    path: ['database'],
  })
  .refine((config) => config.otp.resendAfterSeconds <= config.otp.ttlSeconds, {
    message: 'must not be longer than otp.ttlSeconds',
    path: ['otp', 'resendAfterSeconds'],
  })
  .refine((config) => !config.metrics.enabled || config.metrics.token !== undefined || modeOf(config) === 'development', {
    message: 'metrics.enabled needs a metrics.token outside development mode: metrics must not be public',
    path: ['metrics', 'token'],
  })
  .superRefine((config, context) => {
    if (config.passkeys && !config.passkeys.relatedOrigins) {
      const { rpId } = config.passkeys;
      config.clients.forEach((client, index) => {
        client.origins.forEach((origin, at) => {
          if (!originUnderRpId(origin, rpId)) context.addIssue({ code: 'custom', path: ['clients', index, 'origins', at], message: `is not under passkeys.rpId "${rpId}": a passkey made for ${rpId} cannot be used there; choose an rpId the origins share, or set passkeys.relatedOrigins` });
        });
      });
    }
    for (const problem of productionProblems(config)) context.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
    for (const problem of registerProblems(config)) context.addIssue({ code: 'custom', path: [...problem.path], message: problem.message });
  })
  // Only development gets the outbox and the sandbox by default; production has been refused above without them.
  .transform(({ sms, registries, ...config }) => ({
    ...config,
    sms: sms ?? developmentDefault<z.output<typeof SmsSchema>>(config.mode, 'sms', { driver: 'outbox' }),
    registries: {
      ...registries,
      carrier: registries.carrier ?? developmentDefault<z.output<typeof CarrierSchema>>(config.mode, 'registries.carrier', { driver: 'sandbox' }),
      // Optional in production (absent: the method is not offered); the sandbox in development.
      socialInsurance: registries.socialInsurance ?? (config.mode === 'development' ? ({ driver: 'sandbox' } as z.output<typeof SocialInsuranceSchema>) : undefined),
    },
  }));

/** The parts of the configuration {@link registerProblems} reads. */
export interface RegisterCheckInput {
  readonly registrationMethods: readonly string[];
  readonly clients: readonly { readonly registrationMethods?: readonly string[] | undefined }[];
  readonly registries: { readonly socialInsurance?: unknown };
}

/**
 * Registration methods named without the register they ask: `bhxh` (service-wide or for a portal)
 * while `registries.socialInsurance` is not set. Refused in every mode — in development too, where an
 * absent social-insurance register would otherwise be the sandbox — so an operator who offers the
 * method says which register answers it. `loadConfig` reports these as a `ConfigError`;
 * `createService` checks again against the register it builds.
 *
 * @returns each problem with the key to fix and a message naming both keys; empty when none.
 */
export function registerProblems(config: RegisterCheckInput): { readonly path: readonly (string | number)[]; readonly message: string }[] {
  if (config.registries.socialInsurance !== undefined) return [];
  const message =
    'offers "bhxh" (registration by social insurance) but registries.socialInsurance is not configured: set registries.socialInsurance (driver "http" with url and token; "sandbox" in development) or take "bhxh" out of registrationMethods';
  const problems: { path: (string | number)[]; message: string }[] = [];
  if (config.registrationMethods.includes('bhxh')) problems.push({ path: ['registrationMethods'], message });
  config.clients.forEach((client, index) => {
    if (client.registrationMethods?.includes('bhxh')) problems.push({ path: ['clients', index, 'registrationMethods'], message });
  });
  return problems;
}

/** A development convenience for an absent key; never reached in production, which `productionProblems` refused. */
function developmentDefault<T>(mode: 'production' | 'development', key: string, value: T): T {
  if (mode !== 'development') throw new Error(`${key} must be configured in production`);
  return value;
}

/**
 * The validated configuration of the identity service, as {@link loadConfig} returns it: every
 * default filled in. See the package README for each key.
 */
export type ServerConfig = z.output<typeof ServerConfigSchema>;

/** What {@link loadConfig} accepts: the JSON shape, defaults optional. */
export type ServerConfigInput = z.input<typeof ServerConfigSchema>;

/** One portal registered with the service. */
export type ClientConfig = ServerConfig['clients'][number];

/** Thrown by {@link loadConfig}; the message names every wrong key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Each problem as `path: message`. */
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid DVC Kit server configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * Validates a configuration (parsed JSON, environment-built object, or a literal in a test), fills in
 * the defaults, and fails loudly with the key that is wrong.
 *
 * @throws {ConfigError} naming each wrong key, e.g. `otp.ttlSeconds: Too big: expected number to be <=600`.
 * @example
 * ```ts
 * import { createService, loadConfig } from '@dvc-kit/server';
 * const config = loadConfig({
 *   issuer: 'https://id.example.gov.vn',
 *   database: { dataDir: '/var/lib/dvc' },
 *   clients: [{ id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh', origins: ['https://dichvucong.bacninh.gov.vn'] }],
 *   sms: { driver: 'http', url: 'https://sms-gateway.internal/send', token: process.env.SMS_TOKEN },
 *   registries: { carrier: { driver: 'http', url: 'https://carrier-gateway.internal/verify', token: process.env.CARRIER_TOKEN } },
 *   secrets: { keyEncryptionKey: process.env.DVC_KEY_ENCRYPTION_KEY },
 * });
 * const service = await createService(config);
 * ```
 */
export function loadConfig(input: unknown): ServerConfig {
  const result = ServerConfigSchema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}
