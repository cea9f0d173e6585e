import 'reflect-metadata';
import { BasicConstraintsExtension, KeyUsageFlags, KeyUsagesExtension, PemConverter, X509Certificate, X509Crl } from '@peculiar/x509';
import type { CertificateDetails } from '@dvc-kit/sdk/contract';
import { SignatureError } from './errors.js';

/** OID of the subject's UID attribute, where Vietnamese certificates carry the holder's number. */
export const UID_OID = '0.9.2342.19200300.100.1.1';

/** What a UID prefix says the number after it is. */
export type HolderNumberKind = 'id_number' | 'tax_code';

/** Prefix of a UID value → what the number after it is, e.g. `{ 'CCCD:': 'id_number', 'MST:': 'tax_code' }`. */
export type UidPrefixes = Readonly<Record<string, HolderNumberKind>>;

// Node's base64 decoder reads base64url too; anything else in the text is refused before.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * Reads one certificate as a signing plugin exports it: a PEM block, or DER in base64 / base64url.
 *
 * @param field - the request field it came from, named by the `certificate_format` refusal.
 * @throws {SignatureError} `certificate_format` when the bytes are not an X.509 certificate.
 */
export function readCertificate(text: string, field: string): X509Certificate {
  try {
    const trimmed = text.trim();
    const der = PemConverter.isPem(trimmed) ? PemConverter.decodeFirst(trimmed) : BASE64.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
    if (!der || der.byteLength === 0) throw new SignatureError('certificate_format', field);
    const certificate = new X509Certificate(der);
    // Touch what every check reads, so a structure that parses but lacks them is refused here.
    void certificate.subjectName.toJSON();
    void certificate.notAfter;
    void certificate.publicKey.rawData;
    return certificate;
  } catch (error) {
    if (error instanceof SignatureError) throw error;
    throw new SignatureError('certificate_format', field);
  }
}

/** Every certificate of a PEM file (a trust-anchor bundle): one or many blocks. */
export function readPemCertificates(pem: string): X509Certificate[] {
  return PemConverter.decode(pem).map((der) => new X509Certificate(der));
}

/** A CRL as a file or a distribution point serves it: DER, or PEM. */
export function readCrl(bytes: Uint8Array): X509Crl {
  const text = new TextDecoder().decode(bytes.subarray(0, 64));
  return new X509Crl(text.includes('-----BEGIN') ? PemConverter.decodeFirst(new TextDecoder().decode(bytes)) : Uint8Array.from(bytes));
}

/** The key usages of a certificate, or `undefined` when it has no key-usage extension. */
export function keyUsages(certificate: X509Certificate): number | undefined {
  return certificate.getExtension(KeyUsagesExtension)?.usages;
}

/** Whether a certificate's key may make the signatures DVC Kit accepts: `digitalSignature` or `nonRepudiation`. */
export function maySign(certificate: X509Certificate): boolean {
  const usages = keyUsages(certificate);
  return usages !== undefined && (usages & (KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation)) !== 0;
}

/** A certificate's basic constraints: whether it is a CA, and its path-length limit. */
export function basicConstraints(certificate: X509Certificate): { readonly ca: boolean; readonly pathLength: number | undefined } {
  const extension = certificate.getExtension(BasicConstraintsExtension);
  return { ca: extension?.ca ?? false, pathLength: extension?.pathLength };
}

function first(certificate: X509Certificate, part: 'subjectName' | 'issuerName', field: string): string | undefined {
  const value = certificate[part].getField(field)[0]?.trim();
  return value ? value : undefined;
}

/**
 * The holder's numbers found in the subject's UID attributes, by the prefix mapping: `CCCD:001090001234`
 * → `{ idNumber: '001090001234' }`. Prefixes match without regard to case; the longest wins; spaces
 * after the prefix are dropped. Values with no known prefix are ignored.
 */
export function holderNumbers(certificate: X509Certificate, prefixes: UidPrefixes): { idNumber?: string; taxCode?: string } {
  const ordered = Object.entries(prefixes).sort(([a], [b]) => b.length - a.length);
  const found: { idNumber?: string; taxCode?: string } = {};
  for (const value of certificate.subjectName.getField(UID_OID)) {
    const match = ordered.find(([prefix]) => value.toUpperCase().startsWith(prefix.toUpperCase()));
    if (!match) continue;
    const number = value.slice(match[0].length).trim();
    if (!number) continue;
    if (match[1] === 'id_number') found.idNumber ??= number;
    else found.taxCode ??= number;
  }
  return found;
}

/**
 * What a certificate says, as the citizen sees it before confirming: holder (CN), organisation (O),
 * validity, issuing CA (its CN) and the numbers its UID attributes carry.
 */
export function describeCertificate(certificate: X509Certificate, prefixes: UidPrefixes): CertificateDetails {
  const organisation = first(certificate, 'subjectName', 'O');
  return {
    holder: first(certificate, 'subjectName', 'CN') ?? certificate.subject,
    ...(organisation !== undefined ? { organisation } : {}),
    validFrom: certificate.notBefore.toISOString(),
    validUntil: certificate.notAfter.toISOString(),
    issuer: first(certificate, 'issuerName', 'CN') ?? certificate.issuer,
    serialNumber: certificate.serialNumber,
    ...holderNumbers(certificate, prefixes),
  };
}
