import type { KeyEncryption } from './at-rest/envelope.js';
import type { Clock, ServerConfig } from './config.js';
import type { HumanCheck } from './human-check/altcha.js';
import type { Logger } from './log.js';
import type { ServiceMetrics } from './metrics/service-metrics.js';
import type { OneTimeCodes } from './otp/one-time-codes.js';
import type { PasswordHasher } from './passwords/hasher.js';
import type { CarrierRegistry } from './registries/carrier.js';
import type { SocialInsuranceRegistry } from './registries/social-insurance.js';
import type { ServerKeys } from './server-keys.js';
import type { DevelopmentCa } from './signatures/development-ca.js';
import type { Signatures } from './signatures/signatures.js';
import type { SigningRequests } from './signatures/providers/signing-requests.js';
import type { SmsGateway } from './sms/gateway.js';
import type { OutboxSms } from './sms/outbox.js';
import type { Store } from './store/store.js';
import type { KeyRing } from './tokens/key-ring.js';
import type { TokenIssuer } from './tokens/issuer.js';

/** Everything the routes use, built once by `createService`. */
export interface AppDeps {
  readonly config: ServerConfig;
  readonly clock: Clock;
  readonly store: Store;
  readonly keys: ServerKeys;
  /** Seals values at rest under the operator's key-encryption key (stored idempotent answers). */
  readonly encryption: KeyEncryption;
  readonly log: Logger;
  readonly passwords: PasswordHasher;
  readonly codes: OneTimeCodes;
  /** The SMS gateway, for texts other than codes (the notice to an old phone after a phone change). */
  readonly sms: SmsGateway;
  readonly keyRing: KeyRing;
  readonly tokens: TokenIssuer;
  readonly carrier: CarrierRegistry;
  /** The social-insurance register, when configured (the social-insurance method is offered only then). */
  readonly socialInsurance: SocialInsuranceRegistry | undefined;
  readonly humanCheck: HumanCheck;
  /** Signature challenges and the checks of certificates and signatures (IAL3). */
  readonly signatures: Signatures;
  /** The development CA, in development mode with `signatures.developmentCa` (enables `/dev/signature-*`). */
  readonly developmentCa?: DevelopmentCa | undefined;
  /** SIM-signature and remote-signing requests through the configured providers. */
  readonly signingRequests: SigningRequests;
  /** The development outbox, when SMS goes there (enables `/dev/outbox`). */
  readonly outbox: OutboxSms | undefined;
  /** The Prometheus metrics, when `metrics.enabled` (enables `/metrics`). */
  readonly metrics?: ServiceMetrics | undefined;
}
