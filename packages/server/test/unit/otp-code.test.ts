import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { codeHmac, codeMatches, codeMessage, generateCode } from '../../src/index.js';

describe('one-time code', () => {
  test('is six digits, leading zeros kept, spread over the whole range', () => {
    const codes = Array.from({ length: 2000 }, generateCode);
    assert.ok(codes.every((code) => /^\d{6}$/.test(code)));
    assert.ok(new Set(codes).size > 1990);
    assert.ok(codes.some((code) => code.startsWith('0')));
  });

  test('is stored as an HMAC bound to its challenge, purpose and phone', () => {
    const binding = { challengeId: 'c1', purpose: 'registration', phone: '+84971234398' };
    const stored = codeHmac('server-key', binding, '123456');
    assert.match(stored, /^[0-9a-f]{64}$/);
    assert.equal(codeMatches('server-key', binding, '123456', stored), true);
    assert.equal(codeMatches('server-key', binding, '123457', stored), false);
    assert.equal(codeMatches('other-key', binding, '123456', stored), false);
    assert.equal(codeMatches('server-key', { ...binding, challengeId: 'c2' }, '123456', stored), false);
    assert.equal(codeMatches('server-key', { ...binding, purpose: 'sign_in' }, '123456', stored), false);
    assert.equal(codeMatches('server-key', { ...binding, phone: '+84912345678' }, '123456', stored), false);
    assert.equal(codeMatches('server-key', binding, '123456', 'abcd'), false);
  });

  test('travels in an ASCII Vietnamese text naming its validity', () => {
    assert.equal(codeMessage('042917', 180), 'DVC: Ma xac thuc cua ban la 042917, hieu luc 3 phut. Khong chia se ma nay cho bat ky ai.');
    assert.match(codeMessage('042917', 90), /hieu luc 2 phut/);
    assert.match(codeMessage('042917', 180), /^[\x20-\x7e]+$/);
  });
});
