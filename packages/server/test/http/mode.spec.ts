import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { PATHS } from '@dvc-kit/sdk';
import { SandboxCarrierRegistry, type SmsGateway } from '../../src/index.js';
import { AN } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, startTestService, type TestServiceOptions } from '../support/service.js';

/** A complete production configuration; the SMS gateway and the register are fakes of the outside world. */
async function production(texts: string[]): Promise<TestServiceOptions> {
  const sms: SmsGateway = {
    async send(message) {
      texts.push(message.text);
    },
  };
  return {
    config: {
      mode: 'production',
      issuer: 'https://id.dvc.test',
      sms: { driver: 'http', url: 'https://sms.dvc.test/send', token: 'sms-token' },
      registries: { carrier: { driver: 'http', url: 'https://carrier.dvc.test/verify', token: 'carrier-token' } },
      secrets: { keyEncryptionKey: randomBytes(32).toString('base64url') },
    },
    overrides: { sms, carrier: await SandboxCarrierRegistry.fromFile() },
  };
}

export function modeSpec(db: () => TestDatabase): void {
  describe('production and development modes', () => {
    test('GET / names the service, its version, its mode and where to go next, not 404', async () => {
      const t = await startTestService(db());
      const response = await t.call('GET', '/', { client: null });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Content-Type')!, /^application\/json/);
      const body = await json(response);
      assert.equal(body.service, 'DVC Kit identity service');
      assert.match(body.version, /^\d+\.\d+\.\d+/);
      assert.equal(body.mode, 'development');
      assert.deepEqual(body.links, { health: '/healthz', jwks: PATHS.jwks, config: PATHS.config, outbox: '/dev/outbox' });
      assert.match(body.openapi, /openapi\.json/);
      for (const link of ['/healthz', PATHS.jwks]) assert.equal((await t.call('GET', link, { client: null })).status, 200, link);
    });

    test('production has no /dev routes and no outbox, texts go through the gateway, and GET / says production', async () => {
      const texts: string[] = [];
      const t = await startTestService(db(), await production(texts));
      assert.equal(t.service.outbox, undefined);
      for (const path of ['/dev/outbox', '/dev/outbox.json']) assert.equal((await t.call('GET', path, { client: null })).status, 404, path);
      const body = await json(await t.call('GET', '/', { client: null }));
      assert.equal(body.mode, 'production');
      assert.equal(body.links.outbox, undefined);
      assert.equal((await t.call('POST', PATHS.registrations, { body: { subjectType: 'citizen', method: 'mobile', idNumber: AN.idNumber, fullName: AN.fullName, birthDate: AN.birthDate, phone: AN.nationalPhone, consentVersion: '2025-01' } })).status, 201);
      assert.equal(texts.length, 1);
      assert.equal(await t.service.store.sql.query('SELECT 1 FROM sms_outbox').then((rows) => rows.length), 0);
      assert.ok(!t.logs.some((line) => line.includes('development_mode')));
    });

    test('development says so in the log when it starts', async () => {
      const t = await startTestService(db());
      const line = t.logs.map((text) => JSON.parse(text) as Record<string, unknown>).find((entry) => entry.event === 'service.development_mode');
      assert.equal(line?.level, 'warn');
      assert.match(String(line?.note), /DEVELOPMENT MODE/);
    });
  });
}
