import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/free-port.mjs';

// What `npm start` runs after the build: scripts/start.mjs prints the three addresses, they answer,
// and Ctrl-C (SIGINT) stops everything and exits cleanly, leaving the ports free.

const root = fileURLToPath(new URL('..', import.meta.url));

test('the start script prints the service, both portals and the outbox, serves them, and stops cleanly on Ctrl-C', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-start-'));
  const [service, ministry, provincial] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(service), MINISTRY_PORT: String(ministry), PROVINCIAL_PORT: String(provincial), DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const started = Date.now();
    while (!output.includes('Press Ctrl-C to stop.')) {
      if (child.exitCode !== null) assert.fail(`start.mjs exited early:\n${output}`);
      if (Date.now() - started > 60_000) assert.fail(`start.mjs did not start in 60 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const addresses = {
      service: `http://127.0.0.1:${service}`,
      ministry: `http://127.0.0.1:${ministry}/`,
      provincial: `http://127.0.0.1:${provincial}/`,
      outbox: `http://127.0.0.1:${service}/dev/outbox`,
    };
    for (const address of Object.values(addresses)) assert.ok(output.includes(address), `${address} is not printed:\n${output}`);
    assert.match(output, /embedded PGlite/);
    assert.match(output, /WARNING: DEVELOPMENT MODE/);
    const about = await fetch(`${addresses.service}/`);
    assert.equal(about.status, 200);
    assert.equal(((await about.json()) as { mode: string }).mode, 'development');

    const config = await fetch(`${addresses.service}/v1/config`, { headers: { 'DVC-Client': 'ministry-portal' } });
    assert.equal(config.status, 200);
    for (const page of [addresses.ministry, addresses.provincial, addresses.outbox]) {
      const response = await fetch(page);
      assert.equal(response.status, 200, page);
      assert.match(response.headers.get('content-type') ?? '', /text\/html/, page);
    }

    child.kill('SIGINT');
    assert.equal(await exited, 0, output);
    for (const port of [service, ministry, provincial]) {
      await assert.rejects(fetch(`http://127.0.0.1:${port}/`), `port ${port} still answers after Ctrl-C`);
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
