// The widget bundle a portal loads (packages/elements/dist/bundle.js), raw, gzip and brotli.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { round } from './stats.mjs';

export function bundleSizes() {
  const bundle = readFileSync(fileURLToPath(new URL('../../packages/elements/dist/bundle.js', import.meta.url)));
  const kB = (bytes) => round(bytes / 1024);
  return {
    file: 'packages/elements/dist/bundle.js',
    rawKB: kB(bundle.length),
    gzipKB: kB(gzipSync(bundle, { level: 9 }).length),
    brotliKB: kB(brotliCompressSync(bundle, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length),
  };
}
