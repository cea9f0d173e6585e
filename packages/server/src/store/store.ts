import { accountRepository, type AccountRepository } from './accounts.js';
import { flowRepository, type FlowRepository } from './flows.js';
import { humanCheckRepository, type HumanCheckRepository } from './human-checks.js';
import { idempotencyRepository, type IdempotencyRepository } from './idempotency.js';
import { sweepExpired, type SweepOptions, type SweepReport } from './housekeeping.js';
import { migrate } from './migrations.js';
import { openPostgres } from './postgres.js';
import { secretRepository, type SecretRepository } from './secrets.js';
import { sendLimitRepository, type SendLimitRepository } from './send-limits.js';
import { sessionRepository, type SessionRepository } from './sessions.js';
import { signInThrottleRepository, type SignInThrottleRepository } from './sign-in-throttle.js';
import { signingKeyRepository, type SigningKeyRepository } from './signing-keys.js';
import { smsOutboxRepository, type SmsOutboxRepository } from './sms-outbox.js';
import type { Database, Sql } from './sql.js';
import { otpChallengeRepository, type OtpChallengeRepository } from './otp-challenges.js';
import { passwordHistoryRepository, type PasswordHistoryRepository } from './password-history.js';
import { operatorAuditRepository, type OperatorAuditRepository } from './operator-audit.js';
import { phoneRecoveryRepository, type PhoneRecoveryRepository } from './phone-recoveries.js';
import { signatureChallengeRepository, type SignatureChallengeRepository } from './signature-challenges.js';
import { signingRequestRepository, type SigningRequestRepository } from './signing-requests.js';
import { passkeyRepository, type PasskeyRepository } from './passkeys.js';
import { assuranceHistoryRepository, type AssuranceHistoryRepository } from './assurance-history.js';

/**
 * The account store: every table of the service behind one interface, the same on PGlite and
 * PostgreSQL. `transaction` gives a store whose repositories all run in one database transaction.
 *
 * @example
 * ```ts
 * await store.transaction(async (tx) => {
 *   if (!(await tx.flows.advance(flowId, 'code_verified', 'completed'))) throw new Error('already done');
 *   await tx.accounts.create(account);
 * });
 * ```
 */
export interface Store {
  /** The connection (or transaction) the repositories run on. */
  readonly sql: Sql;
  /** Citizens' accounts, one per ID number. */
  readonly accounts: AccountRepository;
  /** Hashes of accounts' earlier passwords. */
  readonly passwordHistory: PasswordHistoryRepository;
  /** Registrations and sign-ins in progress. */
  readonly flows: FlowRepository;
  /** One-time codes (as HMACs) and their tries. */
  readonly otpChallenges: OtpChallengeRepository;
  /** Wrong-password counts per ID number. */
  readonly signInThrottle: SignInThrottleRepository;
  /** Sliding-window counts of code sends per phone and per address. */
  readonly sendLimits: SendLimitRepository;
  /** Stored answers of requests sent with an `Idempotency-Key`. */
  readonly idempotency: IdempotencyRepository;
  /** Sessions and their refresh tokens. */
  readonly sessions: SessionRepository;
  /** ES256 token-signing keys. */
  readonly signingKeys: SigningKeyRepository;
  /** Server keys generated once. */
  readonly secrets: SecretRepository;
  /** Human-check solutions already spent. */
  readonly humanChecks: HumanCheckRepository;
  /** The development SMS outbox. */
  readonly smsOutbox: SmsOutboxRepository;
  /** What counter officers did through the operator API, each entry naming the officer. */
  readonly operatorAudit: OperatorAuditRepository;
  /** Lost phones citizens recovered themselves, each with the consent version they agreed to and when. */
  readonly phoneRecoveries: PhoneRecoveryRepository;
  /** Challenges for a certificate to sign, each used once. */
  readonly signatureChallenges: SignatureChallengeRepository;
  /** Requests to a SIM-signature or remote-signing provider, each settled once. */
  readonly signingRequests: SigningRequestRepository;
  /** Accounts' passkeys (WebAuthn credentials) and their challenges. */
  readonly passkeys: PasskeyRepository;
  /** How accounts' identity levels came to be: registrations and upgrades by signature. */
  readonly assuranceHistory: AssuranceHistoryRepository;
  /** Runs `fn` in one transaction: all of it is stored, or none of it. */
  transaction<T>(fn: (tx: Store) => Promise<T>): Promise<T>;
  /** Removes expired rows in bounded batches; see {@link sweepExpired}. */
  sweep(now: Date, options?: SweepOptions): Promise<SweepReport>;
}

/** A store that owns its database connection. */
export interface OpenStore extends Store {
  /** `'pglite'` or `'postgres'`. */
  readonly kind: Database['kind'];
  /** Closes the database. */
  close(): Promise<void>;
}

/** Where the store lives: `url` for PostgreSQL, else PGlite in `dataDir` (or in memory). */
export interface DatabaseOptions {
  /** A `postgres://` URL: use PostgreSQL. */
  readonly url?: string | undefined;
  /** PostgreSQL schema for the tables (created when missing); `public` by default. */
  readonly schema?: string | undefined;
  /** PGlite folder; without it and without `url`, PGlite runs in memory. */
  readonly dataDir?: string | undefined;
}

/** The store's repositories over a SQL connection or a transaction. */
export function createStore(sql: Sql): Store {
  return {
    sql,
    accounts: accountRepository(sql),
    passwordHistory: passwordHistoryRepository(sql),
    flows: flowRepository(sql),
    otpChallenges: otpChallengeRepository(sql),
    signInThrottle: signInThrottleRepository(sql),
    sendLimits: sendLimitRepository(sql),
    idempotency: idempotencyRepository(sql),
    sessions: sessionRepository(sql),
    signingKeys: signingKeyRepository(sql),
    secrets: secretRepository(sql),
    humanChecks: humanCheckRepository(sql),
    smsOutbox: smsOutboxRepository(sql),
    operatorAudit: operatorAuditRepository(sql),
    phoneRecoveries: phoneRecoveryRepository(sql),
    signatureChallenges: signatureChallengeRepository(sql),
    signingRequests: signingRequestRepository(sql),
    passkeys: passkeyRepository(sql),
    assuranceHistory: assuranceHistoryRepository(sql),
    transaction: (fn) => sql.transaction((tx) => fn(createStore(tx))),
    sweep: (now, options) => sweepExpired(sql, now, options),
  };
}

/**
 * Opens the database a configuration names (PostgreSQL, PGlite on disk, or PGlite in memory). PGlite
 * is loaded only when it is the database: on PostgreSQL its module would hold about 5 MB for nothing.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.schema ? { schema: options.schema } : {});
  const { openPglite } = await import('./pglite.js');
  return openPglite(options.dataDir);
}

/**
 * Opens a database, brings its schema up to date and returns the store over it.
 *
 * @example
 * ```ts
 * const store = await openStore({ dataDir: '.data' });
 * const account = await store.accounts.findByIdNumber('001090001234');
 * await store.close();
 * ```
 */
export async function openStore(options: DatabaseOptions | Database = {}): Promise<OpenStore> {
  const db = 'query' in options ? options : await openDatabase(options);
  try {
    await migrate(db);
  } catch (error) {
    if (!('query' in options)) await db.close();
    throw error;
  }
  return { ...createStore(db), kind: db.kind, close: () => db.close() };
}
