import type { Context } from 'hono';
import type { Clock } from '../config.js';
import { keyedHash } from '../server-keys.js';
import type { Store } from '../store/store.js';
import type { AppEnv } from './env.js';
import { ProblemError } from './problem.js';

/** A JSON answer a route produced. */
export interface JsonResult {
  readonly status: 200 | 201;
  readonly body: unknown;
}

/** How long an `Idempotency-Key` answer is kept. */
export const IDEMPOTENCY_KEEP_SECONDS = 24 * 3600;

const WAIT_STEP_MS = 50;
const WAIT_LIMIT_MS = 10_000;

/**
 * Runs a state-changing route under the `Idempotency-Key` the caller sent, if any: the first request
 * with a key does the work and its successful answer is stored; a repeat with the same key and body
 * gets that answer again (a parallel repeat waits for it); the same key with another body is refused
 * with 422 `idempotency_conflict`. A failed request stores nothing, so it can be retried.
 */
export async function idempotent(
  c: Context<AppEnv>,
  deps: { store: Store; clock: Clock; hashKey: string },
  raw: string,
  work: () => Promise<JsonResult>,
): Promise<Response> {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) return send(c, await work());
  if (key.length < 1 || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new ProblemError('validation_failed', { errors: [{ field: 'Idempotency-Key', code: 'invalid_type' }] });
  }
  const scope = { clientId: c.var.client.id, route: `${c.req.method} ${c.req.path}`, key };
  // Keyed, so the stored fingerprint of a body holding a password reveals nothing without the key.
  const requestHash = keyedHash(deps.hashKey, `${scope.route}\n${raw}`);
  const started = Date.now();
  for (;;) {
    const reservation = await deps.store.idempotency.reserve(scope, requestHash, deps.clock(), IDEMPOTENCY_KEEP_SECONDS);
    if (reservation.state === 'conflict') throw new ProblemError('idempotency_conflict');
    if (reservation.state === 'replay') {
      return new Response(reservation.body, {
        status: reservation.status,
        headers: { 'Content-Type': 'application/json; charset=utf-8', 'Idempotent-Replayed': 'true' },
      });
    }
    if (reservation.state === 'new') break;
    if (Date.now() - started > WAIT_LIMIT_MS) throw new ProblemError('idempotency_conflict');
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  let result: JsonResult;
  try {
    result = await work();
  } catch (error) {
    await deps.store.idempotency.release(scope);
    throw error;
  }
  await deps.store.idempotency.complete(scope, result.status, JSON.stringify(result.body));
  return send(c, result);
}

function send(c: Context<AppEnv>, result: JsonResult): Response {
  return c.json(result.body as object, result.status);
}
