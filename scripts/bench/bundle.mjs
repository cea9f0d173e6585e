// The widget bundle a portal loads (packages/elements/dist/bundle.js and the chunks beside it), gzip (the
// precompressed .gz files a server sends, and gzip -9 on the fly) and brotli: what a page with only <dvc-login> fetches before the citizen acts
// (in Vietnamese, and with lang="en"), every chunk but English together, and the later English strings.
// The chunk graph is the one rollup.config.mjs writes (bundle.chunks.json); test/size.test.ts checks the
// same figures against their budgets.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { round } from './stats.mjs';

const dist = new URL('../../packages/elements/dist/', import.meta.url);
/** The modules of the sign-in's first step in `lang`; their chunks and what those import statically load at once. */
const loginFirstStep = (lang) => ['packages/elements/src/login/login.ts', 'packages/elements/src/login/credentials-step.ts', 'packages/elements/src/human-check/human-check.ts', `packages/elements/src/i18n/${lang}-first-step.ts`];
const chunkOf = (graph, module) => Object.keys(graph.chunks).find((name) => graph.chunks[name].modules.includes(module));

function loginPage(graph, lang) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const next of graph.chunks[name].imports) visit(next);
  };
  visit(graph.entry);
  for (const module of loginFirstStep(lang)) {
    const holder = chunkOf(graph, module);
    if (holder) visit(holder);
  }
  return [...seen];
}

function sizes(names) {
  const kB = (bytes) => round(bytes / 1024);
  let raw = 0;
  let gzip = 0;
  let gzipOnTheFly = 0;
  let brotli = 0;
  for (const name of names) {
    const file = readFileSync(fileURLToPath(new URL(name, dist)));
    raw += file.length;
    // As a citizen downloads it: the .gz file written at build time (zopfli), which the size budgets count.
    gzip += readFileSync(fileURLToPath(new URL(`${name}.gz`, dist))).length;
    gzipOnTheFly += gzipSync(file, { level: 9 }).length;
    brotli += brotliCompressSync(file, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files: names.length, rawKB: kB(raw), gzipKB: kB(gzip), gzipOnTheFlyKB: kB(gzipOnTheFly), brotliKB: kB(brotli) };
}

export function bundleSizes() {
  const graph = JSON.parse(readFileSync(fileURLToPath(new URL('bundle.chunks.json', dist)), 'utf8'));
  const english = chunkOf(graph, 'packages/elements/src/i18n/en.ts');
  const englishFirstStep = chunkOf(graph, 'packages/elements/src/i18n/en-first-step.ts');
  const all = sizes(Object.keys(graph.chunks).filter((name) => name !== english && name !== englishFirstStep));
  return {
    file: 'packages/elements/dist/bundle.js',
    // What a Vietnamese page showing every widget fetches over a session: every chunk but English,
    // each compressed on its own as a server sends it (as test/size.test.ts counts it).
    ...all,
    loginPage: sizes(loginPage(graph, 'vi')),
    // The same page with lang="en": the core and the English strings of the first step.
    loginPageEn: sizes(loginPage(graph, 'en')),
    // The English strings of the later steps, fetched in addition by a page with lang="en" once the citizen starts.
    english: sizes(english ? [english] : []),
  };
}
