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

  test('without an account it spends one real verification and says no', async () => {
    // Counted, not timed: the same argon2id work is what makes the two answers take as long.
    const verified: string[] = [];
    const counting = new (class extends PasswordHasher {
      override async verify(stored: string, password: string): Promise<boolean> {
        verified.push(stored);
        return super.verify(stored, password);
      }
    })({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const stored = await counting.hash('Sông-Hồng-2024');
    assert.equal(await counting.verifyOrDummy(stored, 'Sai-Mat-Khau-1!'), false);
    assert.equal(await counting.verifyOrDummy(undefined, 'Sai-Mat-Khau-1!'), false);
    assert.equal(await counting.verifyOrDummy(undefined, 'Sông-Hồng-2024'), false);
    assert.equal(verified.length, 3);
    // The dummy is a real argon2id hash with the same parameters, made once.
    assert.match(verified[1]!, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(verified[2], verified[1]);
    assert.equal(await hasher.verify('not-a-hash', 'x'), false);
  });
});
