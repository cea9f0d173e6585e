import 'reflect-metadata';
import {
  BasicConstraintsExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  X509CertificateGenerator,
  X509CrlGenerator,
  type X509Certificate,
  type X509Crl,
} from '@peculiar/x509';
import { webcrypto } from 'node:crypto';
import { UID_OID } from '../certificates.js';

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const DAY = 86_400_000;
const YEAR = 365 * DAY;
const EC_KEY: webcrypto.EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const EC_SIGN: webcrypto.EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

/** The name of the development CA: it says what it is, wherever a certificate of it is shown. */
export const DEVELOPMENT_CA_NAME = 'DVC Kit Sandbox Signing CA (development only, not trusted anywhere else)';

/** Who a development certificate is for. */
export interface DevelopmentHolder {
  readonly fullName: string;
  readonly organisation?: string | undefined;
  /** Put in the subject's UID as `CCCD:<number>`. */
  readonly idNumber?: string | undefined;
  /** Put in the subject's UID as `MST:<tax code>` (an enterprise). */
  readonly taxCode?: string | undefined;
}

/** A certificate the development CA issued, and the key that signs with it. */
export interface DevelopmentCertificate {
  readonly certificate: X509Certificate;
  /** base64 DER, as a provider hands it back. */
  readonly base64: string;
  readonly privateKey: CryptoKey;
}

// Attribute values of a distinguished name as @peculiar/x509 reads them: escape what RFC 4514 asks.
const escapeValue = (value: string) => value.replace(/([,+"\\<>;=#])/g, '\\$1');

/**
 * A throw-away CA the sandbox signing provider issues its fictional holders' certificates from:
 * generated in memory at start, in development only (it refuses to exist in production), with a
 * current, empty CRL, so that what the sandbox signs passes the same checks — path, key usage,
 * revocation, the UID number — as a real provider's signature. The service trusts it for citizens and
 * enterprises only while the sandbox provider is configured.
 */
export class DevelopmentSigningCa {
  readonly root: X509Certificate;
  readonly crl: X509Crl;
  readonly #keys: CryptoKeyPair;
  readonly #now: Date;
  #serial = 1;

  private constructor(root: X509Certificate, crl: X509Crl, keys: CryptoKeyPair, now: Date) {
    this.root = root;
    this.crl = crl;
    this.#keys = keys;
    this.#now = now;
  }

  /**
   * Generates the CA (an ECDSA P-256 root valid a day before `now` to a year after) and its CRL.
   *
   * @throws {Error} outside development mode: a CA whose key the service holds must never be trusted for citizens.
   */
  static async create(mode: 'production' | 'development', now: Date): Promise<DevelopmentSigningCa> {
    if (mode !== 'development') throw new Error('The development signing CA exists only in development mode');
    const keys = (await webcrypto.subtle.generateKey(EC_KEY, false, ['sign', 'verify'])) as CryptoKeyPair;
    const root = await X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: `CN=${escapeValue(DEVELOPMENT_CA_NAME)}, O=DVC Kit development, C=VN`,
      notBefore: new Date(now.getTime() - DAY),
      notAfter: new Date(now.getTime() + YEAR),
      keys,
      signingAlgorithm: EC_SIGN,
      extensions: [new BasicConstraintsExtension(true, 0, true), new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true)],
    });
    const crl = await X509CrlGenerator.create({
      issuer: root.subject,
      thisUpdate: new Date(now.getTime() - DAY),
      nextUpdate: new Date(now.getTime() + YEAR),
      entries: [],
      signingAlgorithm: EC_SIGN,
      signingKey: keys.privateKey,
    });
    return new DevelopmentSigningCa(root, crl, keys, now);
  }

  /** Issues a signing certificate (digitalSignature, nonRepudiation) for a fictional holder, with a new key. */
  async issue(holder: DevelopmentHolder): Promise<DevelopmentCertificate> {
    const keys = (await webcrypto.subtle.generateKey(EC_KEY, false, ['sign', 'verify'])) as CryptoKeyPair;
    const parts = [`CN=${escapeValue(holder.fullName)}`];
    if (holder.organisation) parts.push(`O=${escapeValue(holder.organisation)}`);
    if (holder.taxCode) parts.push(`${UID_OID}=MST:${holder.taxCode}`);
    else if (holder.idNumber) parts.push(`${UID_OID}=CCCD:${holder.idNumber}`);
    parts.push('C=VN');
    this.#serial += 1;
    const certificate = await X509CertificateGenerator.create({
      serialNumber: this.#serial.toString(16).padStart(4, '0'),
      subject: parts.join(', '),
      issuer: this.root.subject,
      notBefore: new Date(this.#now.getTime() - DAY),
      notAfter: new Date(this.#now.getTime() + YEAR),
      publicKey: keys.publicKey,
      signingKey: this.#keys.privateKey,
      signingAlgorithm: EC_SIGN,
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation, true),
      ],
    });
    return { certificate, base64: Buffer.from(certificate.rawData).toString('base64'), privateKey: keys.privateKey };
  }
}
