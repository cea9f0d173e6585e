import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { PATHS } from '@dvc-kit/sdk';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, type JSONWebKeySet } from 'jose';
import { KeyEncryption } from '../../src/at-rest/envelope.js';
import { ConfigError, createService, loadConfig } from '../../src/index.js';
import { AN, NGOC } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { json, MINISTRY, startTestService } from '../support/service.js';

/** An operator's key-encryption key: 32 random bytes in base64url. */
const KEK = randomBytes(32).toString('base64url');
const withKek = { config: { secrets: { keyEncryptionKey: KEK } } } as const;

export function atRestSpec(db: () => TestDatabase): void {
  describe('keys at rest, sealed under the key-encryption key', () => {
    test('the database holds no plaintext key material: every server secret and private signing key is sealed', async () => {
      const t = await startTestService(db(), withKek);
      await t.register(AN);
      await t.signIn(AN);
      const encryption = new KeyEncryption(KEK);
      const secrets = await t.service.store.sql.query<{ name: string; value: string }>('SELECT name, value FROM server_secrets ORDER BY name');
      assert.deepEqual(secrets.map((row) => row.name), ['humanCheckKey', 'logHashKey', 'otpHmacKey']);
      for (const row of secrets) {
        assert.match(row.value, /^dvc-sealed\.v1\./, row.name);
        const plaintext = encryption.open(row.value, `server_secrets:${row.name}`);
        assert.ok(plaintext.length >= 32);
        assert.ok(!row.value.includes(plaintext));
      }
      const keys = await t.service.store.sql.query<{ kid: string; private_jwk: string; public_jwk: string }>('SELECT kid, private_jwk, public_jwk FROM signing_keys');
      assert.equal(keys.length, 1);
      for (const row of keys) {
        assert.match(row.private_jwk, /^dvc-sealed\.v1\./);
        const jwk = JSON.parse(encryption.open(row.private_jwk, `signing_keys:${row.kid}`)) as { d: string };
        assert.ok(jwk.d.length > 20);
        assert.ok(!row.private_jwk.includes(jwk.d));
        assert.ok(!row.private_jwk.includes('"d"'));
        assert.ok(!row.public_jwk.includes('"d"'));
      }
    });

    test('a restart with the same key keeps issued tokens verifiable and a pending code valid', async () => {
      const before = await startTestService(db(), withKek);
      await before.register(NGOC);
      const { tokens } = await before.signIn(NGOC);
      const pending = await before.startSignIn(NGOC);
      const code = await before.latestCode(NGOC.phone);
      await before.service.close();

      const after = await before.restart();
      const jwks = (await json(await after.call('GET', PATHS.jwks, { client: null }))) as JSONWebKeySet;
      const { payload } = await jwtVerify(String(tokens.idToken), createLocalJWKSet(jwks), { issuer: 'http://id.dvc.test', audience: MINISTRY.id });
      assert.equal(payload.name, NGOC.fullName);
      const userinfo = await after.call('GET', PATHS.userinfo, { headers: { Authorization: `Bearer ${String(tokens.accessToken)}` } });
      assert.equal(userinfo.status, 200);
      const verified = await after.call('POST', PATHS.signInVerify(pending), { body: { code } });
      assert.equal(verified.status, 200);
      const fresh = (await json(verified)) as { tokens: { idToken: string } };
      await jwtVerify(fresh.tokens.idToken, createLocalJWKSet(jwks), { issuer: 'http://id.dvc.test', audience: MINISTRY.id });
    });

    test('another key-encryption key refuses to start, naming the key, and leaves the stored keys as they were', async () => {
      const t = await startTestService(db(), withKek);
      await t.register(AN);
      const rowsBefore = await t.service.store.sql.query('SELECT kid, private_jwk FROM signing_keys');
      const wrong = loadConfig({
        mode: 'development',
        issuer: 'http://id.dvc.test',
        clients: [{ id: MINISTRY.id, name: MINISTRY.name }],
        secrets: { keyEncryptionKey: randomBytes(32).toString('base64url') },
        log: () => {},
      });
      await assert.rejects(createService(wrong, { database: db().db }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /secrets\.keyEncryptionKey: is not the key the stored keys were encrypted with/);
        assert.match(error.message, /DVC_KEY_ENCRYPTION_KEY/);
        return true;
      });
      assert.deepEqual(await t.service.store.sql.query('SELECT kid, private_jwk FROM signing_keys'), rowsBefore);
      assert.equal(await countRows(t.service.store.sql, 'SELECT count(*)::int AS count FROM signing_keys'), 1);
    });

    test('keys a development service sealed under the public development key are refused by a real key, and said so', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const real = loadConfig({
        mode: 'development',
        issuer: 'http://id.dvc.test',
        clients: [{ id: MINISTRY.id, name: MINISTRY.name }],
        secrets: { keyEncryptionKey: KEK },
        log: () => {},
      });
      await assert.rejects(createService(real, { database: db().db }), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /secrets\.keyEncryptionKey: the stored keys \(\S+\) were made by a development service under the public development key/);
        return true;
      });
    });

    test('keys an older deployment stored in plaintext are sealed at start-up and keep working', async () => {
      const t = await startTestService(db(), withKek);
      const sql = t.service.store.sql;
      await sql.query('DELETE FROM server_secrets');
      await sql.query('DELETE FROM signing_keys');
      const otpHmacKey = randomBytes(32).toString('base64url');
      await sql.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2)', ['otpHmacKey', otpHmacKey]);
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      const publicJwk = await exportJWK(publicKey);
      const kid = await calculateJwkThumbprint(publicJwk);
      const privateJwk = JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' });
      await sql.query(
        `INSERT INTO signing_keys (kid, alg, private_jwk, public_jwk, created_at) VALUES ($1, 'ES256', $2, $3, $4::timestamptz)`,
        [kid, privateJwk, JSON.stringify({ kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y, kid, alg: 'ES256', use: 'sig' }), t.clock.now().toISOString()],
      );

      const upgraded = await t.restart();
      const encryption = new KeyEncryption(KEK);
      const [secret] = await sql.query<{ value: string }>(`SELECT value FROM server_secrets WHERE name = 'otpHmacKey'`);
      assert.match(secret!.value, /^dvc-sealed\.v1\./);
      assert.equal(encryption.open(secret!.value, 'server_secrets:otpHmacKey'), otpHmacKey, 'the same key, now sealed');
      const [key] = await sql.query<{ private_jwk: string }>('SELECT private_jwk FROM signing_keys WHERE kid = $1', [kid]);
      assert.match(key!.private_jwk, /^dvc-sealed\.v1\./);
      assert.equal(encryption.open(key!.private_jwk, `signing_keys:${kid}`), privateJwk);
      assert.ok(upgraded.logs.some((line) => line.includes('"event":"keys.sealed_at_rest"') && line.includes('"count":2')));

      await upgraded.register(AN);
      const { tokens } = await upgraded.signIn(AN);
      const jwks = (await json(await upgraded.call('GET', PATHS.jwks, { client: null }))) as JSONWebKeySet;
      const { protectedHeader } = await jwtVerify(String(tokens.idToken), createLocalJWKSet(jwks), { issuer: 'http://id.dvc.test', audience: MINISTRY.id });
      assert.equal(protectedHeader.kid, kid, 'the old key still signs');
    });
  });
}
