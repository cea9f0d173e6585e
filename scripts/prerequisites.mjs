#!/usr/bin/env node
// What the tests need from the machine besides Node and npm: Debian's Chromium (the browser tests)
// and Debian's PostgreSQL server (the store specifications run on it too). `npm test` and `.ci/run`
// call `ensurePrerequisites()` before anything else: it installs what is missing when it can (root,
// or passwordless sudo, and apt-get), and otherwise says which command to run and stops.
//
//   node scripts/prerequisites.mjs   exits 0 when everything is there (installing it if it can), 1 when not.
//
// The decision is a pure function of what it is told (`which`, `exists`, `uid`, `canSudo`), so it is
// tested without uninstalling anything (test/prerequisites.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Debian packages the tests need, in the order they are installed. */
export const DEBIAN_PACKAGES = ['chromium', 'postgresql'];

/**
 * @typedef {object} Machine What the decision needs to know about the machine.
 * @property {(command: string) => boolean} which whether a command is on the PATH
 * @property {(path: string) => boolean} exists whether a file exists
 * @property {() => boolean} hasPostgres whether /usr/lib/postgresql/<major>/bin/initdb exists
 * @property {number | undefined} uid the effective user id (undefined on Windows)
 * @property {() => boolean} canSudo whether `sudo -n true` succeeds (sudo without a password)
 * @property {Record<string, string | undefined>} env the environment (CHROME_PATH)
 */

/**
 * The Debian packages missing on this machine: `chromium` unless CHROME_PATH names an existing
 * browser, `/usr/bin/chromium` exists or `chromium` is on the PATH; `postgresql` unless a server's
 * `initdb` is in /usr/lib/postgresql/<major>/bin (where scripts/postgres.mjs looks).
 *
 * @param {Machine} machine
 * @returns {string[]}
 */
export function missingPackages(machine) {
  const missing = [];
  const chromePath = machine.env.CHROME_PATH;
  const hasChromium = chromePath ? machine.exists(chromePath) : machine.exists('/usr/bin/chromium') || machine.which('chromium');
  if (!hasChromium) missing.push('chromium');
  if (!machine.hasPostgres()) missing.push('postgresql');
  return missing;
}

/** The command a person runs to install `packages`, with sudo unless they are root. */
export function installCommand(packages, asRoot) {
  const sudo = asRoot ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * @typedef {{ action: 'none' }
 *   | { action: 'install', packages: string[], steps: string[][] }
 *   | { action: 'stop', packages: string[], reason: string, command: string }} Plan
 */

/**
 * What to do about the missing packages: nothing; install them (as root, or through passwordless
 * sudo, with apt-get); or stop and tell the person the exact command.
 *
 * @param {Machine} machine
 * @returns {Plan}
 */
export function planPrerequisites(machine) {
  const packages = missingPackages(machine);
  if (packages.length === 0) return { action: 'none' };
  const asRoot = machine.uid === 0;
  const command = installCommand(packages, asRoot);
  if (!machine.which('apt-get')) {
    return {
      action: 'stop',
      packages,
      reason: 'apt-get is not available: install Chromium and the PostgreSQL server with this system\'s package manager (and set CHROME_PATH to the browser), or on Debian/Ubuntu run',
      command,
    };
  }
  let prefix;
  if (asRoot) prefix = [];
  else if (machine.which('sudo') && machine.canSudo()) prefix = ['sudo', '-n'];
  else return { action: 'stop', packages, reason: 'installing them needs root, and sudo asks for a password here: run', command };
  return {
    action: 'install',
    packages,
    steps: [
      [...prefix, 'apt-get', 'update'],
      [...prefix, 'apt-get', 'install', '-y', '--no-install-recommends', ...packages],
    ],
  };
}

/** The machine this process runs on. */
export function thisMachine() {
  return {
    which: (command) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, command))),
    exists: existsSync,
    hasPostgres: () => {
      const root = '/usr/lib/postgresql';
      return existsSync(root) && readdirSync(root).some((major) => existsSync(join(root, major, 'bin', 'initdb')));
    },
    uid: process.getuid?.(),
    canSudo: () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0,
    env: process.env,
  };
}

/** Runs one step with the terminal attached; apt-get asks nothing. @returns {number} its exit code */
function runStep(step) {
  const result = spawnSync(step[0], step.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status ?? 1;
}

/**
 * Makes sure the tests' Debian packages are installed: installs the missing ones when it can, and
 * otherwise returns `ok: false` with a message naming the command to run. Nothing else is started.
 *
 * @param {{ machine?: Machine, run?: (step: string[]) => number, log?: (line: string) => void }} [options]
 *   `machine` and `run` are the outside world, replaced in tests.
 * @returns {{ ok: true, installed: string[] } | { ok: false, message: string }}
 */
export function ensurePrerequisites(options = {}) {
  const machine = options.machine ?? thisMachine();
  const run = options.run ?? runStep;
  const log = options.log ?? ((line) => console.log(line));
  const plan = planPrerequisites(machine);
  if (plan.action === 'none') return { ok: true, installed: [] };
  if (plan.action === 'stop') {
    return { ok: false, message: `The tests need ${plan.packages.join(' and ')} from Debian's packages; ${plan.reason}:\n\n  ${plan.command}\n` };
  }
  log(`The tests need ${plan.packages.join(' and ')}: installing from Debian's packages.`);
  for (const step of plan.steps) {
    log(`$ ${step.join(' ')}`);
    const code = run(step);
    if (code !== 0) {
      return { ok: false, message: `\`${step.join(' ')}\` failed (exit ${code}); install them yourself:\n\n  ${installCommand(plan.packages, machine.uid === 0)}\n` };
    }
  }
  const still = missingPackages(machine);
  if (still.length > 0) {
    return { ok: false, message: `apt-get finished but ${still.join(' and ')} is still missing; install it yourself:\n\n  ${installCommand(still, machine.uid === 0)}\n` };
  }
  return { ok: true, installed: plan.packages };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = ensurePrerequisites();
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
}
