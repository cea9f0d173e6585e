import type { LocalProblemCode } from './codes.js';

/**
 * English text of the problems a browser client tells without the service's word: no answer
 * (`network`, `timeout`), a cancelled or unreadable call, a flow whose time ran out on the page, a human
 * check that could not be solved, a code that expired while the citizen looked at it. The service words
 * every other problem itself, in the language asked (its `detail`), so a widget needs only these.
 * {@link problemsEn} holds them too.
 */
export const localProblemsEn: Readonly<Record<LocalProblemCode, string>> = {
  network: 'Cannot reach the identity service. Please check your connection.',
  timeout: 'The identity service took too long to answer. Please try again.',
  aborted: 'The request was cancelled.',
  internal: 'Something went wrong. Please try again later.',
  not_found: 'Not found.',
  unknown_client: 'This portal is not registered with the identity service.',
  flow_not_found: 'This session has expired or does not exist. Please start again.',
  otp_expired: 'The code has expired. Please choose “Resend code”.',
  human_check_failed: 'We could not confirm you are not a robot. Please try again.',
  account_exists: 'This ID number already has an account. Please sign in or choose “Forgot password”.',
};
