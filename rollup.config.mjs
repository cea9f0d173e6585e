// The widget bundle a portal loads with one <script type="module">: define.ts with Lit and the parts of
// @dvc-kit/sdk it uses (the SDK's main entry: no zod, no jose), and beside it the English strings, fetched
// only by a widget that speaks English. Budget: 30 kB gzip for what a Vietnamese page loads.
// Beside it, bundle.inputs.json lists every module the bundle was built from, so test/size.test.ts
// checks what went in rather than what minification left of it.
import { readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** Writes `bundle.inputs.json`: the ids of every module in the build, relative to the repository. */
function inputManifest() {
  return {
    name: 'dvc-input-manifest',
    generateBundle() {
      const modules = [...this.getModuleIds()].map((id) => (id.startsWith('\0') ? id : relative(process.cwd(), id).split(sep).join('/'))).sort();
      this.emitFile({ type: 'asset', fileName: 'bundle.inputs.json', source: `${JSON.stringify({ modules }, null, 2)}\n` });
    },
  };
}

/** Removes the chunks of earlier builds (their names carry a content hash), so dist holds this build's only. */
function removeOldChunks(dir) {
  return {
    name: 'dvc-remove-old-chunks',
    buildStart() {
      let files = [];
      try {
        files = readdirSync(dir);
      } catch {
        return;
      }
      for (const file of files) if (/^bundle-.+\.js(\.map)?$/.test(file)) rmSync(join(dir, file));
    },
  };
}

const DIST = 'packages/elements/dist';

export default {
  input: 'packages/elements/src/define.ts',
  output: {
    // bundle.js is the one script a page includes; what it fetches later (the English strings) lies
    // beside it as bundle-<name>-<hash>.js and is imported relative to it.
    dir: DIST,
    entryFileNames: 'bundle.js',
    chunkFileNames: 'bundle-[name]-[hash].js',
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true }),
    // Lit's html`` and css`` templates keep their indentation and comments through esbuild's minifier;
    // this minifies the text inside them (the widgets' markup and styles), before the TypeScript is compiled.
    minifyHTML({ include: ['packages/elements/src/**/*.ts'] }),
    esbuild({ target: 'es2022', tsconfig: 'packages/elements/tsconfig.json' }),
    // terser compresses about 2% smaller than esbuild's minifier here (two passes).
    terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
    inputManifest(),
    removeOldChunks(DIST),
  ],
};
