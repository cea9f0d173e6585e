import type { RemoteSignatureMethod } from '@dvc-kit/sdk/contract';
import type { Clock, ServerConfig } from '../../config.js';
import type { ExtraTrust } from '../signatures.js';
import { DevelopmentSigningCa } from './development-ca.js';
import { HttpSigningProvider } from './http.js';
import type { SigningProvider } from './provider.js';
import { readSandboxSigners, SandboxSigningProvider } from './sandbox.js';

/** The signing providers a configuration asks for, and the trust the sandbox adds (development only). */
export interface SigningSetup {
  readonly providers: Readonly<Partial<Record<RemoteSignatureMethod, SigningProvider>>>;
  /** The development CA's root and CRL, trusted for citizens and enterprises, when a sandbox provider runs. */
  readonly trust: ExtraTrust;
}

/**
 * Builds the provider of each offered remote method (`sim_signature`, `remote_signing` in
 * `signatures.methods`): the configured one, or in development the sandbox when none is configured.
 * A sandbox provider gets a {@link DevelopmentSigningCa} generated now, whose root and CRL the service
 * then trusts for citizens and enterprises — in development only: production was refused a sandbox by
 * the configuration check, and the CA refuses to exist there too.
 */
export async function signingSetupFromConfig(config: ServerConfig, clock: Clock): Promise<SigningSetup> {
  const providers: Partial<Record<RemoteSignatureMethod, SigningProvider>> = {};
  let ca: DevelopmentSigningCa | undefined;
  for (const method of ['sim_signature', 'remote_signing'] as const) {
    if (!config.signatures.methods.includes(method)) continue;
    const configured = config.signatures.providers[method] ?? (config.mode === 'development' ? { driver: 'sandbox' as const, delaySeconds: 5 } : undefined);
    if (!configured) continue;
    if (configured.driver === 'http') {
      providers[method] = new HttpSigningProvider({ baseUrl: configured.baseUrl, token: configured.token, timeoutMs: configured.timeoutMs });
      continue;
    }
    ca ??= await DevelopmentSigningCa.create(config.mode, clock());
    providers[method] = new SandboxSigningProvider({ holders: await readSandboxSigners(configured.fixture), ca, delayMs: configured.delaySeconds * 1000, clock });
  }
  const trust: ExtraTrust = ca ? { anchors: { citizen: [ca.root], enterprise: [ca.root] }, crls: [ca.crl] } : {};
  return { providers, trust };
}
