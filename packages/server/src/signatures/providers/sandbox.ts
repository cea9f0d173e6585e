import { randomBytes, webcrypto } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';
import type { Clock } from '../../config.js';
import type { UidPrefixes } from '../certificates.js';
import type { DevelopmentCa, DevelopmentCertificate } from '../development-ca.js';
import type { ProviderHolder, SigningOrder, SigningOutcome, SigningProvider, SigningStart } from './provider.js';

/** What a sandbox holder does on the phone once the delay has passed. */
export type SandboxAnswer = 'sign' | 'refuse' | 'ignore' | 'fail';

/** A fictional holder of a SIM signature or a remote-signing account. */
export interface SandboxSigner {
  readonly fullName: string;
  readonly organisation?: string | undefined;
  /** Digits; put in the certificate's UID as `CCCD:`. */
  readonly idNumber?: string | undefined;
  /** An enterprise's tax code; put in the certificate's UID as `MST:` instead of an ID number. */
  readonly taxCode?: string | undefined;
  /** E.164. */
  readonly phone?: string | undefined;
  /** The holder's account name at the provider. */
  readonly account?: string | undefined;
  readonly answer: SandboxAnswer;
}

const FixtureSchema = z.object({
  holders: z.array(
    z.object({
      fullName: z.string().min(2),
      organisation: z.string().min(1).optional(),
      idNumber: z.string().regex(/^\d{9}(\d{3})?$/).optional(),
      taxCode: z.string().regex(/^\d{10}(-\d{3})?$/).optional(),
      phone: z.string().regex(/^\+84\d{9}$/).optional(),
      account: z.string().min(1).optional(),
      answer: z.enum(['sign', 'refuse', 'ignore', 'fail']),
    }),
  ),
});

/** The fixture shipped with the package: `fixtures/sandbox-signers.json`. */
export const DEFAULT_SANDBOX_SIGNERS = fileURLToPath(new URL('../../../fixtures/sandbox-signers.json', import.meta.url));

/** Reads and checks a sandbox signers fixture (`{ "holders": [...] }`). */
export async function readSandboxSigners(path: string = DEFAULT_SANDBOX_SIGNERS): Promise<SandboxSigner[]> {
  const parsed = FixtureSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Sandbox signers fixture ${path} is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  return parsed.data.holders;
}

/** What {@link SandboxSigningProvider} is made of. */
export interface SandboxSigningOptions {
  readonly holders: readonly SandboxSigner[];
  /** The service's development CA, which issues the holders' certificates (the one the development signer's come from). */
  readonly ca: Pick<DevelopmentCa, 'issueForHolder'>;
  /** How the holders' numbers are written in their certificates' UID (`signatures.uidPrefixes`). */
  readonly uidPrefixes: UidPrefixes;
  /** Milliseconds before the holder "answers" on the phone. */
  readonly delayMs: number;
  readonly clock: Clock;
}

interface SandboxOrder {
  readonly order: SigningOrder;
  readonly holder: SandboxSigner;
  readonly startedAt: number;
}

const MAX_ORDERS = 10_000;

/**
 * A signing provider acted out over fictional holders (development only): after `delayMs` on the
 * service's clock each holder does what the fixture says — signs the bytes with a key whose certificate
 * the service's {@link DevelopmentCa} issued (ECDSA P-256, made at its first signature), refuses, never
 * answers (the request times out), or makes the provider fail. A holder the fixture does not know is
 * `unknown_holder`.
 *
 * @example
 * ```ts
 * const ca = await DevelopmentCa.open({ mode: 'development', secrets: store.secrets, encryption, clock });
 * const provider = new SandboxSigningProvider({ holders: await readSandboxSigners(), ca, uidPrefixes: config.signatures.uidPrefixes, delayMs: 3000, clock });
 * ```
 */
export class SandboxSigningProvider implements SigningProvider {
  readonly #options: SandboxSigningOptions;
  readonly #orders = new Map<string, SandboxOrder>();
  readonly #certificates = new Map<SandboxSigner, Promise<DevelopmentCertificate>>();

  constructor(options: SandboxSigningOptions) {
    this.#options = options;
  }

  async start(order: SigningOrder): Promise<SigningStart> {
    const holder = this.#options.holders.find((candidate) => known(candidate, order.holder));
    if (!holder) return { kind: 'unknown_holder' };
    if (this.#orders.size >= MAX_ORDERS) this.#orders.delete(this.#orders.keys().next().value!);
    const transactionId = `sandbox_${randomBytes(12).toString('base64url')}`;
    this.#orders.set(transactionId, { order, holder, startedAt: this.#options.clock().getTime() });
    return { kind: 'started', transactionId };
  }

  async outcome(transactionId: string): Promise<SigningOutcome> {
    const found = this.#orders.get(transactionId);
    if (!found) return { kind: 'failed' };
    const now = this.#options.clock().getTime();
    if (now >= found.order.expiresAt.getTime()) return { kind: 'timed_out' };
    if (now < found.startedAt + this.#options.delayMs) return { kind: 'pending' };
    switch (found.holder.answer) {
      case 'refuse':
        return { kind: 'refused' };
      case 'ignore':
        return { kind: 'pending' };
      case 'fail':
        return { kind: 'failed' };
      case 'sign':
        return this.#sign(found);
    }
  }

  async cancel(transactionId: string): Promise<void> {
    this.#orders.delete(transactionId);
  }

  async #sign(found: SandboxOrder): Promise<SigningOutcome> {
    let issued = this.#certificates.get(found.holder);
    if (!issued) {
      issued = this.#options.ca.issueForHolder(found.holder, this.#options.uidPrefixes);
      this.#certificates.set(found.holder, issued);
    }
    const { base64, privateKey } = await issued;
    const signature = await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, privateKey, found.order.dataToSign);
    return { kind: 'signed', certificate: base64, intermediates: [], algorithm: 'ECDSA', signature: Buffer.from(signature).toString('base64url') };
  }
}

function known(holder: SandboxSigner, asked: ProviderHolder): boolean {
  if (asked.kind === 'phone') return holder.phone === asked.value;
  if (asked.kind === 'id_number') return holder.idNumber === asked.value;
  return holder.account !== undefined && holder.account.toLowerCase() === asked.value.toLowerCase();
}
