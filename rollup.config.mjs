// The widget bundle a portal loads with one <script type="module">: `bundle.js` (src/autoload.ts), which
// defines each tag when it appears on the page, and beside it the chunks it fetches with import(),
// relative to its own URL: the core every widget stands on (Lit, the parts of @dvc-kit/sdk they use: the
// SDK's main entry, no zod, no jose), the later steps and other widgets, and the English strings.
// Budgets (test/size.test.ts): a page with only <dvc-login> loads at most 15 kB gzip before the citizen
// acts (in Vietnamese, or in English with the English first-step strings); everything a Vietnamese page
// showing every widget fetches at most 30 kB gzip (English apart).
// Beside them, bundle.inputs.json lists every module the chunks were built from (so the size test checks
// what went in rather than what minification left of it) and bundle.chunks.json the chunk graph: each
// chunk's static and dynamic imports and the module it stands for.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipAsync } from '@gfx/zopfli';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const DIST = 'packages/elements/dist';
/** Names of the chunks beside bundle.js; a new build removes the old ones first. */
const CHUNK = /^bundle-[\w-]+\.js(\.map|\.gz)?$/;

const repositoryPath = (id) => (id.startsWith('\0') ? id : relative(process.cwd(), id).split(sep).join('/'));

/** Removes the chunks of the previous build, whose names (hashes) the new one does not reuse. */
function cleanChunks() {
  return {
    name: 'dvc-clean-chunks',
    buildStart() {
      for (const name of readdirSync(DIST, { withFileTypes: true }).filter((e) => e.isFile() && CHUNK.test(e.name))) rmSync(join(DIST, name.name));
    },
  };
}

/**
 * Writes `<file>.js.gz` beside every file of the bundle, compressed once at build time with zopfli: a gzip
 * stream any browser reads, about 5% smaller than a server's gzip -9 on the fly. A server that sends
 * precompressed files as they are (nginx `gzip_static on`, Caddy `precompressed gzip`, the example portals'
 * server) gives citizens these bytes; the size budgets count them (test/size.test.ts).
 */
function precompress() {
  return {
    name: 'dvc-precompress',
    async writeBundle(options, bundle) {
      const files = Object.values(bundle).filter((file) => file.type === 'chunk').map((file) => join(options.dir, file.fileName));
      await Promise.all(files.map(async (file) => writeFileSync(`${file}.gz`, await gzipAsync(readFileSync(file), { numiterations: 15 }))));
    },
  };
}

/** Writes `bundle.inputs.json` (every module in the build) and `bundle.chunks.json` (the chunk graph). */
function manifests() {
  return {
    name: 'dvc-bundle-manifests',
    generateBundle(_options, bundle) {
      const modules = [...this.getModuleIds()].map(repositoryPath).sort();
      this.emitFile({ type: 'asset', fileName: 'bundle.inputs.json', source: `${JSON.stringify({ modules }, null, 2)}\n` });
      const chunks = {};
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        chunks[chunk.fileName] = {
          entry: chunk.isEntry,
          facade: chunk.facadeModuleId ? repositoryPath(chunk.facadeModuleId) : null,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          modules: Object.keys(chunk.modules).map(repositoryPath).sort(),
        };
      }
      this.emitFile({ type: 'asset', fileName: 'bundle.chunks.json', source: `${JSON.stringify({ entry: 'bundle.js', chunks }, null, 2)}\n` });
    },
  };
}

/**
 * How the modules are grouped into chunks: few and large, since each chunk is compressed on its own and
 * loses the words it shares with the others. `bundle-core-*.js` (imported by bundle.js) holds what every
 * widget stands on — Lit, the SDK's client with its problem texts, the flow base and its controllers, the
 * human check, the Vietnamese strings of the first step, the styles — and <dvc-login>'s first step.
 * `bundle-later-*.js` holds every later step and every other widget with the rest of the Vietnamese strings,
 * fetched when one appears or the citizen starts typing. English only for lang="en":
 * `bundle-en-first-step-*.js`, the first step's strings, and `bundle-en-*.js`, the rest with the SDK's English
 * rule and problem texts, fetched when a later step is needed in English or the citizen starts typing. A module of a
 * manual chunk brings its static imports with it unless they belong to another, so every SDK module used
 * only later is named here (the SDK's index re-exports them all).
 */
const SDK_INDEX = /\/packages\/sdk\/dist\/(.+\/)?index\.js$/;
const CHUNKS = [
  // The SDK's index files only re-export: they stay with the core, so no chunk imports another for them.
  ['core', SDK_INDEX],
  // English, fetched for lang="en" only, split as Vietnamese is: the first step's strings as soon as a widget
  // speaks English, and the rest with the SDK's rule and problem texts when a later step is needed in English.
  ['en-first-step', /\/packages\/elements\/src\/i18n\/en-first-step\.ts$/],
  ['en', /\/packages\/elements\/src\/(i18n\/en(-later)?|(account|passkey|assurance-gate|signature)\/en)\.ts$|\/packages\/sdk\/dist\/messages\/((problems|rules)-local-|problems-)?en\.js$/],
  // <dvc-signature> with the SDK's signer and signature calls, with the later steps: as a chunk of its own it made
  // all widgets 1.4 kB larger (39.4 against 38.0 kB, measured 2026-12-02), each chunk compressed without the other's words.
  ['later', /\/packages\/elements\/src\/signature\/|\/packages\/sdk\/dist\/(signer\/|client\/signature)/],
  // Everything after the first step of the sign-in, and every other widget.
  ['later', /\/packages\/elements\/src\/(later\.ts$|shared\/(signature-in-place|code-step|new-password-step|id-number|refusal|in-place|error-summary|consent-field|controllers\/lifetime-controller)\.ts$|login\/(later-steps|passkey-option)\.ts$|passkey\/|otp-input\/|password-field\/|register\/|method-picker\/|recovery\/|phone-recovery\/|account\/|assurance-gate\/|human-check\/solver\.ts$|i18n\/vi(-later)?\.ts$)|\/packages\/sdk\/dist\/(messages\/((problems|rules)-local-|problems-)?vi\.js$|contract\/flow-paths\.js$|client\/(sign-in-code|registration|recovery|phone-recovery|account|passkeys|assurance)\.js$|otp\/(?!flow-lifetimes)|password\/|identity\/|assurance\/(registration-choices|levels|acr)|human-check\/(solve|sha256)\.js$)/],
  // What every widget stands on, and <dvc-login>'s first step.
  ['core', /\/packages\/elements\/src\/(autoload|login\/[\w-]+|i18n\/localize|i18n\/vi-first-step|human-check\/human-check)\.ts$|\/packages\/elements\/src\/shared\/|\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/|\/packages\/sdk\/dist\//],
];

export default {
  input: 'packages/elements/src/autoload.ts',
  output: {
    dir: DIST,
    format: 'es',
    entryFileNames: 'bundle.js',
    chunkFileNames: 'bundle-[name]-[hash].js',
    // bundle.js imports what every page needs, not the chunks of widgets the page may never show.
    hoistTransitiveImports: false,
    manualChunks: (id) => CHUNKS.find(([, pattern]) => pattern.test(id))?.[0],
    // Each file's source map is written beside it but not named in it: the `//# sourceMappingURL=` line is
    // about 40 bytes gzip per file that every page would download (the size budgets count them). A server
    // that wants DevTools to find the maps sends a `SourceMap: <file>.map` header.
    sourcemap: 'hidden',
  },
  // The SDK says `"sideEffects": false`, which node-resolve does not see through the workspace link:
  // without this, every chunk the SDK's index re-exports from would be imported by the core.
  treeshake: { moduleSideEffects: (id) => !id.includes('/packages/sdk/dist/') },
  plugins: [
    cleanChunks(),
    nodeResolve({ browser: true }),
    // Lit's html`` and css`` templates keep their indentation and comments through esbuild's minifier;
    // this minifies the text inside them (the widgets' markup and styles), before the TypeScript is compiled.
    minifyHTML({ include: ['packages/elements/src/**/*.ts'] }),
    esbuild({ target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
    // terser compresses about 2% smaller than esbuild's minifier here (two passes).
    terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
    manifests(),
    precompress(),
  ],
};
