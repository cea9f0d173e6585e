import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig, ServiceMetrics } from '../../src/index.js';
import { routeLabel } from '../../src/metrics/labels.js';

/** Everything production needs, so the only problem left is the one under test. */
const base = {
  issuer: 'https://id.example.gov.vn',
  clients: [{ id: 'ministry-portal', name: 'Bộ Công an' }],
  sms: { driver: 'http', url: 'https://sms.internal/send', token: 'sms-token' },
  registries: { carrier: { driver: 'http', url: 'https://carrier.internal/verify', token: 'carrier-token' } },
  secrets: { keyEncryptionKey: randomBytes(32).toString('base64url') },
};

test('metrics are off by default, and enabling them without a token is refused outside development', () => {
  assert.deepEqual(loadConfig(base).metrics, { enabled: false, processMetrics: true });
  assert.throws(() => loadConfig({ ...base, metrics: { enabled: true } }), (error: unknown) => {
    assert.ok(error instanceof ConfigError);
    assert.match(error.problems.join('\n'), /^metrics\.token: metrics\.enabled needs a metrics\.token/m);
    return true;
  });
  assert.throws(() => loadConfig({ ...base, metrics: { enabled: true, token: 'short' } }), /metrics\.token/);
  assert.equal(loadConfig({ ...base, metrics: { enabled: true, token: 'a'.repeat(32) } }).metrics.enabled, true);
  assert.equal(loadConfig({ ...base, mode: 'development', metrics: { enabled: true } }).metrics.enabled, true);
});

test('a concrete path, a number or a UUID never becomes a route label; templates do', () => {
  assert.equal(routeLabel('/v1/sign-ins/:id/otp/verify'), '/v1/sign-ins/:id/otp/verify');
  assert.equal(routeLabel('/v1/*'), '/v1/*');
  assert.equal(routeLabel('/v1/sign-ins/001090001234/otp/verify'), 'other');
  assert.equal(routeLabel('/v1/registrations/0f8fad5b-d9cb-469f-a165-70867728950e/password'), 'other');
  assert.equal(routeLabel('/v1/x?phone=0971234398'), 'other');
  assert.equal(routeLabel(42), 'other');
});

test('log events with unexpected values count under "other", never as the value', async () => {
  const metrics = new ServiceMetrics({ processMetrics: false });
  metrics.observe('info', 'otp.sent', { purpose: '+84971234398' });
  metrics.observe('info', 'http.request', { method: 'BREW', route: '/v1/sign-ins/001090001234', status: 200, ms: 3 });
  metrics.observe('warn', 'Sign-in for 001090001234', {});
  metrics.observe('warn', 'registration.lookup_rate_limited', {});
  const text = await metrics.exposition();
  assert.match(text, /^dvc_sms_codes_total\{purpose="other",outcome="sent"\} 1$/m);
  assert.match(text, /^dvc_http_requests_total\{method="other",route="other",status_class="2xx"\} 1$/m);
  assert.match(text, /^dvc_log_events_total\{level="warn",event="other"\} 1$/m);
  assert.match(text, /^dvc_limits_hit_total\{limit="registration.lookup_rate_limited"\} 1$/m);
  assert.doesNotMatch(text, /0971234398|001090001234|BREW/);
});
