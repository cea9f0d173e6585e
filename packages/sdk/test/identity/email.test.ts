import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEmail, maskEmail } from '../../src/identity/email.js';

test('an e-mail address with one @ and a dotted domain is accepted', () => {
  for (const input of ['an.nguyen@example.vn', 'an+dvc@mail.gov.vn', 'a@b.co']) {
    assert.equal(isEmail(input), true, input);
  }
});

test('an address without @, without a dotted domain, with spaces or two @ is refused', () => {
  for (const input of ['', 'an.nguyen', 'an@example', 'an nguyen@example.vn', 'an@@example.vn', '@example.vn', 'an@example.vn ']) {
    assert.equal(isEmail(input), false, input);
  }
});

test('an address longer than 254 characters is refused', () => {
  const local = 'a'.repeat(64);
  const domain = `${'b'.repeat(200)}.vn`;
  assert.equal(isEmail(`${local}@${domain}`), false);
  assert.equal(isEmail(`${local}@${'b'.repeat(186)}.vn`), true);
});

test('a masked address keeps the first character and the domain, and hides how long the rest is', () => {
  assert.equal(maskEmail('an.nguyen@example.vn'), 'a***@example.vn');
  assert.equal(maskEmail('a@b.co'), 'a***@b.co');
  assert.equal(maskEmail('đức@mail.gov.vn'), 'đ***@mail.gov.vn');
  assert.equal(maskEmail('not-an-address'), '***');
});
