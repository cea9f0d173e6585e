import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildConfigSchema, configRows, GUIDE, renderGuide, SCHEMA_FILE, undescribedKeys } from '../scripts/config-doc.mjs';

// The operators guide's configuration reference and docs/config.schema.json are generated from the
// service's own configuration schema; these tests fail when either is stale, so neither can drift.

test('the configuration reference in docs/guides/operators.md is the one generated from the schema', () => {
  const committed = readFileSync(GUIDE, 'utf8');
  assert.equal(committed, renderGuide(committed), 'docs/guides/operators.md is stale: run `npm run build && node scripts/config-doc.mjs`');
});

test('the committed docs/config.schema.json is the one generated from the schema', () => {
  const committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  assert.deepEqual(committed, JSON.parse(JSON.stringify(buildConfigSchema())), 'docs/config.schema.json is stale: run `npm run build && node scripts/config-doc.mjs`');
});

test('every configuration key is in the reference, nested keys and each SMS and register kind included', () => {
  const keys = configRows().map((row) => row.key);
  for (const key of ['issuer', 'database.url', 'clients[].origins', 'otp.ttlSeconds', 'secrets.otpHmacKey', 'sms.driver', 'sms.url', 'registries.carrier.driver', 'registries.carrier.fixture', 'registries.carrier.timeoutMs', 'trustProxy', 'metrics.enabled', 'metrics.token']) {
    assert.ok(keys.includes(key), `${key} is missing from the reference`);
  }
  assert.equal(new Set(keys).size, keys.length, 'a key is listed twice');
});

test('every configuration key says what it is for (a .describe() text in the schema)', () => {
  assert.deepEqual(undescribedKeys(), []);
});

test('keys of new shapes (an enum, deeper objects, a nullable value) are listed without changing the generator', () => {
  const rows = configRows({
    type: 'object',
    properties: {
      mode: { type: 'string', enum: ['production', 'development'], default: 'production', description: 'Mode.' },
      limits: { type: 'object', properties: { signIn: { type: 'object', properties: { perAddressPerHour: { type: 'integer', minimum: 1, maximum: 100, default: 50, description: 'Cap.' } } } } },
      note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    },
    required: ['mode'],
  });
  assert.deepEqual(rows.map((row) => row.key), ['mode', 'limits', 'limits.signIn', 'limits.signIn.perAddressPerHour', 'note']);
  assert.deepEqual(rows[0], { key: 'mode', type: '`"production"` or `"development"`', required: 'yes', default: '`"production"`', rules: '', description: 'Mode.' });
  assert.equal(rows[3]!.rules, '1–100');
  assert.equal(rows[4]!.type, 'string or null');
});
