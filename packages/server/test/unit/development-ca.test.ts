import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createService, loadConfig, type DvcService } from '../../src/index.js';
import { configProblems } from '../support/config-problems.js';

const clients = [{ id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh', origins: ['https://dichvucong.bacninh.gov.vn'] }];
/** Everything production needs besides signatures. */
const production = {
  issuer: 'https://id.example.gov.vn',
  clients,
  sms: { driver: 'http', url: 'https://sms.internal/send', token: 'sms-token' },
  registries: { carrier: { driver: 'http', url: 'https://carrier.internal/verify', token: 'carrier-token' } },
  secrets: { keyEncryptionKey: randomBytes(32).toString('base64url') },
};

describe('the development CA in configuration', () => {
  test('off by default, and production refuses to start with it on, naming the key', () => {
    assert.equal(loadConfig(production).signatures.developmentCa, false);
    const problems = configProblems({ ...production, signatures: { developmentCa: true } });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^signatures\.developmentCa: the development CA .* is never trusted in production/);
    assert.equal(loadConfig({ ...production, mode: 'development', signatures: { developmentCa: true } }).signatures.developmentCa, true);
  });

  test('a development service with it trusts the development CA for every subject type; without it, for none', async () => {
    const answers = async (developmentCa: boolean) => {
      const service: DvcService = await createService(loadConfig({ mode: 'development', issuer: 'http://127.0.0.1:4000', clients, signatures: { methods: ['usb_token'], developmentCa } }));
      try {
        return (['citizen', 'enterprise', 'agency'] as const).map((subject) => service.signatures.accepts(subject));
      } finally {
        await service.close();
      }
    };
    assert.deepEqual(await answers(true), [true, true, true]);
    assert.deepEqual(await answers(false), [false, false, false]);
  });
});
