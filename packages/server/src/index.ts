/**
 * `@dvc-kit/server`: the DVC Kit reference identity service. One citizen account for every
 * Vietnamese public-service portal: registration by mobile subscriber, SMS one-time codes, sign-in
 * with password and code, ES256 tokens with a JWKS, over one account store (embedded PGlite or
 * PostgreSQL).
 *
 * @example
 * ```ts
 * import { createService, loadConfig, serve } from '@dvc-kit/server';
 * const service = await createService(loadConfig({
 *   mode: 'development', // sandbox register and SMS outbox; production needs the real ones
 *   issuer: 'http://127.0.0.1:4000',
 *   database: { dataDir: '.data' },
 *   clients: [{ id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh', origins: ['http://127.0.0.1:4200'] }],
 * }));
 * const server = await serve(service, { port: 4000 });
 * ```
 * @module
 */
export { loadConfig, ServerConfigSchema, ConfigError, type ServerConfig, type ServerConfigInput, type ClientConfig, type Clock } from './config.js';
export { createService, type DvcService, type ServiceOverrides } from './service.js';
export { createApp } from './app.js';
export type { AppDeps } from './app-deps.js';
export type { AppEnv } from './http/env.js';
export { serve, startService, type ServeOptions, type RunningServer, type StartedService } from './serve.js';
export { ProblemError, problemBody, problemResponse, PROBLEM_STATUS, PROBLEM_TYPE_BASE, type ProblemDetails, type FieldErrorSpec } from './http/problem.js';
export { createLogger, type Logger, type LogFields, type LogLevel, type LogTap } from './log.js';
export { ServiceMetrics, type ServiceMetricsOptions } from './metrics/service-metrics.js';
export { loadServerKeys, keyedHash, type ServerKeys } from './server-keys.js';
export { KeyEncryption, SealedValueError, type SealedValueErrorCode } from './at-rest/envelope.js';
export * from './store/index.js';
export type { OperatorEndpointOptions } from './http/operator-endpoint.js';
export * from './registries/index.js';
export * from './sms/index.js';
export * from './tokens/index.js';
export { PasswordHasher, type Argon2Params } from './passwords/hasher.js';
export { OneTimeCodes, type OneTimeCodesOptions, type IssuedCode } from './otp/one-time-codes.js';
export { generateCode, codeHmac, codeMatches, OTP_LENGTH, type CodeBinding } from './otp/code.js';
export { codeMessage } from './otp/sms-text.js';
export { HumanCheck, type HumanCheckOptions } from './human-check/altcha.js';
export { accountView } from './flows/account-view.js';
