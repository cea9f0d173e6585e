import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A reader of the README can run every example: each environment variable the examples and
// `npm start` read is named there.

const root = fileURLToPath(new URL('..', import.meta.url));

/** The variables a script reads: `process.env.NAME`, and `port('NAME', …)` in scripts/start.mjs. */
function variablesRead(source: string): string[] {
  return [...source.matchAll(/process\.env\.([A-Z][A-Z0-9_]*)|\bport\('([A-Z][A-Z0-9_]*)'/g)].map((match) => (match[1] ?? match[2])!);
}

function scripts(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.m?js$/.test(file))
    .map((file) => join(folder, file));
}

test('the README names every environment variable the examples and npm start read', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const files = [...scripts('examples'), 'scripts/start.mjs'];
  const read = new Map<string, string>();
  for (const file of files) for (const name of variablesRead(readFileSync(join(root, file), 'utf8'))) read.set(name, file);
  for (const expected of ['DVC_SERVICE', 'DVC_CLIENT_ID', 'DVC_EXTRA_ORIGINS', 'PORT', 'DATA_DIR']) assert.ok(read.has(expected), `${expected} is no longer read: update this test`);
  const unnamed = [...read].filter(([name]) => !readme.includes(`\`${name}\``)).map(([name, file]) => `${name} (read by ${file})`);
  assert.deepEqual(unnamed, []);
});
