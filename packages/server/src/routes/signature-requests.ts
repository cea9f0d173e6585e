import { PATHS } from '@dvc-kit/sdk';
import { StartSignatureRequestSchema } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { limitKey, takeOrRefuse } from '../limits/take-or-refuse.js';
import { SigningRequestError } from '../signatures/providers/errors.js';
import { normalizeHolder } from '../signatures/providers/signing-requests.js';
import { callerOf, flowId } from './edge.js';
import { signatureProblem } from './signature-challenges.js';

const MAX_ID_CHARS = 128;

/**
 * The SIM-signature and remote-signing endpoints, answered only while the service has a provider for
 * `sim_signature` or `remote_signing` (404 `not_found` otherwise):
 *
 * `POST /v1/signature-requests` (201 `{ requestId, expiresAt, pollAfterSeconds }`): asks the method's
 * provider to have the holder sign an open challenge of this portal on their phone; one request per
 * challenge; counted per client address and per holder (`limits.signatureRequests`, 429 with
 * `Retry-After`) before the provider is asked. `GET /v1/signature-requests/{id}` (200): where it stands —
 * a short poll, answered at once; poll again after `pollAfterSeconds` while `pending`.
 * `DELETE /v1/signature-requests/{id}` (200): cancels it while pending, and answers where it stands.
 */
export function signatureRequestRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const requests = deps.signingRequests;
  const offered = () => {
    if (!requests.offers('sim_signature') && !requests.offers('remote_signing')) throw new ProblemError('not_found');
  };
  const requestId = (id: string) => {
    if (id.length === 0 || id.length > MAX_ID_CHARS) throw new ProblemError('not_found');
    return id;
  };

  routes.post(PATHS.signatureRequests, async (c) => {
    offered();
    const { data } = await readBody(c, StartSignatureRequestSchema);
    if (!requests.offers(data.method)) throw new ProblemError('validation_failed', { errors: [{ field: 'method', code: 'method_not_offered' }] });
    const caller = callerOf(c, deps);
    const holder = normalizeHolder(data.holder);
    const limits = deps.config.limits.signatureRequests;
    await takeOrRefuse(deps, [{ key: limitKey(deps, 'signature_request', 'address', caller.address), limits: limits.perAddress }], 'signature_request.address_limited', {
      address: deps.log.hash('address', caller.address),
    });
    await takeOrRefuse(deps, [{ key: limitKey(deps, 'signature_request', 'id', `${holder.kind}:${holder.value}`), limits: limits.perHolder }], 'signature_request.holder_limited', {
      holderKind: holder.kind,
    });
    try {
      const started = await requests.start(deps.store, { challengeId: data.challengeId, method: data.method, holder }, { clientId: caller.client.id, clientName: caller.client.name });
      c.header('Cache-Control', 'no-store');
      return c.json(started, 201);
    } catch (error) {
      throw signingRequestProblem(deps, error);
    }
  });

  routes.get('/v1/signature-requests/:id', async (c) => {
    offered();
    const caller = callerOf(c, deps);
    try {
      const state = await requests.state(deps.store, requestId(flowId(c)), caller.client.id);
      c.header('Cache-Control', 'no-store');
      return c.json(state, 200);
    } catch (error) {
      throw signingRequestProblem(deps, error);
    }
  });

  routes.delete('/v1/signature-requests/:id', async (c) => {
    offered();
    const caller = callerOf(c, deps);
    try {
      const state = await requests.cancel(deps.store, requestId(flowId(c)), caller.client.id);
      c.header('Cache-Control', 'no-store');
      return c.json(state, 200);
    } catch (error) {
      throw signingRequestProblem(deps, error);
    }
  });

  return routes;
}

/**
 * The problem a signing request's refusal is answered with — for these endpoints and for the signing
 * flows that take a request by its id: `provider_refused` (422), `provider_timeout` (410),
 * `provider_unavailable` (503), `not_found` for no such request, `signature_pending` (409) for one
 * the holder has not answered yet, `flow_step` (409) for one cancelled, `method_not_offered` on
 * `method`; a certificate or challenge refusal as `signatureProblem` words it. Anything else is passed on.
 */
export function signingRequestProblem(deps: Pick<AppDeps, 'log' | 'signatures'>, error: unknown): unknown {
  if (!(error instanceof SigningRequestError)) return signatureProblem(deps, error);
  switch (error.code) {
    case 'request_not_found':
      return new ProblemError('not_found');
    case 'request_pending':
      return new ProblemError('signature_pending');
    case 'request_cancelled':
      return new ProblemError('flow_step');
    case 'method_not_offered':
      return new ProblemError('validation_failed', { errors: [{ field: 'method', code: 'method_not_offered' }] });
    default:
      return new ProblemError(error.code);
  }
}
