import * as z from 'zod/mini';
import { SubjectTypeSchema } from './common.js';

/** `GET /v1/config`: everything a widget renders from, the same for every portal. */
export const ServiceConfigSchema = z.object({
  /** The portal (client) this configuration is for. */
  clientId: z.string(),
  clientName: z.string(),
  passwordPolicy: z.object({
    minLength: z.number(),
    maxLength: z.number(),
    requireLower: z.boolean(),
    requireUpper: z.boolean(),
    requireDigit: z.boolean(),
    requireSpecial: z.boolean(),
    rejectCommon: z.boolean(),
    rejectPersonalData: z.boolean(),
  }),
  otp: z.object({
    length: z.number(),
    ttlSeconds: z.number(),
    resendAfterSeconds: z.number(),
    maxAttempts: z.number(),
  }),
  /** Verification methods this portal offers at registration, in display order. */
  registrationMethods: z.array(z.string()),
  /**
   * What the registration form shows first: each subject type (citizen, enterprise, agency) with the
   * methods it may use, grouped by level (IAL2, then IAL3), each marked `available` when this service
   * offers it to this portal now (see `registrationChoices`).
   */
  subjectTypes: z.array(
    z.object({
      subjectType: SubjectTypeSchema,
      methods: z.array(z.object({ method: z.string(), ial: z.number(), available: z.boolean() })),
      /**
       * How this subject type signs in here: a citizen as `signInMethods` says; an enterprise or an agency
       * officer by the signature methods offered to it (`usb_token`, `sim_signature` for enterprises),
       * empty where it has no trust anchors (or no provider). Absent from a service before enterprises
       * and agency officers had accounts.
       */
      signInMethods: z.optional(z.array(z.string())),
    }),
  ),
  /**
   * Whether "Mất số điện thoại nhận OTP" can be done here without a counter: a citizen whose account
   * was registered with a BHXH code replaces the phone by a fresh social-insurance match and a code to
   * the new phone (`POST /v1/phone-recoveries`). When `false`, the only way is a one-stop counter.
   */
  lostPhoneRecovery: z.boolean(),
  /** Sign-in methods this portal offers: what the citizen chooses first (`password`, `usb_token`). */
  signInMethods: z.array(z.string()),
  /**
   * Passkeys (WebAuthn), which are not a sign-in method of their own: after the password a passkey answers
   * instead of the SMS code, and a signed-in citizen may add one (`POST /v1/account/passkeys/options`).
   * `offered: false` when the service has no `passkeys.rpId`; its passkey routes then answer 404. `rpId`
   * is the domain every passkey is bound to: the page's host is that domain or under it (or, with Related
   * Origin Requests, listed at `https://<rpId>/.well-known/webauthn`). Absent while offered, the page's
   * own host (what a browser takes when the options name none).
   */
  passkeys: z.object({ offered: z.boolean(), rpId: z.optional(z.string()) }),
  languages: z.array(z.string()),
  humanCheck: z.object({
    required: z.boolean(),
    /** Path of the challenge endpoint. */
    challengePath: z.string(),
  }),
  /** Version of the personal-data consent text the citizen agrees to at registration and in lost-phone recovery. */
  consentVersion: z.string(),
});
/** `GET /v1/config` response. */
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;

/** `GET /v1/human-check/challenge`: a proof-of-work puzzle (ALTCHA format). */
export const HumanCheckChallengeSchema = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string(),
  maxnumber: z.optional(z.number()),
  salt: z.string(),
  signature: z.string(),
});
/** A proof-of-work puzzle (ALTCHA format). */
export type HumanCheckChallenge = z.infer<typeof HumanCheckChallengeSchema>;
