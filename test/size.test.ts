import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { forbiddenBundleInputs, readBundleInputs } from './support/bundle-inputs.js';

/** The self-contained widget bundle (both widgets, the SDK parts they use, Lit) a portal loads. */
const BUDGET_BYTES = 30 * 1024;

test('the self-contained widget bundle stays within 30 kB gzip', () => {
  const bundle = readFileSync(fileURLToPath(import.meta.resolve('@dvc-kit/elements/bundle.js')));
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  console.log(`dvc-elements bundle: ${(bundle.length / 1024).toFixed(1)} kB raw, ${(gzipped / 1024).toFixed(1)} kB gzip (budget ${BUDGET_BYTES / 1024} kB)`);
  assert.ok(gzipped <= BUDGET_BYTES, `bundle is ${gzipped} bytes gzip, over the ${BUDGET_BYTES}-byte budget`);
});

test('the widget bundle is built from no module of jose and none of zod but zod/mini', () => {
  const modules = readBundleInputs();
  assert.ok(modules.includes('packages/elements/src/define.ts'), `the input manifest does not list the entry: ${modules.join(', ')}`);
  assert.ok(modules.some((id) => id.includes('node_modules/lit-html/')), 'the input manifest does not list Lit: it is not the list of what the bundle holds');
  assert.deepEqual(forbiddenBundleInputs(modules), []);
});

test('the input check names jose and full zod when they are among the inputs, and lets zod/mini through', () => {
  const modules = [
    'packages/elements/src/define.ts',
    'node_modules/jose/dist/webapi/jws/compact/verify.js',
    'packages/sdk/node_modules/zod/v4/classic/schemas.js',
    'node_modules/zod/index.js',
    'node_modules/zod/v4/mini/schemas.js',
    'node_modules/zod/v4/core/core.js',
    'node_modules/zod/mini/index.js',
    'jose',
    '\0rollupPluginBabelHelpers.js',
  ];
  assert.deepEqual(forbiddenBundleInputs(modules), [
    'node_modules/jose/dist/webapi/jws/compact/verify.js (jose)',
    'packages/sdk/node_modules/zod/v4/classic/schemas.js (zod, not zod/mini)',
    'node_modules/zod/index.js (zod, not zod/mini)',
    'jose (jose)',
  ]);
});
