import type { Context, Handler } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { clientAddress } from '../http/client-address.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import type { IssuedCode } from '../otp/one-time-codes.js';
import type { FlowKind, FlowRecord } from '../store/flows.js';
import { findFlow } from './flow-lookup.js';

/**
 * Stores a new registration or sign-in and sends its first SMS code, bound to the flow's kind. When
 * the SMS cannot be sent the flow is removed again, so a failed start leaves nothing to resume.
 *
 * @throws {ProblemError} `otp_rate_limited` or `sms_unavailable`, as `OneTimeCodes` raises them.
 */
export async function startCodeFlow(c: Context<AppEnv>, deps: AppDeps, flow: FlowRecord): Promise<IssuedCode> {
  const { store, codes, config } = deps;
  const issued = await store.transaction(async (tx) => {
    await tx.flows.create(flow);
    return codes.issue(tx, flow, flow.kind, clientAddress(c, config.trustProxy));
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
 * The flow named in the path, waiting for the code sent by SMS (state `code_sent`).
 * @throws {ProblemError} `flow_not_found`, or `flow_step` when the flow is past that step.
 */
export async function findFlowAwaitingCode(c: Context<AppEnv>, deps: AppDeps, kind: FlowKind): Promise<FlowRecord> {
  const flow = await findFlow(c, deps, kind);
  if (flow.state !== 'code_sent') throw new ProblemError('flow_step');
  return flow;
}

/**
 * The handler of `POST …/:id/otp/resend` ("Gửi lại OTP") for a kind of flow: a new code replaces the
 * old one and the citizen is shown where it went, `200 {"otp": …}`.
 *
 * @example
 * ```ts
 * routes.post('/v1/sign-ins/:id/otp/resend', resendCode(deps, 'sign_in'));
 * ```
 */
export function resendCode(deps: AppDeps, kind: FlowKind): Handler<AppEnv> {
  return async (c) => {
    const flow = await findFlowAwaitingCode(c, deps, kind);
    const challenge = await deps.codes.resend(flow, kind, clientAddress(c, deps.config.trustProxy));
    return c.json({ otp: deps.codes.view(challenge) }, 200);
  };
}
