import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { forbiddenBundleInputs, readBundleInputs } from './support/bundle-inputs.js';

/**
 * What a Vietnamese page with every widget loads: `bundle.js` (all widgets, Lit, the SDK parts they use).
 * The English strings lie beside it (`bundle-en-*.js`) and are fetched only by a widget that speaks English.
 */
const BUDGET_BYTES = 30 * 1024;
/** The English strings, fetched for `lang="en"` only. */
const ENGLISH_BUDGET_BYTES = 4 * 1024;

const dist = dirname(fileURLToPath(import.meta.resolve('@dvc-kit/elements/bundle.js')));
const gzipped = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;

test('the widget bundle stays within 30 kB gzip, and the English strings beside it within 4 kB', () => {
  const bundle = readFileSync(join(dist, 'bundle.js'));
  const size = gzipped('bundle.js');
  const chunks = readdirSync(dist).filter((file) => /^bundle-.+\.js$/.test(file));
  const english = chunks.filter((file) => file.startsWith('bundle-en-'));
  assert.equal(english.length, 1, `one English chunk beside bundle.js: ${chunks.join(', ')}`);
  assert.deepEqual(chunks, english, 'nothing else is fetched later: a Vietnamese page loads bundle.js alone');
  const englishSize = gzipped(english[0]!);
  console.log(`dvc-elements bundle: ${(bundle.length / 1024).toFixed(1)} kB raw, ${(size / 1024).toFixed(1)} kB gzip (budget ${BUDGET_BYTES / 1024} kB); English strings ${(englishSize / 1024).toFixed(1)} kB gzip (budget ${ENGLISH_BUDGET_BYTES / 1024} kB)`);
  assert.ok(size <= BUDGET_BYTES, `bundle.js is ${size} bytes gzip, over the ${BUDGET_BYTES}-byte budget`);
  assert.ok(englishSize <= ENGLISH_BUDGET_BYTES, `the English chunk is ${englishSize} bytes gzip, over ${ENGLISH_BUDGET_BYTES}`);
  assert.match(bundle.toString('utf8'), new RegExp(english[0]!.replace(/[.]/g, '\\.')), 'bundle.js imports the English chunk by its file name, relative to itself');
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
