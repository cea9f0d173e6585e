import 'reflect-metadata';
import { createPublicKey, randomBytes, webcrypto } from 'node:crypto';
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  X509Certificate,
  X509CertificateGenerator,
  X509CrlGenerator,
  type JsonName,
  type X509Crl,
} from '@peculiar/x509';
import { normalizeIdNumber } from '@dvc-kit/sdk';
import type { DevelopmentCertificateRequest } from '@dvc-kit/sdk/contract';
import { KeyEncryption } from '../at-rest/envelope.js';
import { secretContext } from '../at-rest/seal-stored-keys.js';
import type { Clock } from '../config.js';
import type { SecretRepository } from '../store/secrets.js';
import { UID_OID, type HolderNumberKind, type UidPrefixes } from './certificates.js';

const DAY = 86_400_000;
const SECRET_NAME = 'developmentSignatureCa';
type CryptoKey = webcrypto.CryptoKey;
const CA_KEY: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const CA_SIGNING: webcrypto.EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };
const SIGNING_CURVES = new Set(['prime256v1', 'secp384r1']);
/** The CA's name says what it is wherever a certificate under it is shown. */
const CA_NAME: JsonName = [{ CN: ['DVC Kit Development CA - NOT FOR PRODUCTION'] }, { O: ['DVC Kit (development only)'] }, { C: ['VN'] }];

/** A fictional holder the sandbox signing providers sign for (`fixtures/sandbox-signers.json`). */
export interface DevelopmentHolder {
  readonly fullName: string;
  readonly organisation?: string | undefined;
  /** Put in the subject's UID behind the ID-number prefix (`CCCD:`, or `CMND:` for 9 digits). */
  readonly idNumber?: string | undefined;
  /** An enterprise's tax code, put in the subject's UID behind `MST:` instead of an ID number. */
  readonly taxCode?: string | undefined;
}

/** A certificate the development CA issued for a key it made, and that key (it never leaves the process). */
export interface DevelopmentCertificate {
  readonly certificate: X509Certificate;
  /** base64 DER, as a provider hands it back. */
  readonly base64: string;
  readonly privateKey: CryptoKey;
}

/** Why a public key offered for a development certificate was refused. */
export class DevelopmentKeyError extends Error {
  override readonly name = 'DevelopmentKeyError';
}

/**
 * The development CA: the one CA the service makes for itself in development mode. With
 * `signatures.developmentCa` it is trusted for every subject type beside the configured anchors, so a
 * development signer (the SDK's `DevelopmentSigner`) can hold a certificate the service accepts without a
 * USB token or a real CA; the sandbox SIM-signature and remote-signing providers sign with certificates
 * it issues to their fictional holders (trusted for citizens and enterprises, whom those methods serve).
 * One anchor and one CRL, whichever development part asks for it first.
 *
 * Its key is made once and kept in the database, sealed like the service's other keys, so a restart or
 * a second instance keeps accepting the certificates it issued. Its certificate says
 * "NOT FOR PRODUCTION" in its name, and production refuses to start with `signatures.developmentCa` on,
 * so nothing it signs is ever trusted there. Its (empty) CRL is made at each start and given to the
 * revocation check, so its certificates are checked for revocation like any other.
 */
export class DevelopmentCa {
  /** The CA's certificate: the trust anchor its certificates chain to. */
  readonly certificate: X509Certificate;
  /** The CA's current CRL (no entries), valid a year from the start. */
  readonly crl: X509Crl;
  readonly #key: CryptoKey;
  readonly #clock: Clock;

  private constructor(certificate: X509Certificate, key: CryptoKey, crl: X509Crl, clock: Clock) {
    this.certificate = certificate;
    this.#key = key;
    this.crl = crl;
    this.#clock = clock;
  }

  /**
   * The development CA kept in `secrets`, made and stored first when there is none (the first instance
   * to store one wins; the others use it).
   */
  static async open(options: { mode: 'production' | 'development'; secrets: SecretRepository; encryption: KeyEncryption; clock: Clock }): Promise<DevelopmentCa> {
    const { secrets, encryption, clock } = options;
    // A CA whose key the service holds signs for anyone: it must never exist where citizens are.
    if (options.mode !== 'development') throw new Error('The development CA exists only in development mode');
    const context = secretContext(SECRET_NAME);
    const made = await makeCa(clock());
    const stored = await secrets.getOrCreate(SECRET_NAME, () => encryption.seal(JSON.stringify(made), context));
    const { privateKey, certificate } = JSON.parse(KeyEncryption.isSealed(stored) ? encryption.open(stored, context) : stored) as StoredCa;
    const key = await webcrypto.subtle.importKey('pkcs8', Buffer.from(privateKey, 'base64'), CA_KEY, false, ['sign']);
    const caCertificate = new X509Certificate(Buffer.from(certificate, 'base64'));
    const now = clock();
    const crl = await X509CrlGenerator.create({
      issuer: caCertificate.subject,
      thisUpdate: new Date(now.getTime() - 60_000),
      nextUpdate: new Date(now.getTime() + 366 * DAY),
      entries: [],
      signingAlgorithm: CA_SIGNING,
      signingKey: key,
    });
    return new DevelopmentCa(caCertificate, key, crl, clock);
  }

  /**
   * Issues a certificate for a public key: the holder in CN, the organisation in O, the ID number or tax
   * code in the UID attribute behind the prefix `uidPrefixes` maps to its kind (`CCCD:` / `CMND:` /
   * `MST:` by default), `digitalSignature` and `nonRepudiation`, valid from five minutes ago for a year.
   *
   * @throws {DevelopmentKeyError} when `publicKey` is not an ECDSA P-256 / P-384 or a 2048-bit-or-more RSA key.
   */
  async issue(request: DevelopmentCertificateRequest, uidPrefixes: UidPrefixes): Promise<X509Certificate> {
    const publicKey = acceptedPublicKey(Buffer.from(request.publicKey, 'base64'));
    const now = this.#clock().getTime();
    const name: JsonName = [{ CN: [request.holder] }];
    if (request.organisation !== undefined) name.push({ O: [request.organisation] });
    if (request.idNumber !== undefined) {
      const number = normalizeIdNumber(request.idNumber);
      name.push({ [UID_OID]: [`${uidPrefix(uidPrefixes, 'id_number', number.length === 9 ? 'CMND:' : 'CCCD:')}${number}`] });
    }
    if (request.taxCode !== undefined) name.push({ [UID_OID]: [`${uidPrefix(uidPrefixes, 'tax_code', 'MST:')}${request.taxCode.trim()}`] });
    name.push({ C: ['VN'] });
    const serial = randomBytes(16);
    serial[0] = serial[0]! & 0x7f;
    return X509CertificateGenerator.create({
      serialNumber: serial.toString('hex'),
      subject: name,
      issuer: this.certificate.subject,
      notBefore: new Date(now - 5 * 60_000),
      notAfter: new Date(Math.min(now + 365 * DAY, this.certificate.notAfter.getTime())),
      publicKey,
      signingKey: this.#key,
      signingAlgorithm: CA_SIGNING,
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation, true),
      ],
    });
  }

  /**
   * Issues a fictional holder's signing certificate for a new ECDSA P-256 key, which it hands back with
   * it: what a sandbox signing provider signs with. The holder's tax code goes in the UID when it has one,
   * else the ID number.
   */
  async issueForHolder(holder: DevelopmentHolder, uidPrefixes: UidPrefixes): Promise<DevelopmentCertificate> {
    const keys = (await webcrypto.subtle.generateKey(CA_KEY, false, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
    const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey)).toString('base64');
    const number = holder.taxCode !== undefined ? { taxCode: holder.taxCode } : holder.idNumber !== undefined ? { idNumber: holder.idNumber } : {};
    const request: DevelopmentCertificateRequest = {
      publicKey: spki,
      holder: holder.fullName,
      ...(holder.organisation !== undefined ? { organisation: holder.organisation } : {}),
      ...number,
    };
    const certificate = await this.issue(request, uidPrefixes);
    return { certificate, base64: Buffer.from(certificate.rawData).toString('base64'), privateKey: keys.privateKey };
  }
}

interface StoredCa {
  /** PKCS#8, base64. */
  readonly privateKey: string;
  /** DER, base64. */
  readonly certificate: string;
}

async function makeCa(now: Date): Promise<StoredCa> {
  const keys = (await webcrypto.subtle.generateKey(CA_KEY, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const certificate = await X509CertificateGenerator.createSelfSigned({
    serialNumber: serial.toString('hex'),
    name: CA_NAME,
    notBefore: new Date(now.getTime() - DAY),
    notAfter: new Date(now.getTime() + 10 * 365 * DAY),
    keys,
    signingAlgorithm: CA_SIGNING,
    extensions: [new BasicConstraintsExtension(true, 0, true), new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true)],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return { privateKey: Buffer.from(pkcs8).toString('base64'), certificate: Buffer.from(certificate.rawData).toString('base64') };
}

/** The prefix the service reads as `kind`: the preferred one when mapped so, else the first mapped so. */
function uidPrefix(prefixes: UidPrefixes, kind: HolderNumberKind, preferred: string): string {
  const entries = Object.entries(prefixes);
  const preferredOne = entries.find(([prefix, mapped]) => mapped === kind && prefix.toUpperCase() === preferred);
  return (preferredOne ?? entries.find(([, mapped]) => mapped === kind))?.[0] ?? preferred;
}

/** A public key (SubjectPublicKeyInfo DER) the service verifies signatures of: ECDSA P-256 / P-384, or RSA ≥ 2048 bits. */
function acceptedPublicKey(spki: Buffer): Uint8Array<ArrayBuffer> {
  let key;
  try {
    key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch {
    throw new DevelopmentKeyError('not a public key');
  }
  const details = key.asymmetricKeyDetails ?? {};
  const ec = key.asymmetricKeyType === 'ec' && SIGNING_CURVES.has(details.namedCurve ?? '');
  const rsa = key.asymmetricKeyType === 'rsa' && (details.modulusLength ?? 0) >= 2048;
  const accepted = ec || rsa;
  if (!accepted) throw new DevelopmentKeyError('public key not accepted');
  return new Uint8Array(key.export({ format: 'der', type: 'spki' }));
}
