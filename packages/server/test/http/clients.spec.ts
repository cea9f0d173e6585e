import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLIENT_HEADER, PATHS, solveHumanCheck, type HumanCheckChallenge } from '@dvc-kit/sdk';
import { AN, NGOC, PASSWORD } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { containsToken } from '../support/log-scan.js';
import { json, MINISTRY, PROVINCE, registrationBody, startTestService } from '../support/service.js';

export function clientsSpec(db: () => TestDatabase): void {
  describe('portals, CORS and problem responses', () => {
    test('a request without DVC-Client, or naming an unknown portal, is refused with unknown_client', async () => {
      const t = await startTestService(db());
      for (const client of [null, 'unknown-portal']) {
        const response = await t.call('POST', PATHS.signIns, { client, body: { idNumber: AN.idNumber, password: PASSWORD } });
        assert.equal(response.status, 400);
        const problem = await json(response);
        assert.equal(problem.code, 'unknown_client');
        assert.equal(problem.detail, 'Cổng dịch vụ công này chưa được đăng ký với dịch vụ định danh.');
      }
    });

    test('GET /v1/config tells a widget the rules it renders from, for the portal named by header or ?client_id=', async () => {
      const t = await startTestService(db());
      const byQuery = await t.call('GET', `${PATHS.config}?client_id=${PROVINCE.id}`, { client: null });
      assert.equal(byQuery.status, 200);
      assert.deepEqual(await json(byQuery), {
        clientId: PROVINCE.id,
        clientName: PROVINCE.name,
        passwordPolicy: { minLength: 8, maxLength: 128, requireLower: true, requireUpper: true, requireDigit: true, requireSpecial: true, rejectCommon: true, rejectPersonalData: true },
        otp: { length: 6, ttlSeconds: 180, resendAfterSeconds: 60, maxAttempts: 5 },
        registrationMethods: ['mobile'],
        subjectTypes: [
          {
            subjectType: 'citizen',
            methods: [
              { method: 'mobile', ial: 2, available: true },
              { method: 'bhxh', ial: 2, available: false },
              { method: 'vnpost', ial: 2, available: false },
              { method: 'usb_token', ial: 3, available: false },
              { method: 'sim_signature', ial: 3, available: false },
              { method: 'remote_signing', ial: 3, available: false },
            ],
            signInMethods: ['password'],
          },
          {
            subjectType: 'enterprise',
            methods: [
              { method: 'usb_token', ial: 3, available: false },
              { method: 'sim_signature', ial: 3, available: false },
              { method: 'remote_signing', ial: 3, available: false },
            ],
            signInMethods: [],
          },
          { subjectType: 'agency', methods: [{ method: 'usb_token', ial: 3, available: false }], signInMethods: [] },
        ],
        // Development asks the sandbox social-insurance register, so the lost phone can be recovered without a counter.
        lostPhoneRecovery: true,
        signInMethods: ['password'],
        passkeys: { offered: false },
        languages: ['vi', 'en'],
        humanCheck: { required: false, challengePath: PATHS.humanCheckChallenge },
        consentVersion: '2025-01',
      });
      const byHeader = await json(await t.call('GET', PATHS.config, { client: MINISTRY.id }));
      assert.equal(byHeader.clientName, MINISTRY.name);
    });

    test('a page on an origin the portal does not list is refused with origin_not_allowed, readable by that page and holding no data', async () => {
      const t = await startTestService(db());
      const stranger = 'https://portal-moi.example';
      const response = await t.call('GET', `${PATHS.config}?client_id=${MINISTRY.id}`, { client: null, headers: { Origin: stranger } });
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), stranger, 'the widget can read the code');
      assert.equal(response.headers.get('Access-Control-Allow-Credentials'), null);
      assert.match(response.headers.get('Vary') ?? '', /Origin/);
      const problem = await json(response);
      assert.deepEqual(Object.keys(problem).sort(), ['code', 'detail', 'status', 'title', 'type']);
      assert.equal(problem.code, 'origin_not_allowed');
      const otherPortal = await t.call('POST', PATHS.signIns, { client: MINISTRY.id, headers: { Origin: PROVINCE.origin }, body: { idNumber: AN.idNumber, password: PASSWORD } });
      assert.equal(otherPortal.status, 403);
      assert.equal((await json(otherPortal)).code, 'origin_not_allowed');
    });

    test('a preflight is answered for an origin any portal lists, with the headers the widgets send', async () => {
      const t = await startTestService(db());
      const response = await t.call('OPTIONS', PATHS.registrations, {
        client: null,
        headers: { Origin: PROVINCE.origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, dvc-client, idempotency-key' },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), PROVINCE.origin);
      const allowed = response.headers.get('Access-Control-Allow-Headers')!.toLowerCase().split(/,\s*/);
      for (const header of ['content-type', 'accept-language', 'dvc-client', 'idempotency-key', 'authorization']) assert.ok(allowed.includes(header), header);
      assert.match(response.headers.get('Access-Control-Allow-Methods')!, /POST/);
      assert.equal(response.headers.get('Access-Control-Allow-Credentials'), null);

      const stranger = await t.call('OPTIONS', PATHS.registrations, { client: null, headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
      assert.equal(stranger.status, 403);
      assert.equal(stranger.headers.get('Access-Control-Allow-Origin'), null);
    });

    test('answers to an allowed origin carry its CORS header, problems included, and expose Retry-After', async () => {
      const t = await startTestService(db());
      const headers = { Origin: MINISTRY.origin };
      const ok = await t.call('GET', PATHS.config, { headers });
      assert.equal(ok.headers.get('Access-Control-Allow-Origin'), MINISTRY.origin);
      const problem = await t.call('POST', PATHS.registrations, { headers, rawBody: '{' });
      assert.equal(problem.status, 400);
      assert.equal(problem.headers.get('Access-Control-Allow-Origin'), MINISTRY.origin);
      assert.match(problem.headers.get('Access-Control-Expose-Headers')!, /Retry-After/);
      const unknownClient = await t.call('GET', PATHS.config, { client: 'nobody', headers });
      assert.equal(unknownClient.status, 400);
      assert.equal(unknownClient.headers.get('Access-Control-Allow-Origin'), MINISTRY.origin, 'the widget can read why');
    });

    test('every error is an RFC 9457 problem with type, title, status, detail and code', async () => {
      const t = await startTestService(db());
      const response = await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: PASSWORD }, lang: 'en' });
      assert.equal(response.headers.get('Content-Type'), 'application/problem+json; charset=utf-8');
      assert.equal(response.headers.get('Content-Language'), 'en');
      assert.deepEqual(await json(response), {
        type: 'https://dvc-kit.dev/problems/invalid_credentials',
        title: 'Invalid credentials',
        status: 401,
        detail: 'The ID number or password is incorrect.',
        code: 'invalid_credentials',
      });
    });

    test('an unknown route is a 404 not_found problem', async () => {
      const t = await startTestService(db());
      for (const path of ['/v1/nothing-here', '/nothing-here']) {
        const response = await t.call('GET', path);
        assert.equal(response.status, 404);
        assert.equal((await json(response)).code, 'not_found');
      }
    });

    test('an unexpected failure is a 500 internal problem, logged without personal data', async () => {
      let sabotage = true;
      const t = await startTestService(db(), {
        config: {
          log: (line: string) => {
            if (sabotage && line.includes('registration.started')) {
              sabotage = false;
              throw new Error(`disk full while writing ${AN.idNumber}`);
            }
          },
        },
      });
      const response = await t.call('POST', PATHS.registrations, { body: registrationBody(AN) });
      assert.equal(response.status, 500);
      const problem = await json(response);
      assert.equal(problem.code, 'internal');
      assert.equal(problem.detail, 'Đã có lỗi xảy ra. Vui lòng thử lại sau.');
      assert.ok(!JSON.stringify(problem).includes(AN.idNumber));
      const logged = t.logs.find((line) => line.includes('"event":"internal"'));
      assert.ok(logged, 'the failure is logged');
      assert.ok(!logged.includes(AN.idNumber) && !logged.includes('disk full'), logged);
    });

    test('GET /healthz answers 200 without a portal header', async () => {
      const t = await startTestService(db());
      const response = await t.call('GET', '/healthz', { client: null });
      assert.equal(response.status, 200);
      assert.deepEqual(await json(response), { status: 'ok' });
    });

    test('log lines carry keyed hashes, never an ID number, phone, code or password', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: 'Sai-Mat-Khau-1!' } });
      await t.signIn(AN);
      const code = await t.latestCode(AN.phone);
      const text = t.logs.join('\n');
      assert.ok(t.logs.length > 5);
      for (const line of t.logs) assert.doesNotThrow(() => JSON.parse(line));
      for (const secret of [AN.idNumber, AN.phone, AN.nationalPhone, AN.phone.slice(1), code, PASSWORD, 'Sai-Mat-Khau-1!', AN.fullName]) {
        assert.ok(!containsToken(text, secret), `log holds ${secret}`);
      }
      assert.ok(t.logs.some((line) => /"event":"sign_in.failed","id":"[0-9a-f]{16}"/.test(line)));
    });

    describe('human check', () => {
      const config = { humanCheck: { required: true, maxNumber: 500 } };
      const challenge = async (t: Awaited<ReturnType<typeof startTestService>>) =>
        (await json(await t.call('GET', PATHS.humanCheckChallenge))) as HumanCheckChallenge;

      test('when required, a request without a solved check is refused with human_check_failed on humanCheck', async () => {
        const t = await startTestService(db(), { config });
        assert.equal((await json(await t.call('GET', PATHS.config))).humanCheck.required, true);
        const response = await t.call('POST', PATHS.registrations, { body: registrationBody(AN) });
        assert.equal(response.status, 400);
        const problem = await json(response);
        assert.equal(problem.code, 'human_check_failed');
        assert.deepEqual(problem.errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['humanCheck', 'required']]);
        const garbage = await json(await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: PASSWORD, humanCheck: 'bm90IGEgc29sdXRpb24=' } }));
        assert.equal(garbage.code, 'human_check_failed');
      });

      test('a solved check is accepted once; a replay is refused', async () => {
        const t = await startTestService(db(), { config });
        const puzzle = await challenge(t);
        assert.equal(puzzle.algorithm, 'SHA-256');
        assert.equal(puzzle.maxnumber, 500);
        const humanCheck = await solveHumanCheck(puzzle);
        const first = await t.call('POST', PATHS.registrations, { body: registrationBody(AN, { humanCheck }) });
        assert.equal(first.status, 201);
        const replay = await t.call('POST', PATHS.registrations, { body: registrationBody(NGOC, { humanCheck }) });
        assert.equal(replay.status, 400);
        assert.equal((await json(replay)).code, 'human_check_failed');
      });

      test('a check solved too late is refused', async () => {
        const t = await startTestService(db(), { config });
        const humanCheck = await solveHumanCheck(await challenge(t));
        t.clock.advance(601);
        assert.equal((await json(await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: PASSWORD, humanCheck } }))).code, 'human_check_failed');
      });

      test('a retry of a registration with the same Idempotency-Key needs no new check', async () => {
        const t = await startTestService(db(), { config });
        const humanCheck = await solveHumanCheck(await challenge(t));
        const headers = { 'Idempotency-Key': 'hc-retry', [CLIENT_HEADER]: MINISTRY.id };
        const first = await t.call('POST', PATHS.registrations, { body: registrationBody(AN, { humanCheck }), headers });
        const again = await t.call('POST', PATHS.registrations, { body: registrationBody(AN, { humanCheck }), headers });
        assert.deepEqual([first.status, again.status], [201, 201]);
      });
    });
  });
}
