import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { AssuranceCheckSchema, SessionAssuranceSchema } from '../../src/contract/index.js';
import { MOCK_PASSWORD } from '../../src/mock/index.js';
import { failure, mockWorld } from './support.js';

async function signIn(world: ReturnType<typeof mockWorld>) {
  const { signInId } = await world.client.startSignIn({ idNumber: '001090001234', password: MOCK_PASSWORD });
  return (await world.client.verifySignInCode(signInId, { code: '123456' })).tokens;
}

describe('the mock tells a session\'s assurance as the service does', () => {
  test('GET /v1/session/assurance: the account\'s level and method, how and when the citizen signed in', async () => {
    const world = mockWorld();
    const tokens = await signIn(world);
    const assurance = await world.client.getSessionAssurance(tokens.accessToken);
    assert.ok(SessionAssuranceSchema.safeParse(assurance).success, JSON.stringify(assurance));
    assert.deepEqual(assurance, { ial: 2, ialMethod: 'mobile', aal: 2, amr: ['pwd', 'otp', 'sms', 'mfa'], authTime: Date.parse('2026-12-01T08:00:00Z') / 1000 });
  });

  test('the check answers meets and what is missing, maxAge by the scenario\'s clock; refreshing keeps the sign-in time', async () => {
    const world = mockWorld();
    const tokens = await signIn(world);
    assert.deepEqual((await world.client.checkSessionAssurance(tokens.accessToken, { ial: 2, aal: 2, maxAge: 300 })).missing, {});
    world.advance(301_000);
    const next = await world.client.refresh(tokens.refreshToken);
    const check = await world.client.checkSessionAssurance(next.accessToken, { ial: 3, aal: 2, maxAge: 300 });
    assert.ok(AssuranceCheckSchema.safeParse(check).success);
    assert.equal(check.meets, false);
    assert.deepEqual(check.missing, { ial: 3, maxAge: 300 });
  });

  test('a requirement out of range is validation_failed naming the field; an ended session is unauthorized', async () => {
    const world = mockWorld();
    const tokens = await signIn(world);
    const bad = await failure(world.client.checkSessionAssurance(tokens.accessToken, { ial: 4 } as never));
    assert.equal(bad.code, 'validation_failed');
    assert.deepEqual(bad.fieldErrors.map(({ field, code }) => ({ field, code })), [{ field: 'ial', code: 'invalid_type' }]);
    await world.client.signOut(tokens.refreshToken);
    assert.equal((await failure(world.client.getSessionAssurance(tokens.accessToken))).code, 'unauthorized');
    assert.equal((await failure(world.client.checkSessionAssurance(tokens.accessToken, {}))).code, 'unauthorized');
  });

  test('a failure can be forced on either call', async () => {
    const world = mockWorld();
    const tokens = await signIn(world);
    world.scenario.failNext('getSessionAssurance', { code: 'internal' });
    assert.equal((await failure(world.client.getSessionAssurance(tokens.accessToken))).code, 'internal');
  });
});
