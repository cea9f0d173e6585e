import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SmsGateway } from '../../src/index.js';
import { AN, NGOC } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, startTestService } from '../support/service.js';

export function devOutboxSpec(db: () => TestDatabase): void {
  describe('development SMS outbox', () => {
    test('GET /dev/outbox.json lists the texts to a phone, newest first, without a portal header', async () => {
      const t = await startTestService(db());
      await t.startRegistration(AN);
      await t.startRegistration(NGOC);
      t.clock.advance(5);
      await t.startRegistration(AN);
      const response = await t.call('GET', `/dev/outbox.json?phone=${encodeURIComponent(AN.phone)}`, { client: null });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), null, 'no page on another origin may read the codes');
      const { messages } = await json(response);
      assert.equal(messages.length, 2);
      assert.deepEqual(Object.keys(messages[0]).sort(), ['createdAt', 'text', 'to']);
      assert.ok(messages.every((message: { to: string }) => message.to === AN.phone));
      assert.ok(messages[0].createdAt > messages[1].createdAt);
      assert.equal(messages[0].text.match(/\d{6}/)[0], await t.latestCode(AN.phone));
      const national = await json(await t.call('GET', `/dev/outbox.json?phone=${AN.nationalPhone}`, { client: null }));
      assert.equal(national.messages.length, 2);
      const all = await json(await t.call('GET', '/dev/outbox.json', { client: null }));
      assert.equal(all.messages.length, 3);
    });

    test('GET /dev/outbox is an accessible Vietnamese page that shows text as text', async () => {
      const t = await startTestService(db());
      await t.startRegistration(AN);
      await t.service.outbox!.send({ to: NGOC.phone, text: '<script>alert("x")</script> & co' });
      const response = await t.call('GET', '/dev/outbox', { client: null });
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Content-Type')!, /^text\/html/);
      assert.match(response.headers.get('Content-Security-Policy')!, /default-src 'none'/);
      const html = await response.text();
      assert.match(html, /<html lang="vi">/);
      assert.match(html, /<p class="dev-banner"><strong>CHẾ ĐỘ PHÁT TRIỂN \(DEVELOPMENT MODE\)<\/strong>/);
      assert.ok(html.indexOf('dev-banner') < html.indexOf('<h1>'), 'the banner comes first');
      assert.match(html, /<caption>[^<]+<\/caption>/);
      const headers = [...html.matchAll(/<th scope="col">([^<]+)<\/th>/g)].map((match) => match[1]);
      assert.deepEqual(headers, ['Thời gian', 'Số điện thoại', 'Nội dung']);
      assert.ok(!html.includes('<script>'));
      assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co'));
      assert.ok(html.indexOf(NGOC.phone) < html.indexOf(AN.phone), 'newest first');
    });

    test('there is no outbox when texts go to a real gateway', async () => {
      const sms: SmsGateway = { send: async () => {} };
      const t = await startTestService(db(), { overrides: { sms } });
      assert.equal((await t.call('GET', '/dev/outbox', { client: null })).status, 404);
      assert.equal((await t.call('GET', '/dev/outbox.json', { client: null })).status, 404);
    });
  });
}
