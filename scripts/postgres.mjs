#!/usr/bin/env node
// A throw-away PostgreSQL server for tests: Debian's binaries, a temporary data folder owned by the
// `postgres` user (initdb refuses root), trust authentication on a free loopback port, one database.
//
//   import { startPostgres } from './postgres.mjs';
//   const { url, stop } = await startPostgres();
//
//   node scripts/postgres.mjs -- npx tsx --test 'packages/server/test/**/*.test.ts'
//     starts PostgreSQL, runs the command with DVC_TEST_DATABASE_URL set, stops it, exits with the
//     command's exit code.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { freePort } from './free-port.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATABASE = 'dvc_test';

/** The newest `/usr/lib/postgresql/<major>/bin` that has initdb, or undefined. */
function findBinaries() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors.length ? join(root, majors[0], 'bin') : undefined;
}


/** Runs a command as the `postgres` user when we are root (initdb and postgres refuse root). */
function asPostgres(command, args) {
  if (process.getuid?.() !== 0) return { command, args };
  if (existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser')) return { command: 'runuser', args: ['-u', 'postgres', '--', command, ...args] };
  const quoted = [command, ...args].map((part) => `'${String(part).replace(/'/g, `'\\''`)}'`).join(' ');
  return { command: 'su', args: ['postgres', '-s', '/bin/sh', '-c', quoted] };
}

function run(command, args) {
  const wrapped = asPostgres(command, args);
  const result = spawnSync(wrapped.command, wrapped.args, { encoding: 'utf8' });
  if (result.error) throw new Error(`Could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts a private PostgreSQL server for tests and creates one database in it.
 *
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>} `url` is a `postgres://` URL of the
 *   database; `stop` shuts the server down and removes its folder.
 * @throws {Error} when the PostgreSQL server binaries are not installed.
 */
export async function startPostgres() {
  const bin = findBinaries();
  if (!bin) {
    throw new Error('PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin (install the Debian package "postgresql")');
  }
  const folder = mkdtempSync(join(tmpdir(), 'dvc-postgres-'));
  const data = join(folder, 'data');
  const cleanup = () => rmSync(folder, { recursive: true, force: true });
  try {
    chmodSync(folder, 0o700);
    if (process.getuid?.() === 0) {
      const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
      const groups = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
      if (ids.status !== 0) throw new Error('Running as root but there is no "postgres" user to run PostgreSQL as');
      chownSync(folder, Number(ids.stdout.trim()), Number(groups.stdout.trim()));
    }
    run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  } catch (error) {
    cleanup();
    throw error;
  }

  const port = await freePort();
  const wrapped = asPostgres(join(bin, 'postgres'), [
    '-D', data, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1',
    '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ]);
  const server = spawn(wrapped.command, wrapped.args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let log = '';
  server.stderr.on('data', (chunk) => {
    log = (log + chunk).slice(-4000);
  });
  const exited = new Promise((resolve) => server.once('exit', resolve));

  let stopped = false;
  async function stop() {
    if (stopped) return;
    stopped = true;
    if (server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid, 'SIGINT'); // fast shutdown of the whole process group
      } catch {
        server.kill('SIGINT');
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-server.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
    cleanup();
  }

  try {
    const isReady = join(bin, 'pg_isready');
    for (let tries = 0; ; tries++) {
      if (server.exitCode !== null) throw new Error(`PostgreSQL exited while starting: ${log}`);
      const ready = spawnSync(isReady, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-q']);
      if (ready.status === 0) break;
      if (tries > 150) throw new Error(`PostgreSQL did not become ready in 30 s: ${log}`);
      await sleep(200);
    }
    run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', DATABASE]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/${DATABASE}`, stop };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const separator = process.argv.indexOf('--');
  const command = separator >= 0 ? process.argv.slice(separator + 1) : process.argv.slice(2);
  const postgres = await startPostgres();
  if (command.length === 0) {
    console.log(`PostgreSQL is running: ${postgres.url}\nPress Ctrl-C to stop.`);
    await new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await postgres.stop();
  } else {
    console.log(`PostgreSQL for this command: ${postgres.url}`);
    const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, DVC_TEST_DATABASE_URL: postgres.url } });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const code = await new Promise((resolve) => {
      child.once('error', (error) => {
        console.error(`Could not run ${command[0]}: ${error.message}`);
        resolve(127);
      });
      child.once('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0)));
    });
    await postgres.stop();
    process.exit(code);
  }
}
