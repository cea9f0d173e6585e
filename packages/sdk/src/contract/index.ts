/**
 * The wire contract of the DVC Kit identity service as zod schemas: the service validates with
 * them and the OpenAPI document is generated from them.
 *
 * @example
 * ```ts
 * import { StartSignInSchema } from '@dvc-kit/sdk/contract';
 * const result = StartSignInSchema.safeParse(await request.json());
 * ```
 * @module
 */
export * from './fields.js';
export * from './common.js';
export * from './config.js';
export * from './registration.js';
export * from './sign-in.js';
export * from './recovery.js';
export * from './account.js';
export * from './passkeys.js';
export * from './phone-recovery.js';
export * from './operator.js';
export * from './signatures.js';
export * from './development-certificates.js';
export * from './signature-requests.js';
export * from './signature-flows.js';
export * from './assurance.js';
export * from './issues.js';
export * from './paths.js';
export * from './flow-paths.js';
export * from './json-schema.js';
export * from './problem-status.js';
