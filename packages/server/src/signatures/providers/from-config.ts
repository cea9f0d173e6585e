import type { RemoteSignatureMethod } from '@dvc-kit/sdk/contract';
import type { Clock, ServerConfig } from '../../config.js';
import type { ExtraTrust } from '../signatures.js';
import type { DevelopmentCa } from '../development-ca.js';
import { HttpSigningProvider } from './http.js';
import type { SigningProvider } from './provider.js';
import { readSandboxSigners, SandboxSigningProvider } from './sandbox.js';

/** The signing providers a configuration asks for, and the trust the sandbox adds (development only). */
export interface SigningSetup {
  readonly providers: Readonly<Partial<Record<RemoteSignatureMethod, SigningProvider>>>;
  /** The development CA's certificate and CRL, trusted for citizens and enterprises, when a sandbox provider runs. */
  readonly trust: ExtraTrust;
}

/**
 * Builds the provider of each offered remote method (`sim_signature`, `remote_signing` in
 * `signatures.methods`): the configured one, or in development the sandbox when none is configured.
 * A sandbox provider signs with certificates from the service's development CA (`developmentCa()`, the
 * one the development signer's certificates come from), which the service then trusts for citizens and
 * enterprises — in development only: production was refused a sandbox by the configuration check, and
 * the development CA refuses to open there too.
 *
 * @param developmentCa - opens (or gives the already open) development CA; asked only for a sandbox.
 */
export async function signingSetupFromConfig(config: ServerConfig, clock: Clock, developmentCa: () => Promise<DevelopmentCa>): Promise<SigningSetup> {
  const providers: Partial<Record<RemoteSignatureMethod, SigningProvider>> = {};
  let ca: DevelopmentCa | undefined;
  for (const method of ['sim_signature', 'remote_signing'] as const) {
    if (!config.signatures.methods.includes(method)) continue;
    const configured = config.signatures.providers[method] ?? (config.mode === 'development' ? { driver: 'sandbox' as const, delaySeconds: 5 } : undefined);
    if (!configured) continue;
    if (configured.driver === 'http') {
      providers[method] = new HttpSigningProvider({ baseUrl: configured.baseUrl, token: configured.token, timeoutMs: configured.timeoutMs });
      continue;
    }
    ca ??= await developmentCa();
    providers[method] = new SandboxSigningProvider({
      holders: await readSandboxSigners(configured.fixture),
      ca,
      uidPrefixes: config.signatures.uidPrefixes,
      delayMs: configured.delaySeconds * 1000,
      clock,
    });
  }
  const trust: ExtraTrust = ca ? { anchors: { citizen: [ca.certificate], enterprise: [ca.certificate] }, crls: [ca.crl] } : {};
  return { providers, trust };
}
