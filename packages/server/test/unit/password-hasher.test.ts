import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PasswordHasher } from '../../src/index.js';

const hasher = new PasswordHasher({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

describe('password hasher', () => {
  test('hashes with argon2id at 19 MiB, t=2, p=1, salted', async () => {
    const first = await hasher.hash('Sông-Hồng-2024');
    const second = await hasher.hash('Sông-Hồng-2024');
    assert.match(first, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.notEqual(first, second);
    assert.equal(await hasher.verify(first, 'Sông-Hồng-2024'), true);
    assert.equal(await hasher.verify(first, 'Sông-Hồng-2025'), false);
  });

  test('compares in NFC: the same password typed with combining marks matches', async () => {
    const precomposed = 'Sông-Hồng-2024'.normalize('NFC');
    const decomposed = precomposed.normalize('NFD');
    assert.notEqual(precomposed, decomposed);
    assert.equal(await hasher.verify(await hasher.hash(precomposed), decomposed), true);
  });

  test('never truncates: a password differing only after 72 characters is another password', async () => {
    const long = `${'Aa1!'.repeat(20)}x`;
    assert.equal(await hasher.verify(await hasher.hash(long), `${'Aa1!'.repeat(20)}y`), false);
  });

  test('without an account it spends one verification and says no', async () => {
    const stored = await hasher.hash('Sông-Hồng-2024');
    await hasher.verifyOrDummy(undefined, 'warm-up');
    const time = async (hash: string | undefined) => {
      const started = performance.now();
      const ok = await hasher.verifyOrDummy(hash, 'Sai-Mat-Khau-1!');
      return { ok, ms: performance.now() - started };
    };
    const known = await time(stored);
    const unknown = await time(undefined);
    assert.equal(known.ok, false);
    assert.equal(unknown.ok, false);
    assert.ok(unknown.ms > known.ms * 0.5, `unknown ${unknown.ms.toFixed(1)} ms, known ${known.ms.toFixed(1)} ms`);
    assert.equal(await hasher.verify('not-a-hash', 'x'), false);
  });
});
