import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS } from '@dvc-kit/sdk';
import { AN, PASSWORD } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, MINISTRY, registrationBody, startTestService } from '../support/service.js';

const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

export function edgesSpec(db: () => TestDatabase): void {
  describe('the HTTP edge: body size, media type, security headers', () => {
    test('a body larger than http.maxBodyBytes is refused with 413 body_too_large, readable by the portal page', async () => {
      const t = await startTestService(db(), { config: { http: { maxBodyBytes: 2048 } } });
      const padded = registrationBody(AN, { padding: 'x'.repeat(3000) });
      const response = await t.call('POST', PATHS.registrations, { body: padded, headers: { Origin: MINISTRY.origin } });
      assert.equal(response.status, 413);
      assert.equal(response.headers.get('Content-Type'), 'application/problem+json; charset=utf-8');
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), MINISTRY.origin);
      const problem = await json(response);
      assert.equal(problem.code, 'body_too_large');
      assert.equal(problem.detail, 'Yêu cầu gửi tới dịch vụ định danh quá lớn.');
      assert.equal(await t.textsTo(AN.phone), 0, 'nothing was done with it');

      const english = await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: 'x'.repeat(4000) }, lang: 'en' });
      assert.equal(english.status, 413);
      assert.equal((await json(english)).detail, 'The request sent to the identity service is too large.');
    });

    test('a body within the limit is read as before', async () => {
      const t = await startTestService(db(), { config: { http: { maxBodyBytes: 2048 } } });
      const response = await t.call('POST', PATHS.registrations, { body: registrationBody(AN) });
      assert.equal(response.status, 201);
    });

    test('the default limit is 64 kB', async () => {
      const t = await startTestService(db());
      assert.equal(t.service.config.http.maxBodyBytes, 65_536);
      const over = await t.call('POST', PATHS.signIns, { rawBody: `{"idNumber":"${'1'.repeat(65_536)}"}` });
      assert.equal(over.status, 413);
      const under = await t.call('POST', PATHS.signIns, { rawBody: `{"idNumber":"${'1'.repeat(60_000)}"}` });
      assert.equal(under.status, 400);
      assert.equal((await json(under)).code, 'validation_failed');
    });

    test('a JSON endpoint refuses another media type with 415 unsupported_media_type; application/json with a charset passes', async () => {
      const t = await startTestService(db());
      const body = JSON.stringify(registrationBody(AN));
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
        const refused = await t.call('POST', PATHS.registrations, { rawBody: body, headers: { 'Content-Type': type } });
        assert.equal(refused.status, 415, type);
        assert.equal((await json(refused)).code, 'unsupported_media_type');
      }
      assert.equal(await t.textsTo(AN.phone), 0);
      const accepted = await t.call('POST', PATHS.registrations, { rawBody: body, headers: { 'Content-Type': 'Application/JSON; charset=UTF-8' } });
      assert.equal(accepted.status, 201);
    });

    test('a POST with no body and no media type (a bare resend) is not refused for its media type', async () => {
      const t = await startTestService(db());
      const response = await t.call('POST', PATHS.signInResend('no-such-flow'));
      assert.equal(response.status, 404);
      assert.equal((await json(response)).code, 'flow_not_found');
    });

    test('every answer forbids framing and loading anything: CSP, X-Frame-Options, nosniff', async () => {
      const t = await startTestService(db());
      const answers = [
        await t.call('GET', PATHS.config),
        await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: PASSWORD } }),
        await t.call('GET', PATHS.jwks, { client: null }),
        await t.call('GET', '/healthz', { client: null }),
        await t.call('GET', '/nothing-here', { client: null }),
      ];
      for (const response of answers) {
        assert.equal(response.headers.get('Content-Security-Policy'), JSON_CSP, response.url);
        assert.equal(response.headers.get('X-Frame-Options'), 'DENY');
        assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
        assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer');
      }
    });

    test('API answers are never cached, except the configuration and the JWKS', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const { tokens } = await t.signIn(AN);
      const refreshed = await t.call('POST', PATHS.refresh, { body: { refreshToken: tokens.refreshToken } });
      assert.equal(refreshed.status, 200);
      const account = await t.call('GET', PATHS.userinfo, { headers: { Authorization: `Bearer ${(await json(refreshed)).accessToken}` } });
      assert.equal(account.status, 200);
      const started = await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: PASSWORD } });
      const refused = await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: 'Sai-Mat-Khau-1!' } });
      for (const response of [refreshed, account, started, refused, await t.call('GET', PATHS.humanCheckChallenge)]) {
        assert.equal(response.headers.get('Cache-Control'), 'no-store', response.url);
      }
      assert.equal((await t.call('GET', PATHS.config)).headers.get('Cache-Control'), 'no-cache');
      assert.equal((await t.call('GET', PATHS.jwks, { client: null })).headers.get('Cache-Control'), 'public, max-age=300');
    });

    test('the dev outbox page keeps its own style-hash CSP, so it still renders', async () => {
      const t = await startTestService(db());
      const page = await t.call('GET', '/dev/outbox', { client: null });
      assert.equal(page.status, 200);
      assert.match(page.headers.get('Content-Security-Policy')!, /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; frame-ancestors 'none'$/);
      assert.equal(page.headers.get('X-Frame-Options'), 'DENY');
    });

    test('HSTS is sent when the service is served over https, and not over plain http', async () => {
      const plain = await startTestService(db());
      assert.equal((await plain.call('GET', PATHS.config)).headers.get('Strict-Transport-Security'), null);
      assert.equal((await plain.call('GET', PATHS.config, { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get('Strict-Transport-Security'), null, 'no proxy is trusted');

      const https = await startTestService(db(), { config: { issuer: 'https://id.dichvucong.example' } });
      for (const response of [await https.call('GET', PATHS.config), await https.call('GET', '/nothing-here', { client: null })]) {
        assert.equal(response.headers.get('Strict-Transport-Security'), 'max-age=31536000; includeSubDomains');
      }

      const proxied = await startTestService(db(), { config: { trustProxy: true } });
      assert.equal((await proxied.call('GET', PATHS.config, { headers: { 'X-Forwarded-Proto': 'https' } })).headers.get('Strict-Transport-Security'), 'max-age=31536000; includeSubDomains');
      assert.equal((await proxied.call('GET', PATHS.config, { headers: { 'X-Forwarded-Proto': 'http' } })).headers.get('Strict-Transport-Security'), null);
    });
  });
}
