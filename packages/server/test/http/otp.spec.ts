import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLIENT_HEADER, PATHS } from '@dvc-kit/sdk';
import type { CarrierRegistry } from '../../src/index.js';
import { AN, NGOC, PASSWORD, type Citizen } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { containsToken } from '../support/log-scan.js';
import { json, MINISTRY, registrationBody, startTestService, type TestService } from '../support/service.js';

const verify = (t: TestService, id: string, code: string) => t.call('POST', PATHS.registrationVerify(id), { body: { code } });
const resend = (t: TestService, id: string) => t.call('POST', PATHS.registrationResend(id));

/** A code that is certainly not the one sent. */
function wrong(code: string): string {
  return code === '000000' ? '111111' : '000000';
}

/** Register look-up limits wide enough that the code-send limits under test are the ones reached. */
const WIDE_LOOKUP_LIMITS = { registerLookups: { perAddress: [{ max: 1000, windowSeconds: 600 }], perIdNumber: [{ max: 1000, windowSeconds: 3600 }] } };

export function otpSpec(db: () => TestDatabase): void {
  describe('one-time codes', () => {
    test('a wrong code is otp_invalid and says how many tries remain', async () => {
      const t = await startTestService(db());
      const id = await t.startRegistration(AN);
      const response = await verify(t, id, wrong(await t.latestCode(AN.phone)));
      assert.equal(response.status, 400);
      const problem = await json(response);
      assert.equal(problem.code, 'otp_invalid');
      assert.equal(problem.remainingAttempts, 4);
      assert.equal(problem.detail, 'Mã OTP không đúng. Vui lòng kiểm tra tin nhắn và nhập lại.');
    });

    test('a code that is not six digits is refused on the field before it counts as a try', async () => {
      const t = await startTestService(db());
      const id = await t.startRegistration(AN);
      const problem = await json(await verify(t, id, '12ab'));
      assert.deepEqual([problem.code, problem.errors[0].field, problem.errors[0].code], ['validation_failed', 'code', 'otp_format']);
      assert.equal((await verify(t, id, await t.latestCode(AN.phone))).status, 200);
    });

    test('after five wrong codes even the right code is refused with otp_attempts_exceeded', async () => {
      const t = await startTestService(db());
      const id = await t.startRegistration(AN);
      const code = await t.latestCode(AN.phone);
      const remaining = [];
      for (let i = 0; i < 5; i++) remaining.push((await json(await verify(t, id, wrong(code)))).remainingAttempts);
      assert.deepEqual(remaining, [4, 3, 2, 1, 0]);
      const response = await verify(t, id, code);
      assert.equal(response.status, 429);
      assert.equal((await json(response)).code, 'otp_attempts_exceeded');
    });

    test('twenty parallel wrong guesses get exactly five comparisons', async () => {
      const t = await startTestService(db());
      const id = await t.startRegistration(AN);
      const code = await t.latestCode(AN.phone);
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => verify(t, id, String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'))));
      const codes = await Promise.all(responses.map(async (response) => (await json(response)).code as string));
      assert.equal(codes.filter((c) => c === 'otp_invalid').length, 5);
      assert.equal(codes.filter((c) => c === 'otp_attempts_exceeded').length, 15);
      assert.equal((await json(await verify(t, id, code))).code, 'otp_attempts_exceeded');
    });

    test('a code is accepted until 180 seconds and expired after, with 410 otp_expired', async () => {
      const t = await startTestService(db());
      const early = await t.startRegistration(AN);
      t.clock.advance(179);
      assert.equal((await verify(t, early, await t.latestCode(AN.phone))).status, 200);

      const late = await t.startRegistration(NGOC);
      t.clock.advance(180);
      const response = await verify(t, late, await t.latestCode(NGOC.phone));
      assert.equal(response.status, 410);
      const problem = await json(response);
      assert.equal(problem.code, 'otp_expired');
      assert.equal(problem.detail, 'Mã OTP đã hết hạn. Vui lòng chọn “Gửi lại OTP”.');
    });

    test('an operator may shorten the code lifetime, never beyond 600 seconds', async () => {
      const t = await startTestService(db(), { config: { otp: { ttlSeconds: 120 } } });
      const started = await json(await t.call('POST', PATHS.registrations, { body: registrationBody(AN) }));
      assert.equal(Date.parse(started.otp.expiresAt) - t.clock.now().getTime(), 120_000);
      assert.match((await t.service.outbox!.messages({ to: AN.phone }))[0]!.text, /hieu luc 2 phut/);
      t.clock.advance(121);
      assert.equal((await json(await verify(t, started.registrationId, await t.latestCode(AN.phone)))).code, 'otp_expired');
    });

    test('a resend before 60 seconds is otp_resend_too_soon with Retry-After', async () => {
      const t = await startTestService(db());
      const id = await t.startRegistration(AN);
      t.clock.advance(15);
      const response = await resend(t, id);
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('Retry-After'), '45');
      const problem = await json(response);
      assert.equal(problem.code, 'otp_resend_too_soon');
      assert.equal(problem.retryAfter, 45);
      assert.equal(problem.detail, 'Vui lòng chờ 45 giây trước khi gửi lại OTP.');
      assert.equal(await t.textsTo(AN.phone), 1);
    });

    test('a resend after 60 seconds sends a new code and the old one stops working', async () => {
      const t = await startTestService(db());
      const id = await t.startRegistration(AN);
      const old = await t.latestCode(AN.phone);
      t.clock.advance(60);
      const response = await resend(t, id);
      assert.equal(response.status, 200);
      const { otp } = await json(response);
      assert.equal(otp.maskedPhone, '097****398');
      assert.equal(otp.resendAt, new Date(t.clock.now().getTime() + 60_000).toISOString());
      const fresh = await t.latestCode(AN.phone);
      assert.equal(await t.textsTo(AN.phone), 2);
      if (fresh !== old) assert.equal((await json(await verify(t, id, old))).code, 'otp_invalid');
      assert.equal((await verify(t, id, fresh)).status, 200);
    });

    test('a resend gives fresh tries after the five were spent', async () => {
      const t = await startTestService(db());
      const id = await t.startRegistration(AN);
      const first = await t.latestCode(AN.phone);
      for (let i = 0; i < 6; i++) await verify(t, id, wrong(first));
      t.clock.advance(60);
      assert.equal((await resend(t, id)).status, 200);
      assert.equal((await verify(t, id, await t.latestCode(AN.phone))).status, 200);
    });

    test('a code is used once', async () => {
      const t = await startTestService(db());
      const id = await t.startRegistration(AN);
      const code = await t.latestCode(AN.phone);
      assert.equal((await verify(t, id, code)).status, 200);
      const again = await verify(t, id, code);
      assert.equal(again.status, 409);
      assert.equal((await json(again)).code, 'flow_step');
    });

    test('a code belongs to its own flow: the code of another registration of the same phone does not work', async () => {
      const t = await startTestService(db());
      const first = await t.startRegistration(AN);
      const firstCode = await t.latestCode(AN.phone);
      const second = await t.startRegistration(AN);
      const secondCode = await t.latestCode(AN.phone);
      if (firstCode !== secondCode) assert.equal((await json(await verify(t, second, firstCode))).code, 'otp_invalid');
      assert.equal((await verify(t, first, firstCode)).status, 200);
      assert.equal((await verify(t, second, secondCode)).status, 200);
    });

    test('at most 3 codes a minute and 10 an hour go to one phone', async () => {
      const t = await startTestService(db(), { config: { limits: WIDE_LOOKUP_LIMITS } });
      const start = () => t.call('POST', PATHS.registrations, { body: registrationBody(AN) });
      for (let i = 0; i < 3; i++) assert.equal((await start()).status, 201);
      const fourth = await start();
      assert.equal(fourth.status, 429);
      assert.equal(fourth.headers.get('Retry-After'), '60');
      const problem = await json(fourth);
      assert.equal(problem.code, 'otp_rate_limited');
      assert.equal(problem.detail, 'Đã gửi quá nhiều mã tới số điện thoại này. Vui lòng thử lại sau 60 giây.');
      for (const minute of [1, 2]) {
        t.clock.advance(60);
        for (let i = 0; i < 3; i++) assert.equal((await start()).status, 201, `minute ${minute}`);
      }
      t.clock.advance(60);
      assert.equal((await start()).status, 201);
      t.clock.advance(60);
      const eleventh = await start();
      assert.equal(eleventh.status, 429);
      assert.equal(eleventh.headers.get('Retry-After'), String(3600 - 240));
      assert.equal(await t.textsTo(AN.phone), 10);
      t.clock.advance(3600 - 240);
      assert.equal((await start()).status, 201);
    });

    test('at most 25 codes per 5 minutes go out for one client address (the one the trusted proxy saw)', async () => {
      const carrier: CarrierRegistry = { verifySubscriber: async () => 'match' };
      const t = await startTestService(db(), { config: { trustProxy: true, limits: WIDE_LOOKUP_LIMITS }, overrides: { carrier } });
      const citizen = (i: number): Citizen => ({
        idNumber: `001090${String(i).padStart(6, '0')}`,
        fullName: 'Nguyễn Thị Thử',
        birthDate: '1990-01-01',
        phone: `+8497${String(i).padStart(7, '0')}`,
        nationalPhone: `097${String(i).padStart(7, '0')}`,
      });
      const from = (address: string, i: number) =>
        t.call('POST', PATHS.registrations, { body: registrationBody(citizen(i)), headers: { 'X-Forwarded-For': `10.0.0.1, ${address}` } });
      for (let i = 0; i < 25; i++) assert.equal((await from('203.0.113.7', i)).status, 201);
      const over = await from('203.0.113.7', 25);
      assert.equal(over.status, 429);
      assert.equal((await json(over)).code, 'otp_rate_limited');
      assert.equal(over.headers.get('Retry-After'), '300');
      assert.equal((await from('198.51.100.20', 26)).status, 201);
    });

    test('served over HTTP, the client address is the socket\'s, and a forged X-Forwarded-For is ignored', async () => {
      const carrier: CarrierRegistry = { verifySubscriber: async () => 'match' };
      const t = await startTestService(db(), { listen: true, config: { limits: WIDE_LOOKUP_LIMITS }, overrides: { carrier } });
      try {
        const send = (i: number) =>
          fetch(`${t.server!.url}${PATHS.registrations}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', [CLIENT_HEADER]: MINISTRY.id, 'X-Forwarded-For': `198.51.100.${i}` },
            body: JSON.stringify(registrationBody({ idNumber: `001090${String(i).padStart(6, '0')}`, fullName: 'Trần Văn Thử', birthDate: '1990-01-01', phone: `+8498${String(i).padStart(7, '0')}`, nationalPhone: `098${String(i).padStart(7, '0')}` })),
          });
        for (let i = 0; i < 25; i++) assert.equal((await send(i)).status, 201);
        const over = await send(25);
        assert.equal(over.status, 429);
        assert.equal((await json(over)).code, 'otp_rate_limited');
      } finally {
        await t.server?.close();
      }
    });

    test('a sign-in code can be resent too, and only the new one signs in', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      t.clock.advance(60);
      const signInId = await t.startSignIn(AN);
      const old = await t.latestCode(AN.phone);
      assert.equal((await json(await t.call('POST', PATHS.signInResend(signInId)))).code, 'otp_resend_too_soon');
      t.clock.advance(60);
      const resent = await t.call('POST', PATHS.signInResend(signInId));
      assert.equal(resent.status, 200);
      const fresh = await t.latestCode(AN.phone);
      if (fresh !== old) assert.equal((await json(await t.call('POST', PATHS.signInVerify(signInId), { body: { code: old } }))).code, 'otp_invalid');
      const signedIn = await t.call('POST', PATHS.signInVerify(signInId), { body: { code: fresh } });
      assert.equal(signedIn.status, 200);
    });

    test('codes are stored only as an HMAC and never appear in the log', async () => {
      const t = await startTestService(db());
      await t.register(AN, PASSWORD);
      const code = await t.latestCode(AN.phone);
      const rows = await t.service.store.sql.query<{ code_hmac: string }>('SELECT code_hmac FROM otp_challenges');
      assert.ok(rows.length > 0);
      for (const row of rows) {
        assert.match(row.code_hmac, /^[0-9a-f]{64}$/);
        assert.ok(!row.code_hmac.includes(code));
      }
      assert.ok(!containsToken(t.logs.join('\n'), code));
    });
  });
}
