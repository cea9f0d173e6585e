import { SIGNATURE_METHOD_SUBJECTS, type SignatureMethod } from '@dvc-kit/sdk/contract';
import { DEVELOPMENT_SHARED_KEK } from './at-rest/key-encryption-key.js';

/** The parts of the configuration that production mode checks. */
export interface ProductionCheckInput {
  readonly mode: 'production' | 'development';
  readonly issuer: string;
  readonly sms?: { readonly driver: string } | undefined;
  readonly registries: { readonly carrier?: { readonly driver: string } | undefined; readonly socialInsurance?: { readonly driver: string } | undefined };
  readonly secrets: { readonly keyEncryptionKey?: string | undefined };
  readonly signatures?:
    | {
        readonly methods: readonly SignatureMethod[];
        readonly trustAnchors: Readonly<Record<'citizen' | 'enterprise' | 'agency', readonly string[]>>;
        readonly providers?: Readonly<Partial<Record<'sim_signature' | 'remote_signing', { readonly driver: string }>>> | undefined;
        readonly developmentCa?: boolean | undefined;
      }
    | undefined;
}

/** One thing production mode lacks: the key to set, and what to set it to. */
export interface ProductionProblem {
  readonly path: readonly string[];
  readonly message: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a URL's host is this machine's loopback interface (an `http` issuer is allowed there). */
export function isLoopback(url: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(url).hostname);
}

/**
 * Everything a production service lacks, each named by its key and what to set — all at once, so an
 * operator fixes the configuration in one go. Empty in development, and in production when nothing
 * is missing. `loadConfig` reports these as a `ConfigError`; `createService` checks again.
 *
 * Production means: a real SMS gateway (`sms.driver: "http"`), a real carrier register
 * (`registries.carrier.driver: "http"`; the social-insurance register, when offered, `http` too), an `https` issuer (`http` only on a loopback address) and
 * the operator's key-encryption key (`secrets.keyEncryptionKey`); and each signature method offered
 * (`signatures.methods`) has trust anchors for a subject type it serves, `sim_signature` and
 * `remote_signing` each have an `http` provider (never the sandbox), and the development CA
 * (`signatures.developmentCa`) is off.
 */
export function productionProblems(config: ProductionCheckInput): ProductionProblem[] {
  if (config.mode !== 'production') return [];
  const problems: ProductionProblem[] = [];
  const development = 'or set mode to "development" (DVC_MODE=development) for a test run';
  if (config.sms?.driver !== 'http') {
    problems.push({ path: ['sms', 'driver'], message: `production sends codes through an SMS gateway: set sms.driver to "http" with sms.url and sms.token (the development outbox is not allowed), ${development}` });
  }
  if (config.registries.carrier?.driver !== 'http') {
    problems.push({ path: ['registries', 'carrier', 'driver'], message: `production asks the real carrier register: set registries.carrier.driver to "http" with registries.carrier.url and registries.carrier.token (the sandbox is not allowed), ${development}` });
  }
  if (config.registries.socialInsurance !== undefined && config.registries.socialInsurance.driver !== 'http') {
    problems.push({ path: ['registries', 'socialInsurance', 'driver'], message: `production asks the real social-insurance register: set registries.socialInsurance.driver to "http" with its url and token, or leave registries.socialInsurance out to not offer the social-insurance method (the sandbox is not allowed), ${development}` });
  }
  if (new URL(config.issuer).protocol !== 'https:' && !isLoopback(config.issuer)) {
    problems.push({ path: ['issuer'], message: `production needs an https issuer (http is allowed only on 127.0.0.1, localhost or [::1]): set issuer (DVC_ISSUER) to the service's public https URL` });
  }
  if (config.secrets.keyEncryptionKey === DEVELOPMENT_SHARED_KEK) {
    problems.push({ path: ['secrets', 'keyEncryptionKey'], message: 'is the public development key, which protects nothing: set secrets.keyEncryptionKey (DVC_KEY_ENCRYPTION_KEY) to a key of your own' });
  } else if (!config.secrets.keyEncryptionKey) {
    problems.push({ path: ['secrets', 'keyEncryptionKey'], message: 'production stores signing and HMAC keys encrypted: set secrets.keyEncryptionKey (DVC_KEY_ENCRYPTION_KEY) to at least 32 random bytes in base64url, e.g. the output of `openssl rand -base64 32 | tr "+/" "-_" | tr -d "="`' });
  }
  problems.push(...signatureProblems(config));
  problems.push(...signingProviderProblems(config));
  return problems;
}

/**
 * A signature method offered (`signatures.methods`) with no trust anchors for any subject type it
 * serves: every certificate would be refused as untrusted, so production refuses to start; and the
 * development CA, which production never trusts.
 */
function signatureProblems(config: ProductionCheckInput): ProductionProblem[] {
  const signatures = config.signatures;
  if (!signatures) return [];
  const developmentCa: ProductionProblem = {
    path: ['signatures', 'developmentCa'],
    message: 'the development CA signs a certificate for anyone who asks and is never trusted in production: set signatures.developmentCa to false, or set mode to "development" (DVC_MODE=development) for a test run',
  };
  const methods: ProductionProblem[] = signatures.methods
    .filter((method) => !SIGNATURE_METHOD_SUBJECTS[method].some((subject) => signatures.trustAnchors[subject].length > 0))
    .map((method) => ({
      path: ['signatures', 'trustAnchors'],
      message: `offers "${method}" in signatures.methods without trust anchors for ${SIGNATURE_METHOD_SUBJECTS[method].join(', ')}: set signatures.trustAnchors.<subject type> to the CA certificates (PEM files) to trust, or take "${method}" out of signatures.methods`,
    }));
  return signatures.developmentCa ? [...methods, developmentCa] : methods;
}

/**
 * SIM signature and remote signing need a real provider in production: a sandbox provider (whose
 * development CA the service would hold the key of) is refused wherever it is configured, and a method
 * offered without a provider is refused, each naming its key.
 */
function signingProviderProblems(config: ProductionCheckInput): ProductionProblem[] {
  const signatures = config.signatures;
  if (!signatures) return [];
  const problems: ProductionProblem[] = [];
  for (const method of ['sim_signature', 'remote_signing'] as const) {
    const provider = signatures.providers?.[method];
    if (provider !== undefined && provider.driver !== 'http') {
      problems.push({
        path: ['signatures', 'providers', method, 'driver'],
        message: `production asks a real signing provider: set signatures.providers.${method}.driver to "http" with its baseUrl and token (the sandbox and its development CA are not allowed), or set mode to "development" (DVC_MODE=development) for a test run`,
      });
    } else if (provider === undefined && signatures.methods.includes(method)) {
      problems.push({
        path: ['signatures', 'providers', method],
        message: `offers "${method}" in signatures.methods without a provider: set signatures.providers.${method} (driver "http" with baseUrl and token), or take "${method}" out of signatures.methods`,
      });
    }
  }
  return problems;
}
