import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_HEADER, PATHS } from '@dvc-kit/sdk';

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', cli], { env: { ...process.env, DVC_MODE: 'development', DVC_KEY_ENCRYPTION_KEY: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
  return { child, exited, listening, output: () => output };
}

test('dvc-server starts from the environment, serves two portals, prints its address and stops cleanly on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-cli-'));
  try {
    const server = start({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, 'not-yet', 'there'),
      DVC_CLIENTS: JSON.stringify([
        { id: 'ministry-portal', name: 'Bộ Công an', origins: ['http://127.0.0.1:4100'] },
        { id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh', origins: ['http://127.0.0.1:4200'] },
      ]),
    });
    const url = await server.listening;
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(url.endsWith(':0'), true);
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.match(server.output(), /^WARNING: DEVELOPMENT MODE/m);
    assert.equal(((await (await fetch(url)).json()) as { mode: string }).mode, 'development');
    const config = await (await fetch(`${url}${PATHS.config}`, { headers: { [CLIENT_HEADER]: 'provincial-portal' } })).json() as { clientName: string };
    assert.equal(config.clientName, 'Cổng DVC tỉnh Bắc Ninh');
    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0);
    assert.match(server.output(), /SIGTERM: stopping/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('dvc-server without any portal refuses to start and says which variable to set', async () => {
  const server = start({ PORT: '0', DVC_CLIENTS: '', DVC_CONFIG: '' });
  server.listening.catch(() => {});
  assert.equal(await server.exited, 1);
  assert.match(server.output(), /DVC_CLIENTS/);
});

test('dvc-server names the wrong configuration key', async () => {
  const server = start({ PORT: '0', DVC_CLIENTS: JSON.stringify([{ id: 'x', name: 'X', origins: ['not an origin'] }]) });
  server.listening.catch(() => {});
  assert.equal(await server.exited, 1);
  assert.match(server.output(), /clients\.0\.origins\.0: must be an origin/);
});

const PORTALS = JSON.stringify([{ id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh', origins: ['https://dichvucong.bacninh.gov.vn'] }]);

test('dvc-server runs in production unless DVC_MODE asks for development, and names every missing production key at once', async () => {
  const server = start({ PORT: '0', DVC_MODE: '', DVC_ISSUER: 'http://id.example.gov.vn', DVC_CLIENTS: PORTALS });
  server.listening.catch(() => {});
  assert.equal(await server.exited, 1);
  for (const key of ['sms.driver', 'registries.carrier.driver', 'issuer', 'secrets.keyEncryptionKey']) {
    assert.match(server.output(), new RegExp(`^  - ${key.replace(/\./g, '\\.')}: `, 'm'), server.output());
  }
  assert.doesNotMatch(server.output(), /DEVELOPMENT MODE/);
});

test('dvc-server refuses a DVC_MODE other than production or development', async () => {
  const server = start({ PORT: '0', DVC_MODE: 'staging', DVC_CLIENTS: PORTALS });
  server.listening.catch(() => {});
  assert.equal(await server.exited, 1);
  assert.match(server.output(), /DVC_MODE must be "production" or "development", not "staging"/);
});

test('dvc-server takes the key-encryption key from DVC_KEY_ENCRYPTION_KEY and checks it', async () => {
  const server = start({ PORT: '0', DVC_KEY_ENCRYPTION_KEY: 'changeme', DVC_CLIENTS: PORTALS });
  server.listening.catch(() => {});
  assert.equal(await server.exited, 1);
  assert.match(server.output(), /^  - secrets\.keyEncryptionKey: must be at least 32 random bytes/m);
});
