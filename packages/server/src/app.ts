import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from './app-deps.js';
import { bodyLimitMiddleware } from './http/body-limit.js';
import { clientMiddleware } from './http/clients.js';
import { jsonContentTypeMiddleware } from './http/content-type.js';
import { securityHeadersMiddleware } from './http/security-headers.js';
import type { AppEnv } from './http/env.js';
import { languageMiddleware } from './http/language.js';
import { ProblemError, problemResponse } from './http/problem.js';
import { accountRoutes } from './routes/account.js';
import { configRoutes } from './routes/config.js';
import { devOutboxRoutes } from './routes/dev-outbox.js';
import { devSignatureRoutes } from './routes/dev-signatures.js';
import { healthRoutes } from './routes/health.js';
import { humanCheckRoutes } from './routes/human-check.js';
import { jwksRoutes } from './routes/jwks.js';
import { rootRoutes } from './routes/root.js';
import { metricsRoutes } from './routes/metrics.js';
import { operatorRoutes } from './routes/operator.js';
import { passkeyRoutes } from './routes/passkeys.js';
import { phoneRecoveryRoutes } from './routes/phone-recoveries.js';
import { recoveryRoutes } from './routes/recoveries.js';
import { registrationRoutes } from './routes/registrations.js';
import { sessionRoutes } from './routes/sessions.js';
import { sessionAssuranceRoutes } from './routes/session-assurance.js';
import { signInRoutes } from './routes/sign-ins.js';
import { signatureChallengeRoutes } from './routes/signature-challenges.js';
import { signatureRequestRoutes } from './routes/signature-requests.js';
import { signatureFlowRoutes } from './routes/signature-flows.js';

/**
 * The identity service's Hono app over its dependencies. Most callers want `createService`, which
 * builds the dependencies from a configuration; this is for wiring them by hand.
 *
 * Every failure is an RFC 9457 problem (`application/problem+json`) in the caller's language:
 * thrown `ProblemError`s as they are, unknown routes as 404 `not_found`, anything unexpected as 500
 * `internal` (logged by error name only, so no personal data reaches the log).
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', languageMiddleware());
  app.use('*', securityHeadersMiddleware({ issuer: deps.config.issuer, trustProxy: deps.config.trustProxy }));
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    deps.log.info('http.request', { method: c.req.method, route: c.req.routePath, status: c.res.status, ms: Math.round(performance.now() - started) });
  });
  app.use('/v1/*', clientMiddleware(deps.config.clients));
  app.use('/v1/*', jsonContentTypeMiddleware(), bodyLimitMiddleware(deps.config.http.maxBodyBytes));

  app.route('/', rootRoutes(deps));
  app.route('/', configRoutes(deps));
  app.route('/', humanCheckRoutes(deps));
  // Before the registration and account routes: `/v1/registrations/signature` is no flow id, `/v1/account/assurance-upgrades` no account change.
  app.route('/', signatureFlowRoutes(deps) as unknown as Hono<AppEnv>);
  app.route('/', registrationRoutes(deps));
  app.route('/', signInRoutes(deps));
  app.route('/', recoveryRoutes(deps));
  app.route('/', phoneRecoveryRoutes(deps));
  app.route('/', sessionRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', signatureChallengeRoutes(deps));
  app.route('/', signatureRequestRoutes(deps));
  // Passkeys only when offered: otherwise their paths answer 404 like any unknown one.
  if (deps.config.passkeys) app.route('/', passkeyRoutes(deps) as unknown as Hono<AppEnv>);
  app.route('/', sessionAssuranceRoutes(deps));
  app.route('/', jwksRoutes(deps));
  app.route('/', healthRoutes(deps));
  // The operator API, for counter officers: its own prefix and door, outside the portals' /v1 (no CORS, no client id).
  if (deps.config.operators.length > 0) app.route('/', operatorRoutes(deps));
  if (deps.config.mode === 'development' && deps.outbox) app.route('/', devOutboxRoutes(deps.outbox));
  if (deps.config.mode === 'development' && deps.developmentCa) app.route('/', devSignatureRoutes(deps, deps.developmentCa));
  if (deps.metrics) app.route('/', metricsRoutes(deps.metrics, { token: deps.config.metrics.token }));

  app.notFound((c) => problemResponse('not_found', c.var.lang ?? 'vi'));
  app.onError((error, c) => {
    const lang = c.var.lang ?? 'vi';
    if (error instanceof ProblemError) return problemResponse(error.code, lang, error.details);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(error.status === 404 ? 'not_found' : 'validation_failed', lang);
    }
    const code = (error as { code?: unknown }).code;
    deps.log.error('internal', { method: c.req.method, route: c.req.routePath, error: error.name, ...(typeof code === 'string' ? { errorCode: code } : {}) });
    return problemResponse('internal', lang);
  });
  return app;
}
