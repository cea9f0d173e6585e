import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/index.js';
import { signingSetupFromConfig } from '../../src/signatures/providers/from-config.js';
import { HttpSigningProvider } from '../../src/signatures/providers/http.js';
import { SandboxSigningProvider } from '../../src/signatures/providers/sandbox.js';
import { configProblems } from '../support/config-problems.js';
import { openTestDevelopmentCa } from '../support/development-ca.js';

const production = {
  issuer: 'https://id.example.gov.vn',
  clients: [{ id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh', origins: ['https://dichvucong.bacninh.gov.vn'] }],
  sms: { driver: 'http', url: 'https://sms.internal/send', token: 'sms-token' },
  registries: { carrier: { driver: 'http', url: 'https://carrier.internal/verify', token: 'carrier-token' } },
  secrets: { keyEncryptionKey: randomBytes(32).toString('base64url') },
};
const anchors = { citizen: ['/etc/dvc/national-root.pem'], enterprise: ['/etc/dvc/national-root.pem'] };
const http = { driver: 'http', baseUrl: 'https://smartca-gateway.internal/dvc/v1', token: 'provider-token' };

describe('signing providers configuration', () => {
  test('defaults: no provider, two minutes to confirm, polls every 2 seconds, 10 requests per address and 3 per holder in 10 minutes', () => {
    const config = loadConfig(production);
    assert.deepEqual(config.signatures.providers, {});
    assert.deepEqual(config.signatures.requests, { ttlSeconds: 120, pollIntervalSeconds: 2 });
    assert.deepEqual(config.limits.signatureRequests.perAddress[0], { max: 10, windowSeconds: 600 });
    assert.deepEqual(config.limits.signatureRequests.perHolder[0], { max: 3, windowSeconds: 600 });
  });

  test('production refuses to start with SIM signature or remote signing offered without a provider, naming the key', () => {
    const problems = configProblems({ ...production, signatures: { methods: ['sim_signature', 'remote_signing'], trustAnchors: anchors } });
    assert.equal(problems.length, 2, problems.join('; '));
    assert.match(problems[0]!, /^signatures\.providers\.sim_signature: offers "sim_signature" in signatures\.methods without a provider/);
    assert.match(problems[1]!, /^signatures\.providers\.remote_signing: /);
    assert.doesNotThrow(() => loadConfig({ ...production, signatures: { methods: ['sim_signature'], trustAnchors: anchors, providers: { sim_signature: http } } }));
  });

  test('production refuses the sandbox provider wherever it is configured, offered or not', () => {
    const problems = configProblems({
      ...production,
      signatures: { methods: ['sim_signature'], trustAnchors: anchors, providers: { sim_signature: { driver: 'sandbox' }, remote_signing: { driver: 'sandbox' } } },
    });
    assert.equal(problems.length, 2, problems.join('; '));
    for (const method of ['sim_signature', 'remote_signing']) {
      assert.ok(problems.some((problem) => problem.startsWith(`signatures.providers.${method}.driver: production asks a real signing provider`)), problems.join('; '));
    }
  });

  test('refuses a provider URL that is not http(s), a time-out out of range and an unknown driver', () => {
    const problems = configProblems({
      ...production,
      mode: 'development',
      signatures: { providers: { sim_signature: { ...http, baseUrl: 'ftp://provider', timeoutMs: 10 }, remote_signing: { driver: 'fax' } }, requests: { ttlSeconds: 5 } },
    });
    for (const key of ['signatures.providers.sim_signature.baseUrl', 'signatures.providers.sim_signature.timeoutMs', 'signatures.providers.remote_signing.driver', 'signatures.requests.ttlSeconds']) {
      assert.ok(problems.some((problem) => problem.startsWith(key)), `${key} in ${problems.join('; ')}`);
    }
  });

  test('development: an offered method without a provider gets the sandbox, signing under the development CA, which the service trusts for citizens and enterprises only', async () => {
    const clock = () => new Date();
    const ca = await openTestDevelopmentCa(clock);
    let asked = 0;
    const developmentCa = async () => (asked++, ca);
    const config = loadConfig({ ...production, mode: 'development', signatures: { methods: ['usb_token', 'sim_signature', 'remote_signing'], providers: { remote_signing: http } } });
    const setup = await signingSetupFromConfig(config, clock, developmentCa);
    assert.ok(setup.providers.sim_signature instanceof SandboxSigningProvider);
    assert.ok(setup.providers.remote_signing instanceof HttpSigningProvider);
    // The one development CA: the development signer's anchor and CRL, not a CA of the sandbox's own.
    assert.deepEqual(setup.trust.anchors?.citizen, [ca.certificate]);
    assert.deepEqual(setup.trust.anchors?.enterprise, [ca.certificate]);
    assert.equal(setup.trust.anchors?.agency, undefined);
    assert.deepEqual(setup.trust.crls, [ca.crl]);
    // Two sandbox providers ask once; nothing offered: no provider, and the development CA is not asked for.
    await signingSetupFromConfig(loadConfig({ ...production, mode: 'development', signatures: { methods: ['sim_signature', 'remote_signing'] } }), clock, developmentCa);
    assert.equal(asked, 2);
    const none = await signingSetupFromConfig(loadConfig({ ...production, mode: 'development' }), clock, developmentCa);
    assert.deepEqual(none, { providers: {}, trust: {} });
    assert.equal(asked, 2);
  });

  test('the development CA refuses to exist in production', async () => {
    await assert.rejects(openTestDevelopmentCa(() => new Date(), 'production'), /only in development/);
  });
});
