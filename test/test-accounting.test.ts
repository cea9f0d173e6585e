import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  expandGlobs,
  globToRegExp,
  matchGlobs,
  nodeFileProblems,
  parseNodeEvents,
  parseNodeSummary,
  parseWtrSummary,
  wtrFileProblems,
} from '../scripts/test-accounting.mjs';

// How `npm test` counts, fed with what node's test runner and @web/test-runner really printed
// (captured from Node 20.20 runs): lost tests are failures, not silence.

const root = '/repo';

/** The tail of node's spec reporter after a file whose `before` hook failed and cancelled two tests. */
const CANCELLED_RUN = `✔ ok (0.74502ms)
▶ s
  ✖ c1
    'test did not finish before its parent and was cancelled'

  ✖ c2
    'test did not finish before its parent and was cancelled'

✖ s (0.257825ms)

  Error: x
ℹ tests 13
ℹ suites 1
ℹ pass 11
ℹ fail 0
ℹ cancelled 2
ℹ skipped 0
ℹ todo 0
ℹ duration_ms 2277.854895
`;

test('cancelled tests count as failed: a failed before hook does not hide the tests under it', () => {
  assert.deepEqual(parseNodeSummary(CANCELLED_RUN), { passed: 11, failed: 2, cancelled: 2, skipped: 0 });
});

test('failed, cancelled, skipped and todo tests are all counted', () => {
  const output = 'ℹ tests 120\nℹ suites 9\nℹ pass 30\nℹ fail 1\nℹ cancelled 80\nℹ skipped 5\nℹ todo 4\nℹ duration_ms 9\n';
  assert.deepEqual(parseNodeSummary(output), { passed: 30, failed: 81, cancelled: 80, skipped: 9 });
});

test('a node run without its summary has no counts, so the run cannot pass by saying nothing', () => {
  assert.equal(parseNodeSummary('✔ something (1ms)\n'), undefined);
  assert.equal(parseNodeSummary('ℹ pass 3\nℹ fail 0\n'), undefined, 'a summary without the cancelled line is not trusted');
});

test('the browser run closing line is read, skipped optional, the last one wins', () => {
  assert.deepEqual(parseWtrSummary('\u001b[2K\n12 passed, 0 failed\n'), { passed: 12, failed: 0, skipped: 0 });
  assert.deepEqual(parseWtrSummary('1 passed, 1 failed\nlog\n17 passed, 2 failed, 3 skipped\n'), { passed: 17, failed: 2, skipped: 3 });
  assert.equal(parseWtrSummary('Chrome: |██████| 17/17 test files\n'), undefined);
});

/** What scripts/node-test-events.mjs wrote for four files: tests, a cancelled suite, a load failure, an empty file. */
const EVENTS = parseNodeEvents(
  [
    { file: '/repo/test/a.test.ts', name: 'ok', nesting: 0, suite: false, passed: true, skipped: false },
    { file: '/repo/test/b.test.ts', name: 'c1', nesting: 1, suite: false, passed: false, skipped: false, failureType: 'cancelledByParent' },
    { file: '/repo/test/b.test.ts', name: 's', nesting: 0, suite: true, passed: false, skipped: false, failureType: 'hookFailed' },
    { file: '/repo/test/broken.test.ts', name: '/repo/test/broken.test.ts', nesting: 0, suite: false, passed: false, skipped: false, failureType: 'testCodeFailure' },
    { file: '/repo/test/empty.test.ts', name: '/repo/test/empty.test.ts', nesting: 0, suite: false, passed: true, skipped: false },
    { file: '/repo/test/postgres.test.ts', name: 'HTTP API on PostgreSQL', nesting: 0, suite: false, passed: true, skipped: true },
  ]
    .map((event) => JSON.stringify(event))
    .join('\n') + '\n',
);

test('every node test file handed over must run a test of its own: an empty file, one that fails to load and one whose tests all skip are named', () => {
  const files = ['test/a.test.ts', 'test/b.test.ts', 'test/broken.test.ts', 'test/empty.test.ts', 'test/postgres.test.ts'];
  assert.deepEqual(nodeFileProblems(files, EVENTS, root), [
    'test/broken.test.ts failed to load or crashed before running a test',
    'test/empty.test.ts ran no test',
    'test/postgres.test.ts ran no test: all 1 skipped',
  ]);
});

test('a node test file the runner never reported is named, and so is one it ran without being asked', () => {
  assert.deepEqual(nodeFileProblems(['test/a.test.ts', 'test/gone.test.ts'], EVENTS.slice(0, 1), root), ['test/gone.test.ts was not reported by the test runner']);
  assert.deepEqual(nodeFileProblems(['test/a.test.ts'], EVENTS.slice(0, 3), root), ['test/b.test.ts ran but was not among the files handed to the runner']);
  assert.deepEqual(nodeFileProblems(['test/a.test.ts', 'test/b.test.ts'], EVENTS.slice(0, 3), root), [], 'a cancelled test still shows its file ran (the summary counts it failed)');
  assert.deepEqual(nodeFileProblems(['test/a.test.ts'], [], root), ['test/a.test.ts was not reported by the test runner']);
});

test('a test file whose suite runs specifications written in a shared module counts as run; the module is not flagged', () => {
  const shared = parseNodeEvents(
    [
      { file: '/repo/test/store/contract.ts', name: 'an account is found', nesting: 1, suite: false, passed: true, skipped: false },
      { file: '/repo/test/store/pglite.test.ts', name: 'store contract on PGlite', nesting: 0, suite: true, passed: true, skipped: false },
      { file: '/repo/test/stray.test.ts', name: 'x', nesting: 0, suite: false, passed: true, skipped: false },
    ]
      .map((event) => JSON.stringify(event))
      .join('\n'),
  );
  assert.deepEqual(nodeFileProblems(['test/store/pglite.test.ts', 'test/stray.test.ts'], shared, root), []);
  assert.deepEqual(nodeFileProblems(['test/store/pglite.test.ts'], shared, root), ['test/stray.test.ts ran but was not among the files handed to the runner']);
});

test('every browser test file the configuration matches must have run a test', () => {
  const expected = ['packages/elements/test/a.test.ts', 'packages/elements/test/b.test.ts', 'packages/elements/test/c.test.ts'];
  const reported = [
    { file: '/repo/packages/elements/test/a.test.ts', passed: 3, failed: 0, skipped: 0 },
    { file: '/repo/packages/elements/test/b.test.ts', passed: 0, failed: 0, skipped: 2 },
  ];
  assert.deepEqual(wtrFileProblems(expected, reported, root), [
    'packages/elements/test/b.test.ts ran no test in the browser',
    'packages/elements/test/c.test.ts was not run by the browser test runner',
  ]);
  assert.deepEqual(wtrFileProblems(expected.slice(0, 1), reported.slice(0, 1), root), []);
});

test('a browser run without the per-file report, or a configuration matching no file, is a problem', () => {
  assert.match(wtrFileProblems(['a.test.ts'], undefined, root)[0] ?? '', /no per-file report/);
  assert.deepEqual(wtrFileProblems([], [], root), ['the browser test configuration matches no test file']);
});

test('globs read as @web/test-runner reads them', () => {
  const re = globToRegExp('packages/elements/test/**/*.test.ts');
  assert.ok(re.test('packages/elements/test/define.test.ts'));
  assert.ok(re.test('packages/elements/test/real-service/journey.test.ts'));
  assert.ok(!re.test('packages/elements/test/support/dom.ts'));
  assert.ok(!re.test('packages/elementsXtest/define.test.ts'));
  assert.ok(globToRegExp('test/{a,b}.test.?s').test('test/b.test.ts'));
  assert.deepEqual(matchGlobs(['**/*.test.ts', '!**/real-service/**'], ['x/a.test.ts', 'x/real-service/b.test.ts', 'x/c.ts']), ['x/a.test.ts']);
});

test('the configuration globs are expanded from the disk, node_modules left out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-globs-'));
  try {
    for (const folder of ['t/deep', 't/node_modules/x']) mkdirSync(join(dir, folder), { recursive: true });
    for (const file of ['t/one.test.ts', 't/deep/two.test.ts', 't/helper.ts', 't/node_modules/x/three.test.ts']) writeFileSync(join(dir, file), '');
    assert.deepEqual(expandGlobs(['t/**/*.test.ts'], dir), ['t/deep/two.test.ts', 't/one.test.ts']);
    assert.deepEqual(expandGlobs(['t/one.test.ts'], dir), ['t/one.test.ts']);
    assert.deepEqual(expandGlobs(['missing/**/*.test.ts'], dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
