import * as z from 'zod/mini';
import { parseBirthDate } from '../identity/birth-date.js';
import { parseBhxhCode } from '../identity/bhxh.js';
import { isEmail } from '../identity/email.js';
import { parseFullName } from '../identity/name.js';
import { parseIdNumber } from '../identity/id-number.js';
import { parsePhone } from '../identity/phone.js';
import { isOtpCode } from '../otp/timing.js';
import type { FieldRule } from '../messages/codes.js';
import { typeRule } from './type-rule.js';

type Parsed = { ok: true } | { ok: false; rule: string; params?: Readonly<Record<string, string | number>> };

/** A string field whose rule is one of the SDK's identity parsers; the issue message is the rule. */
function ruled(parse: (value: string) => Parsed, maxLength: number) {
  return z.string(typeRule()).check(
    z.maxLength(maxLength, 'too_long' satisfies FieldRule),
    z.superRefine((value, ctx) => {
      const result = parse(value);
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.rule, input: value, ...(result.params ? { params: result.params } : {}) });
    }),
  );
}

function predicate(test: (value: string) => boolean, rule: FieldRule): (value: string) => Parsed {
  return (value) => (value === '' ? { ok: false, rule: 'required' } : test(value) ? { ok: true } : { ok: false, rule });
}

/** A 12-digit CCCD or 9-digit CMND number, spaces allowed between groups. */
export const IdNumberField = ruled(parseIdNumber, 32);
/**
 * A 12-digit CCCD (personal identification number) and only that: a 9-digit CMND is refused as
 * `id_number_cccd`; the province and century digits are checked as for {@link IdNumberField}.
 */
export const CccdField = ruled((value) => {
  const parsed = parseIdNumber(value);
  return parsed.ok && parsed.kind !== 'cccd' ? { ok: false, rule: 'id_number_cccd' } : parsed;
}, 32);
/** A Vietnamese mobile number in national or E.164 form. */
export const PhoneField = ruled(parsePhone, 32);
/** A date of birth, `yyyy-mm-dd` on the wire (`dd/mm/yyyy` also read). */
export const BirthDateField = ruled((value) => parseBirthDate(value), 10);
/** A full name with its diacritics. */
export const FullNameField = ruled(parseFullName, 200);
/**
 * An e-mail address. The field is optional where it appears, so an empty one is a malformed address
 * (`email_format`: leave the key out instead), never "required".
 */
export const EmailField = ruled((value) => (isEmail(value) ? { ok: true } : { ok: false, rule: 'email_format' }), 254);
/** A 10-digit social insurance code, separators and pasted invisible characters allowed. */
export const BhxhField = ruled(parseBhxhCode, 32);
/**
 * The version of the personal-data consent text the citizen agreed to (Decree 13/2023), as
 * `GET /v1/config` names it: registration and lost-phone recovery both send it. Empty is
 * `consent_required`; the service refuses a version other than the one in force with the same rule.
 */
export const ConsentVersionField = z.string(typeRule()).check(z.minLength(1, 'consent_required' satisfies FieldRule), z.maxLength(32, 'too_long' satisfies FieldRule));
/** A 6-digit one-time code. */
export const OtpCodeField = ruled(predicate(isOtpCode, 'otp_format'), 6);
/**
 * A password as typed. Length is capped generously here (4 × 128 code points in UTF-16) so the
 * policy check, not the schema, gives the precise `password_max_length` answer.
 */
export const PasswordField = z.string(typeRule()).check(z.minLength(1, 'required'), z.maxLength(1024, 'password_max_length'));
