import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { X509Certificate } from '@peculiar/x509';
import type { SignatureAlgorithm } from '@dvc-kit/sdk/contract';

const KEY_TYPES: Readonly<Record<SignatureAlgorithm, readonly string[]>> = {
  'RSASSA-PKCS1-v1_5': ['rsa'],
  'RSA-PSS': ['rsa', 'rsa-pss'],
  ECDSA: ['ec'],
};

/** Bytes of one ECDSA coordinate per curve, to tell an r‖s signature from a DER one. */
const EC_COORDINATE_BYTES: Readonly<Record<string, number>> = { prime256v1: 32, secp384r1: 48, secp521r1: 66 };

/**
 * Whether `signature` is the certificate's key's signature over `message` with `algorithm` and
 * SHA-256: RSA PKCS#1 v1.5, RSA-PSS (MGF1-SHA-256, salt length read from the signature) or ECDSA
 * (DER-encoded, or r‖s as WebCrypto and PKCS#11 tokens give it). An algorithm that does not fit the
 * key, or bytes that are no signature at all, are simply `false`.
 */
export function signatureMatches(certificate: X509Certificate, algorithm: SignatureAlgorithm, message: Uint8Array, signature: Uint8Array): boolean {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(certificate.publicKey.rawData), format: 'der', type: 'spki' });
  } catch {
    return false;
  }
  if (!KEY_TYPES[algorithm].includes(key.asymmetricKeyType ?? '')) return false;
  try {
    if (algorithm === 'RSASSA-PKCS1-v1_5') return verify('sha256', message, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    if (algorithm === 'RSA-PSS') {
      return verify('sha256', message, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature);
    }
    const coordinate = EC_COORDINATE_BYTES[key.asymmetricKeyDetails?.namedCurve ?? ''];
    const dsaEncoding = coordinate !== undefined && signature.byteLength === 2 * coordinate ? 'ieee-p1363' : 'der';
    return verify('sha256', message, { key, dsaEncoding }, signature);
  } catch {
    return false;
  }
}
