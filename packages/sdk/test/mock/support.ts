import assert from 'node:assert/strict';
import { DvcClient, DvcError, type Language } from '../../src/index.js';
import { ProblemSchema } from '../../src/contract/index.js';
import { createMockFetch, createMockHandlers, MockScenario, type MockOptions } from '../../src/mock/index.js';

/** Where the mock service answers in these tests. */
export const MOCK_BASE = 'http://id.dvc.test';

/**
 * A mock identity service on a clock the test moves (`advance`), with a client for each of the two
 * portals (`client` the ministry's, `other` the province's) sharing it.
 */
export function mockWorld(options: MockOptions = {}, clientOptions: { readonly lang?: Language } = {}) {
  let now = Date.parse('2026-12-01T08:00:00Z');
  const scenario = new MockScenario({ baseUrl: MOCK_BASE, now: () => now, ...options });
  const fetch = createMockFetch(createMockHandlers(scenario));
  const client = new DvcClient({ baseUrl: MOCK_BASE, clientId: 'ministry-portal', fetch, ...clientOptions });
  const other = new DvcClient({ baseUrl: MOCK_BASE, clientId: 'provincial-portal', fetch, ...clientOptions });
  return { scenario, client, other, advance: (ms: number) => (now += ms) };
}

/** The `DvcError` a call fails with; fails the test when the call succeeds. */
export async function refusal(promise: Promise<unknown>): Promise<DvcError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  assert.ok(error instanceof DvcError, String(error));
  return error;
}

/** As {@link refusal}, and the service's answer is a problem body the contract accepts. */
export async function failure(promise: Promise<unknown>): Promise<DvcError> {
  const error = await refusal(promise);
  assert.ok(ProblemSchema.safeParse(error.problem).success, 'a problem body the contract accepts');
  return error;
}
