import 'reflect-metadata';
import type { X509Certificate, X509Crl } from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { basicConstraints, maySign } from './certificates.js';
import type { CrlSource } from './crl-source.js';
import { SignatureError } from './errors.js';

/** What {@link validateCertificatePath} checks a certificate against. */
export interface PathCheck {
  /** The citizen's certificate. */
  readonly leaf: X509Certificate;
  /** Intermediate CA certificates sent with it (any order; unused ones are ignored). */
  readonly intermediates: readonly X509Certificate[];
  /** The trust anchors of the subject type. */
  readonly anchors: readonly X509Certificate[];
  /** Where revocation lists come from. */
  readonly crls: CrlSource;
  readonly now: Date;
}

const PKIJS_REVOKED = 12;
const PKIJS_NO_REVOCATION = 11;
const PKIJS_DATES = 8;

const toPkijs = (certificate: X509Certificate) => pkijs.Certificate.fromBER(certificate.rawData);

/**
 * Validates the certificate path from `leaf` to one of `anchors`, in the order a citizen would want
 * the reasons: the leaf's own dates (`cert_expired`, `cert_not_yet_valid`); that it is an end-entity
 * certificate whose key may sign (`cert_key_usage`: `digitalSignature` or `nonRepudiation`, and not a
 * CA); a path built and its signatures checked by pkijs's `CertificateChainValidationEngine` to a trust
 * anchor, every certificate above the leaf a CA within its path-length limit and in date
 * (`cert_untrusted`, or `cert_expired` / `cert_not_yet_valid` for a CA out of date); then revocation of
 * every certificate below the anchor from a current CRL of its issuer, judged by the engine again with
 * those CRLs (`cert_revoked`, `revocation_unavailable`).
 *
 * @returns the path, leaf first, trust anchor last.
 * @throws {SignatureError} with the first failure found.
 */
export async function validateCertificatePath(check: PathCheck): Promise<X509Certificate[]> {
  const { leaf, now } = check;
  if (leaf.notAfter.getTime() < now.getTime()) throw new SignatureError('cert_expired');
  if (leaf.notBefore.getTime() > now.getTime()) throw new SignatureError('cert_not_yet_valid');
  if (!maySign(leaf) || basicConstraints(leaf).ca) throw new SignatureError('cert_key_usage');
  if (check.anchors.length === 0) throw new SignatureError('cert_untrusted');

  const path = await buildPath(check, []);
  checkPathLengths(path);

  // Every certificate below the anchor needs a current CRL of its issuer.
  const crls: X509Crl[] = [];
  for (let i = 0; i < path.length - 1; i++) crls.push(await check.crls.crlFor(path[i]!, path[i + 1]!, now));
  await buildPath(check, crls);
  return path;
}

/**
 * Whether `leaf` has a path to one of `anchors` (signatures and names, no revocation or limits): how
 * the service tells a certificate of another subject type's CA from one no subject type trusts.
 */
export async function chainsTo(check: Omit<PathCheck, 'crls'>): Promise<boolean> {
  if (check.anchors.length === 0) return false;
  try {
    await buildPath(check, []);
    return true;
  } catch {
    return false;
  }
}

async function buildPath(check: Omit<PathCheck, 'crls'>, crls: readonly X509Crl[]): Promise<X509Certificate[]> {
  const { leaf, intermediates, anchors, now } = check;
  const all = [...intermediates, leaf];
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: anchors.map(toPkijs),
    // The engine takes the last certificate as the one to validate.
    certs: all.map(toPkijs),
    crls: crls.map((crl) => pkijs.CertificateRevocationList.fromBER(crl.rawData)),
    checkDate: now,
  });
  const result = await engine.verify();
  if (result.result) {
    const known = [...all, ...anchors];
    return (result.certificatePath ?? []).map((certificate) => {
      const der = Buffer.from(certificate.toSchema().toBER());
      return known.find((candidate) => der.equals(Buffer.from(candidate.rawData)))!;
    });
  }
  if (result.resultCode === PKIJS_REVOKED) throw new SignatureError('cert_revoked');
  if (result.resultCode === PKIJS_NO_REVOCATION) throw new SignatureError('revocation_unavailable');
  if (result.resultCode === PKIJS_DATES) throw new SignatureError(caOutOfDate([...intermediates, ...anchors], now));
  throw new SignatureError('cert_untrusted');
}

/** A CA above the leaf is out of date (the leaf's own dates were checked first): which way. */
function caOutOfDate(cas: readonly X509Certificate[], now: Date): 'cert_expired' | 'cert_not_yet_valid' {
  return cas.some((ca) => ca.notBefore.getTime() > now.getTime()) && !cas.some((ca) => ca.notAfter.getTime() < now.getTime()) ? 'cert_not_yet_valid' : 'cert_expired';
}

/**
 * RFC 5280 §4.2.1.9: a CA's `pathLenConstraint` is the most non-self-issued intermediate certificates
 * that may follow it before the leaf. pkijs's engine does not check it.
 */
function checkPathLengths(path: readonly X509Certificate[]): void {
  for (let i = 1; i < path.length; i++) {
    const { ca, pathLength } = basicConstraints(path[i]!);
    if (!ca) throw new SignatureError('cert_untrusted');
    const below = path.slice(1, i).filter((certificate) => certificate.subject !== certificate.issuer).length;
    if (pathLength !== undefined && below > pathLength) throw new SignatureError('cert_untrusted');
  }
}
