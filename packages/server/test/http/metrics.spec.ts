import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS } from '@dvc-kit/sdk';
import { AN, NGOC, PASSWORD } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, startTestService, type TestService } from '../support/service.js';

const TOKEN = 'metrics-scraper-token-0123456789abcdef';
const WRONG = 'Sai-Mat-Khau-1!';
const withMetrics = { config: { metrics: { enabled: true, token: TOKEN, processMetrics: false } } } as const;

/** One scrape, as Prometheus does it. */
async function scrape(t: TestService): Promise<string> {
  const response = await t.call('GET', '/metrics', { client: null, headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('Content-Type')!, /^text\/plain; version=0\.0\.4/);
  return response.text();
}

/** The samples of an exposition: `name{a="b",…}` → value. */
function samples(text: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z_:][a-z0-9_:]*(?:\{.*\})?) (\S+)$/i.exec(line);
    if (match) found.set(match[1]!, Number(match[2]));
  }
  return found;
}

/** The value of one series, 0 when it was never counted. */
function value(text: string, series: string): number {
  return samples(text).get(series) ?? 0;
}

/** Every label value of every series in an exposition. */
function labelValues(text: string): string[] {
  return [...samples(text).keys()].flatMap((series) => [...series.matchAll(/="((?:[^"\\]|\\.)*)"/g)].map((match) => match[1]!));
}

export function metricsSpec(db: () => TestDatabase): void {
  describe('Prometheus metrics', () => {
    test('a sign-in moves the request, code and sign-in counters, by route template', async () => {
      const t = await startTestService(db(), withMetrics);
      await t.register(AN);
      const before = await scrape(t);
      const verify = 'dvc_http_requests_total{method="POST",route="/v1/sign-ins/:id/otp/verify",status_class="2xx"}';
      assert.equal(value(before, verify), 0);
      assert.equal(value(before, 'dvc_sms_codes_total{purpose="registration",outcome="sent"}'), 1);
      assert.equal(value(before, 'dvc_registrations_total{outcome="completed"}'), 1);

      t.clock.advance(60);
      await t.signIn(AN);
      const refused = await t.call('POST', PATHS.signIns, { body: { idNumber: NGOC.idNumber, password: WRONG } });
      assert.equal(refused.status, 401);
      const after = await scrape(t);
      assert.equal(value(after, verify), 1);
      assert.equal(value(after, 'dvc_http_requests_total{method="POST",route="/v1/sign-ins",status_class="2xx"}'), 1);
      assert.equal(value(after, 'dvc_http_requests_total{method="POST",route="/v1/sign-ins",status_class="4xx"}'), 1);
      assert.equal(value(after, `dvc_http_request_duration_seconds_count{method="POST",route="/v1/sign-ins/:id/otp/verify",status_class="2xx"}`), 1);
      assert.equal(value(after, 'dvc_sms_codes_total{purpose="sign_in",outcome="sent"}'), 1);
      assert.equal(value(after, 'dvc_sign_ins_total{outcome="password_accepted"}'), 1);
      assert.equal(value(after, 'dvc_sign_ins_total{outcome="success"}'), 1);
      assert.equal(value(after, 'dvc_sign_ins_total{outcome="invalid_credentials"}'), 1);
    });

    test('wrong codes, a throttled sign-in and the limit it hit are counted', async () => {
      const t = await startTestService(db(), withMetrics);
      await t.register(AN);
      const id = await t.startSignIn(AN);
      const wrong = await t.call('POST', PATHS.signInVerify(id), { body: { code: (await t.latestCode(AN.phone)) === '000000' ? '111111' : '000000' } });
      assert.equal(wrong.status, 400);
      let status = 401;
      for (let attempt = 0; attempt < 7 && status !== 429; attempt++) {
        status = (await t.call('POST', PATHS.signIns, { body: { idNumber: NGOC.idNumber, password: WRONG } })).status;
      }
      assert.equal(status, 429);
      const text = await scrape(t);
      assert.equal(value(text, 'dvc_otp_wrong_codes_total{purpose="sign_in"}'), 1);
      assert.equal(value(text, 'dvc_sign_ins_total{outcome="throttled"}'), 1);
      assert.equal(value(text, 'dvc_limits_hit_total{limit="sign_in.throttled"}'), 1);
      assert.equal(value(text, 'dvc_http_requests_total{method="POST",route="/v1/sign-ins",status_class="4xx"}'), 6);
    });

    test('no label holds an ID number, a phone, a flow id, an account id or an address', async () => {
      const t = await startTestService(db(), withMetrics);
      const account = await t.register(AN);
      const signInId = await t.startSignIn(AN);
      await t.call('POST', PATHS.signInVerify(signInId), { body: { code: '12345' } });
      await t.call('POST', PATHS.signInVerify(AN.idNumber), { body: { code: '123456' } });
      await t.call('GET', `/v1/accounts/${AN.idNumber}`, { headers: { 'X-Forwarded-For': '203.0.113.7' } });
      await t.call('GET', `/${AN.nationalPhone}`, { client: null });
      const text = await scrape(t);
      const values = labelValues(text);
      assert.ok(values.includes('/v1/sign-ins/:id/otp/verify'), 'routes are labelled by template');
      for (const label of values) {
        assert.doesNotMatch(label, /\d{6,}/, `a long number in a label: ${label}`);
        assert.doesNotMatch(label, /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i, `a UUID in a label: ${label}`);
        assert.doesNotMatch(label, /[0-9a-f]{16}/i, `a hash in a label: ${label}`);
        assert.doesNotMatch(label, /^\d+\.\d+\.\d+\.\d+$|:.*:/, `an address in a label: ${label}`);
      }
      for (const secret of [AN.idNumber, AN.phone, AN.nationalPhone, signInId, String(account.sub), '203.0.113.7']) {
        assert.ok(!text.includes(secret), `${secret} appears in the metrics`);
      }
    });

    test('a scrape without the bearer token, or with another, is refused', async () => {
      const t = await startTestService(db(), withMetrics);
      const anonymous = await t.call('GET', '/metrics', { client: null });
      assert.equal(anonymous.status, 401);
      assert.equal(anonymous.headers.get('WWW-Authenticate'), 'Bearer realm="metrics"');
      assert.equal((await json(anonymous)).code, 'unauthorized');
      const wrong = await t.call('GET', '/metrics', { client: null, headers: { Authorization: `Bearer ${TOKEN}x` } });
      assert.equal(wrong.status, 401);
      assert.doesNotMatch(await wrong.text(), /dvc_http_requests_total/);
    });

    test('metrics are off unless enabled: /metrics is not found', async () => {
      const t = await startTestService(db());
      assert.equal(t.service.metrics, undefined);
      const response = await t.call('GET', '/metrics', { client: null, headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(response.status, 404);
    });

    test("Node's process metrics come with the service's own unless switched off", async () => {
      const t = await startTestService(db(), { config: { metrics: { enabled: true, token: TOKEN } } });
      const text = await scrape(t);
      assert.match(text, /^process_cpu_user_seconds_total \d/m);
      assert.match(text, /^nodejs_eventloop_lag_seconds /m);
    });

    test('each service counts in its own registry', async () => {
      const first = await startTestService(db(), withMetrics);
      const second = await first.restart();
      await first.call('GET', '/healthz', { client: null });
      const series = 'dvc_http_requests_total{method="GET",route="/healthz",status_class="2xx"}';
      assert.equal(value(await scrape(first), series), 1);
      assert.equal(value(await scrape(second), series), 0);
    });
  });
}
