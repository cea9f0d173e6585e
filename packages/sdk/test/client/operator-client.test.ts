import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcOperatorClient } from '../../src/client/operator-client.js';
import { DvcError } from '../../src/client/error.js';
import { fakeService, json, problem, status, type Play } from './fake-service.js';

const TOKEN = 'k7Qn2pX9vLm4sT8wYc1bRf6hJd3gZa5eUo0iNq7yWx4';
const body = {
  idNumber: '001090001234',
  phone: '0961234398',
  officerId: 'bn-mc-017',
  officerName: 'Nguyễn Thị Hoa',
  evidence: { documentType: 'cccd_chip' as const },
};
const replaced = { accountSub: '2f6d0b7e-8a59-4a57-9f1e-5b1f1f0c0a01', maskedPhone: '096****398', sessionsEnded: 2, auditId: 'a1' };

function operatorOf(plays: Play[]) {
  const service = fakeService(...plays);
  const client = new DvcOperatorClient({ baseUrl: 'https://id.example.gov.vn/', token: TOKEN, fetch: service.fetch, retries: 2 });
  return { client, requests: service.requests };
}

describe('DvcOperatorClient', () => {
  test('replacePhone posts to the operator API with the bearer token and no portal client id', async () => {
    const { client, requests } = operatorOf([json(replaced)]);
    assert.deepEqual(await client.replacePhone(body), replaced);
    const [request] = requests;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, 'https://id.example.gov.vn/operator/v1/phone-replacements');
    assert.equal(request!.headers.get('Authorization'), `Bearer ${TOKEN}`);
    assert.equal(request!.headers.get('DVC-Client'), null);
    assert.equal(request!.headers.get('Content-Type'), 'application/json');
    assert.equal(request!.headers.get('Accept-Language'), 'vi');
    assert.deepEqual(request!.body, body);
  });

  test('a problem becomes a DvcError with its code; a replacement is not retried after a 503, the audit read is', async () => {
    const { client } = operatorOf([problem({ code: 'unauthorized', status: 401, title: 'x' })]);
    const error = await client.replacePhone(body).then(() => undefined, (caught: unknown) => caught);
    assert.ok(error instanceof DvcError);
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.status, 401);

    const once = operatorOf([status(503), json(replaced)]);
    await assert.rejects(once.client.replacePhone(body), (caught: unknown) => caught instanceof DvcError && caught.status === 503);
    assert.equal(once.requests.length, 1, 'a state-changing call is not repeated on its own');

    const audit = operatorOf([status(503), json({ entries: [] })]);
    assert.deepEqual(await audit.client.listAudit('2f6d0b7e-8a59-4a57-9f1e-5b1f1f0c0a01'), { entries: [] });
    assert.equal(audit.requests.length, 2);
    assert.equal(audit.requests[1]!.url, 'https://id.example.gov.vn/operator/v1/audit?accountSub=2f6d0b7e-8a59-4a57-9f1e-5b1f1f0c0a01');
    assert.equal(audit.requests[1]!.headers.get('Authorization'), `Bearer ${TOKEN}`);
  });
});
