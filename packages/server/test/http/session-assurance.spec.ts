import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PATHS } from '@dvc-kit/sdk';
import { AssuranceCheckSchema, SessionAssuranceSchema } from '@dvc-kit/sdk/contract';
import { decodeJwt } from 'jose';
import { AN, NGOC } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';

const bearer = (token: unknown) => ({ Authorization: `Bearer ${String(token)}` });
const read = (t: TestService, accessToken: unknown, client: string = MINISTRY.id) => t.call('GET', PATHS.sessionAssurance, { client, headers: bearer(accessToken) });
const check = (t: TestService, accessToken: unknown, body: unknown, options: { lang?: string; rawBody?: string } = {}) =>
  t.call('POST', PATHS.sessionAssuranceCheck, { body, headers: bearer(accessToken), ...options });

export function sessionAssuranceSpec(db: () => TestDatabase): void {
  describe('a session\'s assurance as the service tells it', () => {
    test('GET /v1/session/assurance answers how the identity was proven and how and when this session signed in', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const response = await read(t, tokens.accessToken);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      const body = await json(response);
      assert.ok(SessionAssuranceSchema.safeParse(body).success, JSON.stringify(body));
      assert.deepEqual(body, { ial: 2, ialMethod: 'mobile', aal: 2, amr: ['pwd', 'otp', 'sms', 'mfa'], authTime: Math.floor(t.clock.now().getTime() / 1000) });
      assert.equal(body.authTime, decodeJwt(String(tokens.idToken)).auth_time, 'the same sign-in time the tokens carry');
    });

    test('it reads the store, not the token: an upgrade made elsewhere shows at once, with the same access token', async () => {
      const t = await startTestService(db());
      const account = await t.register(AN);
      const { tokens } = await t.signIn(AN);
      await t.service.store.sql.query(`UPDATE accounts SET ial = 3, verification_method = 'sim_signature' WHERE sub = $1::uuid`, [String(account.sub)]);
      const body = await json(await read(t, tokens.accessToken));
      assert.equal(body.ial, 3);
      assert.equal(body.ialMethod, 'sim_signature');
      assert.equal(decodeJwt(String(tokens.accessToken)).acr, 'urn:dvc-kit:acr:ial2-aal2', 'while the token still says what it said');
    });

    test('a session that ended answers 401 though its access token has not expired; no token, a forged one or another portal\'s too', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      assert.equal((await read(t, tokens.accessToken, PROVINCE.id)).status, 401, 'a token for another portal');
      const none = await t.call('GET', PATHS.sessionAssurance);
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('WWW-Authenticate'), 'Bearer');
      const forged = await read(t, `${String(tokens.accessToken).slice(0, -4)}AAAA`);
      assert.equal(forged.status, 401);
      assert.equal(forged.headers.get('WWW-Authenticate'), 'Bearer error="invalid_token"');
      assert.equal((await t.call('POST', PATHS.signOut, { body: { refreshToken: tokens.refreshToken } })).status, 204);
      const ended = await read(t, tokens.accessToken);
      assert.equal(ended.status, 401);
      assert.equal((await json(ended)).code, 'unauthorized');
      assert.equal((await check(t, tokens.accessToken, { ial: 1 })).status, 401);
    });

    test('the check answers meets and what is missing; maxAge by the service\'s clock; a refresh is not a new sign-in', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const met = await check(t, tokens.accessToken, { ial: 2, aal: 2, maxAge: 300 });
      assert.equal(met.status, 200);
      assert.equal(met.headers.get('Cache-Control'), 'no-store');
      const body = await json(met);
      assert.ok(AssuranceCheckSchema.safeParse(body).success, JSON.stringify(body));
      assert.deepEqual({ meets: body.meets, missing: body.missing }, { meets: true, missing: {} });
      assert.deepEqual(await json(await check(t, tokens.accessToken, {})), { ...body, meets: true, missing: {} }, 'an empty requirement asks for nothing');

      t.clock.advance(301);
      const next = await json(await t.call('POST', PATHS.refresh, { body: { refreshToken: tokens.refreshToken } }));
      const missed = await json(await check(t, next.accessToken, { ial: 3, aal: 2, vneidLevel: 1, maxAge: 300 }));
      assert.equal(missed.meets, false);
      assert.deepEqual(missed.missing, { ial: 3, vneidLevel: 1, maxAge: 300 });
      assert.equal((await json(await check(t, next.accessToken, { maxAge: 301 }))).meets, true);
    });

    test('each citizen\'s token reads its own session', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      await t.register(NGOC);
      const an = (await t.signIn(AN)).tokens;
      t.clock.advance(120);
      const ngoc = (await t.signIn(NGOC)).tokens;
      const [first, second] = await Promise.all([read(t, an.accessToken), read(t, ngoc.accessToken)].map(async (answer) => json(await answer)));
      assert.equal(second!.authTime - first!.authTime, 120);
    });

    test('generated bad requirements are a problem naming field and rule in vi and en, never a 5xx, and nothing is logged of the citizen', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const notALevel = fc.oneof(fc.integer().filter((n) => n < 1 || n > 3), fc.double({ noInteger: true }), fc.string(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
      const badMaxAge = fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 30 * 24 * 3600 + 1 }), fc.double({ noInteger: true }), fc.string(), fc.constant(null));
      const bad = fc.oneof(
        fc.record({ ial: notALevel, aal: fc.constantFrom(1, 2, 3) }, { requiredKeys: ['ial'] }),
        fc.record({ aal: notALevel }),
        fc.record({ vneidLevel: fc.oneof(notALevel, fc.constant(3)) }),
        fc.record({ maxAge: badMaxAge, ial: fc.constantFrom(1, 2, 3) }, { requiredKeys: ['maxAge'] }),
      );
      await fc.assert(
        fc.asyncProperty(bad, fc.constantFrom('vi', 'en'), async (body, lang) => {
          const response = await check(t, tokens.accessToken, body, { lang });
          assert.equal(response.status, 400, JSON.stringify(body));
          assert.match(String(response.headers.get('Content-Type')), /^application\/problem\+json/);
          assert.equal(response.headers.get('Content-Language'), lang);
          const problem = await json(response);
          assert.equal(problem.code, 'validation_failed');
          assert.ok(problem.errors.length > 0 && problem.errors.every((error: { field: string; code: string; message: string }) => ['ial', 'aal', 'vneidLevel', 'maxAge'].includes(error.field) && error.code && error.message));
        }),
        { numRuns: 60 },
      );
      for (const rawBody of ['[]', '"ial"', '{"ial":', 'null']) {
        const response = await check(t, tokens.accessToken, undefined, { rawBody });
        assert.equal(response.status, 400, rawBody);
        assert.deepEqual((await json(response)).errors.map((error: { field: string }) => error.field), ['body']);
      }
      const logged = t.logs.join('\n');
      assert.ok(!logged.includes(AN.idNumber) && !logged.includes(AN.phone.slice(3)), 'no ID number or phone in the logs');
    });
  });
}
