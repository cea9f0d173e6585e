import * as z from 'zod';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@dvc-kit/sdk';

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

const ClientSchema = z.object({
  /** The client id portals send in the `DVC-Client` header. */
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lower-case letters, digits, ".", "_" and "-", at most 64'),
  /** The portal's name, shown in `GET /v1/config`. */
  name: z.string().min(1).max(200),
  /** Browser origins allowed to call the service for this client (CORS). Server-side callers send no Origin. */
  origins: z.array(origin).default([]).transform((list) => list.map((value) => new URL(value).origin)),
  /** Registration methods this portal offers; defaults to the service-wide list. */
  registrationMethods: z.array(z.literal('mobile')).optional(),
  /** Sign-in methods this portal offers; defaults to the service-wide list. */
  signInMethods: z.array(z.literal('password')).optional(),
});

const OtpSchema = z.object({
  ttlSeconds: z.int().min(30).max(600).default(180),
  resendAfterSeconds: z.int().min(10).max(600).default(60),
  maxAttempts: z.int().min(1).max(5).default(5),
  perPhonePerMinute: z.int().min(1).max(3).default(3),
  perPhonePerHour: z.int().min(1).max(10).default(10),
  perAddressPer5Minutes: z.int().min(1).max(25).default(25),
});

const PasswordPolicySchema = z.object({
  minLength: z.int().min(8).max(128).optional(),
  maxLength: z.int().min(64).max(1024).optional(),
  requireLower: z.boolean().optional(),
  requireUpper: z.boolean().optional(),
  requireDigit: z.boolean().optional(),
  requireSpecial: z.boolean().optional(),
  rejectCommon: z.boolean().optional(),
  rejectPersonalData: z.boolean().optional(),
});

const secret = z.string().min(32, 'at least 32 characters of randomness');

const SecretsSchema = z.object({
  /** Key of the HMAC that stores one-time codes. */
  otpHmacKey: secret.optional(),
  /** Key of the HMAC that stands in for ID numbers and phones in logs and counters. */
  logHashKey: secret.optional(),
  /** Key that signs human-check (ALTCHA) challenges. */
  humanCheckKey: secret.optional(),
});

const SmsSchema = z.discriminatedUnion('driver', [
  z.object({ driver: z.literal('outbox') }),
  z.object({ driver: z.literal('http'), url: z.url({ protocol: /^https?$/ }), token: z.string().min(1), timeoutMs: z.int().min(100).max(60_000).default(5000) }),
]);

const CarrierSchema = z.discriminatedUnion('driver', [
  z.object({ driver: z.literal('sandbox'), fixture: z.string().min(1).optional() }),
  z.object({ driver: z.literal('http'), url: z.url({ protocol: /^https?$/ }), token: z.string().min(1), timeoutMs: z.int().min(100).max(60_000).default(5000) }),
]);

const Argon2Schema = z.object({
  memoryCost: z.int().min(19_456, 'at least 19456 KiB (19 MiB)').default(19_456),
  timeCost: z.int().min(2).default(2),
  parallelism: z.int().min(1).max(16).default(1),
});

const TokensSchema = z.object({
  accessTtlSeconds: z.int().min(60).max(3600).default(600),
  idTtlSeconds: z.int().min(60).max(3600).default(600),
  sessionIdleSeconds: z.int().min(60).max(900).default(900),
  sessionAbsoluteSeconds: z.int().min(300).max(43_200).default(43_200),
});

const SignInThrottleSchema = z.object({
  /** Failures answered at once before the wait starts. */
  freeFailures: z.int().min(1).max(5).default(5),
  /** Seconds the wait grows by for each failure after the free ones. */
  stepSeconds: z.int().min(60).max(3600).default(60),
  /** Longest wait. */
  maxWaitSeconds: z.int().min(60).max(3600).default(900),
  /** Failures older than this are forgotten. */
  forgetAfterSeconds: z.int().min(3600).max(7 * 86_400).default(43_200),
  /** Hard cap of failures per ID number per hour. */
  maxFailuresPerHour: z.int().min(1).max(100).default(100),
});

const HousekeepingSchema = z.object({
  /** Seconds between two sweeps of expired rows by this instance; `0` runs none (another instance or a job sweeps). */
  intervalSeconds: z.int().min(0).max(86_400).default(300),
  /** Most rows one delete statement removes; the sweep loops, yielding to requests between batches. */
  batchSize: z.int().min(10).max(10_000).default(500),
});

const IdempotencySchema = z.object({
  /**
   * Seconds a request holds its `Idempotency-Key` before a retry may take it over (the request is
   * presumed dead): longer than the slowest request (register and SMS time-outs included).
   */
  leaseSeconds: z.int().min(1).max(600).default(30),
});

/**
 * The zod schema of the service configuration: what {@link loadConfig} validates with. Exported for
 * tools that generate a JSON Schema of the configuration file (`z.toJSONSchema`).
 */
export const ServerConfigSchema = z.object({
  /** Public base URL of the service: the `iss` of its tokens. */
  issuer: z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, '')),
  database: z
    .object({
      /** A `postgres://` URL; when set, PostgreSQL is used. */
      url: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
      /** PostgreSQL schema to keep the tables in (created when missing). */
      schema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
      /** Folder of the embedded PGlite database; absent means in memory. */
      dataDir: z.string().min(1).optional(),
    })
    .default({}),
  clients: z
    .array(ClientSchema)
    .min(1, 'at least one client (portal) is needed')
    .refine((clients) => new Set(clients.map((client) => client.id)).size === clients.length, 'client ids must be unique'),
  otp: OtpSchema.default(OtpSchema.parse({})),
  passwordPolicy: PasswordPolicySchema.default({}).transform((partial): PasswordPolicy => ({ ...DEFAULT_PASSWORD_POLICY, ...partial })),
  secrets: SecretsSchema.default({}),
  sms: SmsSchema.default({ driver: 'outbox' }),
  registries: z.object({ carrier: CarrierSchema.default({ driver: 'sandbox' }) }).default({ carrier: { driver: 'sandbox' } }),
  humanCheck: z
    .object({
      required: z.boolean().default(true),
      maxNumber: z.int().min(100).max(10_000_000).default(20_000),
      /** Seconds a challenge stays solvable. */
      expiresInSeconds: z.int().min(30).max(3600).default(600),
    })
    .default({ required: true, maxNumber: 20_000, expiresInSeconds: 600 }),
  argon2: Argon2Schema.default(Argon2Schema.parse({})),
  tokens: TokensSchema.default(TokensSchema.parse({})),
  signInThrottle: SignInThrottleSchema.default(SignInThrottleSchema.parse({})),
  /** The sweep of expired rows, run on a timer outside the request path. */
  housekeeping: HousekeepingSchema.default(HousekeepingSchema.parse({})),
  /** How long a request holds its `Idempotency-Key` before a retry may take it over. */
  idempotency: IdempotencySchema.default(IdempotencySchema.parse({})),
  consentVersion: z.string().min(1).max(32).default('2025-01'),
  registrationMethods: z.array(z.literal('mobile')).min(1).default(['mobile']),
  signInMethods: z.array(z.literal('password')).min(1).default(['password']),
  /** Read the client address from the last `X-Forwarded-For` entry (only behind one proxy you run). */
  trustProxy: z.boolean().default(false),
  /** Where log lines go; not from JSON. Default: standard output. */
  log: z.optional(z.custom<(line: string) => void>((value) => typeof value === 'function', 'must be a function')),
  /** The current time; not from JSON. */
  clock: z.optional(z.custom<Clock>((value) => typeof value === 'function', 'must be a function returning a Date')),
}).strict()
  .refine((config) => !(config.database.url && config.database.dataDir), {
    message: 'set either database.url (PostgreSQL) or database.dataDir (PGlite), not both',
    path: ['database'],
  })
  .refine((config) => config.otp.resendAfterSeconds <= config.otp.ttlSeconds, {
    message: 'must not be longer than otp.ttlSeconds',
    path: ['otp', 'resendAfterSeconds'],
  });

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
