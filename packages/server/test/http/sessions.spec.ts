import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS } from '@dvc-kit/sdk';
import { AN } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';

const refresh = (t: TestService, refreshToken: string, client: string = MINISTRY.id) => t.call('POST', PATHS.refresh, { client, body: { refreshToken } });
const userinfo = (t: TestService, accessToken: string) => t.call('GET', PATHS.userinfo, { headers: { Authorization: `Bearer ${accessToken}` } });
const signOut = (t: TestService, refreshToken: string, client: string = MINISTRY.id) => t.call('POST', PATHS.signOut, { client, body: { refreshToken } });

export function sessionsSpec(db: () => TestDatabase): void {
  describe('refresh double submit and sign-out by the session\'s portal', () => {
    test('the same refresh token sent twice in parallel gets the same new refresh token, and the citizen stays signed in', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const responses = await Promise.all([refresh(t, String(tokens.refreshToken)), refresh(t, String(tokens.refreshToken))]);
      assert.deepEqual(responses.map((response) => response.status), [200, 200]);
      const [first, second] = await Promise.all(responses.map((response) => json(response)));
      assert.equal(first!.refreshToken, second!.refreshToken);
      assert.notEqual(first!.refreshToken, tokens.refreshToken);
      assert.equal(Buffer.from(String(first!.refreshToken), 'base64url').length, 32);
      assert.equal((await userinfo(t, first!.accessToken)).status, 200);
      assert.equal((await userinfo(t, second!.accessToken)).status, 200);
      assert.equal(responses[1]!.headers.get('Cache-Control'), 'no-store');

      t.clock.advance(60);
      const next = await refresh(t, first!.refreshToken);
      assert.equal(next.status, 200, 'the shared successor keeps the session going');
      assert.equal((await userinfo(t, (await json(next)).accessToken)).status, 200);
      const stored = await t.service.store.sql.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens');
      assert.ok(stored.every((row) => row.token_hash !== first!.refreshToken), 'tokens are stored only as hashes');
    });

    test('a repeat within the 20 s grace gets the same token set; after the grace it is reuse and ends the family', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const first = await json(await refresh(t, String(tokens.refreshToken)));
      t.clock.advance(19);
      const repeat = await refresh(t, String(tokens.refreshToken));
      assert.equal(repeat.status, 200);
      assert.equal((await json(repeat)).refreshToken, first.refreshToken);
      t.clock.advance(1);
      const late = await refresh(t, String(tokens.refreshToken));
      assert.equal(late.status, 401);
      assert.equal((await json(late)).code, 'unauthorized');
      assert.equal((await refresh(t, first.refreshToken)).status, 401, 'the whole family ended');
      assert.equal((await userinfo(t, first.accessToken)).status, 401);
      assert.ok(t.logs.some((line) => line.includes('session.refresh_token_reused')));
    });

    test('within the grace, a repeat after the successor was used is reuse and ends the family', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const first = await json(await refresh(t, String(tokens.refreshToken)));
      t.clock.advance(2);
      const second = await json(await refresh(t, first.refreshToken));
      t.clock.advance(2);
      assert.equal((await refresh(t, String(tokens.refreshToken))).status, 401);
      assert.equal((await refresh(t, second.refreshToken)).status, 401, 'the whole family ended');
    });

    test('with the grace set to 0, a double submit is reuse, as before', async () => {
      const t = await startTestService(db(), { config: { tokens: { refreshReuseGraceSeconds: 0 } } });
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const statuses = (await Promise.all([refresh(t, String(tokens.refreshToken)), refresh(t, String(tokens.refreshToken))])).map((response) => response.status);
      assert.deepEqual(statuses.sort(), [200, 401]);
    });

    test('a sign-out naming another portal is refused with 403 client_mismatch and the session stays alive', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const refused = await signOut(t, String(tokens.refreshToken), PROVINCE.id);
      assert.equal(refused.status, 403);
      const problem = await json(refused);
      assert.equal(problem.code, 'client_mismatch');
      assert.equal(problem.detail, 'Phiên đăng nhập này thuộc một cổng dịch vụ công khác; hãy đăng xuất từ cổng đó.');
      assert.equal((await userinfo(t, String(tokens.accessToken))).status, 200);
      const next = await refresh(t, String(tokens.refreshToken));
      assert.equal(next.status, 200, 'the session is alive');
      const { refreshToken } = await json(next);
      assert.equal((await signOut(t, refreshToken)).status, 204);
      assert.equal((await userinfo(t, String(tokens.accessToken))).status, 401);
    });
  });
}
