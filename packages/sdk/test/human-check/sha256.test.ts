import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { prefixedSha256 } from '../../src/human-check/sha256.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('prefixedSha256', () => {
  test('agrees with node:crypto on every prefix length and number, matching only the hashed number', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 150 }), fc.nat({ max: 10_000_000 }), (prefix, number) => {
        const solves = prefixedSha256(prefix, sha256(`${prefix}${number}`));
        assert.equal(solves(number), true);
        assert.equal(solves(number + 1), false);
      }),
      { numRuns: 500 },
    );
  });

  test('matches the published digest of "123" with an empty prefix', () => {
    const solves = prefixedSha256('', 'a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3');
    assert.equal(solves(123), true);
    assert.equal(solves(124), false);
  });
});
