import * as z from 'zod/mini';
import { FIELD_RULES, PROBLEM_CODES } from '../messages/codes.js';

/** The error of one field in a problem response. */
export const FieldErrorSchema = z.object({
  /** Dotted path of the field in the request body, e.g. `phone`. */
  field: z.string(),
  /** The rule it broke, one of `FIELD_RULES`. */
  code: z.enum(FIELD_RULES),
  /** The rule in the language asked for. */
  message: z.string(),
  /**
   * Values the message was filled with, for a caller that words it itself: `{ min: 8 }`, or with
   * `phone_converted` the 10-digit number an old 11-digit one became (`{ suggestion: '0321234567' }`).
   */
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});
/** The error of one field in a problem response. */
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** An RFC 9457 problem details body as DVC Kit sends it. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  code: z.enum(PROBLEM_CODES),
  errors: z.optional(z.array(FieldErrorSchema)),
  retryAfter: z.optional(z.number()),
  /** With `otp_invalid`: wrong codes still allowed before the code is spent. */
  remainingAttempts: z.optional(z.number()),
});
/** An RFC 9457 problem details body as DVC Kit sends it. */
export type Problem = z.infer<typeof ProblemSchema>;

/** Where a one-time code went and when it expires / may be resent. */
export const OtpChallengeSchema = z.object({
  /** The destination as shown to the citizen, e.g. `097****398`. */
  maskedPhone: z.string(),
  /** Digits in the code. */
  length: z.number(),
  expiresAt: z.iso.datetime(),
  resendAt: z.iso.datetime(),
});
/** Where a one-time code went and when it expires / may be resent. */
export type OtpChallenge = z.infer<typeof OtpChallengeSchema>;

/** Who is registering: citizen, enterprise or state agency. */
export const SubjectTypeSchema = z.enum(['citizen', 'enterprise', 'agency']);
/** Who is registering: citizen, enterprise or state agency. */
export type SubjectType = z.infer<typeof SubjectTypeSchema>;

/** An account as the service shows it to the citizen and the portal: never the full ID number. */
export const AccountSchema = z.object({
  /** Opaque, stable subject identifier, the same on every portal. */
  sub: z.string(),
  fullName: z.string(),
  /**
   * The number the account is known by, for display: a citizen's or agency officer's ID number masked,
   * e.g. `001******567`; an enterprise's tax code (MST) whole, e.g. `0101234567` — a tax code is public.
   */
  idNumberMasked: z.string(),
  /**
   * Every ID number the account signs in with, masked, the registered one first: a CMND account whose
   * holder added the 12-digit CCCD shows both. Always sent by this service; optional so that answers
   * of a service from before CCCD additions still read.
   */
  idNumbersMasked: z.optional(z.array(z.string())),
  /**
   * Who the account is: `citizen` (công dân), `enterprise` (doanh nghiệp: an account per tax code, made by
   * the enterprise's certificate) or `agency` (an agency officer's work account, apart from the same
   * person's citizen account).
   */
  subjectType: SubjectTypeSchema,
  /** The organisation, from the newest certificate's O (or CN): an enterprise's name, an officer's agency. Absent for a citizen. */
  organisationName: z.optional(z.string()),
  /** An enterprise's tax code (MST: 10 digits, or 10-3 for a branch). Absent otherwise. */
  taxCode: z.optional(z.string()),
  /** Identity assurance level. */
  ial: z.number(),
  verificationMethod: z.string(),
  createdAt: z.iso.datetime(),
});
/** An account as the service shows it. */
export type Account = z.infer<typeof AccountSchema>;
