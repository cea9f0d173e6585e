import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService, DATA_DIR_LOCK_FILE, DataDirInUseError, loadConfig } from '../../src/index.js';

// One PGlite data folder belongs to one running service: a second one is refused with a clear
// message, and the lock of a service killed without closing (SIGKILL) is taken over.

const folders: string[] = [];
after(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function config(dataDir: string) {
  return loadConfig({
    mode: 'development',
    issuer: 'http://127.0.0.1:4000',
    database: { dataDir },
    clients: [{ id: 'ministry-portal', name: 'Bộ Công an', origins: ['http://127.0.0.1:4100'] }],
    log: () => {},
  });
}

function folder(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-folder-'));
  folders.push(dataDir);
  return dataDir;
}

/** The id of a process that has exited: what a lock left by a SIGKILLed service holds. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('a PGlite data folder', () => {
  test('refuses a second service while the first has it open, and is free again once it closes', async () => {
    const dataDir = folder();
    const first = await createService(config(dataDir));
    try {
      assert.equal(readFileSync(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8').trim(), String(process.pid));
      await assert.rejects(createService(config(dataDir)), (error: unknown) => {
        assert.ok(error instanceof DataDirInUseError);
        assert.equal(error.code, 'ERR_DATA_DIR_IN_USE');
        assert.match(error.message, new RegExp(`${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is in use by another DVC Kit service \\(process ${process.pid}\\)`));
        assert.match(error.message, /DATA_DIR|DATABASE_URL/);
        return true;
      });
      assert.equal((await first.fetch(new Request('http://127.0.0.1:4000/healthz'))).status, 200, 'the first service still works');
    } finally {
      await first.close();
    }
    assert.equal(existsSync(join(dataDir, DATA_DIR_LOCK_FILE)), false, 'closing releases the lock');
    const again = await createService(config(dataDir));
    await again.close();
  });

  test('takes over a stale lock left by a process that no longer runs', async () => {
    const dataDir = folder();
    const pid = deadPid();
    writeFileSync(join(dataDir, DATA_DIR_LOCK_FILE), `${pid}\n`);
    const service = await createService(config(dataDir));
    try {
      assert.equal(readFileSync(join(dataDir, DATA_DIR_LOCK_FILE), 'utf8').trim(), String(process.pid));
    } finally {
      await service.close();
    }
  });

  test('in development without a key-encryption key, one is generated into the folder, readable by the owner only, and kept', async () => {
    const dataDir = folder();
    const first = await createService(config(dataDir));
    const response = await first.fetch(new Request('http://127.0.0.1:4000/.well-known/jwks.json'));
    const jwks = (await response.json()) as { keys: { kid: string }[] };
    await first.close();
    const file = join(dataDir, 'development-key-encryption-key');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const kek = readFileSync(file, 'utf8');
    const second = await createService(config(dataDir));
    try {
      const again = (await (await second.fetch(new Request('http://127.0.0.1:4000/.well-known/jwks.json'))).json()) as { keys: { kid: string }[] };
      assert.deepEqual(again.keys.map((key) => key.kid), jwks.keys.map((key) => key.kid), 'the same signing key after a restart');
      assert.equal(readFileSync(file, 'utf8'), kek);
    } finally {
      await second.close();
    }
  });
});
