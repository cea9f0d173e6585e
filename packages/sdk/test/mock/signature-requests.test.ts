import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, mockWorld } from './support.js';
import { SignatureRequestStartedSchema, SignatureRequestStateSchema } from '../../src/contract/index.js';
import { MOCK_SIGNING_DELAY_SECONDS, MOCK_SIGNING_HOLDERS, MOCK_SIGNING_TTL_SECONDS } from '../../src/mock/index.js';

describe('mock SIM-signature and remote-signing requests', () => {
  const start = async (world: ReturnType<typeof mockWorld>, holder: Record<string, string>, subjectType: 'citizen' | 'enterprise' = 'citizen', method: 'sim_signature' | 'remote_signing' = 'sim_signature') => {
    const { challengeId } = await world.client.createSignatureChallenge({ operation: 'sign_in', subjectType });
    return SignatureRequestStartedSchema.parse(await world.client.startSignatureRequest({ challengeId, method, holder }));
  };

  test('pending, then signed after the delay with the certificate to show; a signed request stays signed', async () => {
    const world = mockWorld();
    const { requestId, pollAfterSeconds } = await start(world, MOCK_SIGNING_HOLDERS.signs);
    assert.equal(pollAfterSeconds, 2);
    assert.equal((await world.client.getSignatureRequest(requestId)).state, 'pending');
    world.advance(MOCK_SIGNING_DELAY_SECONDS * 1000);
    const signed = SignatureRequestStateSchema.parse(await world.client.getSignatureRequest(requestId));
    assert.equal(signed.state, 'signed');
    assert.equal(signed.certificate?.idNumber, '001090001234');
    assert.equal((await world.client.cancelSignatureRequest(requestId)).state, 'signed');
    const enterprise = await start(world, MOCK_SIGNING_HOLDERS.enterprise, 'enterprise', 'remote_signing');
    world.advance(MOCK_SIGNING_DELAY_SECONDS * 1000);
    assert.equal((await world.client.getSignatureRequest(enterprise.requestId)).certificate?.taxCode, '0101234567');
  });

  test('refused, timed out, failed and cancelled, each with the problem code that words it', async () => {
    const world = mockWorld({}, { lang: 'en' });
    const refused = await start(world, MOCK_SIGNING_HOLDERS.refuses);
    const ignored = await start(world, MOCK_SIGNING_HOLDERS.ignores);
    const failing = await start(world, MOCK_SIGNING_HOLDERS.fails);
    const unknown = await start(world, { phone: '0987654321' });
    const cancelled = await start(world, MOCK_SIGNING_HOLDERS.signs);
    assert.equal((await world.client.cancelSignatureRequest(cancelled.requestId)).state, 'cancelled');
    assert.deepEqual(await world.client.getSignatureRequest(unknown.requestId).then(({ state, code }) => [state, code]), ['refused', 'provider_refused']);
    world.advance(MOCK_SIGNING_DELAY_SECONDS * 1000);
    assert.deepEqual(await world.client.getSignatureRequest(refused.requestId).then(({ state, code }) => [state, code]), ['refused', 'provider_refused']);
    assert.deepEqual(await world.client.getSignatureRequest(failing.requestId).then(({ state, code }) => [state, code]), ['failed', 'provider_unavailable']);
    assert.equal((await world.client.getSignatureRequest(ignored.requestId)).state, 'pending');
    assert.equal((await world.client.getSignatureRequest(cancelled.requestId)).state, 'cancelled');
    world.advance(MOCK_SIGNING_TTL_SECONDS * 1000);
    assert.deepEqual(await world.client.getSignatureRequest(ignored.requestId).then(({ state, code }) => [state, code]), ['timed_out', 'provider_timeout']);
  });

  test('the start\'s refusals: another portal\'s challenge, a second request, a subject type the method does not serve, an expired challenge, a forced provider failure', async () => {
    const world = mockWorld();
    const first = await start(world, MOCK_SIGNING_HOLDERS.signs);
    assert.ok(first.requestId);
    const { challengeId } = await world.client.createSignatureChallenge({ operation: 'sign_in', subjectType: 'citizen' });
    assert.equal((await failure(world.other.startSignatureRequest({ challengeId, method: 'sim_signature', holder: MOCK_SIGNING_HOLDERS.signs }))).code, 'not_found');
    await world.client.startSignatureRequest({ challengeId, method: 'sim_signature', holder: MOCK_SIGNING_HOLDERS.signs });
    assert.equal((await failure(world.client.startSignatureRequest({ challengeId, method: 'sim_signature', holder: MOCK_SIGNING_HOLDERS.signs }))).code, 'challenge_used');
    const agency = await world.client.createSignatureChallenge({ operation: 'sign_in', subjectType: 'agency' });
    const refused = await failure(world.client.startSignatureRequest({ challengeId: agency.challengeId, method: 'sim_signature', holder: MOCK_SIGNING_HOLDERS.signs }));
    assert.deepEqual(refused.fieldErrors.map(({ field, code }) => [field, code]), [['method', 'method_not_offered']]);
    assert.equal((await failure(world.client.startSignatureRequest({ challengeId, method: 'sim_signature', holder: {} }))).code, 'validation_failed');
    const late = await world.client.createSignatureChallenge({ operation: 'sign_in', subjectType: 'citizen' });
    world.advance(301_000);
    assert.equal((await failure(world.client.startSignatureRequest({ challengeId: late.challengeId, method: 'sim_signature', holder: MOCK_SIGNING_HOLDERS.signs }))).code, 'challenge_expired');
    world.scenario.failNext('startSignatureRequest', { code: 'provider_unavailable' });
    const unavailable = await failure(world.client.startSignatureRequest({ challengeId: late.challengeId, method: 'sim_signature', holder: MOCK_SIGNING_HOLDERS.signs }));
    assert.deepEqual([unavailable.code, unavailable.status], ['provider_unavailable', 503]);
    assert.equal((await failure(world.other.getSignatureRequest(first.requestId))).code, 'not_found');
  });
});
