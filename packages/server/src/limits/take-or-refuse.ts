import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import type { LogFields } from '../log.js';
import { keyedHash } from '../server-keys.js';
import type { LimitBucket } from '../store/send-limits.js';

/** The counter key of one limit for a piece of personal data: a keyed hash, never the value. */
export function limitKey(deps: Pick<AppDeps, 'keys'>, limit: string, kind: 'address' | 'id', value: string): string {
  return `${limit}:${kind}:${keyedHash(deps.keys.logHashKey, `${kind}:${value}`)}`;
}

/**
 * Records one event in every bucket, atomically in the database, or refuses the request with 429
 * `too_many_attempts` and `Retry-After`, logging `event` with `fields` (hashed personal data only).
 *
 * @returns the events recorded, for `sendLimits.giveBack`.
 */
export async function takeOrRefuse(
  deps: Pick<AppDeps, 'store' | 'clock' | 'log'>,
  buckets: readonly LimitBucket[],
  event: string,
  fields: LogFields,
): Promise<readonly string[]> {
  const decision = await deps.store.sendLimits.take(buckets, deps.clock());
  if (decision.ok) return decision.events;
  deps.log.warn(event, { ...fields, retryAfter: decision.retryAfterSeconds });
  throw new ProblemError('too_many_attempts', { retryAfter: decision.retryAfterSeconds });
}
