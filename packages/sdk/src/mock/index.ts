/**
 * A stand-in for the DVC Kit identity service, built on msw 2 (an optional peer dependency): request
 * handlers that act out every answer of the contract against an in-memory scenario of fictional
 * citizens, with deterministic one-time codes and an injectable clock. For portal teams' own tests and
 * the widgets' unit tests; never for production.
 *
 * @example
 * ```ts
 * import { DvcClient } from '@dvc-kit/sdk';
 * import { MOCK_PASSWORD, MockScenario, createMockFetch, createMockHandlers } from '@dvc-kit/sdk/mock';
 *
 * const scenario = new MockScenario({ code: '123456' });
 * const client = new DvcClient({ baseUrl: 'https://id.example.gov.vn', clientId: 'provincial-portal', fetch: createMockFetch(createMockHandlers(scenario)) });
 * const { signInId } = await client.startSignIn({ idNumber: '001090001234', password: MOCK_PASSWORD });
 * const { account } = await client.verifySignInCode(signInId, { code: '123456' });
 * ```
 * @module
 */
export { createMockHandlers } from './handlers.js';
export { createMockFetch } from './fetch.js';
export { MockScenario } from './scenario.js';
export type { MockOptions, MockOperation, MockConfigOverrides, MockSms, MockRequestRecord, ForcedFailure } from './scenario.js';
export { MOCK_CITIZENS, MOCK_ACCOUNTS, MOCK_PASSWORD } from './citizens.js';
export type { MockCitizen, MockAccount } from './citizens.js';
export type { MockHumanCheckOptions } from './human-check.js';
export { MOCK_SIGNATURE_CERTIFICATES } from './signatures.js';
export type { MockSignatureChallenge } from './signatures.js';
export { MOCK_SIGNING_HOLDERS, MOCK_SIGNING_DELAY_SECONDS, MOCK_SIGNING_TTL_SECONDS } from './signature-requests.js';
export type { MockSignatureRequest } from './signature-requests.js';
export { MOCK_MISMATCHED_SIGNATURE } from './signature-flows.js';
export { problemBody } from './problem.js';
export { PROBLEM_STATUS, type ServiceProblemCode } from '../contract/problem-status.js';
export type { ProblemDetails } from './problem.js';
