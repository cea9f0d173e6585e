import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parts of zod small enough for the widget bundle: zod/mini and the core it stands on. */
const ZOD_MINI = ['mini/', 'v4/mini/', 'v4-mini/', 'v4/core/'];

/**
 * The package a module id belongs to and the path inside it: `node_modules/zod/v4/classic/x.js` →
 * `['zod', 'v4/classic/x.js']`; a bare id (an external) is read the same way; the repository's own
 * files and virtual modules belong to no package.
 */
function packageOf(id: string): [name: string, subpath: string] | undefined {
  const at = id.lastIndexOf('node_modules/');
  let rest: string;
  if (at >= 0) rest = id.slice(at + 'node_modules/'.length);
  else if (/^[@a-z]/i.test(id) && !id.startsWith('packages/') && !id.startsWith('examples/')) rest = id;
  else return undefined;
  const parts = rest.split('/');
  const nameLength = parts[0]?.startsWith('@') ? 2 : 1;
  return [parts.slice(0, nameLength).join('/'), parts.slice(nameLength).join('/')];
}

/**
 * The bundle inputs that must not be there: any module of jose (token verification belongs to the
 * portal's backend), and any module of zod but zod/mini (full zod alone is over the size budget).
 *
 * @returns one `module id (why)` per forbidden input; empty when the bundle is clean
 */
export function forbiddenBundleInputs(modules: readonly string[]): string[] {
  const forbidden: string[] = [];
  for (const id of modules) {
    const owner = packageOf(id);
    if (!owner) continue;
    const [name, subpath] = owner;
    if (name === 'jose') forbidden.push(`${id} (jose)`);
    else if (name === 'zod' && !ZOD_MINI.some((allowed) => `${subpath}/`.startsWith(allowed))) forbidden.push(`${id} (zod, not zod/mini)`);
  }
  return forbidden;
}

/** The module ids the widget bundle (bundle.js and every chunk beside it) was built from, as rollup.config.mjs recorded them. */
export function readBundleInputs(): string[] {
  const manifest = fileURLToPath(new URL('../../packages/elements/dist/bundle.inputs.json', import.meta.url));
  const { modules } = JSON.parse(readFileSync(manifest, 'utf8')) as { modules: string[] };
  return modules;
}
