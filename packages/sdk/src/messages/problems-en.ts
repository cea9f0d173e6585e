import type { ProblemCode } from './codes.js';
import { localProblemsEn } from './problems-local-en.js';

/**
 * English text of every problem code. In a module of its own, apart from {@link rulesEn}: `DvcError`
 * needs these for its `message`, and a browser bundle that speaks Vietnamese need not carry the rest.
 */
export const problemsEn: Readonly<Record<ProblemCode, string>> = {
  ...localProblemsEn,
  validation_failed: 'Some details are not valid. Please check the marked fields.',
  origin_not_allowed: 'This page is not allowed to call the identity service.',
  body_too_large: 'The request sent to the identity service is too large.',
  unsupported_media_type: 'The identity service only accepts JSON (application/json).',
  carrier_mismatch: 'Your details do not match the subscriber record at your mobile carrier. Please check your ID number, full name, date of birth and phone number.',
  bhxh_mismatch: 'The details you declared do not match the social insurance database, so the account cannot be registered. Please check your ID number, social insurance code, full name and date of birth.',
  phone_recovery_unconfirmed: 'Details not confirmed. You may take your ID card to a one-stop counter to change the phone.',
  cccd_already_added: 'This account already signs in with a 12-digit CCCD; only an account registered with a 9-digit CMND needs its CCCD added.',
  cccd_in_use: 'This CCCD number already has another account. Please sign in with that CCCD or choose “Forgot password”.',
  account_not_found: 'No such account.',
  invalid_credentials: 'The ID number or password is incorrect.',
  too_many_attempts: 'Too many attempts. Please try again in {seconds} seconds.',
  otp_invalid: 'The code is incorrect. Please check the message and try again.',
  otp_attempts_exceeded: 'Too many wrong codes. Please choose “Resend code”.',
  otp_resend_too_soon: 'Please wait {seconds} seconds before asking for a new code.',
  otp_rate_limited: 'Too many codes were sent to this number. Please try again in {seconds} seconds.',
  flow_step: 'This step is not available yet. Please finish the previous step.',
  idempotency_conflict: 'This request was already sent with different content.',
  unauthorized: 'Please sign in to continue.',
  client_mismatch: 'This session belongs to another public-service portal; sign out from that portal.',
  insufficient_user_authentication: 'This service needs a higher assurance or sign-in level. Please verify further to continue.',
  registry_unavailable: 'The verification register is busy. Please try again in a few minutes.',
  passkey_not_found: 'This passkey is not on the account.',
  passkey_verification_failed: 'The passkey could not be verified. Please try again or use the code.',
  passkey_already_added: 'This passkey is already on the account.',
  passkey_limit_reached: 'The account has as many passkeys as allowed. Please remove one before adding another.',
  recent_sign_in_required: 'To add a passkey, please sign in again and do it straight away.',
  already_ial3: 'This account is already verified at the high level (IAL3); there is nothing to upgrade.',
  sms_unavailable: 'We could not send the text message. Please try again in a few minutes.',
  cert_expired: 'The digital certificate has expired. Please renew it or use another certificate.',
  cert_not_yet_valid: 'The digital certificate is not valid yet. Please check the date and time or use another certificate.',
  cert_revoked: 'The digital certificate has been revoked. Please contact your certification service provider.',
  cert_untrusted: 'The digital certificate was not issued by a certification authority trusted for this kind of account.',
  cert_key_usage: 'This certificate cannot be used for digital signatures. Please choose a signing certificate.',
  signature_mismatch: 'The signature does not match the certificate and the content to sign. Please sign again.',
  subject_mismatch: 'The details in the certificate do not match the ID number or tax code you gave.',
  challenge_expired: 'The signing request has expired. Please start signing again.',
  challenge_used: 'This signing request has already been used. Please start signing again.',
  revocation_unavailable: 'We could not check whether the certificate has been revoked. Please try again in a few minutes.',
};
