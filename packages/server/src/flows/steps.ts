import { randomBytes } from 'node:crypto';
import type { OtpChallenge } from '@dvc-kit/sdk';
import type { AppDeps } from '../app-deps.js';
import { ProblemError } from '../http/problem.js';
import type { IssuedCode } from '../otp/one-time-codes.js';
import type { FlowKind, FlowRecord } from '../store/flows.js';
import type { Caller } from './caller.js';

/** What a new flow carries beside what every flow has (id, portal, first state, times). */
export type NewFlowFields = Omit<FlowRecord, 'id' | 'clientId' | 'state' | 'createdAt' | 'expiresAt'>;

/**
 * A new flow waiting for its first code (`code_sent`): a random id of 128 bits, the calling portal,
 * and an end `lifetimeSeconds` from now. Not yet stored.
 */
export function newCodeFlow(deps: Pick<AppDeps, 'clock'>, caller: Caller, lifetimeSeconds: number, fields: NewFlowFields): FlowRecord {
  const now = deps.clock();
  return {
    id: randomBytes(16).toString('base64url'),
    clientId: caller.client.id,
    state: 'code_sent',
    createdAt: now,
    expiresAt: new Date(now.getTime() + lifetimeSeconds * 1000),
    ...fields,
  };
}

/**
 * The flow with this id, if this portal started it and it has not expired.
 * @throws {ProblemError} `flow_not_found` otherwise (the same answer whichever it is).
 */
export async function findFlow(deps: AppDeps, caller: Caller, id: string, kind: FlowKind): Promise<FlowRecord> {
  const flow = id.length > 0 && id.length <= 64 ? await deps.store.flows.find(id, kind, caller.client.id, deps.clock()) : undefined;
  if (!flow) throw new ProblemError('flow_not_found');
  return flow;
}

/**
 * The flow with this id, waiting for the code sent by SMS (state `code_sent`).
 * @throws {ProblemError} `flow_not_found`, or `flow_step` when the flow is past that step.
 */
export async function findFlowAwaitingCode(deps: AppDeps, caller: Caller, id: string, kind: FlowKind): Promise<FlowRecord> {
  const flow = await findFlow(deps, caller, id, kind);
  if (flow.state !== 'code_sent') throw new ProblemError('flow_step');
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

/**
 * Stores a new flow and sends its first SMS code, bound to the flow's kind. When the SMS cannot be
 * sent the flow is removed again, so a failed start leaves nothing to resume.
 *
 * @throws {ProblemError} `otp_rate_limited` or `sms_unavailable`, as `OneTimeCodes` raises them.
 */
export async function startCodeFlow(deps: AppDeps, caller: Caller, flow: FlowRecord): Promise<IssuedCode> {
  const { store, codes } = deps;
  const issued = await store.transaction(async (tx) => {
    await tx.flows.create(flow);
    return codes.issue(tx, flow, flow.kind, caller.address);
  });
  try {
    await codes.deliver(issued);
  } catch (error) {
    await store.flows.delete(flow.id);
    throw error;
  }
  return issued;
}

/**
 * "Gửi lại OTP" for a flow waiting for its code: a new code replaces the old one, and the answer
 * shows where it went.
 * @throws {ProblemError} `flow_not_found`, `flow_step`, `otp_resend_too_soon`, `otp_rate_limited`, `sms_unavailable`.
 */
export async function resendCode(deps: AppDeps, caller: Caller, id: string, kind: FlowKind): Promise<OtpChallenge> {
  const flow = await findFlowAwaitingCode(deps, caller, id, kind);
  const challenge = await deps.codes.resend(flow, kind, caller.address);
  return deps.codes.view(challenge);
}
