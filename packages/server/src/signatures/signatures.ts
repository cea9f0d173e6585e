import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { X509Certificate, X509Crl } from '@peculiar/x509';
import { normalizeIdNumber } from '@dvc-kit/sdk';
import type { CertificateDetails, SignatureChallenge, SubjectType } from '@dvc-kit/sdk/contract';
import { ConfigError, type Clock, type ServerConfig } from '../config.js';
import type { SignatureChallengeOperation, SignatureChallengeRecord } from '../store/signature-challenges.js';
import type { Store } from '../store/store.js';
import { chainsTo, validateCertificatePath } from './certificate-path.js';
import { describeCertificate, readCertificate, readCrl, readPemCertificates, type UidPrefixes } from './certificates.js';
import { CrlSource } from './crl-source.js';
import { SignatureError } from './errors.js';
import { signedMessage } from './message.js';

/** The trust anchors of each subject type. */
export type TrustAnchors = Readonly<Record<SubjectType, readonly X509Certificate[]>>;

/** What {@link Signatures} is built from; {@link Signatures.fromConfig} reads it from the configuration. */
export interface SignaturesOptions {
  /** The service's issuer URL, named in every signed message. */
  readonly issuer: string;
  readonly anchors: TrustAnchors;
  readonly crls: CrlSource;
  readonly uidPrefixes: UidPrefixes;
  readonly challengeTtlSeconds: number;
  readonly clock: Clock;
}

/** Trust anchors and CRLs added to the configured ones (the development signing CA's, in development only). */
export interface ExtraTrust {
  readonly anchors?: Readonly<Partial<Record<SubjectType, readonly X509Certificate[]>>>;
  readonly crls?: readonly X509Crl[];
}

/** A certificate as sent: the citizen's own and the intermediates beside it (PEM or base64 DER). */
export interface PresentedCertificate {
  readonly certificate: string;
  readonly intermediates?: readonly string[] | undefined;
}

/** What the certificate must say: the number it carries, when the caller knows which. */
export interface ExpectedHolder {
  /** The ID number (CCCD / CMND) the certificate must carry. */
  readonly idNumber?: string | undefined;
  /** The tax code the certificate must carry. */
  readonly taxCode?: string | undefined;
}

/** A certificate that passed every check, and what it says. */
export interface InspectedCertificate {
  readonly leaf: X509Certificate;
  /** The validated path, leaf first, trust anchor last. */
  readonly path: readonly X509Certificate[];
  readonly details: CertificateDetails;
}

const CHALLENGE_ID_PREFIX = 'sgc_';

/**
 * Digital signatures for IAL3: challenges for a certificate to sign, and the checks of the certificate
 * and the signature. The HTTP edge and the signing flows use it; `verifySignedChallenge` is the one
 * call that uses a challenge up.
 */
export class Signatures {
  readonly #options: SignaturesOptions;

  constructor(options: SignaturesOptions) {
    this.#options = options;
  }

  /**
   * Reads the trust anchors and given CRLs the configuration names; `extra` adds anchors and CRLs the
   * service made itself (the development signing CA, in development only).
   *
   * @throws {ConfigError} naming the key of a file that cannot be read or holds no certificate / CRL.
   */
  static async fromConfig(config: ServerConfig, clock: Clock, fetchImpl?: typeof fetch, extra: ExtraTrust = {}): Promise<Signatures> {
    const { signatures } = config;
    const problems: string[] = [];
    const anchors: Record<SubjectType, X509Certificate[]> = { citizen: [], enterprise: [], agency: [] };
    for (const subject of ['citizen', 'enterprise', 'agency'] as const) {
      for (const [index, file] of signatures.trustAnchors[subject].entries()) {
        try {
          const certificates = readPemCertificates(await readFile(file, 'utf8'));
          if (certificates.length === 0) throw new Error('no certificate');
          anchors[subject].push(...certificates);
        } catch {
          problems.push(`signatures.trustAnchors.${subject}.${index}: cannot read PEM certificates from ${file}`);
        }
      }
    }
    const given: X509Crl[] = [];
    for (const [index, file] of signatures.crl.files.entries()) {
      try {
        given.push(readCrl(await readFile(file)));
      } catch {
        problems.push(`signatures.crl.files.${index}: cannot read a CRL (DER or PEM) from ${file}`);
      }
    }
    if (problems.length) throw new ConfigError(problems);
    for (const [subject, certificates] of Object.entries(extra.anchors ?? {}) as [SubjectType, readonly X509Certificate[]][]) anchors[subject].push(...certificates);
    given.push(...(extra.crls ?? []));
    return new Signatures({
      issuer: config.issuer,
      anchors,
      crls: new CrlSource({ given, fetch: signatures.crl.fetch, timeoutMs: signatures.crl.fetchTimeoutMs, maxBytes: signatures.crl.maxBytes, ...(fetchImpl ? { fetchImpl } : {}) }),
      uidPrefixes: signatures.uidPrefixes,
      challengeTtlSeconds: signatures.challengeTtlSeconds,
      clock,
    });
  }

  /** Whether certificates of this subject type can be checked: it has trust anchors. */
  accepts(subjectType: SubjectType): boolean {
    return this.#options.anchors[subjectType].length > 0;
  }

  /** Why the last revocation look-up found no CRL (for the log). */
  get lastCrlMiss(): string | undefined {
    return this.#options.crls.lastMiss;
  }

  /**
   * Issues a challenge: a 256-bit nonce from the CSPRNG, bound to the operation, the subject type and
   * the portal, stored unused, valid `signatures.challengeTtlSeconds`.
   */
  async issueChallenge(store: Store, request: { operation: SignatureChallengeOperation; subjectType: SubjectType; clientId: string }): Promise<SignatureChallenge> {
    const now = this.#options.clock();
    const record: SignatureChallengeRecord = {
      id: CHALLENGE_ID_PREFIX + randomBytes(16).toString('base64url'),
      nonce: randomBytes(32).toString('base64url'),
      operation: request.operation,
      subjectType: request.subjectType,
      clientId: request.clientId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + this.#options.challengeTtlSeconds * 1000),
      usedAt: null,
    };
    await store.signatureChallenges.create(record);
    return {
      challengeId: record.id,
      nonce: record.nonce,
      toBeSigned: Buffer.from(this.signedMessage(record)).toString('base64url'),
      operation: record.operation,
      subjectType: record.subjectType,
      expiresAt: record.expiresAt.toISOString(),
    };
  }

  /** The exact bytes a challenge's signature covers (see `signedMessage`). */
  signedMessage(challenge: SignatureChallengeRecord): Uint8Array {
    return signedMessage(this.#options.issuer, challenge);
  }

  /**
   * A challenge of this portal that may still be signed.
   *
   * @throws {SignatureError} `challenge_not_found` (none for this portal, or for another operation when
   * one is named), `challenge_used`, `challenge_expired`.
   */
  async openChallenge(store: Store, challengeId: string, clientId: string, operation?: SignatureChallengeOperation): Promise<SignatureChallengeRecord> {
    const challenge = await store.signatureChallenges.find(challengeId, clientId);
    if (!challenge || (operation !== undefined && challenge.operation !== operation)) throw new SignatureError('challenge_not_found');
    if (challenge.usedAt) throw new SignatureError('challenge_used');
    if (challenge.expiresAt.getTime() <= this.#options.clock().getTime()) throw new SignatureError('challenge_expired');
    return challenge;
  }

  /**
   * Marks the challenge used, in one conditional statement: of parallel calls exactly one succeeds.
   *
   * @throws {SignatureError} `challenge_used`, `challenge_expired` or `challenge_not_found` when it was no longer open.
   */
  async useUp(store: Store, challenge: SignatureChallengeRecord): Promise<void> {
    const used = await store.signatureChallenges.consume(challenge.id, challenge.clientId, challenge.operation, this.#options.clock());
    if (typeof used === 'string') throw new SignatureError(used === 'used' ? 'challenge_used' : used === 'expired' ? 'challenge_expired' : 'challenge_not_found');
  }

  /**
   * Checks a certificate for a subject type: its path to the subject type's trust anchors (dates, key
   * usage, basic constraints, revocation) and the number it carries — a citizen's or an agency officer's
   * certificate must carry an ID number (`cert_no_id_number`), an enterprise's a well-formed tax code
   * (`cert_no_tax_code`), and each the expected one when given (`subject_mismatch`). A certificate whose
   * CA only another subject type trusts (a public CA's for an agency officer, the government CA's for an
   * enterprise) is `cert_wrong_subject_type` rather than `cert_untrusted`, so the holder learns to choose
   * the other kind of account.
   *
   * @throws {SignatureError} the first failure: `certificate_format`, `cert_*`, `revocation_unavailable`, `subject_mismatch`.
   */
  async inspect(presented: PresentedCertificate, subjectType: SubjectType, expected: ExpectedHolder = {}): Promise<InspectedCertificate> {
    const leaf = readCertificate(presented.certificate, 'certificate');
    const intermediates = (presented.intermediates ?? []).map((text, index) => readCertificate(text, `intermediates.${index}`));
    const now = this.#options.clock();
    let path: X509Certificate[];
    try {
      path = await validateCertificatePath({ leaf, intermediates, anchors: this.#options.anchors[subjectType], crls: this.#options.crls, now });
    } catch (error) {
      if (error instanceof SignatureError && error.code === 'cert_untrusted' && (await this.#trustedForAnother(leaf, intermediates, subjectType, now))) {
        throw new SignatureError('cert_wrong_subject_type');
      }
      throw error;
    }
    const details = describeCertificate(leaf, this.#options.uidPrefixes);
    if (subjectType === 'enterprise' ? !isTaxCode(details.taxCode) : details.idNumber === undefined) {
      throw new SignatureError(subjectType === 'enterprise' ? 'cert_no_tax_code' : 'cert_no_id_number');
    }
    if (!holderMatches(details, expected)) throw new SignatureError('subject_mismatch');
    return { leaf, path, details };
  }

  async #trustedForAnother(leaf: X509Certificate, intermediates: readonly X509Certificate[], subjectType: SubjectType, now: Date): Promise<boolean> {
    const own = new Set(this.#options.anchors[subjectType].map((anchor) => anchor.serialNumber + anchor.subject));
    for (const other of ['citizen', 'enterprise', 'agency'] as const) {
      if (other === subjectType) continue;
      const anchors = this.#options.anchors[other].filter((anchor) => !own.has(anchor.serialNumber + anchor.subject));
      if (await chainsTo({ leaf, intermediates, anchors, now })) return true;
    }
    return false;
  }
}

/** A tax code as an enterprise's certificate carries it after `MST:`: 10 digits, or 10-3 for a branch. */
function isTaxCode(value: string | undefined): value is string {
  return value !== undefined && /^[0-9]{10}(-[0-9]{3})?$/.test(value);
}

function holderMatches(details: CertificateDetails, expected: ExpectedHolder): boolean {
  if (expected.idNumber !== undefined && (details.idNumber === undefined || normalizeIdNumber(details.idNumber) !== normalizeIdNumber(expected.idNumber))) return false;
  if (expected.taxCode !== undefined && details.taxCode?.trim() !== expected.taxCode.trim()) return false;
  return true;
}
