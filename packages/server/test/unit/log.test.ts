import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../../src/index.js';

describe('logger', () => {
  test('writes one JSON line per event with time, level and fields', () => {
    const lines: string[] = [];
    const log = createLogger({ hashKey: 'k', now: () => new Date('2026-01-01T00:00:00Z'), write: (line) => lines.push(line) });
    log.warn('sign_in.throttled', { retryAfter: 60 });
    assert.deepEqual(JSON.parse(lines[0]!), { time: '2026-01-01T00:00:00.000Z', level: 'warn', event: 'sign_in.throttled', retryAfter: 60 });
  });

  test('stands in for personal data with a keyed hash: stable, separate per kind and per key, not the value', () => {
    const log = createLogger({ hashKey: 'key-1', now: () => new Date() });
    const other = createLogger({ hashKey: 'key-2', now: () => new Date() });
    const hash = log.hash('id', '001090001234');
    assert.match(hash, /^[0-9a-f]{16}$/);
    assert.equal(log.hash('id', '001090001234'), hash);
    assert.notEqual(log.hash('phone', '001090001234'), hash);
    assert.notEqual(other.hash('id', '001090001234'), hash);
  });
});
