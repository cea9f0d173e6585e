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
  sms_unavailable: 'We could not send the text message. Please try again in a few minutes.',
};
