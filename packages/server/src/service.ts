import type { Hono } from 'hono';
import { SUBJECT_TYPES } from '@dvc-kit/sdk';
import { createApp } from './app.js';
import { resolveKeyEncryptionKey } from './at-rest/development-key.js';
import { KeyEncryption } from './at-rest/envelope.js';
import { sealStoredKeys } from './at-rest/seal-stored-keys.js';
import type { AppDeps } from './app-deps.js';
import { ConfigError, registerProblems, type Clock, type ServerConfig } from './config.js';
import type { AppEnv } from './http/env.js';
import { startHousekeeping } from './housekeeping.js';
import { HumanCheck } from './human-check/altcha.js';
import { createLogger, type Logger } from './log.js';
import { ServiceMetrics } from './metrics/service-metrics.js';
import { OneTimeCodes } from './otp/one-time-codes.js';
import { PasswordHasher } from './passwords/hasher.js';
import { productionProblems } from './production.js';
import type { CarrierRegistry } from './registries/carrier.js';
import { HttpCarrierRegistry } from './registries/http-carrier.js';
import { SandboxCarrierRegistry } from './registries/sandbox-carrier.js';
import { HttpSocialInsuranceRegistry } from './registries/http-social-insurance.js';
import { SandboxSocialInsuranceRegistry } from './registries/sandbox-social-insurance.js';
import type { SocialInsuranceRegistry } from './registries/social-insurance.js';
import { loadServerKeys } from './server-keys.js';
import { DevelopmentCa } from './signatures/development-ca.js';
import { Signatures } from './signatures/signatures.js';
import { signingSetupFromConfig } from './signatures/providers/from-config.js';
import { SigningRequests } from './signatures/providers/signing-requests.js';
import type { SmsGateway } from './sms/gateway.js';
import { HttpSms } from './sms/http.js';
import { OutboxSms } from './sms/outbox.js';
import type { SweepReport } from './store/housekeeping.js';
import type { Database } from './store/sql.js';
import { openStore, type OpenStore, type Store } from './store/store.js';
import { KeyRing } from './tokens/key-ring.js';
import { TokenIssuer } from './tokens/issuer.js';

/**
 * Replacements for the outside world, for tests and special deployments. Anything not given is built
 * from the configuration.
 */
export interface ServiceOverrides {
  /**
   * An open database to use instead of opening `config.database`. The service migrates it but does
   * not close it: whoever opened it closes it (tests share one PGlite this way).
   */
  readonly database?: Database;
  /** The carrier register to ask instead of the configured one. */
  readonly carrier?: CarrierRegistry;
  /** The social-insurance register to ask instead of the configured one. */
  readonly socialInsurance?: SocialInsuranceRegistry;
  /** The SMS gateway to send through instead of the configured one (no `/dev/outbox` then). */
  readonly sms?: SmsGateway;
  /**
   * The password hasher to use instead of argon2id with `config.argon2`: a subclass that counts or
   * audits its calls (the tests count that an unknown ID number still costs one hash this way).
   */
  readonly passwords?: PasswordHasher;
}

/** A running identity service: its `fetch` handler and what it is made of. */
export interface DvcService {
  /** Answers one HTTP request; what `serve()` and tests call. */
  fetch(request: Request): Promise<Response>;
  /** The Hono app behind `fetch`. */
  readonly app: Hono<AppEnv>;
  /** The account store. */
  readonly store: Store;
  /** The SMS gateway codes go through (an {@link OutboxSms} in development). */
  readonly sms: SmsGateway;
  /** The development outbox, when `sms.driver` is `outbox`. */
  readonly outbox: OutboxSms | undefined;
  /**
   * Signature challenges and the checks of certificates and signatures, with the trust anchors the
   * service runs with (the development CA's among them when it is on).
   */
  readonly signatures: Signatures;
  /** The configuration the service runs with. */
  readonly config: ServerConfig;
  /** The structured logger. */
  readonly log: Logger;
  /** The Prometheus metrics of this instance, when `metrics.enabled`. */
  readonly metrics: ServiceMetrics | undefined;
  /**
   * Starts signing tokens with a new ES256 key; the old keys stay in the JWKS until every token they
   * signed has expired. Run it on a schedule (e.g. every 90 days) or after a suspected key leak.
   * @returns the new key's `kid`.
   */
  rotateSigningKey(): Promise<string>;
  /**
   * Sweeps expired rows now, at the configured clock's time, in batches of `housekeeping.batchSize`.
   * The service also sweeps on its own every `housekeeping.intervalSeconds`, never inside a request.
   */
  sweep(): Promise<SweepReport>;
  /** Stops the housekeeping timer and closes the database (when the service opened it). */
  close(): Promise<void>;
}

/**
 * Builds the identity service from a validated configuration: opens and migrates the database,
 * loads or creates its keys, and wires the registries, SMS gateway and routes.
 *
 * @example
 * ```ts
 * import { createService, loadConfig, serve } from '@dvc-kit/server';
 * const service = await createService(loadConfig({
 *   mode: 'development', // sandbox register and SMS outbox; production needs the real ones
 *   issuer: 'http://127.0.0.1:4000',
 *   clients: [
 *     { id: 'ministry-portal', name: 'Bộ Công an', origins: ['http://127.0.0.1:4100'] },
 *     { id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh', origins: ['http://127.0.0.1:4200'] },
 *   ],
 * }));
 * const server = await serve(service, { port: 4000 });
 * ```
 */
export async function createService(config: ServerConfig, overrides: ServiceOverrides = {}): Promise<DvcService> {
  const missing = productionProblems(config);
  if (missing.length) throw new ConfigError(missing.map((problem) => `${problem.path.join('.')}: ${problem.message}`));
  const development = config.mode === 'development';
  const clock: Clock = config.clock ?? (() => new Date());
  const opened: OpenStore = overrides.database ? await openStore(overrides.database) : await openStore(config.database);
  const ownsDatabase = !overrides.database;
  try {
    const store: Store = opened;
    const { kek, source: kekSource } = await resolveKeyEncryptionKey(config, ownsDatabase ? config.database.dataDir : undefined);
    const encryption = new KeyEncryption(kek);
    const sealed = await sealStoredKeys(store, encryption);
    const keys = await loadServerKeys(config, store.secrets, encryption);
    const metrics = config.metrics.enabled ? new ServiceMetrics({ processMetrics: config.metrics.processMetrics }) : undefined;
    const log = createLogger({ hashKey: keys.logHashKey, now: clock, ...(config.log ? { write: config.log } : {}), ...(metrics ? { tap: metrics.observe } : {}) });
    if (development) {
      log.warn('service.development_mode', { note: 'DEVELOPMENT MODE: sandbox register, SMS outbox and /dev routes allowed; never run this for citizens', keyEncryptionKey: kekSource });
    }
    if (sealed.sealedNow > 0) log.info('keys.sealed_at_rest', { count: sealed.sealedNow });
    // The outbox is development's alone: production was refused above unless its gateway is http.
    let outbox: OutboxSms | undefined;
    let sms: SmsGateway;
    if (overrides.sms) sms = overrides.sms;
    else if (config.sms.driver === 'http') sms = new HttpSms({ url: config.sms.url, token: config.sms.token, timeoutMs: config.sms.timeoutMs });
    else sms = outbox = new OutboxSms(store.smsOutbox, clock);
    const carrierConfig = config.registries.carrier;
    const carrier =
      overrides.carrier ??
      (carrierConfig.driver === 'http'
        ? new HttpCarrierRegistry({ url: carrierConfig.url, token: carrierConfig.token, timeoutMs: carrierConfig.timeoutMs })
        : await SandboxCarrierRegistry.fromFile(carrierConfig.fixture));
    const insuranceConfig = config.registries.socialInsurance;
    const socialInsurance =
      overrides.socialInsurance ??
      (insuranceConfig === undefined
        ? undefined
        : insuranceConfig.driver === 'http'
          ? new HttpSocialInsuranceRegistry({ url: insuranceConfig.url, token: insuranceConfig.token, timeoutMs: insuranceConfig.timeoutMs })
          : await SandboxSocialInsuranceRegistry.fromFile(insuranceConfig.fixture));
    // A method offered without its register is refused at start, whatever the mode (loadConfig does too).
    const unanswered = socialInsurance ? [] : registerProblems({ ...config, registries: {} });
    if (unanswered.length) throw new ConfigError(unanswered.map((problem) => `${problem.path.join('.')}: ${problem.message}`));
    // Development's alone, one CA for the development signer and the sandbox signing providers: production
    // was refused above with signatures.developmentCa on or a sandbox provider, and the CA refuses to open there.
    let openedCa: Promise<DevelopmentCa> | undefined;
    const openDevelopmentCa = () => (openedCa ??= DevelopmentCa.open({ mode: config.mode, secrets: store.secrets, encryption, clock }));
    const developmentCa = development && config.signatures.developmentCa ? await openDevelopmentCa() : undefined;
    const signing = await signingSetupFromConfig(config, clock, openDevelopmentCa);
    // What the service trusts beside the configured anchors, made by itself in development only: with
    // signatures.developmentCa its CA for every subject type, else for what a sandbox provider signs (citizens
    // and enterprises); one anchor and one CRL either way.
    const trust = developmentCa
      ? { anchors: Object.fromEntries(SUBJECT_TYPES.map((subject) => [subject, [developmentCa.certificate]])), crls: [developmentCa.crl] }
      : signing.trust;
    const signatures = await Signatures.fromConfig(config, clock, undefined, trust);
    const keyRing = new KeyRing(store, clock, encryption);
    await keyRing.ensureKey();
    const deps: AppDeps = {
      config,
      clock,
      store,
      keys,
      encryption,
      log,
      passwords: overrides.passwords ?? new PasswordHasher(config.argon2),
      codes: new OneTimeCodes({ store, clock, otp: config.otp, key: keys.otpHmacKey, sms, log }),
      sms,
      keyRing,
      tokens: new TokenIssuer({ keys: keyRing, clock, issuer: config.issuer, tokens: config.tokens }),
      carrier,
      socialInsurance,
      humanCheck: new HumanCheck({ key: keys.humanCheckKey, maxNumber: config.humanCheck.maxNumber, expiresInSeconds: config.humanCheck.expiresInSeconds, used: store.humanChecks, clock }),
      signatures,
      developmentCa,
      signingRequests: new SigningRequests({
        providers: signing.providers,
        signatures,
        clock,
        log,
        hashKey: keys.logHashKey,
        ttlSeconds: config.signatures.requests.ttlSeconds,
        pollIntervalSeconds: config.signatures.requests.pollIntervalSeconds,
        serviceName: new URL(config.issuer).host,
      }),
      outbox,
      metrics,
    };
    const app = createApp(deps);
    const housekeeping = startHousekeeping({ store, clock, log, ...config.housekeeping });
    let closed = false;
    log.info('service.started', { mode: config.mode, database: opened.kind, clients: config.clients.length, sms: overrides.sms ? 'custom' : config.sms.driver });
    return {
      fetch: async (request) => app.fetch(request),
      app,
      store,
      sms,
      outbox,
      signatures,
      config,
      log,
      metrics,
      rotateSigningKey: () => keyRing.rotate(Math.max(config.tokens.accessTtlSeconds, config.tokens.idTtlSeconds) + 300),
      sweep: () => housekeeping.sweep(),
      async close() {
        if (closed) return;
        closed = true;
        await housekeeping.stop();
        if (ownsDatabase) await opened.close();
      },
    };
  } catch (error) {
    if (ownsDatabase) await opened.close();
    throw error;
  }
}
