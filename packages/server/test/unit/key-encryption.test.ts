import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { KeyEncryption, SealedValueError } from '../../src/at-rest/envelope.js';

const KEK = randomBytes(32).toString('base64url');
const SECRET = '{"kty":"EC","crv":"P-256","d":"private-part"}';

function failsWith(fn: () => unknown, code: SealedValueError['code']): void {
  assert.throws(fn, (error: unknown) => error instanceof SealedValueError && error.code === code);
}

describe('KeyEncryption: secrets at rest under the key-encryption key', () => {
  test('seals to a versioned one-line value that holds no plaintext and opens again', () => {
    const encryption = new KeyEncryption(KEK);
    const sealed = encryption.seal(SECRET, 'signing_keys:k1');
    assert.match(sealed, /^dvc-sealed\.v1\.[\w-]+\.[\w-]{16}\.[\w-]+$/);
    assert.ok(KeyEncryption.isSealed(sealed));
    assert.ok(!KeyEncryption.isSealed(SECRET));
    assert.ok(!sealed.includes('private-part'));
    assert.ok(!sealed.includes(KEK));
    assert.equal(encryption.open(sealed, 'signing_keys:k1'), SECRET);
    assert.equal(new KeyEncryption(KEK).open(sealed, 'signing_keys:k1'), SECRET, 'a restart with the same key opens it');
  });

  test('a fresh IV each time: the same secret never seals to the same text', () => {
    const encryption = new KeyEncryption(KEK);
    const values = new Set(Array.from({ length: 20 }, () => encryption.seal(SECRET, 'server_secrets:otpHmacKey')));
    assert.equal(values.size, 20);
  });

  test('another key-encryption key is told apart from damage', () => {
    const sealed = new KeyEncryption(KEK).seal(SECRET, 'server_secrets:otpHmacKey');
    failsWith(() => new KeyEncryption(randomBytes(32).toString('base64url')).open(sealed, 'server_secrets:otpHmacKey'), 'ERR_KEK_MISMATCH');
  });

  test('a value moved to another row, altered, or truncated does not open', () => {
    const encryption = new KeyEncryption(KEK);
    const sealed = encryption.seal(SECRET, 'server_secrets:otpHmacKey');
    failsWith(() => encryption.open(sealed, 'server_secrets:logHashKey'), 'ERR_SEALED_VALUE_INVALID');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0]! ^= 1;
    failsWith(() => encryption.open([...parts.slice(0, 4), body.toString('base64url')].join('.'), 'server_secrets:otpHmacKey'), 'ERR_SEALED_VALUE_INVALID');
    failsWith(() => encryption.open(parts.slice(0, 4).join('.'), 'server_secrets:otpHmacKey'), 'ERR_SEALED_VALUE_INVALID');
    failsWith(() => encryption.open(SECRET, 'server_secrets:otpHmacKey'), 'ERR_SEALED_VALUE_INVALID');
  });
});
