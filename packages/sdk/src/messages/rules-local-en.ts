import type { LocalFieldRule } from './codes.js';

/**
 * English text of the field rules a browser client checks on its own (the SDK's checks of ID numbers, tax codes,
 * phones, dates, names and passwords, a missing field, the code's format), with `invalid_type` for any
 * rule without a text. The service words the rules only it applies (its field errors' `message`, in the
 * language asked), so a widget needs only these. {@link rulesEn} holds them too.
 */
export const localRulesEn: Readonly<Record<LocalFieldRule, string>> = {
  required: 'Please fill this in.',
  invalid_type: 'The value has the wrong type.',
  id_number_format: 'An ID number has 12 digits (CCCD) or 9 digits (CMND).',
  id_number_province: 'The first three digits of a CCCD number must be the code of the province or city where the birth was registered; please check it.',
  id_number_century: 'Digits 4 to 6 of the CCCD number give a birth year still to come; please check it.',
  id_number_birth_year: 'The year of birth does not match the one in the personal ID number (digits 4 to 6).',
  id_number_sex: 'The sex does not match the one in the personal ID number (digit 4).',
  id_number_cccd: 'Please enter the 12-digit CCCD number (not the 9-digit CMND number).',
  phone_format: 'A mobile number has 10 digits and starts with 0 (for example 0971234398).',
  phone_carrier: 'This prefix does not belong to a Vietnamese mobile carrier.',
  phone_converted: 'Numbers of 11 digits were converted to 10 digits in 2018. Your number is now {suggestion}.',
  date_format: 'Enter the date as dd/mm/yyyy (for example 05/09/1990).',
  date_invalid: 'This date does not exist.',
  date_future: 'A date of birth cannot be in the future.',
  date_too_old: 'This date of birth is not valid.',
  name_characters: 'A full name has only letters, spaces, apostrophes and hyphens.',
  name_script: 'The full name must be written in one script (do not mix Latin letters with letters of another script).',
  name_control: 'The full name must not contain line breaks or control characters.',
  name_length: 'A full name has 2 to 100 characters.',
  email_format: 'This e-mail address is not valid (for example name@example.vn).',
  bhxh_format: 'A social insurance code has 10 digits.',
  tax_code_format: 'A tax code has 10 digits, or 10 digits, “-” and 3 digits for a branch.',
  otp_format: 'The code has 6 digits.',
  consent_required: 'You need to agree to the personal data processing terms.',
  password_min_length: 'At least {min} characters',
  password_max_length: 'At most {max} characters',
  password_lower: 'A lower-case letter (a–z)',
  password_upper: 'An upper-case letter (A–Z)',
  password_digit: 'A digit (0–9)',
  password_special: 'A special character (for example @ # $ !)',
  password_control: 'The password must not contain line breaks or control characters.',
  password_common: 'This password is too common and easy to guess.',
  password_personal_data: 'The password must not contain your ID number, phone, birth date or name.',
  password_mismatch: 'The passwords do not match.',
};
