import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS } from '@dvc-kit/sdk';
import { createStore } from '../../src/index.js';
import { AN } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { startTestService } from '../support/service.js';

/** Stores `count` sign-in flows that expired an hour before `now`, each with its code. */
async function seedExpiredFlows(database: TestDatabase, now: Date, count: number): Promise<void> {
  const at = now.toISOString();
  await database.db.query(
    `INSERT INTO flows (id, kind, client_id, state, id_number, phone, details, account_sub, created_at, expires_at)
     SELECT 'expired-' || g, 'sign_in', 'ministry-portal', 'code_sent', '001090001234', '+84971234398', NULL, NULL,
       $1::timestamptz - interval '2 hours', $1::timestamptz - interval '1 hour'
     FROM generate_series(1, $2::int) AS g`,
    [at, count],
  );
  await database.db.query(
    `INSERT INTO otp_challenges (id, flow_id, purpose, phone, code_hmac, attempts, max_attempts, status, created_at, expires_at, resend_at)
     SELECT 'expired-code-' || g, 'expired-' || g, 'sign_in', '+84971234398', 'hmac', 0, 5, 'active',
       $1::timestamptz - interval '2 hours', $1::timestamptz - interval '1 hour', $1::timestamptz - interval '2 hours'
     FROM generate_series(1, $2::int) AS g`,
    [at, count],
  );
}

const expiredFlows = (database: TestDatabase) => countRows(database.db, `SELECT count(*)::int AS count FROM flows WHERE id LIKE 'expired-%'`);
const expiredCodes = (database: TestDatabase) => countRows(database.db, `SELECT count(*)::int AS count FROM otp_challenges WHERE flow_id LIKE 'expired-%'`);

/** Housekeeping runs beside the requests, never inside one. */
export function housekeepingSpec(db: () => TestDatabase): void {
  describe('housekeeping', () => {
    test('no request runs a sweep: expired flows stay until the service sweeps', async () => {
      const t = await startTestService(db(), { config: { housekeeping: { intervalSeconds: 0 } } });
      await seedExpiredFlows(db(), t.clock.now(), 20);
      for (let i = 0; i < 3; i += 1) {
        t.clock.advance(3600);
        assert.equal((await t.call('GET', PATHS.config)).status, 200);
      }
      assert.equal(await expiredFlows(db()), 20);
      const report = await t.service.sweep();
      assert.equal(report.removed.flows, 20);
      assert.equal(await expiredFlows(db()), 0);
    });

    test('10,000 expired flows with their codes are swept in batches of at most batchSize while a sign-in completes alongside', async () => {
      const t = await startTestService(db(), { config: { housekeeping: { intervalSeconds: 0, batchSize: 500 } } });
      await t.register(AN);
      await seedExpiredFlows(db(), t.clock.now(), 10_000);
      const [report, signedIn] = await Promise.all([t.service.sweep(), t.signIn(AN)]);
      assert.equal(typeof signedIn.tokens.accessToken, 'string');
      assert.equal(report.removed.flows, 10_000);
      assert.ok(report.largestBatch <= 500, `a batch removed ${report.largestBatch} rows`);
      assert.ok(report.batches >= 20, `only ${report.batches} statements for 10,000 flows`);
      assert.equal(await expiredFlows(db()), 0);
      assert.equal(await expiredCodes(db()), 0, 'the codes went with their flows');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM accounts'), 1);
    });

    test('every cascading delete has an index on the child’s foreign key', async () => {
      const indexes = await db().db.query<{ tablename: string; indexdef: string }>(
        `SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema()`,
      );
      const cascades = await db().db.query<{ child: string; column: string }>(
        `SELECT c.conrelid::regclass::text AS child, a.attname AS column
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND c.confdeltype = 'c' AND c.connamespace = current_schema()::regnamespace`,
      );
      assert.ok(cascades.length >= 4, 'flows, codes, sessions and refresh tokens cascade');
      for (const { child, column } of cascades) {
        const table = child.replace(/^.*\./, '');
        const usable = indexes.some((index) => index.tablename === table && !/ WHERE /.test(index.indexdef) && new RegExp(`\\(${column}[,)]`).test(index.indexdef));
        assert.ok(usable, `${table}.${column} has no index a cascading delete can use`);
      }
    });

    test('two instances sweeping one database at once remove each row once', async () => {
      const t = await startTestService(db(), { config: { housekeeping: { intervalSeconds: 0 } } });
      await seedExpiredFlows(db(), t.clock.now(), 2_000);
      const [first, second] = await Promise.all([createStore(db().db), createStore(db().db)].map((store) => store.sweep(t.clock.now(), { batchSize: 100 })));
      assert.equal((first?.removed.flows ?? 0) + (second?.removed.flows ?? 0), 2_000);
      assert.equal(await expiredFlows(db()), 0);
    });

    test('the service sweeps on its own timer, and close() stops it', async () => {
      const t = await startTestService(db(), { config: { housekeeping: { intervalSeconds: 1 } } });
      await seedExpiredFlows(db(), t.clock.now(), 50);
      // The flows are gone before the sweep ends (it goes on to the other tables) and logs: wait for both.
      const swept = () => t.logs.some((line) => line.includes('"event":"housekeeping.swept"'));
      const deadline = Date.now() + 15_000;
      while (((await expiredFlows(db())) > 0 || !swept()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(await expiredFlows(db()), 0, 'the timer swept');
      assert.ok(swept(), 'the sweep was logged');
      await t.service.close();
      await seedExpiredFlows(db(), t.clock.now(), 5);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(await expiredFlows(db()), 5, 'a closed service sweeps no more');
    });
  });
}
