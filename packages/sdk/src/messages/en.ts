import type { FieldRule } from './codes.js';
import { localRulesEn } from './rules-local-en.js';

export { problemsEn } from './problems-en.js';
export { localProblemsEn } from './problems-local-en.js';
export { localRulesEn } from './rules-local-en.js';

/** English text of every field rule. */
export const rulesEn: Readonly<Record<FieldRule, string>> = {
  ...localRulesEn,
  too_long: 'The value is too long.',
  unchanged: 'The new value is the same as the account’s current one.',
  subject_type: 'This kind of applicant is not valid.',
  method_not_offered: 'This portal does not offer the verification method you chose. Please choose another one.',
  password_guessable: 'This password is easy to guess (a common word or password with only capitals, substitutions or digits added). Choose a longer phrase that is harder to guess.',
  password_reused: 'The new password must differ from your last 5 passwords.',
  certificate_format: 'The certificate cannot be read (PEM, or DER in base64, is expected).',
  exactly_one: 'Send only one of the two: the signature or the signing request id.',
  method_mismatch: 'The method chosen does not match the signature sent.',
};
