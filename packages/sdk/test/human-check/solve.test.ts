import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { solveHumanCheck } from '../../src/human-check/solve.js';
import type { HumanCheckChallenge } from '../../src/contract/config.js';

function challengeFor(number: number, maxnumber?: number): HumanCheckChallenge {
  const salt = 'a1b2c3d4?expires=1767225600&';
  return {
    algorithm: 'SHA-256',
    challenge: createHash('sha256').update(`${salt}${number}`).digest('hex'),
    salt,
    signature: 'sig-from-the-service',
    ...(maxnumber !== undefined ? { maxnumber } : {}),
  };
}

describe('solveHumanCheck', () => {
  test('finds the number and returns the base64 ALTCHA payload the service expects', async () => {
    const challenge = challengeFor(1234, 5000);
    const payload = await solveHumanCheck(challenge);
    assert.deepEqual(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')), {
      algorithm: 'SHA-256',
      challenge: challenge.challenge,
      number: 1234,
      salt: challenge.salt,
      signature: 'sig-from-the-service',
    });
  });

  test('reports progress as a share of the search space between 0 and 1', async () => {
    const fractions: number[] = [];
    await solveHumanCheck(challengeFor(2500, 5000), { onProgress: (fraction) => fractions.push(fraction) });
    assert.deepEqual(fractions, [0, 0.2, 0.4]);
  });

  test('rejects with the signal’s reason when cancelled', async () => {
    const controller = new AbortController();
    const reason = new Error('citizen left the page');
    controller.abort(reason);
    await assert.rejects(solveHumanCheck(challengeFor(10), { signal: controller.signal }), reason);
  });

  test('rejects when no number up to maxnumber solves the challenge', async () => {
    await assert.rejects(solveHumanCheck(challengeFor(500, 100)), /no solution/);
  });
});
