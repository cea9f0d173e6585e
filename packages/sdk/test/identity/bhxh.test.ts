import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBhxhCode } from '../../src/identity/bhxh.js';

test('a social insurance code is exactly 10 digits, spaces between groups allowed', () => {
  assert.equal(isBhxhCode('0123456789'), true);
  assert.equal(isBhxhCode('01 2345 6789'), true);
});

test('a social insurance code with fewer or more digits, or letters, is refused', () => {
  for (const input of ['', '012345678', '01234567890', '012345678a', 'BH01234567']) {
    assert.equal(isBhxhCode(input), false, input);
  }
});
