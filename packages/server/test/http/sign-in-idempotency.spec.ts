import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS } from '@dvc-kit/sdk';
import type { Database } from '../../src/index.js';
import { AN } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { json, startTestService, type TestService } from '../support/service.js';

const LEASE = 30;
/** The default `tokens.refreshReuseGraceSeconds`. */
const GRACE = 20;

/** A database whose reads of an account by `sub` stop forever (as if the process died there) while `stuck` is set. */
function stallingDatabase(db: Database): { db: Database; stall: { stuck: boolean; reached: Promise<void> } } {
  let reached: () => void = () => {};
  const stall = { stuck: false, reached: new Promise<void>((resolve) => (reached = resolve)) };
  const stalling: Database = {
    kind: db.kind,
    close: () => db.close(),
    transaction: (fn) => db.transaction(fn),
    query(text, params) {
      if (stall.stuck && text.includes('FROM accounts a WHERE a.sub =')) {
        reached();
        return new Promise(() => {});
      }
      return db.query(text, params);
    },
  };
  return { db: stalling, stall };
}

async function codeStep(t: TestService, key: string): Promise<{ signInId: string; body: { code: string }; headers: Record<string, string> }> {
  const signInId = await t.startSignIn(AN);
  return { signInId, body: { code: await t.latestCode(AN.phone) }, headers: { 'Idempotency-Key': key } };
}

/** The sign-in code step honours `Idempotency-Key`: a retry gets the same tokens, stored sealed, never a dead refresh token. */
export function signInIdempotencySpec(db: () => TestDatabase): void {
  describe('the sign-in code step with an Idempotency-Key', () => {
    test('a repeat gets the same tokens and account, and they work: the refresh token is the live one', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const step = await codeStep(t, 'sign-in-verify-1');
      const first = await t.call('POST', PATHS.signInVerify(step.signInId), step);
      const again = await t.call('POST', PATHS.signInVerify(step.signInId), step);
      assert.deepEqual([first.status, again.status], [200, 200]);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(again.headers.get('Cache-Control'), 'no-store');
      const answer = await json(first);
      assert.deepEqual(await json(again), answer);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM sessions'), 1, 'one session, however often it is asked');
      const otherKey = await t.call('POST', PATHS.signInVerify(step.signInId), { body: step.body, headers: { 'Idempotency-Key': 'sign-in-verify-2' } });
      assert.equal((await json(otherKey)).code, 'flow_step', 'the spent code signs in no one again');
      const refreshed = await t.call('POST', PATHS.refresh, { body: { refreshToken: answer.tokens.refreshToken } });
      assert.equal(refreshed.status, 200);
      const me = await t.call('GET', PATHS.userinfo, { headers: { Authorization: `Bearer ${answer.tokens.accessToken}` } });
      assert.equal(me.status, 200);
    });

    test('the stored answer is sealed: no token, name or ID number in clear in idempotency_keys', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const step = await codeStep(t, 'sign-in-verify-sealed');
      const answer = await json(await t.call('POST', PATHS.signInVerify(step.signInId), step));
      const rows = await db().db.query<{ route: string; body: string | null }>('SELECT route, body FROM idempotency_keys');
      const row = rows.find((r) => r.route === `POST ${PATHS.signInVerify(step.signInId)}`);
      assert.ok(row?.body, 'the answer is stored');
      assert.match(row.body, /^dvc-sealed\.v1\./);
      for (const token of ['accessToken', 'idToken', 'refreshToken'] as const) assert.ok(!row.body.includes(String(answer.tokens[token])), `${token} is not stored in clear`);
      for (const clear of ['refreshToken', AN.idNumber, AN.fullName, String(answer.account.sub)]) assert.ok(!row.body.includes(clear));
    });

    test('a stored answer moved to another key’s row does not replay there', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const step = await codeStep(t, 'sign-in-verify-a');
      assert.equal((await t.call('POST', PATHS.signInVerify(step.signInId), step)).status, 200);
      t.clock.advance(60);
      const other = await codeStep(t, 'sign-in-verify-b');
      assert.equal((await t.call('POST', PATHS.signInVerify(other.signInId), other)).status, 200);
      await db().db.query(`UPDATE idempotency_keys SET body = (SELECT body FROM idempotency_keys WHERE key = 'sign-in-verify-a') WHERE key = 'sign-in-verify-b'`);
      const moved = await t.call('POST', PATHS.signInVerify(other.signInId), other);
      assert.equal(moved.status, 500, 'a value sealed for another place does not open');
      assert.equal(moved.headers.get('Idempotent-Replayed'), null);
    });

    test('after the refresh token is used, a repeat replays only within the double-submit grace; later it is refused and the session lives on', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const step = await codeStep(t, 'sign-in-verify-used');
      const answer = await json(await t.call('POST', PATHS.signInVerify(step.signInId), step));
      const rotated = await json(await t.call('POST', PATHS.refresh, { body: { refreshToken: answer.tokens.refreshToken } }));
      const inGrace = await t.call('POST', PATHS.signInVerify(step.signInId), step);
      assert.equal(inGrace.status, 200, 'within the grace the old token still gets the same successor');
      assert.deepEqual(await json(inGrace), answer);
      t.clock.advance(GRACE + 1);
      const late = await t.call('POST', PATHS.signInVerify(step.signInId), step);
      assert.equal(late.status, 409);
      assert.equal((await json(late)).code, 'flow_step');
      const next = await t.call('POST', PATHS.refresh, { body: { refreshToken: rotated.refreshToken } });
      assert.equal(next.status, 200, 'the refused repeat did not end the session');
    });

    test('after sign-out a repeat is refused', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const step = await codeStep(t, 'sign-in-verify-out');
      const answer = await json(await t.call('POST', PATHS.signInVerify(step.signInId), step));
      assert.equal((await t.call('POST', PATHS.signOut, { body: { refreshToken: answer.tokens.refreshToken } })).status, 204);
      const again = await t.call('POST', PATHS.signInVerify(step.signInId), step);
      assert.equal((await json(again)).code, 'flow_step');
    });

    test('a code step that died holding its key is taken over after the lease and signs the citizen in, once', async () => {
      const { db: stalling, stall } = stallingDatabase(db().db);
      const before = await startTestService({ ...db(), db: stalling }, { config: { idempotency: { leaseSeconds: LEASE } } });
      await before.register(AN);
      const step = await codeStep(before, 'sign-in-verify-crash');
      stall.stuck = true;
      void before.call('POST', PATHS.signInVerify(step.signInId), step);
      await stall.reached;
      stall.stuck = false;
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM idempotency_keys WHERE status IS NULL AND lease_until IS NOT NULL'), 1, 'the dead request left its reservation');
      const after = await before.restart();
      after.clock.advance(LEASE);

      const retry = await after.call('POST', PATHS.signInVerify(step.signInId), step);
      assert.equal(retry.status, 200);
      const answer = await json(retry);
      const replay = await after.call('POST', PATHS.signInVerify(step.signInId), step);
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await json(replay), answer);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM sessions'), 1);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM idempotency_keys WHERE status IS NULL'), 0, 'no reservation is left hanging');
      assert.equal((await after.call('POST', PATHS.refresh, { body: { refreshToken: answer.tokens.refreshToken } })).status, 200);
    });
  });
}
