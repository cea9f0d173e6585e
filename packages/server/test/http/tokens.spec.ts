import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS } from '@dvc-kit/sdk';
import { AccountDetailsSchema } from '@dvc-kit/sdk/contract';
import { createTokenVerifier, TokenVerificationError } from '@dvc-kit/sdk/tokens';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { AN, NGOC } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';

const refresh = (t: TestService, refreshToken: string, client: string = MINISTRY.id) => t.call('POST', PATHS.refresh, { client, body: { refreshToken } });
const userinfo = (t: TestService, accessToken: string, client: string = MINISTRY.id) =>
  t.call('GET', PATHS.userinfo, { client, headers: { Authorization: `Bearer ${accessToken}` } });

export function tokensSpec(db: () => TestDatabase): void {
  describe('tokens and sessions', () => {
    test('ID and access tokens verify with the SDK verifier against the JWKS the service serves', async () => {
      const t = await startTestService(db(), { listen: true });
      try {
        const account = await t.register(AN);
        const { tokens } = await t.signIn(AN, undefined, PROVINCE.id);
        const issuer = t.server!.url;
        const verifier = createTokenVerifier({ issuer, audience: PROVINCE.id });

        const id = await verifier.verifyIdToken(String(tokens.idToken));
        assert.equal(id.claims.iss, issuer);
        assert.equal(id.claims.aud, PROVINCE.id);
        assert.equal(id.claims.sub, account.sub);
        assert.equal(id.claims.name, 'Nguyễn Văn An');
        assert.equal(id.claims.acr, 'urn:dvc-kit:acr:ial2-aal2');
        assert.deepEqual(id.claims.amr, ['pwd', 'otp', 'sms', 'mfa']);
        assert.equal(id.claims.auth_time, Math.floor(t.clock.now().getTime() / 1000));
        assert.match(id.claims.sid, /^[0-9a-f-]{36}$/);
        assert.equal(id.claims.ial_method, 'mobile');
        assert.deepEqual(id.assurance, { ial: 2, aal: 2, ialMethod: 'mobile', amr: ['pwd', 'otp', 'sms', 'mfa'], authTime: id.claims.auth_time });
        assert.equal(decodeProtectedHeader(String(tokens.idToken)).typ, 'JWT');

        const access = await verifier.verifyAccessToken(String(tokens.accessToken));
        assert.equal(access.claims.client_id, PROVINCE.id);
        assert.equal(access.claims.sid, id.claims.sid);
        assert.deepEqual(access.assurance, id.assurance, 'the access token carries the same assurance');
        assert.equal(access.claims.sub, account.sub);
        assert.equal(decodeProtectedHeader(String(tokens.accessToken)).typ, 'at+jwt');
        assert.equal(Number(access.claims.exp) - Number(access.claims.iat), 600);

        // An ID token is not an access token, and a token for another portal is refused.
        await assert.rejects(verifier.verifyAccessToken(String(tokens.idToken)), TokenVerificationError);
        await assert.rejects(createTokenVerifier({ issuer, audience: MINISTRY.id }).verifyIdToken(String(tokens.idToken)), (error: unknown) => error instanceof TokenVerificationError && error.code === 'token_claims');

        const jwks = await (await fetch(`${issuer}${PATHS.jwks}`)).json() as { keys: Record<string, unknown>[] };
        assert.equal(jwks.keys.length, 1);
        const [key] = jwks.keys;
        assert.deepEqual(Object.keys(key!).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
        assert.deepEqual([key!.kty, key!.crv, key!.alg, key!.use], ['EC', 'P-256', 'ES256', 'sig']);
        assert.equal(decodeProtectedHeader(String(tokens.idToken)).kid, key!.kid);
      } finally {
        await t.server?.close();
      }
    });

    test('after a key rotation new tokens carry the new kid and tokens signed before still verify', async () => {
      const t = await startTestService(db(), { listen: true });
      try {
        await t.register(AN);
        const before = await t.signIn(AN);
        const kid = await t.service.rotateSigningKey();
        const after = await t.signIn(AN);
        assert.equal(decodeProtectedHeader(String(after.tokens.idToken)).kid, kid);
        assert.notEqual(decodeProtectedHeader(String(before.tokens.idToken)).kid, kid);
        const verifier = createTokenVerifier({ issuer: t.server!.url, audience: MINISTRY.id });
        await verifier.verifyIdToken(String(before.tokens.idToken));
        await verifier.verifyIdToken(String(after.tokens.idToken));
        const jwks = await json(await t.call('GET', PATHS.jwks, { client: null }));
        assert.equal(jwks.keys.length, 2);
      } finally {
        await t.server?.close();
      }
    });

    test('userinfo answers the account for a valid access token, and 401 with WWW-Authenticate without one', async () => {
      const t = await startTestService(db());
      const account = await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const ok = await userinfo(t, String(tokens.accessToken));
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('Cache-Control'), 'no-store');
      const details = await json(ok);
      assert.ok(AccountDetailsSchema.safeParse(details).success, JSON.stringify(details));
      assert.deepEqual(Object.fromEntries(Object.keys(account).map((key) => [key, details[key]])), account, 'every field of the account as registration showed it');
      const missing = await t.call('GET', PATHS.userinfo);
      assert.equal(missing.status, 401);
      assert.equal(missing.headers.get('WWW-Authenticate'), 'Bearer');
      assert.equal((await json(missing)).code, 'unauthorized');
      const forged = await userinfo(t, `${String(tokens.accessToken).slice(0, -4)}AAAA`);
      assert.equal(forged.status, 401);
      assert.equal(forged.headers.get('WWW-Authenticate'), 'Bearer error="invalid_token"');
      assert.equal((await userinfo(t, String(tokens.idToken))).status, 401, 'an ID token is not an access token');
      assert.equal((await userinfo(t, String(tokens.accessToken), PROVINCE.id)).status, 401, 'a token for another portal');
      t.clock.advance(601);
      assert.equal((await userinfo(t, String(tokens.accessToken))).status, 401, 'expired');
    });

    test('tokens carry what the session recorded and the account is now, not a fixed password + SMS', async () => {
      const t = await startTestService(db());
      const account = await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const sid = String(decodeJwt(String(tokens.idToken)).sid);
      // As a sign-in by USB token records it, and an upgrade to IAL3 by signature, made elsewhere.
      await t.service.store.sql.query(`UPDATE sessions SET sign_in_method = 'usb_token', aal = 3, amr = ARRAY['hwk', 'sc', 'pin', 'mfa'] WHERE id = $1::uuid`, [sid]);
      await t.service.store.sql.query(`UPDATE accounts SET ial = 3, verification_method = 'usb_token' WHERE sub = $1::uuid`, [String(account.sub)]);
      t.clock.advance(60);
      const next = await json(await refresh(t, String(tokens.refreshToken)));
      const claims = decodeJwt(next.idToken);
      assert.equal(claims.acr, 'urn:dvc-kit:acr:ial3-aal3');
      assert.deepEqual(claims.amr, ['hwk', 'sc', 'pin', 'mfa']);
      assert.equal(claims.ial_method, 'usb_token');
      assert.equal(claims.auth_time, decodeJwt(String(tokens.idToken)).auth_time, 'a refresh is not a new sign-in');
      assert.equal(decodeJwt(next.accessToken).acr, 'urn:dvc-kit:acr:ial3-aal3');
    });

    test('a refresh gives a new token set and the old refresh token stops working', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      t.clock.advance(300);
      const response = await refresh(t, String(tokens.refreshToken));
      assert.equal(response.status, 200);
      const next = await json(response);
      assert.equal(next.tokenType, 'Bearer');
      assert.notEqual(next.refreshToken, tokens.refreshToken);
      assert.notEqual(next.accessToken, tokens.accessToken);
      const before = decodeJwt(String(tokens.idToken));
      const after = decodeJwt(next.idToken);
      assert.equal(after.sid, before.sid);
      assert.equal(after.auth_time, before.auth_time);
      assert.equal(Number(after.iat) - Number(before.iat), 300);
      assert.equal((await userinfo(t, next.accessToken)).status, 200);
    });

    test('reusing a spent refresh token after the double-submit grace ends the session on every token', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const next = await json(await refresh(t, String(tokens.refreshToken)));
      t.clock.advance(21);
      const reused = await refresh(t, String(tokens.refreshToken));
      assert.equal(reused.status, 401);
      assert.equal((await json(reused)).code, 'unauthorized');
      assert.equal((await refresh(t, next.refreshToken)).status, 401, 'the thief and the citizen both lose the session');
      assert.equal((await userinfo(t, next.accessToken)).status, 401);
      assert.ok(t.logs.some((line) => line.includes('session.refresh_token_reused')));
    });

    test('a session ends after 15 idle minutes', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      t.clock.advance(15 * 60);
      assert.equal((await refresh(t, String(tokens.refreshToken))).status, 401);
    });

    test('a session kept busy still ends 12 hours after sign-in', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      let { refreshToken } = (await t.signIn(AN)).tokens;
      for (let minutes = 14; minutes < 12 * 60; minutes += 14) {
        t.clock.advance(14 * 60);
        const response = await refresh(t, String(refreshToken));
        assert.equal(response.status, 200, `refresh after ${minutes} minutes`);
        refreshToken = (await json(response)).refreshToken;
      }
      t.clock.advance(14 * 60);
      assert.equal((await refresh(t, String(refreshToken))).status, 401);
    });

    test('a refresh token only works for the portal it was issued to', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      assert.equal((await refresh(t, String(tokens.refreshToken), PROVINCE.id)).status, 401);
    });

    test('sign-out ends the session; the refresh token and access token stop working', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const out = await t.call('POST', PATHS.signOut, { body: { refreshToken: tokens.refreshToken } });
      assert.equal(out.status, 204);
      assert.equal(await out.text(), '');
      assert.equal((await refresh(t, String(tokens.refreshToken))).status, 401);
      assert.equal((await userinfo(t, String(tokens.accessToken))).status, 401);
      assert.equal((await t.call('POST', PATHS.signOut, { body: { refreshToken: 'unknown-token' } })).status, 204);
    });

    test('each sign-in is a new session with a new refresh token of 256 random bits', async () => {
      const t = await startTestService(db());
      await t.register(NGOC);
      const first = await t.signIn(NGOC);
      t.clock.advance(60);
      const second = await t.signIn(NGOC);
      assert.notEqual(decodeJwt(String(first.tokens.idToken)).sid, decodeJwt(String(second.tokens.idToken)).sid);
      assert.notEqual(first.tokens.refreshToken, second.tokens.refreshToken);
      assert.equal(Buffer.from(String(first.tokens.refreshToken), 'base64url').length, 32);
      const stored = await t.service.store.sql.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens');
      assert.ok(stored.every((row) => row.token_hash !== first.tokens.refreshToken && row.token_hash !== second.tokens.refreshToken));
    });
  });
}
