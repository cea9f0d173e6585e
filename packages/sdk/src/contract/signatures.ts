import * as z from 'zod/mini';
import type { FieldRule } from '../messages/codes.js';
import { SubjectTypeSchema, type SubjectType } from './common.js';
import { IdNumberField } from './fields.js';
import { TAX_CODE_PATTERN } from '../identity/tax-code.js';
import { typeRule } from './type-rule.js';

/**
 * What a signature challenge is for: registering at IAL3 (`register`), signing in with a signature
 * (`sign_in`), or upgrading an existing account to IAL3 (`upgrade`). A challenge issued for one
 * operation is never accepted for another.
 */
export const SignatureOperationSchema = z.enum(['register', 'sign_in', 'upgrade']);
/** What a signature challenge is for. */
export type SignatureOperation = z.infer<typeof SignatureOperationSchema>;

/**
 * The signature methods a service may offer, by their name in its configuration: a USB token through
 * the portal's signing plugin (`usb_token`), a SIM signature confirmed on the phone (`sim_signature`),
 * or a remote-signing service such as a SmartCA-style provider (`remote_signing`).
 */
export const SignatureMethodSchema = z.enum(['usb_token', 'sim_signature', 'remote_signing']);
/** The names of {@link SignatureMethodSchema}, for a configuration schema to list. */
export const SIGNATURE_METHODS = ['usb_token', 'sim_signature', 'remote_signing'] as const satisfies readonly SignatureMethod[];
/**
 * The subject types each signature method serves (design: a USB token for citizens, enterprises and
 * agency officers; a SIM signature or remote signing for citizens and enterprises).
 */
export const SIGNATURE_METHOD_SUBJECTS: Readonly<Record<SignatureMethod, readonly ('citizen' | 'enterprise' | 'agency')[]>> = {
  usb_token: ['citizen', 'enterprise', 'agency'],
  sim_signature: ['citizen', 'enterprise'],
  remote_signing: ['citizen', 'enterprise'],
};
/** A signature method a service may offer. */
export type SignatureMethod = z.infer<typeof SignatureMethodSchema>;

/**
 * The signature algorithms the service verifies, each with SHA-256: RSA PKCS#1 v1.5
 * (`RSASSA-PKCS1-v1_5`), RSA-PSS (`RSA-PSS`, MGF1 with SHA-256, any salt length) and ECDSA
 * (`ECDSA`, P-256 or P-384, the signature DER-encoded or as r‖s).
 */
export const SignatureAlgorithmSchema = z.enum(['RSASSA-PKCS1-v1_5', 'RSA-PSS', 'ECDSA']);
/** A signature algorithm the service verifies. */
export type SignatureAlgorithm = z.infer<typeof SignatureAlgorithmSchema>;

/** At most this many characters in one certificate as sent (a PEM block or base64 DER of about 12 kB). */
export const MAX_CERTIFICATE_CHARS = 16_384;
/** At most this many intermediate certificates sent beside the citizen's own. */
export const MAX_INTERMEDIATES = 4;

const PEM = /^\s*-----BEGIN CERTIFICATE-----[\sA-Za-z0-9+/=]+-----END CERTIFICATE-----\s*$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * One X.509 certificate as a signing plugin exports it: a PEM block, or the DER bytes in base64 or
 * base64url. Whether the bytes are a certificate at all the service finds out (`certificate_format`).
 */
export const CertificateField = z.string(typeRule()).check(
  z.minLength(1, 'required' satisfies FieldRule),
  z.maxLength(MAX_CERTIFICATE_CHARS, 'too_long' satisfies FieldRule),
  z.refine((value) => PEM.test(value) || BASE64.test(value), 'certificate_format' satisfies FieldRule),
);

/**
 * A Vietnamese tax code (mã số thuế): 10 digits, or 13 for a branch written `0101234567-001`.
 */
export const TaxCodeField = z.string(typeRule()).check(z.maxLength(32, 'too_long' satisfies FieldRule), z.regex(TAX_CODE_PATTERN, 'tax_code_format' satisfies FieldRule));

/** `POST /v1/signature-challenges`: a challenge for a certificate of this subject type to sign. */
export const StartSignatureChallengeSchema = z.object({
  operation: SignatureOperationSchema,
  /** Whose certificate will sign: its trust anchors are those configured for this subject type. */
  subjectType: z.enum(['citizen', 'enterprise', 'agency'], typeRule('subject_type')),
});
/** Body of `POST /v1/signature-challenges`. */
export type StartSignatureChallengeRequest = z.infer<typeof StartSignatureChallengeSchema>;

/**
 * `POST /v1/signature-challenges` response (201). `toBeSigned` is what the signing plugin (or the
 * remote-signing provider) signs, byte for byte, after base64url-decoding it: the UTF-8 text described
 * in the signatures guide (`docs/guides/signatures.md`), which names the service, the portal, the
 * operation, the challenge and its nonce, so a signature is good for nothing else. Use it once, before
 * `expiresAt`.
 */
export const SignatureChallengeSchema = z.object({
  challengeId: z.string(),
  /** 256 bits from the service's CSPRNG, base64url. */
  nonce: z.string(),
  /** The bytes to sign, base64url. */
  toBeSigned: z.string(),
  operation: SignatureOperationSchema,
  subjectType: SubjectTypeSchema,
  expiresAt: z.iso.datetime(),
});
/** Response of `POST /v1/signature-challenges`. */
export type SignatureChallenge = z.infer<typeof SignatureChallengeSchema>;

/**
 * `POST /v1/signature-challenges/{id}/certificate`: the certificate the citizen chose, to show what it
 * says before they confirm. Checked like a signature would be (path to the trust anchors of the
 * challenge's subject type, dates, key usage, revocation) but nothing is signed and the challenge is
 * not used up. With `idNumber` or `taxCode`, the number the certificate carries must be that one.
 */
export const CertificatePreviewRequestSchema = z.object({
  certificate: CertificateField,
  /** Intermediate CA certificates the plugin exported with it, if any. */
  intermediates: z.optional(z.array(CertificateField).check(z.maxLength(MAX_INTERMEDIATES, 'too_long' satisfies FieldRule))),
  /** The ID number the certificate must carry (an account being upgraded, the number typed). */
  idNumber: z.optional(IdNumberField),
  /** The tax code the certificate must carry (an enterprise). */
  taxCode: z.optional(TaxCodeField),
});
/** Body of `POST /v1/signature-challenges/{id}/certificate`. */
export type CertificatePreviewRequest = z.infer<typeof CertificatePreviewRequestSchema>;

/**
 * What a certificate says, as the citizen sees it before confirming: holder, organisation, validity,
 * issuing CA, and the number found in the subject's UID attribute (`CCCD:` / `CMND:` → `idNumber`,
 * `MST:` → `taxCode`, by the service's prefix mapping).
 */
export const CertificateDetailsSchema = z.object({
  /** The subject's common name (CN), e.g. `Nguyễn Văn An`. */
  holder: z.string(),
  /** The subject's organisation (O), for an enterprise or agency certificate. */
  organisation: z.optional(z.string()),
  validFrom: z.iso.datetime(),
  validUntil: z.iso.datetime(),
  /** The issuing CA's common name (or its whole name when it has none). */
  issuer: z.string(),
  /** Serial number, hexadecimal. */
  serialNumber: z.string(),
  /** The holder's ID number found in the certificate. */
  idNumber: z.optional(z.string()),
  /** The tax code found in the certificate. */
  taxCode: z.optional(z.string()),
});
/** What a certificate says. */
export type CertificateDetails = z.infer<typeof CertificateDetailsSchema>;

/** `POST /v1/signature-challenges/{id}/certificate` response (200): the certificate passed every check. */
export const CertificatePreviewSchema = z.object({
  challengeId: z.string(),
  subjectType: SubjectTypeSchema,
  certificate: CertificateDetailsSchema,
});
/** Response of `POST /v1/signature-challenges/{id}/certificate`. */
export type CertificatePreview = z.infer<typeof CertificatePreviewSchema>;

/**
 * A signed challenge as the signing flows send it (registration, sign-in and upgrade by signature):
 * the challenge, the certificate and intermediates, and the signature over the challenge's
 * `toBeSigned` bytes, base64url.
 */
export const SignedChallengeSchema = z.object({
  challengeId: z.string(typeRule()).check(z.minLength(1, 'required' satisfies FieldRule), z.maxLength(128, 'too_long' satisfies FieldRule)),
  certificate: CertificateField,
  intermediates: z.optional(z.array(CertificateField).check(z.maxLength(MAX_INTERMEDIATES, 'too_long' satisfies FieldRule))),
  algorithm: SignatureAlgorithmSchema,
  /** The signature, base64url (base64 accepted). */
  signature: z.string(typeRule()).check(z.minLength(1, 'required' satisfies FieldRule), z.maxLength(2048, 'too_long' satisfies FieldRule), z.regex(BASE64, 'invalid_type' satisfies FieldRule)),
});
/** A signed challenge. */
export type SignedChallenge = z.infer<typeof SignedChallengeSchema>;

/** First line of every signed challenge message; the version changes if the format ever does. */
export const SIGNED_MESSAGE_HEADER = 'DVC-Kit signature challenge v1';

/** What a signed challenge message names. */
export interface SignedMessageFields {
  /** The identity service's issuer URL. */
  readonly service: string;
  /** The portal (client id) the challenge was issued to. */
  readonly clientId: string;
  readonly operation: SignatureOperation;
  readonly subjectType: SubjectType;
  readonly challengeId: string;
  readonly nonce: string;
  /** ISO 8601, as in `expiresAt`. */
  readonly expiresAt: string;
}

/**
 * The exact bytes a certificate signs for a challenge (`toBeSigned`, base64url-decoded): UTF-8 text,
 * lines ended by `\n` (none after the last), in this order —
 *
 * ```text
 * DVC-Kit signature challenge v1
 * service: https://id.dichvucong.gov.vn
 * client: provincial-portal
 * operation: register
 * subject-type: citizen
 * challenge: sgc_…
 * nonce: <43 base64url characters: 256 random bits>
 * expires: 2026-12-01T10:05:00.000Z
 * ```
 *
 * Readable, so a signing plugin that shows what it signs shows something a citizen can read; it names
 * the service, the portal, the operation and the subject type, so a signature made for one is good for
 * nothing else; the nonce makes it unique. The service builds it from the stored challenge both when
 * it hands it out and when the signature comes back, so it is never taken from the caller.
 *
 * @example
 * ```ts
 * const text = new TextDecoder().decode(signedMessage(fields)); // what the signing plugin shows
 * ```
 */
export function signedMessage(fields: SignedMessageFields): Uint8Array {
  const lines = [
    SIGNED_MESSAGE_HEADER,
    `service: ${fields.service}`,
    `client: ${fields.clientId}`,
    `operation: ${fields.operation}`,
    `subject-type: ${fields.subjectType}`,
    `challenge: ${fields.challengeId}`,
    `nonce: ${fields.nonce}`,
    `expires: ${fields.expiresAt}`,
  ];
  return new TextEncoder().encode(lines.join('\n'));
}
