import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcClient, DvcError } from '../../src/index.js';
import { createMockFetch, createMockHandlers, MOCK_PASSWORD, MockScenario } from '../../src/mock/index.js';

const BASE = 'http://id.dvc.test';

async function signedIn(scenario: MockScenario, clientId: string) {
  const client = new DvcClient({ baseUrl: BASE, clientId, fetch: createMockFetch(createMockHandlers(scenario)) });
  const { signInId } = await client.startSignIn({ idNumber: '001090001234', password: MOCK_PASSWORD });
  const { tokens } = await client.verifySignInCode(signInId, { code: '123456' });
  return { client, tokens };
}

describe('mock sessions act out the service', () => {
  test('a refresh token sent twice within 20 s gets the same new refresh token; later it is refused', async () => {
    let now = Date.parse('2026-12-01T08:00:00Z');
    const scenario = new MockScenario({ baseUrl: BASE, now: () => now });
    const { client, tokens } = await signedIn(scenario, 'ministry-portal');
    const [first, second] = await Promise.all([client.refresh(tokens.refreshToken), client.refresh(tokens.refreshToken)]);
    assert.equal(first.refreshToken, second.refreshToken);
    now += 20_000;
    await assert.rejects(client.refresh(tokens.refreshToken), (error: unknown) => error instanceof DvcError && error.code === 'unauthorized');
  });

  test('a sign-out from another portal is client_mismatch (403) and the session stays', async () => {
    const scenario = new MockScenario({ baseUrl: BASE });
    const { client, tokens } = await signedIn(scenario, 'ministry-portal');
    const other = new DvcClient({ baseUrl: BASE, clientId: 'provincial-portal', fetch: createMockFetch(createMockHandlers(scenario)) });
    await assert.rejects(other.signOut(tokens.refreshToken), (error: unknown) => error instanceof DvcError && error.code === 'client_mismatch' && error.status === 403);
    const next = await client.refresh(tokens.refreshToken);
    await client.signOut(next.refreshToken);
    await assert.rejects(client.refresh(next.refreshToken), (error: unknown) => error instanceof DvcError && error.code === 'unauthorized');
  });
});
