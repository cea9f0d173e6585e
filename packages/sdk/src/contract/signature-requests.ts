import * as z from 'zod/mini';
import type { FieldRule } from '../messages/codes.js';
import { IdNumberField, PhoneField } from './fields.js';
import { CertificateDetailsSchema } from './signatures.js';
import { typeRule } from './type-rule.js';

/**
 * The signature methods where the service asks a provider to sign and the holder confirms on their
 * phone: a SIM signature (`sim_signature`, confirmed with the SIM PIN) or a remote-signing service
 * (`remote_signing`, a SmartCA-style app).
 */
export const RemoteSignatureMethodSchema = z.enum(['sim_signature', 'remote_signing']);
/** A signature method a provider signs for. */
export type RemoteSignatureMethod = z.infer<typeof RemoteSignatureMethodSchema>;

/** At most this many characters in a provider account name. */
export const MAX_PROVIDER_ACCOUNT_CHARS = 128;

/**
 * Who is asked to sign, by exactly one of: the phone of the SIM (a SIM signature), the holder's ID
 * number, or the holder's account name at the remote-signing provider.
 */
export const SigningHolderSchema = z
  .object({
    /** The phone whose SIM signs (national or E.164 form). */
    phone: z.optional(PhoneField),
    /** The holder's ID number (CCCD 12 digits, or CMND 9). */
    idNumber: z.optional(IdNumberField),
    /** The holder's account at the provider (letters, digits, `.`, `_`, `@`, `+`, `-`). */
    account: z.optional(
      z
        .string(typeRule())
        .check(
          z.minLength(1, 'required' satisfies FieldRule),
          z.maxLength(MAX_PROVIDER_ACCOUNT_CHARS, 'too_long' satisfies FieldRule),
          z.regex(/^[A-Za-z0-9._@+-]+$/, 'invalid_type' satisfies FieldRule),
        ),
    ),
  }, typeRule())
  .check(
    z.superRefine((holder, ctx) => {
      const given = [holder.phone, holder.idNumber, holder.account].filter((value) => value !== undefined).length;
      if (given !== 1) ctx.addIssue({ code: 'custom', message: (given === 0 ? 'required' : 'invalid_type') satisfies FieldRule, input: holder });
    }),
  );
/** Who is asked to sign. */
export type SigningHolder = z.infer<typeof SigningHolderSchema>;

/**
 * `POST /v1/signature-requests`: ask the provider of `method` to have the holder sign the challenge's
 * `toBeSigned` bytes on their phone. One request per challenge: to try again, issue a new challenge.
 */
export const StartSignatureRequestSchema = z.object({
  challengeId: z.string(typeRule()).check(z.minLength(1, 'required' satisfies FieldRule), z.maxLength(128, 'too_long' satisfies FieldRule)),
  method: z.enum(['sim_signature', 'remote_signing'], typeRule('method_not_offered')),
  holder: SigningHolderSchema,
});
/** Body of `POST /v1/signature-requests`. */
export type StartSignatureRequest = z.infer<typeof StartSignatureRequestSchema>;

/** `POST /v1/signature-requests` response (201): poll the request until it is no longer `pending`. */
export const SignatureRequestStartedSchema = z.object({
  requestId: z.string(),
  /** When the holder's time to confirm runs out: the request is `timed_out` after it. */
  expiresAt: z.iso.datetime(),
  /** Seconds to wait between two polls of `GET /v1/signature-requests/{id}`. */
  pollAfterSeconds: z.number(),
});
/** Response of `POST /v1/signature-requests`. */
export type SignatureRequestStarted = z.infer<typeof SignatureRequestStartedSchema>;

/**
 * Where a signature request stands: `pending` while the holder has not answered on the phone; then,
 * once and for good, `signed` (the certificate passed every check and the signature is over the
 * challenge's bytes), `refused` (declined on the phone, or the provider does not know the holder),
 * `timed_out` (not confirmed before `expiresAt`), `cancelled` (by the page), or `failed` (the provider
 * failed, or what it returned did not verify: `code` says which).
 */
export const SignatureRequestStatusSchema = z.enum(['pending', 'signed', 'refused', 'timed_out', 'cancelled', 'failed']);
/** Where a signature request stands. */
export type SignatureRequestStatus = z.infer<typeof SignatureRequestStatusSchema>;

/**
 * `GET /v1/signature-requests/{id}` (and `DELETE`) response (200). A short poll: the answer comes at
 * once; ask again after `pollAfterSeconds` while `pending`. When `signed`, `certificate` is what the
 * page shows before the citizen confirms; the signing flow then takes the request by its id. When it
 * ended otherwise, `code` is the problem code whose text explains it (`provider_refused`,
 * `provider_timeout`, `provider_unavailable`, or a certificate refusal such as `cert_revoked`).
 */
export const SignatureRequestStateSchema = z.object({
  requestId: z.string(),
  method: RemoteSignatureMethodSchema,
  state: SignatureRequestStatusSchema,
  expiresAt: z.iso.datetime(),
  /** While `pending`: seconds to wait before asking again. */
  pollAfterSeconds: z.optional(z.number()),
  /** When `signed`: what the certificate says. */
  certificate: z.optional(CertificateDetailsSchema),
  /** When `refused`, `timed_out` or `failed`: the problem code that words why. */
  code: z.optional(z.string()),
});
/** Response of `GET /v1/signature-requests/{id}`. */
export type SignatureRequestState = z.infer<typeof SignatureRequestStateSchema>;

