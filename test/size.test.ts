import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The self-contained widget bundle (both widgets, the SDK parts they use, Lit) a portal loads. */
const BUDGET_BYTES = 30 * 1024;

test('the self-contained widget bundle stays within 30 kB gzip', () => {
  const bundle = readFileSync(fileURLToPath(import.meta.resolve('@dvc-kit/elements/bundle.js')));
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  console.log(`dvc-elements bundle: ${(bundle.length / 1024).toFixed(1)} kB raw, ${(gzipped / 1024).toFixed(1)} kB gzip (budget ${BUDGET_BYTES / 1024} kB)`);
  assert.ok(gzipped <= BUDGET_BYTES, `bundle is ${gzipped} bytes gzip, over the ${BUDGET_BYTES}-byte budget`);
});

test('the widget bundle carries no schema library and no token library', () => {
  const source = readFileSync(fileURLToPath(import.meta.resolve('@dvc-kit/elements/bundle.js')), 'utf8');
  assert.doesNotMatch(source, /ZodError|\$ZodType/, 'zod leaked into the widget bundle');
  assert.doesNotMatch(source, /JWSSignatureVerificationFailed/, 'jose leaked into the widget bundle');
});
