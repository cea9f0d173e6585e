import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ensurePrerequisites, missingPackages, planPrerequisites } from '../scripts/prerequisites.mjs';

// What `npm test` does on a machine with only Node and npm: installs Chromium and PostgreSQL from
// Debian's packages when it may, and otherwise stops naming the command. The machine is described,
// not changed: nothing is uninstalled to test this.

interface Described {
  commands?: string[];
  files?: string[];
  postgres?: boolean;
  uid?: number;
  sudoWithoutPassword?: boolean;
  env?: Record<string, string>;
}

function machine(described: Described) {
  const commands = new Set(described.commands ?? ['apt-get']);
  const files = new Set(described.files ?? []);
  let postgres = described.postgres ?? false;
  return {
    which: (command: string) => commands.has(command),
    exists: (path: string) => files.has(path),
    hasPostgres: () => postgres,
    uid: described.uid,
    canSudo: () => described.sudoWithoutPassword ?? false,
    env: described.env ?? {},
    /** What a successful `apt-get install` leaves behind. */
    install(packages: string[]) {
      if (packages.includes('chromium')) files.add('/usr/bin/chromium');
      if (packages.includes('postgresql')) postgres = true;
    },
  };
}

test('a machine with Chromium and PostgreSQL needs nothing, and nothing is run', () => {
  const ready = machine({ files: ['/usr/bin/chromium'], postgres: true, uid: 1000 });
  assert.deepEqual(missingPackages(ready), []);
  const steps: string[][] = [];
  assert.deepEqual(ensurePrerequisites({ machine: ready, run: (step) => (steps.push(step), 0), log: () => {} }), { ok: true, installed: [] });
  assert.deepEqual(steps, []);
});

test('CHROME_PATH naming an existing browser counts as Chromium; naming a missing file does not', () => {
  assert.deepEqual(missingPackages(machine({ files: ['/opt/chrome/chrome'], postgres: true, env: { CHROME_PATH: '/opt/chrome/chrome' } })), []);
  assert.deepEqual(missingPackages(machine({ files: ['/usr/bin/chromium'], postgres: true, env: { CHROME_PATH: '/nowhere/chrome' } })), ['chromium']);
  assert.deepEqual(missingPackages(machine({ commands: ['apt-get', 'chromium'], postgres: true })), []);
});

test('as root with apt-get, the missing packages are installed with apt-get update then install, and the result re-checked', () => {
  const fresh = machine({ uid: 0 });
  const steps: string[][] = [];
  const result = ensurePrerequisites({
    machine: fresh,
    run: (step) => {
      steps.push(step);
      if (step.includes('install')) fresh.install(step.slice(step.indexOf('--no-install-recommends') + 1));
      return 0;
    },
    log: () => {},
  });
  assert.deepEqual(result, { ok: true, installed: ['chromium', 'postgresql'] });
  assert.deepEqual(steps, [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'postgresql'],
  ]);
});

test('a user with passwordless sudo installs through sudo -n, only what is missing', () => {
  const plan = planPrerequisites(machine({ commands: ['apt-get', 'sudo'], files: ['/usr/bin/chromium'], uid: 1000, sudoWithoutPassword: true }));
  assert.deepEqual(plan, {
    action: 'install',
    packages: ['postgresql'],
    steps: [
      ['sudo', '-n', 'apt-get', 'update'],
      ['sudo', '-n', 'apt-get', 'install', '-y', '--no-install-recommends', 'postgresql'],
    ],
  });
});

test('a user whose sudo asks for a password is stopped before anything runs, told the exact command', () => {
  const steps: string[][] = [];
  const result = ensurePrerequisites({
    machine: machine({ commands: ['apt-get', 'sudo'], uid: 1000, sudoWithoutPassword: false }),
    run: (step) => (steps.push(step), 0),
    log: () => {},
  });
  assert.equal(result.ok, false);
  assert.deepEqual(steps, []);
  assert.ok(!result.ok && result.message.includes('sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium postgresql'), !result.ok ? result.message : '');
});

test('a user without sudo is stopped too', () => {
  const plan = planPrerequisites(machine({ commands: ['apt-get'], postgres: true, uid: 1000 }));
  assert.equal(plan.action, 'stop');
  assert.ok(plan.action === 'stop' && plan.command === 'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium');
});

test('a machine without apt-get is stopped, told what to install and the Debian command', () => {
  const result = ensurePrerequisites({ machine: machine({ commands: [], uid: 0 }), run: () => assert.fail('nothing may run'), log: () => {} });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && /apt-get is not available/.test(result.message) && result.message.includes('apt-get install -y --no-install-recommends chromium postgresql'));
});

test('a failing apt-get stops with its exit code and the command to run by hand', () => {
  const result = ensurePrerequisites({ machine: machine({ uid: 0, files: ['/usr/bin/chromium'] }), run: (step) => (step[1] === 'install' ? 100 : 0), log: () => {} });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.message.startsWith('`apt-get install -y --no-install-recommends postgresql` failed (exit 100)'), !result.ok ? result.message : '');
});

test('an install that leaves a package missing is not taken for success', () => {
  const result = ensurePrerequisites({ machine: machine({ uid: 0 }), run: () => 0, log: () => {} });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && /still missing/.test(result.message));
});
