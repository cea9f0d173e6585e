import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/free-port.mjs';
import { parseExtraOrigins } from '../scripts/extra-origins.mjs';

// What `npm start` runs after the build: scripts/start.mjs prints the three addresses, they answer,
// and Ctrl-C (SIGINT) stops everything and exits cleanly, leaving the ports free. A portal team adds
// its own page's origin with DVC_EXTRA_ORIGINS.

const root = fileURLToPath(new URL('..', import.meta.url));

test('the start script prints the service, both portals and the outbox, serves them, and stops cleanly on Ctrl-C', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-start-'));
  const [service, ministry, provincial] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(service),
      MINISTRY_PORT: String(ministry),
      PROVINCIAL_PORT: String(provincial),
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DVC_EXTRA_ORIGINS: 'https://portal.example, http://localhost:5173',
    },
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
      // The portals are named localhost: a browser takes it as their passkeys' RP ID, never 127.0.0.1.
      ministry: `http://localhost:${ministry}/`,
      provincial: `http://localhost:${provincial}/`,
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
    assert.deepEqual(((await config.json()) as { passkeys: unknown }).passkeys, { offered: true, rpId: 'localhost' });
    for (const portal of ['ministry-portal', 'provincial-portal']) {
      const fromPortal = await fetch(`${addresses.service}/v1/config`, { headers: { 'DVC-Client': portal, Origin: `http://localhost:${portal === 'ministry-portal' ? ministry : provincial}` } });
      assert.equal(fromPortal.status, 200, `${portal} from its own page`);
    }
    // A page outside localhost (https://portal.example) is related, not refused: it signs in with the code.
    const related = await fetch(`${addresses.service}/.well-known/webauthn`);
    assert.deepEqual(((await related.json()) as { origins: string[] }).origins, ['https://portal.example']);
    assert.match(output, /Also allowed origins +https:\/\/portal\.example, http:\/\/localhost:5173/);
    // The portal team's own page may call the service as either example portal; other pages may not.
    const portalPages: [origin: string, clientId: string][] = [['https://portal.example', 'ministry-portal'], ['http://localhost:5173', 'provincial-portal']];
    for (const [origin, clientId] of portalPages) {
      const answer = await fetch(`${addresses.service}/v1/config`, { headers: { 'DVC-Client': clientId, Origin: origin } });
      assert.equal(answer.status, 200, `${origin} as ${clientId}`);
      assert.equal(answer.headers.get('access-control-allow-origin'), origin);
    }
    const stranger = await fetch(`${addresses.service}/v1/config`, { headers: { 'DVC-Client': 'ministry-portal', Origin: 'https://elsewhere.example' } });
    assert.equal(stranger.status, 403);
    assert.equal(((await stranger.json()) as { code: string }).code, 'origin_not_allowed');
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

test('DVC_EXTRA_ORIGINS is read as a comma-separated list of origins, and a path or a bare host is refused by name', () => {
  assert.deepEqual(parseExtraOrigins(undefined), []);
  assert.deepEqual(parseExtraOrigins(' '), []);
  assert.deepEqual(parseExtraOrigins('https://portal.example,http://localhost:5173/'), ['https://portal.example', 'http://localhost:5173']);
  assert.throws(() => parseExtraOrigins('https://portal.example/login'), /DVC_EXTRA_ORIGINS: "https:\/\/portal.example\/login" is not an origin/);
  assert.throws(() => parseExtraOrigins('portal.example'), /DVC_EXTRA_ORIGINS: "portal.example" is not an origin/);
  assert.throws(() => parseExtraOrigins('ftp://portal.example'), /is not an origin/);
});

test('npm start with a DVC_EXTRA_ORIGINS it cannot read stops before starting anything, naming the entry', () => {
  const result = spawnSync(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, DVC_EXTRA_ORIGINS: 'https://portal.example/dang-nhap', PORT: '1', MINISTRY_PORT: '1', PROVINCIAL_PORT: '1' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  assert.match(result.stderr, /DVC_EXTRA_ORIGINS: "https:\/\/portal.example\/dang-nhap" is not an origin/);
  assert.doesNotMatch(result.stdout, /DVC Kit is running/);
});
