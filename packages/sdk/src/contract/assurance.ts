import * as z from 'zod/mini';
import { AUTHENTICATION_METHODS } from '../assurance/amr.js';
import { VERIFICATION_METHODS } from '../assurance/levels.js';
import { typeRule } from './type-rule.js';

/** The longest `maxAge` a requirement may name: 30 days, in seconds (a session lives 12 hours at most). */
export const MAX_AGE_LIMIT_SECONDS = 30 * 24 * 3600;

const Ial = z.literal([1, 2, 3], typeRule());
const Aal = z.literal([1, 2, 3], typeRule());
const VneidLevelSchema = z.literal([1, 2], typeRule());

/**
 * `GET /v1/session/assurance` response: the truth about the access token's session, read from the
 * store — the account's identity assurance and how it was proven (an upgrade made on any portal shows
 * at once), and how and when this sign-in was made. A session that ended answers 401.
 */
export const SessionAssuranceSchema = z.object({
  /** The account's identity assurance level. */
  ial: Ial,
  /** How the account's identity was verified. */
  ialMethod: z.enum(VERIFICATION_METHODS),
  /** The authenticator assurance level of this sign-in. */
  aal: Aal,
  /** How the citizen signed in (RFC 8176). */
  amr: z.array(z.enum(AUTHENTICATION_METHODS)),
  /** Seconds since the epoch when the citizen signed in. */
  authTime: z.int(),
  /** Present when this sign-in came through VNeID. */
  vneidLevel: z.optional(VneidLevelSchema),
});
/** Response of `GET /v1/session/assurance`. */
export type SessionAssuranceView = z.infer<typeof SessionAssuranceSchema>;

/**
 * `POST /v1/session/assurance/check` body: what an operation needs, each part a minimum (`maxAge`:
 * seconds since sign-in). Levels outside their range, or a `maxAge` that is not a whole number from 0
 * to 30 days, are `invalid_type` on the field.
 */
export const AssuranceRequirementSchema = z.object({
  ial: z.optional(Ial),
  aal: z.optional(Aal),
  vneidLevel: z.optional(VneidLevelSchema),
  maxAge: z.optional(z.int(typeRule()).check(z.minimum(0, 'invalid_type'), z.maximum(MAX_AGE_LIMIT_SECONDS, 'invalid_type'))),
});
/** Body of `POST /v1/session/assurance/check`. */
export type AssuranceCheckRequest = z.infer<typeof AssuranceRequirementSchema>;

/**
 * `POST /v1/session/assurance/check` response: whether the session meets the requirement by the
 * service's clock, what it misses (each part with the value asked for; `{}` when it meets it), and the
 * session's assurance as `GET /v1/session/assurance` tells it.
 */
export const AssuranceCheckSchema = z.object({
  meets: z.boolean(),
  missing: z.object({
    ial: z.optional(Ial),
    aal: z.optional(Aal),
    vneidLevel: z.optional(VneidLevelSchema),
    maxAge: z.optional(z.int()),
  }),
  assurance: SessionAssuranceSchema,
});
/** Response of `POST /v1/session/assurance/check`. */
export type AssuranceCheck = z.infer<typeof AssuranceCheckSchema>;
