import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failure, mockWorld } from './support.js';
import { RecoveryCodeResentSchema, RecoveryCodeVerifiedSchema, RecoveryCompletedSchema, RecoveryStartedSchema } from '../../src/contract/index.js';
import { MOCK_PASSWORD } from '../../src/mock/index.js';

const AN = '001090001234';
const UNKNOWN = '001099999999';
const NEW_PASSWORD = 'Hồ-Tây-mùa-thu-2025';

const world = mockWorld;


describe('mock password recovery acts out the service', () => {
  test('a whole recovery answers with bodies the contract accepts; the old sessions and password end', async () => {
    const { client, advance } = world();
    const { signInId } = await client.startSignIn({ idNumber: AN, password: MOCK_PASSWORD });
    const { tokens } = await client.verifySignInCode(signInId, { code: '123456' });
    advance(60_000);
    const started = await client.startRecovery({ idNumber: AN });
    assert.ok(RecoveryStartedSchema.safeParse(started).success);
    assert.equal('maskedPhone' in started.otp, false);
    advance(60_000);
    assert.ok(RecoveryCodeResentSchema.safeParse(await client.resendRecoveryCode(started.recoveryId)).success);
    assert.ok(RecoveryCodeVerifiedSchema.safeParse(await client.verifyRecoveryCode(started.recoveryId, { code: '123456' }, { idempotencyKey: 'v-1' })).success);
    const done = await client.completeRecovery(started.recoveryId, { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }, { idempotencyKey: 'p-1' });
    assert.ok(RecoveryCompletedSchema.safeParse(done).success);
    assert.deepEqual(await client.completeRecovery(started.recoveryId, { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }, { idempotencyKey: 'p-1' }), done);
    assert.equal((await failure(client.refresh(tokens.refreshToken))).code, 'unauthorized');
    assert.equal((await failure(client.startSignIn({ idNumber: AN, password: MOCK_PASSWORD }))).code, 'invalid_credentials');
    assert.ok(await client.startSignIn({ idNumber: AN, password: NEW_PASSWORD }));
  });

  test('an unknown ID number gets the same answers and no text; its code never verifies', async () => {
    const { scenario, client } = world();
    const known = await client.startRecovery({ idNumber: AN });
    const unknown = await client.startRecovery({ idNumber: UNKNOWN });
    assert.deepEqual(unknown.otp, known.otp);
    assert.equal(scenario.outbox.filter((sms) => sms.purpose === 'recovery').length, 1);
    const wrong = await failure(client.verifyRecoveryCode(unknown.recoveryId, { code: '123456' }));
    assert.equal(wrong.code, 'otp_invalid');
    for (let i = 0; i < 4; i++) await failure(client.verifyRecoveryCode(unknown.recoveryId, { code: '123456' }));
    assert.equal((await failure(client.verifyRecoveryCode(unknown.recoveryId, { code: '123456' }))).code, 'otp_attempts_exceeded');
    const early = await failure(client.completeRecovery(unknown.recoveryId, { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }));
    assert.equal(early.code, 'flow_step');
  });

  test('problems: bad input, one of the last 5 passwords, the per-ID-number limit with Retry-After, resend too soon, unknown flow', async () => {
    const { client } = world();
    const invalid = await failure(client.startRecovery({ idNumber: '123' }));
    assert.deepEqual([invalid.status, invalid.code, invalid.fieldErrors.map((e) => e.code)], [400, 'validation_failed', ['id_number_format']]);
    const { recoveryId } = await client.startRecovery({ idNumber: AN });
    const tooSoon = await failure(client.resendRecoveryCode(recoveryId));
    assert.deepEqual([tooSoon.code, tooSoon.retryAfter], ['otp_resend_too_soon', 60]);
    await client.verifyRecoveryCode(recoveryId, { code: '123456' });
    client.lang = 'en';
    const reused = await failure(client.completeRecovery(recoveryId, { password: MOCK_PASSWORD, passwordConfirmation: MOCK_PASSWORD }));
    assert.deepEqual(reused.fieldErrors.map((e) => [e.field, e.code, e.message]), [['password', 'password_reused', 'The new password must differ from your last 5 passwords.']]);
    await client.startRecovery({ idNumber: AN });
    await client.startRecovery({ idNumber: AN });
    const limited = await failure(client.startRecovery({ idNumber: AN }));
    assert.deepEqual([limited.status, limited.code, limited.retryAfter], [429, 'too_many_attempts', 60]);
    assert.equal((await failure(client.verifyRecoveryCode('nope', { code: '123456' }))).status, 404);
  });

  test('a forced failure is acted out on any recovery operation', async () => {
    const { scenario, client } = world();
    scenario.failNext('startRecovery', 'human_check_failed');
    assert.equal((await failure(client.startRecovery({ idNumber: AN }))).code, 'human_check_failed');
  });
});
