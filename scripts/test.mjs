#!/usr/bin/env node
// Runs every suite in turn — build, Node tests (SDK, service on PGlite and PostgreSQL, cross-package
// journeys, size), browser component tests — and ends with one line `N passed, N failed`.
// First it makes sure the machine has what the tests need (scripts/prerequisites.mjs), installing it
// when it can and otherwise stopping before anything runs. A cancelled test counts as failed, and a
// suite that runs fewer test files than it holds, or whose configuration is missing, fails the run
// (scripts/test-accounting.mjs). Exit code is non-zero when anything failed or could not start.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startPostgres } from './postgres.mjs';
import { ensurePrerequisites } from './prerequisites.mjs';
import { expandGlobs, nodeFileProblems, parseNodeEvents, parseNodeSummary, parseWtrSummary, wtrFileProblems } from './test-accounting.mjs';

const root = process.cwd();
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Whatever made the run untrustworthy besides failed tests: each counts as one failure. */
const problems = [];

const prerequisites = ensurePrerequisites();
if (!prerequisites.ok) {
  console.error(`\n✖ ${prerequisites.message}`);
  console.log('Nothing was run.');
  process.exit(1);
}

function run(name, command, args, { env = {}, parse }) {
  return new Promise((resolve) => {
    console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.on('error', (error) => {
      problems.push(`${name} could not start: ${error.message}`);
      resolve({ code: 1 });
    });
    child.on('close', (code) => {
      const counts = parse ? parse(output) : undefined;
      if (counts) {
        totals.passed += counts.passed;
        totals.failed += counts.failed;
        totals.skipped += counts.skipped;
      } else if (parse) {
        problems.push(`${name} printed no test summary (exit ${code})`);
      }
      if (code !== 0 && counts && counts.failed === 0) problems.push(`${name} exited with ${code} without reporting a failed test`);
      if (code !== 0 && !parse) problems.push(`${name} exited with ${code}`);
      resolve({ code });
    });
  });
}

// Node 20's test runner takes no globs: list the test files ourselves.
function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

function finish() {
  if (problems.length) console.log(`\n✖ ${problems.length} problem${problems.length > 1 ? 's' : ''} besides failed tests:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  console.log(`\n${totals.passed} passed, ${totals.failed + problems.length} failed${skipped}`);
  process.exit(totals.failed > 0 || problems.length > 0 ? 1 : 0);
}

const build = await run('build', 'npm', ['run', 'build', '--silent'], {});
if (build.code !== 0) finish();

// tsx runs tests without checking types: check the sources and the tests themselves here.
await run('typecheck', 'npm', ['run', 'typecheck', '--silent'], {});

const work = mkdtempSync(join(tmpdir(), 'dvc-test-run-'));
let postgres;
const pgEnv = {};
try {
  postgres = await startPostgres();
  pgEnv.DVC_TEST_DATABASE_URL = postgres.url;
  console.log(`PostgreSQL for tests: ${postgres.url.replace(/\/\/[^@]*@/, '//')}`);
} catch (error) {
  problems.push(`PostgreSQL did not start, so the PostgreSQL store tests cannot run: ${error.message}`);
}

try {
  const nodeFiles = ['packages/sdk/test', 'packages/server/test', 'test'].flatMap(testFiles);
  const events = join(work, 'node-test-events.jsonl');
  await run(
    'node tests',
    'npx',
    [
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${pathToFileURL(resolve('scripts/node-test-events.mjs')).href}`,
      `--test-reporter-destination=${events}`,
      '--test-concurrency=2',
      ...nodeFiles,
    ],
    { env: pgEnv, parse: parseNodeSummary },
  );
  problems.push(...nodeFileProblems(nodeFiles, existsSync(events) ? parseNodeEvents(readFileSync(events, 'utf8')) : [], root));

  const wtrConfig = resolve('web-test-runner.config.mjs');
  if (!existsSync(wtrConfig)) {
    problems.push('web-test-runner.config.mjs is missing: the browser tests cannot run');
  } else {
    const config = (await import(pathToFileURL(wtrConfig).href)).default;
    const wtrFiles = expandGlobs([config.files ?? []].flat(), config.rootDir ?? root);
    const fileReport = join(work, 'wtr-files.json');
    await run('browser component tests', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], {
      env: { DVC_WTR_FILE_REPORT: fileReport },
      parse: parseWtrSummary,
    });
    const reported = existsSync(fileReport) ? JSON.parse(readFileSync(fileReport, 'utf8')) : undefined;
    problems.push(...wtrFileProblems(wtrFiles, reported, config.rootDir ?? root));
  }
} finally {
  await postgres?.stop();
  rmSync(work, { recursive: true, force: true });
}

finish();
