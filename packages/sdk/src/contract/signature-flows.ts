import * as z from 'zod/mini';
import { AccountSchema, SubjectTypeSchema } from './common.js';
import { BirthDateField, ConsentVersionField, EmailField, IdNumberField, PhoneField } from './fields.js';
import { birthYearCheck } from './registration.js';
import type { FieldRule } from '../messages/codes.js';
import type { RemoteSignatureMethod } from './signature-requests.js';
import { SIGNATURE_METHODS, SignedChallengeSchema, TaxCodeField, type SignedChallenge } from './signatures.js';
import { typeRule } from './type-rule.js';

/**
 * The id of a SIM-signature or remote-signing request (`POST /v1/signature-requests`) whose state is
 * `signed`: what a signing flow takes instead of a signature when the holder signed on their phone.
 */
export const SignatureRequestIdField = z
  .string(typeRule())
  .check(z.minLength(1, 'required' satisfies FieldRule), z.maxLength(128, 'too_long' satisfies FieldRule));

/** A signing flow's proof by a signed SIM-signature or remote-signing request, named by its id. */
export interface SignatureRequestProof {
  /** The id `POST /v1/signature-requests` gave; the request must be `signed`. */
  readonly signatureRequestId: string;
}

/** What proves a signing flow: a signed challenge (USB token), or a signed request (SIM signature, remote signing). */
export type SignatureProof = { readonly signed: SignedChallenge } | { readonly requestId: string };

const SIGNED_FIELDS = ['challengeId', 'certificate', 'intermediates', 'algorithm', 'signature'] as const;
const REQUIRED_SIGNED_FIELDS = ['challengeId', 'certificate', 'algorithm', 'signature'] as const;
type Issues = { addIssue(issue: { code: 'custom'; message: FieldRule; path: PropertyKey[]; input: unknown }): void };

/**
 * Exactly one of a signed challenge's fields and `signatureRequestId` in a sign-in or upgrade body:
 * both are refused on `signatureRequestId` (`exactly_one`), neither names each missing field of the
 * signed challenge (`required`), as before requests could be named.
 */
const proofCheck = z.superRefine((body: Record<string, unknown>, ctx: Issues) => {
  if (body.signatureRequestId !== undefined) {
    if (SIGNED_FIELDS.some((field) => body[field] !== undefined)) {
      ctx.addIssue({ code: 'custom', message: 'exactly_one', path: ['signatureRequestId'], input: body.signatureRequestId });
    }
    return;
  }
  for (const field of REQUIRED_SIGNED_FIELDS) {
    if (body[field] === undefined) ctx.addIssue({ code: 'custom', message: 'required', path: [field], input: undefined });
  }
});

/**
 * A sign-in or upgrade body: the signed challenge's fields (USB token), or `{ signatureRequestId }` (a
 * SIM signature or remote signing, signed on the phone) — exactly one of the two.
 */
const SignatureProofBodySchema = z.extend(z.partial(SignedChallengeSchema), { signatureRequestId: z.optional(SignatureRequestIdField) }).check(proofCheck);

/**
 * What proves a sign-in or upgrade body that passed its schema: the signed challenge, or the id of the
 * signed request. The one reading of "exactly one of the two", for the service and the mock.
 *
 * @example
 * ```ts
 * const proof = signatureProofOf(SignatureSignInSchema.parse(body));
 * if ('requestId' in proof) await verifySignatureRequest(signatures, store, proof.requestId, expected);
 * ```
 */
export function signatureProofOf(body: {
  readonly signatureRequestId?: string | undefined;
  readonly challengeId?: string | undefined;
  readonly certificate?: string | undefined;
  readonly intermediates?: string[] | undefined;
  readonly algorithm?: SignedChallenge['algorithm'] | undefined;
  readonly signature?: string | undefined;
}): SignatureProof {
  if (body.signatureRequestId !== undefined) return { requestId: body.signatureRequestId };
  const { challengeId, certificate, intermediates, algorithm, signature } = body;
  return { signed: { challengeId: challengeId!, certificate: certificate!, ...(intermediates ? { intermediates } : {}), algorithm: algorithm!, signature: signature! } };
}

/**
 * The body of a registration by signature and its method agree: `usb_token` takes `signature`, a SIM
 * signature or remote signing takes `signatureRequestId` — exactly one of the two (`exactly_one` on
 * `signatureRequestId` for both, `required` on the method's field for neither, `method_mismatch` on
 * `method` for the other method's field).
 */
const registrationProofCheck = z.superRefine((body: { method?: unknown; signature?: unknown; signatureRequestId?: unknown }, ctx: Issues) => {
  if (body.method === undefined) return;
  const byRequest = body.method !== 'usb_token';
  if (body.signature !== undefined && body.signatureRequestId !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'exactly_one', path: ['signatureRequestId'], input: body.signatureRequestId });
  } else if ((byRequest ? body.signature : body.signatureRequestId) !== undefined) {
    ctx.addIssue({ code: 'custom', message: 'method_mismatch', path: ['method'], input: body.method });
  } else if ((byRequest ? body.signatureRequestId : body.signature) === undefined) {
    const field = byRequest ? 'signatureRequestId' : 'signature';
    ctx.addIssue({ code: 'custom', message: 'required', path: [field], input: undefined });
  }
});

/**
 * Which number a registration by signature names, by subject type: a citizen its ID number and date of
 * birth, an agency officer the officer's ID number, an enterprise its tax code (`required` on each one
 * missing). The fields of another subject type are not read.
 */
const subjectFieldsCheck = z.superRefine((body: { subjectType?: unknown; idNumber?: unknown; birthDate?: unknown; taxCode?: unknown }, ctx: Issues) => {
  const needed = body.subjectType === 'citizen' ? (['idNumber', 'birthDate'] as const) : body.subjectType === 'agency' ? (['idNumber'] as const) : body.subjectType === 'enterprise' ? (['taxCode'] as const) : [];
  for (const field of needed) {
    if (body[field] === undefined) ctx.addIssue({ code: 'custom', message: 'required', path: [field], input: undefined });
  }
});

/**
 * `POST /v1/registrations/signature`: register at IAL3 with a signature — a USB token ("USB ký số",
 * `method: "usb_token"` with the signed challenge as `signature`), a SIM signature ("SIM ký số",
 * `method: "sim_signature"`) or remote signing (`method: "remote_signing"`), each of the last two with
 * the `signatureRequestId` of a signed request for a `register` challenge of the same method. The body
 * names the citizen's ID number (the certificate's UID must carry the same one), the date of birth (its
 * year must agree with a CCCD's), the phone the account's codes and notices go to, an optional email,
 * the consent and the human check. The full name is the certificate's holder (CN). The service verifies
 * the signature and the certificate path, uses the challenge up and sends a code to the phone; the
 * registration then goes on as every other: `…/otp/verify`, then `…/password` (an account at IAL3,
 * `verificationMethod` the method).
 *
 * An **enterprise** (`subjectType: "enterprise"`, USB token or SIM signature) names its tax code
 * (`taxCode`) instead: the certificate's UID must carry it (`MST:`), and the account — one per tax
 * code — is named by the certificate's organisation (O, else CN), with no personal ID number or birth
 * date; `phone` is the legal representative's or the user's. An **agency officer** (`subjectType:
 * "agency"`, USB token under the government CA) names the officer's ID number (`idNumber`, no
 * `birthDate`): a work account of its own, apart from the same person's citizen account, its agency the
 * certificate's O.
 */
export const StartSignatureRegistrationSchema = z
  .object({
    subjectType: z.enum(SubjectTypeSchema.options, typeRule('subject_type')),
    method: z.enum(SIGNATURE_METHODS, typeRule('method_not_offered')),
    /** A citizen's or an agency officer's ID number (CCCD / CMND). */
    idNumber: z.optional(IdNumberField),
    /** A citizen's date of birth. */
    birthDate: z.optional(BirthDateField),
    /** An enterprise's tax code (MST): 10 digits, or 10-3 for a branch. */
    taxCode: z.optional(TaxCodeField),
    phone: PhoneField,
    email: z.optional(EmailField),
    /** Version of the personal-data consent the citizen agreed to (Decree 13/2023). */
    consentVersion: ConsentVersionField,
    /** Solved human-check payload, when the service asks for one. */
    humanCheck: z.optional(z.string(typeRule()).check(z.maxLength(4096, 'too_long'))),
    /** With `usb_token`: the `register` challenge, signed with the certificate that proves who registers. */
    signature: z.optional(SignedChallengeSchema),
    /** With `sim_signature` / `remote_signing`: the signed request for a `register` challenge. */
    signatureRequestId: z.optional(SignatureRequestIdField),
  })
  .check(subjectFieldsCheck, birthYearCheck, registrationProofCheck);
/**
 * What proves a registration body that passed its schema: `signature` (USB token) or the signed
 * request `signatureRequestId` names (SIM signature, remote signing).
 */
export function registrationProofOf(body: { readonly signature?: SignedChallenge | undefined; readonly signatureRequestId?: string | undefined }): SignatureProof {
  return body.signatureRequestId !== undefined ? { requestId: body.signatureRequestId } : { signed: body.signature! };
}

/** Who registers by signature, and the number each is known by. */
export type SignatureRegistrant =
  | { subjectType: 'citizen'; idNumber: string; birthDate: string }
  | { subjectType: 'enterprise'; taxCode: string }
  | { subjectType: 'agency'; idNumber: string };

/**
 * Body of `POST /v1/registrations/signature`: a citizen, an enterprise or an agency officer, by USB token
 * with `signature`, or by SIM signature / remote signing with `signatureRequestId`.
 */
export type StartSignatureRegistrationRequest = Omit<
  z.infer<typeof StartSignatureRegistrationSchema>,
  'subjectType' | 'idNumber' | 'birthDate' | 'taxCode' | 'method' | 'signature' | 'signatureRequestId'
> &
  SignatureRegistrant &
  ({ method: 'usb_token'; signature: SignedChallenge } | { method: RemoteSignatureMethod; signatureRequestId: string });

/**
 * `POST /v1/sign-ins/signature`: sign in with a signature, without a password or SMS code. The body is
 * the signed `sign_in` challenge (USB token: AAL3, `amr: ["hwk", "sc", "pin", "mfa"]`), or
 * `{ signatureRequestId }` of a signed request for a `sign_in` challenge (SIM signature: AAL3, the same
 * `amr`; remote signing: AAL2, `amr: ["swk", "mca", "mfa"]`) — exactly one of the two. The account is
 * the one whose ID number the certificate carries. Answered like the code step of a sign-in (`SignedIn`).
 */
export const SignatureSignInSchema = SignatureProofBodySchema;
/** Body of `POST /v1/sign-ins/signature`: a signed challenge, or a signed request's id. */
export type SignatureSignInRequest = SignedChallenge | SignatureRequestProof;

/**
 * `POST /v1/account/assurance-upgrades`: a signed-in citizen (access token) raises the account to IAL3
 * by signing an `upgrade` challenge with a certificate that carries the account's ID number — the
 * signed challenge (USB token), or `{ signatureRequestId }` of a signed request (SIM signature, remote
 * signing); exactly one of the two.
 */
export const AssuranceUpgradeSchema = SignatureProofBodySchema;
/** Body of `POST /v1/account/assurance-upgrades`: a signed challenge, or a signed request's id. */
export type AssuranceUpgradeRequest = SignedChallenge | SignatureRequestProof;

/**
 * `POST /v1/account/assurance-upgrades` response (200): the account as it is now (IAL3, its new
 * `verificationMethod`), the level and method it had before, and when. Every portal sees it at once
 * through `GET /v1/session/assurance`, and in tokens from the next refresh.
 */
export const AssuranceUpgradedSchema = z.object({
  account: AccountSchema,
  previous: z.object({ ial: z.number(), verificationMethod: z.string() }),
  upgradedAt: z.iso.datetime(),
});
/** Response of `POST /v1/account/assurance-upgrades`. */
export type AssuranceUpgraded = z.infer<typeof AssuranceUpgradedSchema>;
