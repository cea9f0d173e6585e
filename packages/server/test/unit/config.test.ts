import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DEFAULT_PASSWORD_POLICY } from '@dvc-kit/sdk';
import { DEVELOPMENT_SHARED_KEK } from '../../src/at-rest/key-encryption-key.js';
import { ConfigError, loadConfig } from '../../src/index.js';
import { configProblems } from '../support/config-problems.js';

const clients = [{ id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh', origins: ['https://dichvucong.bacninh.gov.vn'] }];
const minimal = { mode: 'development', issuer: 'https://id.example.gov.vn/', clients };
/** A key-encryption key as an operator makes one: 32 random bytes in base64url. */
const KEK = randomBytes(32).toString('base64url');
/** Everything production needs. */
const production = {
  issuer: 'https://id.example.gov.vn',
  clients,
  sms: { driver: 'http', url: 'https://sms.internal/send', token: 'sms-token' },
  registries: { carrier: { driver: 'http', url: 'https://carrier.internal/verify', token: 'carrier-token' } },
  secrets: { keyEncryptionKey: KEK },
};

const problems = configProblems;

describe('loadConfig', () => {
  test('operators: an id, a name and the SHA-256 of a token, each id and token their own', () => {
    const hash = 'a'.repeat(64);
    const config = loadConfig({ ...minimal, operators: [{ id: 'bn-one-stop', name: 'Bộ phận một cửa tỉnh Bắc Ninh', tokenSha256: hash }] });
    assert.deepEqual(config.operators, [{ id: 'bn-one-stop', name: 'Bộ phận một cửa tỉnh Bắc Ninh', tokenSha256: hash }]);
    for (const tokenSha256 of ['A'.repeat(64), 'a'.repeat(63), 'the-token-itself']) {
      assert.ok(problems({ ...minimal, operators: [{ id: 'x', name: 'X', tokenSha256 }] }).some((problem) => problem.startsWith('operators.0.tokenSha256')), tokenSha256);
    }
    const twice = [{ id: 'x', name: 'X', tokenSha256: hash }, { id: 'x', name: 'Y', tokenSha256: 'b'.repeat(64) }];
    assert.ok(problems({ ...minimal, operators: twice }).some((problem) => problem.includes('operator ids must be unique')));
    const shared = [{ id: 'x', name: 'X', tokenSha256: hash }, { id: 'y', name: 'Y', tokenSha256: hash }];
    assert.ok(problems({ ...minimal, operators: shared }).some((problem) => problem.includes('a token of its own')));
  });

  test('fills in the security defaults of the design', () => {
    const config = loadConfig(minimal);
    assert.equal(config.issuer, 'https://id.example.gov.vn');
    assert.deepEqual(config.otp, { ttlSeconds: 180, resendAfterSeconds: 60, maxAttempts: 5, perPhonePerMinute: 3, perPhonePerHour: 10, perAddressPer5Minutes: 25 });
    assert.deepEqual(config.passwordPolicy, DEFAULT_PASSWORD_POLICY);
    assert.deepEqual(config.argon2, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    assert.deepEqual(config.tokens, { accessTtlSeconds: 600, idTtlSeconds: 600, sessionIdleSeconds: 900, sessionAbsoluteSeconds: 43_200, refreshReuseGraceSeconds: 20 });
    assert.deepEqual(config.limits, {
      registerLookups: {
        perAddress: [{ max: 20, windowSeconds: 600 }, { max: 100, windowSeconds: 86_400 }],
        perIdNumber: [{ max: 5, windowSeconds: 3600 }, { max: 10, windowSeconds: 86_400 }],
      },
      signInAttempts: { perAddress: [{ max: 30, windowSeconds: 600 }, { max: 200, windowSeconds: 86_400 }] },
      operatorCalls: { perOperator: [{ max: 100, windowSeconds: 3600 }] },
      signatureChallenges: { perAddress: [{ max: 30, windowSeconds: 600 }, { max: 300, windowSeconds: 86_400 }] },
      signatureRequests: { perAddress: [{ max: 10, windowSeconds: 600 }, { max: 50, windowSeconds: 86_400 }], perHolder: [{ max: 3, windowSeconds: 600 }, { max: 10, windowSeconds: 86_400 }] },
    });
    assert.deepEqual(config.operators, [], 'no operator API unless operators are configured');
    assert.deepEqual(config.signInThrottle, { freeFailures: 5, stepSeconds: 60, maxWaitSeconds: 900, forgetAfterSeconds: 43_200, maxFailuresPerHour: 100 });
    assert.deepEqual(config.humanCheck, { required: true, maxNumber: 20_000, expiresInSeconds: 600 });
    assert.deepEqual(config.sms, { driver: 'outbox' });
    assert.deepEqual(config.registries, { carrier: { driver: 'sandbox' }, socialInsurance: { driver: 'sandbox' } });
    assert.deepEqual(config.database, {});
    assert.equal(config.consentVersion, '2025-01');
    assert.deepEqual(config.registrationMethods, ['mobile']);
    assert.deepEqual(config.signInMethods, ['password']);
    assert.equal(config.trustProxy, false);
  });

  test('limits: a part given keeps the other defaults; windows longer than a day or no window are refused by key', () => {
    const config = loadConfig({ ...minimal, limits: { signInAttempts: { perAddress: [{ max: 10, windowSeconds: 300 }] } } });
    assert.deepEqual(config.limits.signInAttempts.perAddress, [{ max: 10, windowSeconds: 300 }]);
    assert.deepEqual(config.limits.registerLookups.perIdNumber, [{ max: 5, windowSeconds: 3600 }, { max: 10, windowSeconds: 86_400 }]);
    assert.deepEqual(problems({ ...minimal, limits: { registerLookups: { perAddress: [{ max: 5, windowSeconds: 172_800 }] } } }), [
      'limits.registerLookups.perAddress.0.windowSeconds: Too big: expected number to be <=86400',
    ]);
    assert.deepEqual(problems({ ...minimal, limits: { registerLookups: { perIdNumber: [] } } }), ['limits.registerLookups.perIdNumber: Too small: expected array to have >=1 items']);
    assert.deepEqual(problems({ ...minimal, tokens: { refreshReuseGraceSeconds: 61 } }), ['tokens.refreshReuseGraceSeconds: Too big: expected number to be <=60']);
  });

  test('takes a partial password policy over the default', () => {
    const config = loadConfig({ ...minimal, passwordPolicy: { requireSpecial: false, minLength: 12 } });
    assert.deepEqual(config.passwordPolicy, { ...DEFAULT_PASSWORD_POLICY, requireSpecial: false, minLength: 12 });
  });

  test('names the wrong key when a number is looser than the security rules allow', () => {
    assert.match(problems({ ...minimal, otp: { ttlSeconds: 900 } }).join('\n'), /^otp\.ttlSeconds: .*600/m);
    assert.match(problems({ ...minimal, otp: { maxAttempts: 10 } }).join('\n'), /^otp\.maxAttempts: /m);
    assert.match(problems({ ...minimal, argon2: { memoryCost: 4096 } }).join('\n'), /^argon2\.memoryCost: at least 19456/m);
    assert.match(problems({ ...minimal, tokens: { sessionIdleSeconds: 3600 } }).join('\n'), /^tokens\.sessionIdleSeconds: /m);
  });

  test('names every wrong key at once, and the message says it', () => {
    const error = (() => {
      try {
        loadConfig({ issuer: 'not a url', clients: [{ id: 'Bad Id', name: '', origins: ['https://x.example/path'] }], sms: { driver: 'carrier-pigeon' }, colour: 'red' });
      } catch (caught) {
        return caught as ConfigError;
      }
      assert.fail('accepted');
    })();
    const keys = error.problems.map((problem) => problem.split(':')[0]);
    for (const key of ['issuer', 'clients.0.id', 'clients.0.name', 'clients.0.origins.0', 'sms.driver', '(root)']) assert.ok(keys.includes(key), `${key} in ${keys.join(', ')}`);
    assert.match(error.message, /^Invalid DVC Kit server configuration:/);
  });

  test('needs at least one portal with a unique id', () => {
    assert.match(problems({ ...minimal, clients: [] }).join('\n'), /^clients: at least one client/m);
    assert.match(problems({ ...minimal, clients: [minimal.clients[0], minimal.clients[0]] }).join('\n'), /client ids must be unique/);
  });

  test('refuses both a PostgreSQL URL and a PGlite folder', () => {
    assert.match(problems({ ...minimal, database: { url: 'postgres://localhost/dvc', dataDir: '.data' } }).join('\n'), /^database: set either/m);
  });

  test('reads HTTP drivers for SMS and the carrier register', () => {
    const config = loadConfig({
      ...minimal,
      sms: { driver: 'http', url: 'https://sms.internal/send', token: 'secret' },
      registries: { carrier: { driver: 'http', url: 'https://carrier.internal/verify', token: 'secret', timeoutMs: 3000 } },
    });
    assert.deepEqual(config.sms, { driver: 'http', url: 'https://sms.internal/send', token: 'secret', timeoutMs: 5000 });
    assert.deepEqual(config.registries.carrier, { driver: 'http', url: 'https://carrier.internal/verify', token: 'secret', timeoutMs: 3000 });
  });

  test('keeps an injected clock and refuses one that is not a function', () => {
    const clock = () => new Date('2026-01-01T00:00:00Z');
    assert.equal(loadConfig({ ...minimal, clock }).clock, clock);
    assert.match(problems({ ...minimal, clock: 'now' }).join('\n'), /^clock: /m);
  });
});

describe('loadConfig: production is the default, development is asked for', () => {
  test('a configuration that names no mode is production, and a complete one is accepted', () => {
    const config = loadConfig(production);
    assert.equal(config.mode, 'production');
    assert.equal(config.secrets.keyEncryptionKey, KEK);
    assert.equal(loadConfig(minimal).mode, 'development');
  });

  test('production names every missing part at once: SMS gateway, carrier register, https issuer, key-encryption key', () => {
    const found = problems({ issuer: 'http://id.example.gov.vn', clients });
    const keys = found.map((problem) => problem.split(':')[0]);
    assert.deepEqual(keys.sort(), ['issuer', 'registries.carrier.driver', 'secrets.keyEncryptionKey', 'sms.driver']);
    const text = found.join('\n');
    assert.match(text, /^sms\.driver: .*set sms\.driver to "http" with sms\.url and sms\.token/m);
    assert.match(text, /^registries\.carrier\.driver: .*registries\.carrier\.url/m);
    assert.match(text, /^issuer: .*https.*DVC_ISSUER/m);
    assert.match(text, /^secrets\.keyEncryptionKey: .*DVC_KEY_ENCRYPTION_KEY/m);
    assert.match(text, /DVC_MODE=development/);
  });

  test('production refuses the SMS outbox and the sandbox register even when asked for by name', () => {
    const keys = problems({ ...production, sms: { driver: 'outbox' }, registries: { carrier: { driver: 'sandbox' } } }).map((problem) => problem.split(':')[0]);
    assert.deepEqual(keys.sort(), ['registries.carrier.driver', 'sms.driver']);
  });

  test('production allows an http issuer only on a loopback address', () => {
    for (const issuer of ['http://127.0.0.1:4000', 'http://localhost:4000', 'http://[::1]:4000']) {
      assert.equal(loadConfig({ ...production, issuer }).issuer, issuer);
    }
    for (const issuer of ['http://10.0.0.5:4000', 'http://id.example.gov.vn', 'http://127.0.0.1.example.com']) {
      assert.deepEqual(problems({ ...production, issuer }).map((problem) => problem.split(':')[0]), ['issuer'], issuer);
    }
  });

  test('development needs none of them', () => {
    const config = loadConfig({ mode: 'development', issuer: 'http://id.dvc.test', clients });
    assert.deepEqual(config.sms, { driver: 'outbox' });
    assert.equal(config.secrets.keyEncryptionKey, undefined);
  });

  test('production refuses the public development key-encryption key', () => {
    const found = problems({ ...production, secrets: { keyEncryptionKey: DEVELOPMENT_SHARED_KEK } });
    assert.match(found.join('\n'), /^secrets\.keyEncryptionKey: is the public development key/m);
    assert.equal(loadConfig({ ...minimal, secrets: { keyEncryptionKey: DEVELOPMENT_SHARED_KEK } }).mode, 'development');
  });

  test('a mode other than production or development is refused', () => {
    assert.match(problems({ ...production, mode: 'staging' }).join('\n'), /^mode: /m);
  });

  test('the key-encryption key must be 32+ random bytes, not a word or a short string', () => {
    assert.equal(loadConfig({ ...production, secrets: { keyEncryptionKey: randomBytes(32).toString('hex') } }).mode, 'production');
    assert.equal(loadConfig({ ...production, secrets: { keyEncryptionKey: randomBytes(48).toString('base64') } }).mode, 'production');
    for (const weak of ['changeme', randomBytes(16).toString('base64url'), 'a'.repeat(64), 'password'.repeat(8)]) {
      assert.match(problems({ ...production, secrets: { keyEncryptionKey: weak } }).join('\n'), /^secrets\.keyEncryptionKey: must be at least 32 random bytes/m, weak);
    }
  });
});
