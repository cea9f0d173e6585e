import { PATHS } from '@dvc-kit/sdk';
import { CertificatePreviewRequestSchema, StartSignatureChallengeSchema } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { readBody } from '../http/body.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { limitKey, takeOrRefuse } from '../limits/take-or-refuse.js';
import { SignatureError } from '../signatures/errors.js';
import { callerOf, flowId } from './edge.js';

/**
 * The signature-challenge endpoints, answered only while the service offers a signature method
 * (`signatures.methods`; 404 `not_found` otherwise):
 *
 * `POST /v1/signature-challenges` (201): a challenge for a certificate of a subject type to sign, for
 * one operation, bound to the portal; refused (400 `method_not_offered` on `subjectType`) for a subject
 * type without trust anchors. `POST /v1/signature-challenges/{id}/certificate` (200): what the
 * certificate says, after the checks a signature would get — a preview; the challenge stays unused
 * until a signing flow verifies a signature over it (`verifySignedChallenge`). Both count against the
 * caller's address (`limits.signatureChallenges`), before any CRL is fetched.
 */
export function signatureChallengeRoutes(deps: AppDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const offered = () => {
    if (deps.config.signatures.methods.length === 0) throw new ProblemError('not_found');
  };
  const countAddress = (address: string) =>
    takeOrRefuse(deps, [{ key: limitKey(deps, 'signature', 'address', address), limits: deps.config.limits.signatureChallenges.perAddress }], 'signature.address_limited', {
      address: deps.log.hash('address', address),
    });

  routes.post(PATHS.signatureChallenges, async (c) => {
    offered();
    const { data } = await readBody(c, StartSignatureChallengeSchema);
    if (!deps.signatures.accepts(data.subjectType)) throw new ProblemError('validation_failed', { errors: [{ field: 'subjectType', code: 'method_not_offered' }] });
    const caller = callerOf(c, deps);
    await countAddress(caller.address);
    const challenge = await deps.signatures.issueChallenge(deps.store, { ...data, clientId: caller.client.id });
    deps.log.info('signature.challenge_issued', { operation: data.operation, subjectType: data.subjectType, client: caller.client.id });
    c.header('Cache-Control', 'no-store');
    return c.json(challenge, 201);
  });

  routes.post('/v1/signature-challenges/:id/certificate', async (c) => {
    offered();
    const { data } = await readBody(c, CertificatePreviewRequestSchema);
    const caller = callerOf(c, deps);
    await countAddress(caller.address);
    try {
      const challenge = await deps.signatures.openChallenge(deps.store, flowId(c), caller.client.id);
      const { details } = await deps.signatures.inspect(data, challenge.subjectType, { idNumber: data.idNumber, taxCode: data.taxCode });
      c.header('Cache-Control', 'no-store');
      return c.json({ challengeId: challenge.id, subjectType: challenge.subjectType, certificate: details }, 200);
    } catch (error) {
      throw signatureProblem(deps, error);
    }
  });

  return routes;
}

/** The problem a refused certificate or signature is answered with (anything else is passed on). */
export function signatureProblem(deps: Pick<AppDeps, 'log' | 'signatures'>, error: unknown): unknown {
  if (!(error instanceof SignatureError)) return error;
  deps.log.info('signature.refused', { code: error.code, ...(error.code === 'revocation_unavailable' ? { crl: deps.signatures.lastCrlMiss ?? 'unknown' } : {}) });
  if (error.code === 'challenge_not_found') return new ProblemError('not_found');
  if (error.code === 'certificate_format') return new ProblemError('validation_failed', { errors: [{ field: error.field ?? 'certificate', code: 'certificate_format' }] });
  return new ProblemError(error.code);
}
