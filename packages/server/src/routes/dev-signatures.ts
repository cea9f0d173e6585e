import { DEVELOPMENT_CA_PATHS, DevelopmentCertificateRequestSchema, type DevelopmentCertificate } from '@dvc-kit/sdk/contract';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.js';
import { bodyLimitMiddleware } from '../http/body-limit.js';
import { readBody } from '../http/body.js';
import { clientMiddleware } from '../http/clients.js';
import { jsonContentTypeMiddleware } from '../http/content-type.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { limitKey, takeOrRefuse } from '../limits/take-or-refuse.js';
import { DevelopmentKeyError, type DevelopmentCa } from '../signatures/development-ca.js';
import { callerOf } from './edge.js';

/**
 * The development CA's endpoints, only in development mode with `signatures.developmentCa` on:
 *
 * - `GET /dev/signature-ca`: the CA's certificate, PEM — to look at, or to add to another development
 *   service's trust anchors.
 * - `POST /dev/signature-certificates` (201): a certificate for the caller's public key saying what the
 *   body says (holder, organisation, ID number or tax code), issued by the development CA. A portal's
 *   page calls it through the SDK's `DevelopmentSigner`, so it answers like `/v1`: a `DVC-Client`
 *   header, the portal's origins (CORS), JSON bodies within the size limit, problems naming the field,
 *   and the signature-challenge limit per address (`limits.signatureChallenges.perAddress`).
 */
export function devSignatureRoutes(deps: AppDeps, ca: DevelopmentCa): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const edge = [clientMiddleware(deps.config.clients), jsonContentTypeMiddleware(), bodyLimitMiddleware(deps.config.http.maxBodyBytes)];
  routes.use(DEVELOPMENT_CA_PATHS.certificates, ...edge);

  routes.get(DEVELOPMENT_CA_PATHS.certificate, (c) => {
    c.header('Content-Type', 'application/x-pem-file');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(ca.certificate.toString('pem'));
  });

  routes.post(DEVELOPMENT_CA_PATHS.certificates, async (c) => {
    const { data } = await readBody(c, DevelopmentCertificateRequestSchema);
    // One number per certificate: the UID attribute says whose it is.
    if (data.idNumber !== undefined && data.taxCode !== undefined) {
      throw new ProblemError('validation_failed', { errors: [{ field: 'taxCode', code: 'invalid_type' }] });
    }
    const caller = callerOf(c, deps);
    const key = limitKey(deps, 'signature-dev', 'address', caller.address);
    const limits = deps.config.limits.signatureChallenges.perAddress;
    await takeOrRefuse(deps, [{ key, limits }], 'signature.address_limited', { address: deps.log.hash('address', caller.address) });
    let certificate;
    try {
      certificate = await ca.issue(data, deps.config.signatures.uidPrefixes);
    } catch (error) {
      if (error instanceof DevelopmentKeyError) throw new ProblemError('validation_failed', { errors: [{ field: 'publicKey', code: 'invalid_type' }] });
      throw error;
    }
    deps.log.info('signature.development_certificate_issued', { client: caller.client.id, serialNumber: certificate.serialNumber });
    const body: DevelopmentCertificate = {
      certificate: Buffer.from(certificate.rawData).toString('base64'),
      issuer: ca.certificate.toString('pem'),
      validFrom: certificate.notBefore.toISOString(),
      validUntil: certificate.notAfter.toISOString(),
      serialNumber: certificate.serialNumber,
    };
    c.header('Cache-Control', 'no-store');
    return c.json(body, 201);
  });

  return routes;
}
