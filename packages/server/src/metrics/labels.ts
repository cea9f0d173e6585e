// Label values of the service's metrics. A label value is either a fixed word of the code or `other`:
// these guards are the last line against personal data or flow ids becoming a label (and against an
// unbounded number of series), whatever a log line happens to carry.

const OTHER = 'other';
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const EVENT = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const WORD = /^[a-z][a-z0-9_]{0,31}$/;
const ROUTE_CHARACTERS = /^(\*|\/[A-Za-z0-9/_:.*-]*)$/;
const DIGIT_RUN = /\d{6,}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const LIMIT_EVENT = /[._](limited|throttled|limit_hit)$/;
const OUTCOMES: Readonly<Record<string, string>> = {
  'sign_in.completed': 'success',
  'sign_in.failed': 'invalid_credentials',
  'sign_in.password_ok': 'password_accepted',
};

/** A log event name as a label: the name itself when it has the shape of one (`sign_in.completed`). */
export function eventLabel(event: string): string {
  return event.length <= 64 && EVENT.test(event) ? event : OTHER;
}

/** A short word from a log field (a purpose, a register's name), or `other`. */
export function shortLabel(value: unknown): string {
  return typeof value === 'string' && WORD.test(value) ? value : OTHER;
}

/** An HTTP method, or `other` for anything unusual. */
export function methodLabel(value: unknown): string {
  return typeof value === 'string' && METHODS.has(value) ? value : OTHER;
}

/**
 * A route template (`/v1/sign-ins/:id/otp/verify`, `/v1/*` for an unknown path), or `other` when the
 * value does not look like one: a concrete path holding an id is never let through.
 */
export function routeLabel(value: unknown): string {
  if (typeof value !== 'string' || value.length > 128 || !ROUTE_CHARACTERS.test(value)) return OTHER;
  return DIGIT_RUN.test(value) || UUID.test(value) ? OTHER : value;
}

/** `2xx`, `4xx`, … from a status code. */
export function statusClass(value: unknown): string {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599 ? `${Math.floor(value / 100)}xx` : OTHER;
}

/**
 * The limit a log event reports being hit, named by the event (`otp.rate_limited`,
 * `sign_in.throttled`); any event ending in `limited` (`.rate_limited`, `_rate_limited`), `throttled` or `limit_hit`
 * counts, so a new limit is counted as soon as it logs.
 */
export function limitName(event: string): string | undefined {
  return LIMIT_EVENT.test(event) ? event : undefined;
}

/** The outcome word of a flow event: `sign_in.failed` → `invalid_credentials`, else the part after the first dot. */
export function outcomeOf(event: string): string {
  return OUTCOMES[event] ?? event.slice(event.indexOf('.') + 1);
}
