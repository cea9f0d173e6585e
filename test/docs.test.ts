import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The TypeDoc site builds from the packages' doc comments (what `npm run docs` publishes), and every
// public export, and every method of an exported interface, has a doc comment. Properties are
// described by their interface's comment where their name says enough, so they are not counted, nor
// the members of a zod schema's inferred type (`__type`), which the schema's comment documents.

const root = fileURLToPath(new URL('..', import.meta.url));
const typedoc = join(dirname(createRequire(import.meta.url).resolve('typedoc/package.json')), 'bin', 'typedoc');

/** The project's TypeDoc options with every package's documentation checked, paths made absolute. */
function strictOptions(out: string): string {
  const options = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8'));
  const validation = { notExported: false, invalidLink: false, notDocumented: true };
  const strict = {
    ...options,
    entryPoints: options.entryPoints.map((entry: string) => join(root, entry)),
    readme: join(root, options.readme),
    projectDocuments: options.projectDocuments.map((glob: string) => join(root, glob)),
    packageOptions: { ...options.packageOptions, validation },
    validation,
    out,
  };
  delete strict.$schema;
  const file = join(out, '..', 'typedoc.json');
  writeFileSync(file, JSON.stringify(strict));
  return file;
}

test('the docs site builds, and every public export of the three packages has a doc comment', () => {
  const work = mkdtempSync(join(tmpdir(), 'dvc-docs-'));
  const out = join(work, 'site');
  try {
    const run = spawnSync(process.execPath, [typedoc, '--options', strictOptions(out)], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    const output = `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    assert.equal(run.status, 0, output);
    assert.doesNotMatch(output, /\[error\]/, output);
    const undocumented = output
      .split('\n')
      .filter((line) => line.includes('does not have any documentation') && !line.includes('(Property)') && !line.includes('.__type.'))
      .map((line) => line.replace(/^\[warning\] /, '').replace(/, does not have any documentation$/, ''));
    assert.deepEqual(undocumented, [], 'exports without a doc comment');
    assert.ok(existsSync(join(out, 'index.html')), 'no index.html');
    const modules = readdirSync(join(out, 'modules'));
    for (const page of ['_dvc-kit_sdk.html', '_dvc-kit_sdk.tokens.html', '_dvc-kit_elements.html', '_dvc-kit_server.html']) assert.ok(modules.includes(page), `no ${page} in ${modules.join(', ')}`);
    assert.ok(readdirSync(join(out, 'documents')).length >= 3, 'the guides in docs/guides are missing');
    const pictures = readdirSync(join(root, 'docs', 'guides', 'images'));
    const copied = existsSync(join(out, 'media')) ? readdirSync(join(out, 'media')) : [];
    assert.deepEqual(pictures.filter((picture) => !copied.includes(picture)), [], 'pictures of the guides the site does not carry');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('every picture a guide shows exists, and every picture in docs/guides/images is shown by a guide', () => {
  const guides = join(root, 'docs', 'guides');
  const shown = new Set<string>();
  for (const guide of readdirSync(guides).filter((file) => file.endsWith('.md'))) {
    for (const [, path] of readFileSync(join(guides, guide), 'utf8').matchAll(/!\[[^\]]+\]\(([^)\s]+)\)/g)) {
      assert.ok(existsSync(join(guides, path!)), `${guide} shows ${path}, which does not exist (npm run docs:screenshots)`);
      shown.add(path!.replace(/^images\//, ''));
    }
  }
  const pictures = readdirSync(join(guides, 'images'));
  assert.ok(pictures.length >= 8, `only ${pictures.length} pictures`);
  assert.deepEqual(pictures.filter((picture) => !shown.has(picture)), [], 'pictures no guide shows');
});
