import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/index.js';

const minimal = { mode: 'development', issuer: 'https://id.example.gov.vn', clients: [{ id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh' }] };

test('housekeeping sweeps every 5 minutes in batches of 500, and a key is held 30 s before a retry may take it over', () => {
  const config = loadConfig(minimal);
  assert.deepEqual(config.housekeeping, { intervalSeconds: 300, batchSize: 500 });
  assert.deepEqual(config.idempotency, { leaseSeconds: 30 });
  assert.deepEqual(loadConfig({ ...minimal, housekeeping: { intervalSeconds: 0 } }).housekeeping, { intervalSeconds: 0, batchSize: 500 });
});

test('a batch too small or too large, or a lease of no time, is refused naming the key', () => {
  for (const [input, key] of [
    [{ housekeeping: { batchSize: 0 } }, 'housekeeping.batchSize'],
    [{ housekeeping: { batchSize: 1_000_000 } }, 'housekeeping.batchSize'],
    [{ housekeeping: { intervalSeconds: -1 } }, 'housekeeping.intervalSeconds'],
    [{ idempotency: { leaseSeconds: 0 } }, 'idempotency.leaseSeconds'],
  ] as const) {
    assert.throws(() => loadConfig({ ...minimal, ...input }), (error: unknown) => error instanceof ConfigError && error.problems.some((problem) => problem.startsWith(`${key}:`)));
  }
});
