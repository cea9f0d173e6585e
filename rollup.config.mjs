// The self-contained widget bundle a portal loads with one <script type="module">: define.ts with
// Lit and the parts of @dvc-kit/sdk it uses (the SDK's main entry: no zod, no jose). Budget: 30 kB gzip.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

export default {
  input: 'packages/elements/src/define.ts',
  output: {
    file: 'packages/elements/dist/bundle.js',
    format: 'es',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ browser: true }),
    esbuild({ target: 'es2022', minify: true, tsconfig: 'packages/elements/tsconfig.json' }),
  ],
};
