import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

/** One chunk of the widget bundle, as rollup.config.mjs recorded it in `bundle.chunks.json`. */
export interface BundleChunk {
  readonly entry: boolean;
  /** The module the chunk stands for (a dynamic import's target), if any, relative to the repository. */
  readonly facade: string | null;
  /** Chunks it imports statically: the browser fetches them before it runs. */
  readonly imports: readonly string[];
  /** Chunks it may fetch later with `import()`. */
  readonly dynamicImports: readonly string[];
  /** The modules it holds, relative to the repository. */
  readonly modules: readonly string[];
}

/** The chunk graph of the widget bundle: `bundle.js` and the chunks beside it. */
export interface BundleGraph {
  readonly entry: string;
  readonly chunks: Readonly<Record<string, BundleChunk>>;
}

const dist = new URL('../../packages/elements/dist/', import.meta.url);

/** The chunk graph rollup.config.mjs wrote beside the bundle. */
export function readBundleGraph(): BundleGraph {
  return JSON.parse(readFileSync(fileURLToPath(new URL('bundle.chunks.json', dist)), 'utf8')) as BundleGraph;
}

/** The chunks the browser fetches to run `start`: it and every chunk it imports statically, transitively. */
export function staticClosure(graph: BundleGraph, start: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name)) return;
    const chunk = graph.chunks[name];
    if (!chunk) throw new Error(`bundle.chunks.json names a chunk it does not list: ${name}`);
    seen.add(name);
    for (const next of chunk.imports) visit(next);
  };
  for (const name of start) visit(name);
  return seen;
}

/** The chunk holding `module` (a path relative to the repository). */
export function chunkOf(graph: BundleGraph, module: string): string {
  const found = Object.entries(graph.chunks).find(([, chunk]) => chunk.modules.includes(module));
  if (!found) throw new Error(`no chunk holds ${module}`);
  return found[0];
}

/**
 * Bytes a citizen downloads for these chunks: each one's precompressed `.gz` file beside it (rollup.config.mjs
 * writes them with zopfli; a server sends them as they are). Throws when a `.gz` file is missing or does not
 * hold exactly its chunk (a stale build), so the budget never counts a file that is not the one served.
 */
export function gzipBytes(names: Iterable<string>): number {
  let total = 0;
  for (const name of names) {
    const path = fileURLToPath(new URL(name, dist));
    const shipped = readFileSync(`${path}.gz`);
    if (!gunzipSync(shipped).equals(readFileSync(path))) throw new Error(`${name}.gz does not hold ${name}: build again`);
    total += shipped.length;
  }
  return total;
}

/** Gzip size (level 9) of these chunks compressed one by one on the fly, as a server without the `.gz` files sends them. */
export function onTheFlyGzipBytes(names: Iterable<string>): number {
  let total = 0;
  for (const name of names) total += gzipSync(readFileSync(fileURLToPath(new URL(name, dist))), { level: 9 }).length;
  return total;
}

/**
 * What a page that shows only `<dvc-login>` fetches before the citizen acts: bundle.js with every chunk it
 * imports statically, the chunk of the `<dvc-login>` element with every chunk that imports statically, and
 * the chunks of what the sign-in's first step needs (its form, the human check, the strings of the first step
 * in the page's language) with theirs. The code step with the other strings, the rest of the English strings
 * and the proof-of-work search are fetched later — when the citizen is in the form, when the box is ticked.
 */
export function loginPageChunks(graph: BundleGraph, lang: 'vi' | 'en' = 'vi'): Set<string> {
  const first = ['packages/elements/src/login/login.ts', 'packages/elements/src/login/credentials-step.ts', 'packages/elements/src/human-check/human-check.ts', `packages/elements/src/i18n/${lang}-first-step.ts`];
  return staticClosure(graph, [graph.entry, ...first.map((module) => chunkOf(graph, module))]);
}

/** The chunk of the English strings of the later steps, fetched only by a page (or widget) with `lang="en"` when it needs them. */
export function englishChunk(graph: BundleGraph): string {
  return chunkOf(graph, 'packages/elements/src/i18n/en.ts');
}

/** The chunk of the English strings of the first step, fetched as soon as a widget speaks English. */
export function englishFirstStepChunk(graph: BundleGraph): string {
  return chunkOf(graph, 'packages/elements/src/i18n/en-first-step.ts');
}

/**
 * Everything a Vietnamese page that shows every widget fetches over a whole session: every chunk but
 * the English strings (and what only they import), each compressed on its own as a server sends it.
 */
export function allWidgetsChunks(graph: BundleGraph): Set<string> {
  const english = new Set([englishChunk(graph), englishFirstStepChunk(graph)]);
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || english.has(name)) return;
    seen.add(name);
    for (const next of [...graph.chunks[name]!.imports, ...graph.chunks[name]!.dynamicImports]) visit(next);
  };
  visit(graph.entry);
  return seen;
}
