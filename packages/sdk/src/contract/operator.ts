import * as z from 'zod/mini';
import { IdNumberField, PhoneField } from './fields.js';
import { typeRule } from './type-rule.js';

/**
 * The identity document a counter officer checked in person before replacing a phone: a chip-based
 * CCCD (`cccd_chip`), an older CCCD (`cccd`), a CMND (`cmnd`) or a passport (`passport`).
 */
export const DocumentTypeSchema = z.enum(['cccd_chip', 'cccd', 'cmnd', 'passport'], typeRule());
/** The identity document a counter officer checked in person. */
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** An officer's id or name as the counter system knows it: printable, one line. */
const officerText = (max: number) =>
  z.string(typeRule()).check(
    z.minLength(1, 'required'),
    z.maxLength(max, 'too_long'),
    // Control characters and line breaks would let a value forge lines in an exported audit.
    z.refine((value) => !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(value), 'invalid_type'),
  );

/**
 * `POST /operator/v1/phone-replacements` (operator credential, never a portal's): a one-stop counter
 * officer replaces the phone of an account after checking the citizen's identity document in person.
 * The phone is replaced, every session of the account ends and an audit entry naming the officer is
 * written, all in one transaction; the new phone gets a notice text.
 */
export const PhoneReplacementSchema = z.object({
  /** The account's ID number (CCCD or CMND), as on the document checked. */
  idNumber: IdNumberField,
  /** The new mobile number; it must differ from the account's (`unchanged`). */
  phone: PhoneField,
  /** The officer's own id in the counter's system (recorded in the audit log). */
  officerId: officerText(64),
  /** The officer's full name (recorded in the audit log). */
  officerName: officerText(200),
  /** What the officer checked in person. */
  evidence: z.object({
    documentType: DocumentTypeSchema,
    /**
     * A short note (at most 200 characters), e.g. "đối chiếu ảnh, khớp". The audit log never holds a
     * document or phone number: the service masks any run of 9 or more digits before storing it.
     */
    note: z.optional(
      z.string(typeRule()).check(
        z.maxLength(200, 'too_long'),
        z.refine((value) => !/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(value), 'invalid_type'),
      ),
    ),
  }),
});
/** Body of `POST /operator/v1/phone-replacements`. */
export type PhoneReplacementRequest = z.infer<typeof PhoneReplacementSchema>;

/** `POST /operator/v1/phone-replacements` response (200). */
export const PhoneReplacedSchema = z.object({
  /** The account's subject identifier (the `sub` of its tokens), for the audit look-up. */
  accountSub: z.string(),
  /** The account's phone now, masked, e.g. `097****398`. */
  maskedPhone: z.string(),
  /** How many sessions of the account ended, on every portal. */
  sessionsEnded: z.number(),
  /** The audit entry written with the change. */
  auditId: z.string(),
});
/** Response of `POST /operator/v1/phone-replacements`. */
export type PhoneReplaced = z.infer<typeof PhoneReplacedSchema>;

/** One entry of the operator audit log: who did what to which account, on what evidence, when, from where. */
export const AuditEntrySchema = z.object({
  id: z.string(),
  /** What was done; `phone_replaced` today. */
  action: z.literal('phone_replaced'),
  accountSub: z.string(),
  /** The operator credential the call came with. */
  operatorId: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  documentType: DocumentTypeSchema,
  note: z.nullable(z.string()),
  /** Keyed hashes of the old and new phone (never the numbers): equal hashes mean the same number. */
  oldPhoneHash: z.string(),
  newPhoneHash: z.string(),
  at: z.iso.datetime(),
  /** The network address the call came from. */
  address: z.string(),
});
/** One entry of the operator audit log. */
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `GET /operator/v1/audit?accountSub=…` response: the account's entries, newest first. */
export const AuditListSchema = z.object({ entries: z.array(AuditEntrySchema) });
/** Response of `GET /operator/v1/audit`. */
export type AuditList = z.infer<typeof AuditListSchema>;
