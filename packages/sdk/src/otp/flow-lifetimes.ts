/**
 * How long each flow lives on the service from its first step, in seconds: a registration or a
 * password recovery 30 minutes, a sign-in, an account change or a lost-phone recovery 15. The service
 * ends a flow then; the widgets warn the citizen before it does (WCAG 2.2.1).
 *
 * @example
 * ```ts
 * const endsAt = startedAt + FLOW_LIFETIME_SECONDS.signIn * 1000;
 * ```
 */
export const FLOW_LIFETIME_SECONDS = Object.freeze({
  registration: 30 * 60,
  signIn: 15 * 60,
  recovery: 30 * 60,
  accountChange: 15 * 60,
  phoneRecovery: 15 * 60,
} as const);
