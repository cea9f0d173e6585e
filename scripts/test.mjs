#!/usr/bin/env node
// Runs every suite in turn — build, Node tests (SDK, service on PGlite and PostgreSQL, cross-package
// journeys, size), browser component tests — and ends with one line `N passed, N failed`.
// Exit code is non-zero when anything failed or a suite could not start.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startPostgres } from './postgres.mjs';

const inCi = process.env.CI === 'true';
const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

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
      console.error(`✖ ${name} could not start: ${error.message}`);
      resolve({ code: 1, counted: false });
    });
    child.on('close', (code) => {
      const counts = parse ? parse(output) : undefined;
      if (counts) {
        totals.passed += counts.passed;
        totals.failed += counts.failed;
        totals.skipped += counts.skipped;
      }
      if (code !== 0 && (!counts || counts.failed === 0)) {
        console.error(`✖ ${name} exited with ${code}${parse ? ' without reporting a failed test' : ''}`);
        broken = true;
      }
      resolve({ code, counted: Boolean(counts) });
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

function lastNumber(output, pattern) {
  const matches = [...output.matchAll(pattern)];
  return matches.length ? Number(matches.at(-1)[1]) : undefined;
}

function parseNodeTest(output) {
  const passed = lastNumber(output, /^ℹ pass (\d+)$/gm);
  const failed = lastNumber(output, /^ℹ fail (\d+)$/gm);
  if (passed === undefined || failed === undefined) return undefined;
  const skipped = (lastNumber(output, /^ℹ skipped (\d+)$/gm) ?? 0) + (lastNumber(output, /^ℹ todo (\d+)$/gm) ?? 0);
  return { passed, failed, skipped };
}

function parseWtr(output) {
  const match = [...output.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].at(-1);
  if (!match) return undefined;
  return { passed: Number(match[1]), failed: Number(match[2]), skipped: Number(match[3] ?? 0) };
}

const build = await run('build', 'npm', ['run', 'build', '--silent'], {});
if (build.code !== 0) {
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

// tsx runs tests without checking types: check the sources and the tests themselves here.
const typecheck = await run('typecheck', 'npm', ['run', 'typecheck', '--silent'], {});
if (typecheck.code !== 0) broken = true;

let postgres;
const pgEnv = {};
try {
  postgres = await startPostgres();
  pgEnv.DVC_TEST_DATABASE_URL = postgres.url;
  console.log(`PostgreSQL for tests: ${postgres.url.replace(/\/\/[^@]*@/, '//')}`);
} catch (error) {
  console.log(`\nPostgreSQL not available: ${error.message}`);
  console.log(inCi ? 'In CI PostgreSQL is required: the PostgreSQL store tests will fail.' : 'The PostgreSQL store tests are skipped; install postgresql to run them.');
}

try {
  await run(
    'node tests',
    'npx',
    [
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-concurrency=2',
      ...['packages/sdk/test', 'packages/server/test', 'test'].flatMap(testFiles),
    ],
    { env: pgEnv, parse: parseNodeTest },
  );

  if (existsSync('web-test-runner.config.mjs')) {
    await run('browser component tests', 'npx', ['web-test-runner', '--config', 'web-test-runner.config.mjs'], { parse: parseWtr });
  }
} finally {
  await postgres?.stop();
}

const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
console.log(`\n${totals.passed} passed, ${totals.failed + (broken ? 1 : 0)} failed${skipped}`);
process.exit(totals.failed > 0 || broken ? 1 : 0);
