// How scripts/test.mjs counts: pure functions over what the runners print, so a test that is
// cancelled, a file that fails to load or holds no test, and a browser test file that never ran are
// failures rather than silence. Tested with captured runner output in test/test-accounting.test.ts.
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/**
 * @typedef {{ passed: number, failed: number, skipped: number }} Counts
 * @typedef {{ file?: string, name: string, nesting: number, suite: boolean, passed: boolean,
 *   skipped: boolean, failureType?: string }} NodeTestEvent one line of scripts/node-test-events.mjs
 * @typedef {{ file: string, passed: number, failed: number, skipped: number }} WtrFileCounts one entry
 *   of scripts/wtr-count-reporter.mjs's file report
 */

function lastNumber(output, pattern) {
  const matches = [...output.matchAll(pattern)];
  return matches.length ? Number(matches.at(-1)[1]) : undefined;
}

/**
 * The closing summary of node's spec reporter (`ℹ pass N`, `ℹ fail N`, `ℹ cancelled N`, …). A
 * cancelled test — one whose `before` hook or parent failed, or that was still running at a
 * time-out — is a failed test: it proved nothing.
 *
 * @param {string} output
 * @returns {Counts & { cancelled: number } | undefined} undefined when there is no summary
 */
export function parseNodeSummary(output) {
  const passed = lastNumber(output, /^ℹ pass (\d+)$/gm);
  const fail = lastNumber(output, /^ℹ fail (\d+)$/gm);
  const cancelled = lastNumber(output, /^ℹ cancelled (\d+)$/gm);
  if (passed === undefined || fail === undefined || cancelled === undefined) return undefined;
  const skipped = (lastNumber(output, /^ℹ skipped (\d+)$/gm) ?? 0) + (lastNumber(output, /^ℹ todo (\d+)$/gm) ?? 0);
  return { passed, failed: fail + cancelled, cancelled, skipped };
}

/**
 * The closing line of the browser test run, `N passed, N failed` (", N skipped" when any), printed by
 * scripts/wtr-count-reporter.mjs.
 *
 * @param {string} output
 * @returns {Counts | undefined}
 */
export function parseWtrSummary(output) {
  const match = [...output.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].at(-1);
  if (!match) return undefined;
  return { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) };
}

/** @param {string} text JSON lines @returns {NodeTestEvent[]} */
export function parseNodeEvents(text) {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line));
}

/**
 * What went missing in a run of node's test runner: every file handed to it must be reported, and
 * must have run at least one test of its own, not skipped (node reports a file that loads but
 * registers no test as one passing "test" named after the file, and a file that fails to load as one
 * failing; a file whose tests all skip — the PostgreSQL specifications without a database — proves
 * nothing).
 *
 * @param {string[]} expectedFiles the test files handed to the runner
 * @param {NodeTestEvent[]} events what scripts/node-test-events.mjs wrote
 * @param {string} root the folder paths are shown relative to
 * @returns {string[]} one sentence per problem; empty when every file ran tests
 */
/** A test file by its name; other modules (shared specifications) may declare tests a test file runs. */
const TEST_FILE = /\.test\.[cm]?[jt]s$/;

export function nodeFileProblems(expectedFiles, events, root) {
  const byFile = new Map();
  for (const event of events) {
    if (!event.file) continue;
    const file = resolve(root, event.file);
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(event);
  }
  const problems = [];
  const expected = new Set(expectedFiles.map((file) => resolve(root, file)));
  for (const file of expected) {
    const shown = relative(root, file);
    const reported = byFile.get(file);
    if (!reported) {
      problems.push(`${shown} was not reported by the test runner`);
      continue;
    }
    const wrapper = reported.find((event) => event.nesting === 0 && resolve(root, event.name) === file);
    // Node reports a test under the file that declares it: a file whose suite's tests are written in a
    // shared module (the store contract, the HTTP specifications) shows here as its suite.
    const tests = reported.filter((event) => event !== wrapper && (!event.suite || event.nesting === 0));
    if (tests.some((event) => !event.skipped)) continue;
    if (wrapper && !wrapper.passed) problems.push(`${shown} failed to load or crashed before running a test`);
    else problems.push(tests.length ? `${shown} ran no test: all ${tests.length} skipped` : `${shown} ran no test`);
  }
  for (const file of byFile.keys()) {
    if (!expected.has(file) && TEST_FILE.test(file)) problems.push(`${relative(root, file)} ran but was not among the files handed to the runner`);
  }
  return problems;
}

/**
 * What went missing in a browser test run: every file the configuration's globs match must have
 * run at least one test (passed or failed; a file whose tests are all skipped proves nothing).
 *
 * @param {string[]} expectedFiles files matched by the configuration's `files`, relative to `root`
 * @param {WtrFileCounts[] | undefined} reported the reporter's per-file counts (undefined: no report)
 * @param {string} root
 * @returns {string[]}
 */
export function wtrFileProblems(expectedFiles, reported, root) {
  if (!reported) return ['the browser test run wrote no per-file report (is scripts/wtr-count-reporter.mjs in web-test-runner.config.mjs?)'];
  if (expectedFiles.length === 0) return ['the browser test configuration matches no test file'];
  const ran = new Map(reported.map((entry) => [resolve(root, entry.file), entry]));
  const problems = [];
  for (const file of expectedFiles) {
    const entry = ran.get(resolve(root, file));
    if (!entry) problems.push(`${file} was not run by the browser test runner`);
    else if (entry.passed + entry.failed === 0) problems.push(`${file} ran no test in the browser`);
  }
  return problems;
}

/**
 * A glob as @web/test-runner reads `files` (`**` any folders, `*` and `?` within a name, `{a,b}`
 * alternatives) as a regular expression over `/`-separated relative paths.
 *
 * @param {string} glob
 * @returns {RegExp}
 */
export function globToRegExp(glob) {
  let pattern = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      pattern += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') pattern += '[^/]*';
    else if (char === '?') pattern += '[^/]';
    else if (char === '{') {
      depth++;
      pattern += '(?:';
    } else if (char === '}' && depth > 0) {
      depth--;
      pattern += ')';
    } else if (char === ',' && depth > 0) pattern += '|';
    else pattern += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * The files among `candidates` that the globs select (a glob starting with `!` removes files).
 *
 * @param {string[]} globs
 * @param {string[]} candidates relative, `/`-separated paths
 * @returns {string[]} sorted
 */
export function matchGlobs(globs, candidates) {
  const include = globs.filter((glob) => !glob.startsWith('!')).map(globToRegExp);
  const exclude = globs.filter((glob) => glob.startsWith('!')).map((glob) => globToRegExp(glob.slice(1)));
  return candidates.filter((file) => include.some((re) => re.test(file)) && !exclude.some((re) => re.test(file))).sort();
}

/**
 * Every file under `root` that the globs select, node_modules excepted.
 *
 * @param {string[]} globs relative to root
 * @param {string} root
 * @returns {string[]} relative, `/`-separated, sorted
 */
export function expandGlobs(globs, root) {
  const files = [];
  for (const glob of globs.filter((g) => !g.startsWith('!'))) {
    const parts = glob.split('/');
    const firstGlob = parts.findIndex((part) => /[*?{]/.test(part));
    const base = parts.slice(0, firstGlob === -1 ? parts.length - 1 : firstGlob).join('/');
    let entries;
    try {
      entries = readdirSync(join(root, base), { withFileTypes: true, recursive: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = relative(root, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/');
      if (!path.split('/').includes('node_modules')) files.push(path);
    }
  }
  return matchGlobs(globs, [...new Set(files)]);
}
