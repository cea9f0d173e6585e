import { birthYearAgrees, parseBhxhCode, parseBirthDate, parseFullName, parseIdNumber, parsePhone, type StartPhoneRecoveryRequest } from '@dvc-kit/sdk';
import type { FieldProblem } from '../shared/feedback.js';

/** The details form, read: the request when every field passes the SDK's checks, else each field's problem. */
export type PhoneRecoveryReading =
  | { readonly ok: true; readonly body: Omit<StartPhoneRecoveryRequest, 'humanCheck'> }
  | { readonly ok: false; readonly fields: Record<string, FieldProblem> };

/**
 * Reads the lost-phone details with the SDK's parsers (the rules the service applies): ID number,
 * BHXH code, full name, date of birth (its year agreeing with the CCCD) and the new phone. Pure;
 * `today` bounds the dates.
 */
export function readPhoneRecoveryDetails(data: FormData, today: Date): PhoneRecoveryReading {
  const text = (name: string) => String(data.get(name) ?? '');
  const fields: Record<string, FieldProblem> = {};
  const idNumber = parseIdNumber(text('idNumber'), today);
  if (!idNumber.ok) fields.idNumber = { rule: idNumber.rule };
  const bhxhCode = parseBhxhCode(text('bhxhCode'));
  if (!bhxhCode.ok) fields.bhxhCode = { rule: bhxhCode.rule };
  const fullName = parseFullName(text('fullName'));
  if (!fullName.ok) fields.fullName = { rule: fullName.rule };
  const birthDate = parseBirthDate(text('birthDate'), today);
  if (!birthDate.ok) fields.birthDate = { rule: birthDate.rule };
  else if (!birthYearAgrees(idNumber, birthDate)) fields.birthDate = { rule: 'id_number_birth_year' };
  const phone = text('phone').trim();
  const parsedPhone = parsePhone(phone);
  if (!parsedPhone.ok) fields.phone = 'params' in parsedPhone ? { rule: parsedPhone.rule, params: parsedPhone.params } : { rule: parsedPhone.rule };
  if (!idNumber.ok || !bhxhCode.ok || !fullName.ok || !birthDate.ok || Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, body: { idNumber: idNumber.value, bhxhCode: bhxhCode.value, fullName: fullName.value, birthDate: birthDate.iso, phone } };
}
