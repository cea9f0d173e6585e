import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { CLIENT_HEADER, OPERATOR_PATHS, PATHS } from '@dvc-kit/sdk';
import { AuditListSchema, PhoneReplacedSchema } from '@dvc-kit/sdk/contract';
import type { ServerConfigInput } from '../../src/index.js';
import { AN, NGOC, PASSWORD } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { containsToken } from '../support/log-scan.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';

/** The counter's token, as its back office holds it; the service is configured with its SHA-256 only. */
const TOKEN = randomBytes(32).toString('base64url');
const OTHER_TOKEN = randomBytes(32).toString('base64url');
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const OPERATORS: Partial<ServerConfigInput> = {
  operators: [
    { id: 'bn-one-stop', name: 'Bộ phận một cửa UBND tỉnh Bắc Ninh', tokenSha256: sha256(TOKEN) },
    { id: 'hn-one-stop', name: 'Bộ phận một cửa UBND TP Hà Nội', tokenSha256: sha256(OTHER_TOKEN) },
  ],
};
/** A SIM the carrier also has in Nguyễn Văn An's name: the phone the counter moves the account to. */
const NEW_PHONE = { national: '0961234398', e164: '+84961234398' } as const;

const OFFICER = { officerId: 'bn-mc-017', officerName: 'Nguyễn Thị Hoa' } as const;
const replacement = (extra: Record<string, unknown> = {}) => ({
  idNumber: AN.idNumber,
  phone: NEW_PHONE.national,
  ...OFFICER,
  evidence: { documentType: 'cccd_chip', note: 'Đối chiếu ảnh trên thẻ, khớp' },
  ...extra,
});

/** Calls the operator API as a counter's back office does: a bearer token, no client id, no Origin. */
function operatorCall(t: TestService, method: 'GET' | 'POST' | 'OPTIONS', path: string, options: { body?: unknown; token?: string | null; headers?: Record<string, string>; lang?: string } = {}) {
  const token = options.token === undefined ? TOKEN : options.token;
  return t.call(method, path, {
    client: null,
    ...(options.body !== undefined ? { body: options.body } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...options.headers },
  });
}
const replace = (t: TestService, body: unknown, options: { token?: string | null; headers?: Record<string, string>; lang?: string } = {}) =>
  operatorCall(t, 'POST', OPERATOR_PATHS.phoneReplacements, { body, ...options });

export function operatorSpec(db: () => TestDatabase): void {
  describe('operator API: a counter officer replaces a lost phone', () => {
    test('replaces the phone after an in-person check: sessions end, the audit entry names the officer, the new phone gets a notice and receives the codes', async () => {
      const t = await startTestService(db(), { config: OPERATORS });
      await t.register(AN);
      t.clock.advance(61);
      const here = (await t.signIn(AN)).tokens;
      t.clock.advance(61);
      const elsewhere = (await t.signIn(AN, PASSWORD, PROVINCE.id)).tokens;
      t.clock.advance(61);

      const response = await replace(t, replacement());
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), null);
      const body = await json(response);
      assert.ok(PhoneReplacedSchema.safeParse(body).success);
      assert.equal(body.maskedPhone, '096****398');
      assert.equal(body.sessionsEnded, 2);
      for (const [tokens, client] of [[here, MINISTRY.id], [elsewhere, PROVINCE.id]] as const) {
        assert.equal((await t.call('POST', PATHS.refresh, { client, body: { refreshToken: tokens.refreshToken } })).status, 401, 'the old sessions are refused');
      }
      for (let turn = 0; turn < 400 && (await t.textsTo(NEW_PHONE.e164)) === 0; turn++) await new Promise((resolve) => setTimeout(resolve, 5));
      const [notice] = await t.service.outbox!.messages({ to: NEW_PHONE.e164 });
      assert.match(String(notice?.text), /bo phan mot cua/);
      t.clock.advance(61);
      const signInId = await t.startSignIn(AN);
      const code = await t.latestCode(NEW_PHONE.e164);
      assert.equal((await t.call('POST', PATHS.signInVerify(signInId), { body: { code } })).status, 200, 'the sign-in code went to the new phone');

      const audit = await operatorCall(t, 'GET', `${OPERATOR_PATHS.audit}?accountSub=${body.accountSub}`);
      assert.equal(audit.status, 200);
      const list = await json(audit);
      assert.ok(AuditListSchema.safeParse(list).success);
      assert.equal(list.entries.length, 1);
      const [entry] = list.entries;
      assert.equal(entry.id, body.auditId);
      assert.equal(entry.action, 'phone_replaced');
      assert.equal(entry.operatorId, 'bn-one-stop');
      assert.equal(entry.officerId, OFFICER.officerId);
      assert.equal(entry.officerName, OFFICER.officerName);
      assert.equal(entry.documentType, 'cccd_chip');
      assert.equal(entry.note, 'Đối chiếu ảnh trên thẻ, khớp');
      assert.equal(entry.address, 'unknown');
      assert.notEqual(entry.oldPhoneHash, entry.newPhoneHash);
      const rows = JSON.stringify(await db().db.query('SELECT * FROM operator_audit'));
      for (const secret of [AN.idNumber, AN.phone, AN.nationalPhone, NEW_PHONE.e164, NEW_PHONE.national]) assert.ok(!rows.includes(secret), 'no phone or ID number in the audit log');
      for (const line of t.logs) {
        for (const secret of [AN.idNumber, AN.phone, AN.nationalPhone, NEW_PHONE.e164, NEW_PHONE.national, TOKEN, PASSWORD, OFFICER.officerName]) {
          assert.ok(!containsToken(line, secret), `no personal data in ${line}`);
        }
      }
      const none = await json(await operatorCall(t, 'GET', `${OPERATOR_PATHS.audit}?accountSub=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`));
      assert.deepEqual(none, { entries: [] });
    });

    test('a missing or wrong token, or a portal’s access token, is 401 unauthorized (with WWW-Authenticate naming the operator realm) in vi and en, and changes nothing', async () => {
      const t = await startTestService(db(), { config: OPERATORS });
      await t.register(AN);
      t.clock.advance(61);
      const portal = (await t.signIn(AN)).tokens;
      for (const token of [null, 'wrong', randomBytes(32).toString('base64url'), sha256(TOKEN), String(portal.accessToken)]) {
        const response = await replace(t, replacement(), { token });
        assert.equal(response.status, 401, `token ${String(token).slice(0, 8)}`);
        assert.match(String(response.headers.get('WWW-Authenticate')), /^Bearer realm="dvc-operator"/);
        assert.equal((await json(response)).code, 'unauthorized');
        assert.equal((await operatorCall(t, 'GET', `${OPERATOR_PATHS.audit}?accountSub=${portal.accessToken}`, { token })).status, 401);
      }
      assert.equal((await json(await replace(t, replacement(), { token: null, lang: 'en' }))).detail, 'Please sign in to continue.');
      assert.equal((await json(await replace(t, replacement(), { token: null }))).detail, 'Bạn cần đăng nhập để tiếp tục.');
      const withClient = await t.call('POST', OPERATOR_PATHS.phoneReplacements, { body: replacement() });
      assert.equal(withClient.status, 401, 'a portal client id opens nothing here');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM operator_audit'), 0);
      assert.equal((await t.service.store.accounts.findByIdNumber(AN.idNumber))?.phone, AN.phone);
    });

    test('no CORS: a preflight or any request from a portal page (with Origin) is refused without Access-Control-Allow-Origin, even with the right token', async () => {
      const t = await startTestService(db(), { config: OPERATORS });
      await t.register(AN);
      const preflight = await operatorCall(t, 'OPTIONS', OPERATOR_PATHS.phoneReplacements, {
        headers: { Origin: MINISTRY.origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
      });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers.get('Access-Control-Allow-Origin'), null);
      const fromPage = await replace(t, replacement(), { headers: { Origin: MINISTRY.origin, [CLIENT_HEADER]: MINISTRY.id } });
      assert.equal(fromPage.status, 403);
      assert.equal(fromPage.headers.get('Access-Control-Allow-Origin'), null);
      assert.equal((await json(fromPage)).code, 'origin_not_allowed');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM operator_audit'), 0);
    });

    test('an ID number without an account is 404 account_not_found; the same phone is unchanged', async () => {
      const t = await startTestService(db(), { config: OPERATORS });
      await t.register(AN);
      const missing = await replace(t, replacement({ idNumber: NGOC.idNumber }), { lang: 'en' });
      assert.equal(missing.status, 404);
      const problem = await json(missing);
      assert.equal(problem.code, 'account_not_found');
      assert.equal(problem.detail, 'No such account.');
      const same = await replace(t, replacement({ phone: AN.nationalPhone }));
      assert.equal(same.status, 400);
      assert.deepEqual((await json(same)).errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['phone', 'unchanged']]);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM operator_audit'), 0);
    });

    test('a document or phone number typed in the note is masked before the audit keeps it', async () => {
      const t = await startTestService(db(), { config: OPERATORS });
      await t.register(AN);
      const response = await replace(t, replacement({ evidence: { documentType: 'cmnd', note: `CCCD ${AN.idNumber}, SĐT cũ 0971 234 398, khớp` } }));
      assert.equal(response.status, 200);
      const { entries } = await json(await operatorCall(t, 'GET', `${OPERATOR_PATHS.audit}?accountSub=${(await json(response)).accountSub}`));
      assert.equal(entries[0].note, 'CCCD […], SĐT cũ […], khớp');
      const rows = JSON.stringify(await db().db.query('SELECT * FROM operator_audit'));
      assert.ok(!rows.includes(AN.idNumber) && !rows.includes('234 398'));
    });

    test('calls are limited per operator, atomically under parallel calls, with Retry-After; another operator is not', async () => {
      const t = await startTestService(db(), { config: { ...OPERATORS, limits: { operatorCalls: { perOperator: [{ max: 3, windowSeconds: 3600 }] } } } });
      await t.register(AN);
      const responses = await Promise.all(Array.from({ length: 8 }, () => replace(t, replacement({ idNumber: NGOC.idNumber }))));
      const statuses = responses.map((response) => response.status).sort();
      assert.deepEqual(statuses, [404, 404, 404, 429, 429, 429, 429, 429]);
      const refused = responses.find((response) => response.status === 429)!;
      assert.ok(Number(refused.headers.get('Retry-After')) > 0 && Number(refused.headers.get('Retry-After')) <= 3600);
      assert.equal((await json(refused)).code, 'too_many_attempts');
      assert.equal((await replace(t, replacement(), { token: OTHER_TOKEN })).status, 200, 'the other counter still works');
    });

    test('generated bad input is a problem naming field and rule, never a 5xx, and nothing is half-stored', async () => {
      const t = await startTestService(db(), { config: { ...OPERATORS, limits: { operatorCalls: { perOperator: [{ max: 1000, windowSeconds: 3600 }] } } } });
      await t.register(AN);
      t.clock.advance(61);
      const { tokens } = await t.signIn(AN);
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const field = (value: unknown) => fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: anything });
      const body = fc.record(
        {
          idNumber: field(AN.idNumber),
          phone: field(NEW_PHONE.national),
          officerId: fc.oneof(field(OFFICER.officerId), fc.constant('a\nb'), fc.constant(''), fc.string({ minLength: 65, maxLength: 70 })),
          officerName: field(OFFICER.officerName),
          evidence: fc.oneof(
            anything,
            fc.record({ documentType: fc.oneof(fc.constant('driving_licence'), anything), note: fc.oneof(fc.constant(undefined), anything) }, { requiredKeys: [] }),
            fc.record({ documentType: fc.constant('cccd'), note: fc.oneof(fc.constant('dòng 1\ndòng 2'), fc.string({ minLength: 201, maxLength: 210 })) }),
          ),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(body, async (candidate) => {
          const response = await replace(t, candidate);
          assert.equal(response.status, 400, `status ${response.status} for ${JSON.stringify(candidate)}`);
          const problem = await json(response);
          assert.equal(problem.code, 'validation_failed');
          assert.ok(problem.errors.length > 0 && problem.errors.every((error: { field: string; code: string; message: string }) => error.field && error.code && error.message));
        }),
        { numRuns: 80 },
      );
      for (const raw of ['{', '[]', 'null', '"x"']) {
        const response = await t.call('POST', OPERATOR_PATHS.phoneReplacements, { client: null, rawBody: raw, headers: { Authorization: `Bearer ${TOKEN}` } });
        assert.equal(response.status, 400);
      }
      const notJson = await t.call('POST', OPERATOR_PATHS.phoneReplacements, { client: null, rawBody: 'idNumber=1', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' } });
      assert.equal(notJson.status, 415);
      const badSub = await operatorCall(t, 'GET', `${OPERATOR_PATHS.audit}?accountSub=1' OR 1=1`);
      assert.equal(badSub.status, 400);
      assert.equal((await operatorCall(t, 'GET', OPERATOR_PATHS.audit)).status, 400);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM operator_audit'), 0);
      assert.equal((await t.service.store.accounts.findByIdNumber(AN.idNumber))?.phone, AN.phone);
      assert.equal((await t.call('POST', PATHS.refresh, { body: { refreshToken: tokens.refreshToken } })).status, 200, 'the session lives on');
    });

    test('without operators the operator API is not mounted (whatever the mode): every operator path is 404', async () => {
      const t = await startTestService(db());
      const response = await replace(t, replacement());
      assert.equal(response.status, 404);
      assert.equal((await json(response)).code, 'not_found');
      assert.equal((await operatorCall(t, 'GET', `${OPERATOR_PATHS.audit}?accountSub=x`)).status, 404);
    });
  });
}
