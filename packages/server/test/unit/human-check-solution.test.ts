import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { solveHumanCheck } from '@dvc-kit/sdk';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { HumanCheck } from '../../src/human-check/altcha.js';

const KEY = 'human-check-key-for-this-test';

async function challengeFor(number: number, salt?: string) {
  const expires = new Date(Date.now() + 600_000);
  const made = await createChallenge({ hmacKey: KEY, number, maxnumber: 20_000, expires, algorithm: 'SHA-256', ...(salt ? { salt } : {}) });
  return { algorithm: 'SHA-256' as const, challenge: made.challenge, maxnumber: 20_000, salt: made.salt, signature: made.signature };
}

describe('the SDK solver against the service’s altcha-lib', () => {
  test('a solution the SDK finds verifies with altcha-lib and names the secret number', async () => {
    for (const number of [0, 7, 999, 1000, 12_345, 20_000]) {
      const payload = await solveHumanCheck(await challengeFor(number));
      assert.equal(await verifySolution(payload, KEY, true), true, `number ${number}`);
      assert.equal((JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { number: number }).number, number);
    }
  });

  test('salts that fill one or more whole SHA-256 blocks, or push the digits into a second block, solve too', async () => {
    for (const length of [1, 50, 54, 55, 56, 63, 64, 65, 119, 128, 200]) {
      const salt = 'ab'.repeat(Math.ceil(length / 2)).slice(0, length);
      const payload = await solveHumanCheck(await challengeFor(4321, salt));
      assert.equal(await verifySolution(payload, KEY, true), true, `salt of ${length} characters`);
    }
  });

  test('a tampered solution from the SDK does not verify', async () => {
    const payload = await solveHumanCheck(await challengeFor(42));
    const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...decoded, number: 43 })).toString('base64');
    assert.equal(await verifySolution(tampered, KEY, true), false);
  });
});

describe('the service’s human check and altcha-lib agree', () => {
  const now = new Date();
  const spent = new Set<string>();
  const humanCheck = new HumanCheck({
    key: KEY,
    maxNumber: 5000,
    expiresInSeconds: 600,
    clock: () => now,
    used: { markUsed: async (signature) => !spent.has(signature) && Boolean(spent.add(signature)) },
  });

  test('a challenge the service makes, solved by the SDK, verifies with altcha-lib and once with the service', async () => {
    const challenge = await humanCheck.challenge();
    assert.match(challenge.salt, /^[0-9a-f]{24}\?expires=\d+&$/);
    const payload = await solveHumanCheck(challenge);
    assert.equal(await verifySolution(payload, KEY, true), true);
    assert.equal(await humanCheck.verify(payload), true);
    assert.equal(await humanCheck.verify(payload), false, 'a solution counts once');
  });

  test('a challenge altcha-lib makes, solved by the SDK, verifies with the service; a wrong number or key does not', async () => {
    const payload = await solveHumanCheck(await challengeFor(777));
    const decoded = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as Record<string, unknown>;
    const wrongNumber = Buffer.from(JSON.stringify({ ...decoded, number: 778 })).toString('base64');
    assert.equal(await humanCheck.verify(wrongNumber), false);
    const otherKey = new HumanCheck({ key: `${KEY}-other`, maxNumber: 5000, expiresInSeconds: 600, clock: () => now, used: { markUsed: async () => true } });
    assert.equal(await otherKey.verify(payload), false);
    assert.equal(await humanCheck.verify(payload), true);
  });
});
