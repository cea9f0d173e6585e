import { birthYearAgrees, isEmail, parseBhxhCode, parseBirthDate, parseFullName, parseIdNumber, parsePhone, parseTaxCode, type StartRegistrationRequest, type SubjectType, type VerificationMethod } from '@dvc-kit/sdk';
import type { HumanCheckOutcome } from '../shared/human-check-step.js';
import type { FieldProblem } from '../shared/feedback.js';
import type { RegistrationDetails } from './state.js';
import { isSignatureMethod } from './choices.js';

/** The details step's form, read: the details when every field passes the SDK's checks, else each field's problem. */
export type DetailsReading =
  | { readonly ok: true; readonly details: RegistrationDetails; readonly consent: boolean }
  | { readonly ok: false; readonly fields: Record<string, FieldProblem> };

/**
 * Reads the details form with the SDK's parsers (the rules the service applies): ID number, the BHXH
 * code when registering by social insurance (`method: 'bhxh'`, pasted separators and invisible
 * characters read through), full name, date of birth (and that its year agrees with the CCCD), phone,
 * optional email, consent (unless `consent` is false: lost-phone recovery reads the same details without it).
 * An enterprise (`subjectType`) gives its tax code instead of the ID number, and neither it nor an agency
 * officer a date of birth; by a signature no one types a name (the certificate gives it).
 * Pure; `today` bounds the dates.
 */
export function readDetails(data: FormData, today: Date, method: VerificationMethod = 'mobile', consent = true, subjectType: SubjectType = 'citizen'): DetailsReading {
  const text = (name: string) => String(data.get(name) ?? '');
  const fields: Record<string, FieldProblem> = {};
  const citizen = subjectType === 'citizen';
  const idNumber = parseIdNumber(text('idNumber'), today);
  // An enterprise is known by its tax code, a citizen or an agency officer by the ID number.
  const number = subjectType === 'enterprise' ? parseTaxCode(text('taxCode')) : idNumber;
  if (!number.ok) fields[subjectType === 'enterprise' ? 'taxCode' : 'idNumber'] = number;
  const bhxh = method === 'bhxh' ? parseBhxhCode(text('bhxhCode')) : undefined;
  if (bhxh && !bhxh.ok) fields.bhxhCode = bhxh;
  // By a signature the certificate names the holder: no name is typed (`fullName` stays empty until then).
  const fullName = isSignatureMethod(method) ? ({ ok: true, value: '' } as const) : parseFullName(text('fullName'));
  if (!fullName.ok) fields.fullName = fullName;
  const birthDate = citizen ? parseBirthDate(text('birthDate'), today) : ({ ok: true, iso: '' } as const);
  if (!birthDate.ok) fields.birthDate = birthDate;
  else if (citizen && !birthYearAgrees(idNumber, birthDate)) fields.birthDate = { rule: 'id_number_birth_year' };
  const phone = text('phone').trim();
  const parsedPhone = parsePhone(phone);
  // A refused parse is the field's problem as it stands: its rule, and its params when it has them.
  if (!parsedPhone.ok) fields.phone = parsedPhone;
  const email = text('email').trim();
  if (email && !isEmail(email)) fields.email = { rule: 'email_format' };
  if (consent && !data.has('consent')) fields.consentVersion = { rule: 'consent_required' };
  if (!number.ok || !fullName.ok || !birthDate.ok || Object.keys(fields).length) return { ok: false, fields };
  const details = { subjectType, idNumber: number.value, fullName: fullName.value, birthDate: birthDate.iso, phone, ...(email ? { email } : {}), ...(bhxh?.ok ? { bhxhCode: bhxh.value } : {}) };
  return { ok: true, details, consent };
}

/** The registration request the details step sends, or every field's problem (the human check's too). */
export type DetailsSubmission =
  | { readonly ok: true; readonly details: RegistrationDetails; readonly body: StartRegistrationRequest }
  | { readonly ok: false; readonly fields: Record<string, FieldProblem> };

/** Puts the read details, the consent version and the human check's solution into one request: by social insurance when they carry a BHXH code. */
export function detailsSubmission(reading: DetailsReading, humanCheck: HumanCheckOutcome, consentVersion: string): DetailsSubmission {
  if (!reading.ok || humanCheck.problem) {
    const fields = reading.ok ? {} : reading.fields;
    return { ok: false, fields: humanCheck.problem ? { ...fields, humanCheck: humanCheck.problem } : fields };
  }
  const { details } = reading;
  const { bhxhCode, ...person } = details;
  const common = { ...person, subjectType: 'citizen', consentVersion, ...humanCheck.body } as const;
  return { ok: true, details, body: bhxhCode === undefined ? { ...common, method: 'mobile' } : { ...common, method: 'bhxh', bhxhCode } };
}
