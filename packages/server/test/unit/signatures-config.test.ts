import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createService, loadConfig } from '../../src/index.js';
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

describe('signatures configuration', () => {
  test('defaults: no method offered, 5-minute challenges, the CMND/CCCD/MST prefixes, CRLs fetched with a time-out', () => {
    const { signatures } = loadConfig(production);
    assert.deepEqual(signatures.methods, []);
    assert.equal(signatures.challengeTtlSeconds, 300);
    assert.deepEqual(signatures.uidPrefixes, { 'CMND:': 'id_number', 'CCCD:': 'id_number', 'MST:': 'tax_code' });
    assert.deepEqual(signatures.trustAnchors, { citizen: [], enterprise: [], agency: [] });
    assert.equal(signatures.crl.fetch, true);
    assert.equal(signatures.crl.fetchTimeoutMs, 5000);
  });

  test('production refuses to start when a signature method is offered without trust anchors for it', () => {
    const provider = { driver: 'http', baseUrl: 'https://sim-signing.internal/v1', token: 'provider-token' };
    const problems = configProblems({ ...production, signatures: { methods: ['sim_signature'], trustAnchors: { agency: ['/etc/dvc/government-ca.pem'] }, providers: { sim_signature: provider } } });
    assert.equal(problems.length, 1);
    assert.match(problems[0]!, /^signatures\.trustAnchors: offers "sim_signature" in signatures\.methods without trust anchors for citizen, enterprise/);
    // Anchors for a subject type the method serves are enough; in development the check does not apply.
    assert.doesNotThrow(() => loadConfig({ ...production, signatures: { methods: ['usb_token'], trustAnchors: { agency: ['/etc/dvc/government-ca.pem'] } } }));
    assert.doesNotThrow(() => loadConfig({ ...production, mode: 'development', signatures: { methods: ['remote_signing'] } }));
  });

  test('refuses unknown methods, a method twice, challenges outside 1–15 minutes and prefixes of an unknown kind', () => {
    const problems = configProblems({ ...production, mode: 'development', signatures: { methods: ['usb_token', 'usb_token', 'fax'], challengeTtlSeconds: 30, uidPrefixes: { 'CCCD:': 'passport' } } });
    for (const key of ['signatures.methods.2', 'signatures.challengeTtlSeconds', 'signatures.uidPrefixes.CCCD:']) assert.ok(problems.some((problem) => problem.startsWith(key)), `${key} in ${problems.join('; ')}`);
  });

  test('a trust-anchor file that cannot be read stops the service at start, naming the key', async () => {
    const config = loadConfig({ ...production, mode: 'development', signatures: { methods: ['usb_token'], trustAnchors: { citizen: ['/nonexistent/root.pem'] } } });
    await assert.rejects(createService(config), (error: Error) => error.name === 'ConfigError' && error.message.includes('signatures.trustAnchors.citizen.0'));
  });
});
