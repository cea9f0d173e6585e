import * as z from 'zod/mini';
import type { FieldRule } from '../messages/codes.js';
import { IdNumberField } from './fields.js';
import { TaxCodeField } from './signatures.js';
import { typeRule } from './type-rule.js';

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
// A holder's or organisation's name as a CA writes it: any letters, digits and punctuation, no control characters.
const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;
const displayName = z.string(typeRule()).check(
  z.minLength(1, 'required' satisfies FieldRule),
  z.maxLength(128, 'too_long' satisfies FieldRule),
  z.regex(PRINTABLE, 'invalid_type' satisfies FieldRule),
);

/**
 * `POST /dev/signature-certificates`: what a development certificate says and the public key it
 * certifies. The key pair is the caller's (a development signer makes it with WebCrypto and keeps the
 * private half); the service's development CA signs a certificate for it — holder in CN, organisation
 * in O, the number in the subject's UID attribute with the prefix the service reads (`CCCD:` / `CMND:`
 * for an ID number, `MST:` for a tax code) — valid for a year, for signing only.
 */
export const DevelopmentCertificateRequestSchema = z.object({
  /** The public key, SubjectPublicKeyInfo DER, base64url (base64 accepted): ECDSA P-256 / P-384, or RSA of 2048 bits or more. */
  publicKey: z.string(typeRule()).check(
    z.minLength(1, 'required' satisfies FieldRule),
    z.maxLength(2048, 'too_long' satisfies FieldRule),
    z.regex(BASE64, 'invalid_type' satisfies FieldRule),
  ),
  /** The holder's name (CN), e.g. `Nguyễn Văn An` or, for an enterprise, the company's name. */
  holder: displayName,
  /** The organisation (O): an enterprise's or an agency's name. */
  organisation: z.optional(displayName),
  /** The holder's ID number (CCCD or CMND), written in the UID attribute. */
  idNumber: z.optional(IdNumberField),
  /** The enterprise's tax code, written in the UID attribute instead of an ID number. */
  taxCode: z.optional(TaxCodeField),
});
/** Body of `POST /dev/signature-certificates`. */
export type DevelopmentCertificateRequest = z.infer<typeof DevelopmentCertificateRequestSchema>;

/** `POST /dev/signature-certificates` response (201): the certificate, base64 DER, and the CA's, PEM. */
export const DevelopmentCertificateSchema = z.object({
  /** The new certificate, DER in base64, as a signing plugin exports one. */
  certificate: z.string(),
  /** The development CA's certificate (the trust anchor it chains to), PEM. */
  issuer: z.string(),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime(),
  /** Serial number, hexadecimal. */
  serialNumber: z.string(),
});
/** Response of `POST /dev/signature-certificates`. */
export type DevelopmentCertificate = z.infer<typeof DevelopmentCertificateSchema>;
