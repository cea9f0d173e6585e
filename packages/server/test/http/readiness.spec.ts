import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MIGRATIONS } from '../../src/index.js';
import type { TestDatabase } from '../support/database.js';
import { json, startTestService } from '../support/service.js';

const NEWEST = Math.max(...MIGRATIONS.map((migration) => migration.version));
/** The version before the newest (versions need not be consecutive while branches add theirs). */
const PREVIOUS = Math.max(...MIGRATIONS.map((migration) => migration.version).filter((version) => version < NEWEST));

export function readinessSpec(db: () => TestDatabase): void {
  describe('liveness and readiness', () => {
    test('GET /readyz is ready when the database answers and every migration is applied', async () => {
      const t = await startTestService(db());
      const response = await t.call('GET', '/readyz', { client: null });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      assert.deepEqual(await json(response), { status: 'ready', schema: { expected: NEWEST, applied: NEWEST } });
    });

    test('GET /readyz refuses traffic while the schema is behind the code; /healthz stays alive', async () => {
      const t = await startTestService(db());
      const [row] = await db().db.query<{ name: string }>('SELECT name FROM schema_migrations WHERE version = $1', [NEWEST]);
      await db().db.query('DELETE FROM schema_migrations WHERE version = $1', [NEWEST]);
      try {
        const response = await t.call('GET', '/readyz', { client: null });
        assert.equal(response.status, 503);
        assert.deepEqual(await json(response), { status: 'schema_behind', schema: { expected: NEWEST, applied: PREVIOUS } });
        assert.equal((await t.call('GET', '/healthz', { client: null })).status, 200);
      } finally {
        await db().db.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [NEWEST, row!.name]);
      }
      assert.equal((await t.call('GET', '/readyz', { client: null })).status, 200);
    });
  });
}
