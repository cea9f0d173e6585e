import type { Context } from 'hono';
import type { AppDeps } from '../app-deps.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import type { FlowKind, FlowRecord } from '../store/flows.js';

/**
 * The flow named in the path, if this portal started it and it has not expired.
 * @throws {ProblemError} `flow_not_found` otherwise (the same answer whichever it is).
 */
export async function findFlow(c: Context<AppEnv>, deps: AppDeps, kind: FlowKind): Promise<FlowRecord> {
  const id = c.req.param('id') ?? '';
  const flow = id.length > 0 && id.length <= 64 ? await deps.store.flows.find(id, kind, c.var.client.id, deps.clock()) : undefined;
  if (!flow) throw new ProblemError('flow_not_found');
  return flow;
}

/**
 * Spends the request's solved human check when the service requires one. `spentByThisRequest`: the
 * request is a retry taking over its own dead first attempt (same `Idempotency-Key`, same body), which
 * may have spent this very solution already; it must still be valid and unexpired.
 * @throws {ProblemError} `human_check_failed` with a field error on `humanCheck`.
 */
export async function requireHumanCheck(deps: AppDeps, payload: string | undefined, options: { spentByThisRequest?: boolean } = {}): Promise<void> {
  if (!deps.config.humanCheck.required) return;
  if (!(await deps.humanCheck.verify(payload, { alreadySpentOk: options.spentByThisRequest ?? false }))) {
    throw new ProblemError('human_check_failed', { errors: [{ field: 'humanCheck', code: payload ? 'invalid_type' : 'required' }] });
  }
}
