import type { Context } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { Caller, StepCommit } from '../flows/caller.js';
import { clientAddress } from '../http/client-address.js';
import type { AppEnv } from '../http/env.js';
import type { HeldKey, JsonResult } from '../http/idempotency.js';

/** The flows' view of a request: its portal and the caller's address. */
export function callerOf(c: Context<AppEnv>, deps: Pick<AppDeps, 'config'>): Caller {
  return { client: c.var.client, address: clientAddress(c, deps.config.trustProxy) };
}

/**
 * Hands a flow step the `Idempotency-Key` it runs under: the step's result, answered with `status`,
 * is stored in the step's own transaction.
 */
export function answerWith<T>(held: HeldKey, status: JsonResult['status']): StepCommit<T> {
  return { takenOver: held.takenOver, alongside: (tx, body) => held.storeAnswer(tx, { status, body }) };
}

/** The `:id` path parameter naming a flow (empty when absent, which no flow has). */
export function flowId(c: Context<AppEnv>): string {
  return c.req.param('id') ?? '';
}
