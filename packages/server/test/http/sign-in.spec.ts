import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS } from '@dvc-kit/sdk';
import { PasswordHasher } from '../../src/index.js';
import { AN, NGOC, PASSWORD } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, MINISTRY, PROVINCE, startTestService, type TestService } from '../support/service.js';

const attempt = (t: TestService, idNumber: string, password: string, lang?: string) =>
  t.call('POST', PATHS.signIns, { body: { idNumber, password }, ...(lang ? { lang } : {}) });

const UNKNOWN_ID = '001099999999';
const WRONG = 'Sai-Mat-Khau-1!';

export function signInSpec(db: () => TestDatabase): void {
  describe('sign-in with password and SMS code', () => {
    test('a registered citizen signs in with password and code and gets tokens and the account', async () => {
      const t = await startTestService(db());
      const account = await t.register(AN);
      t.clock.advance(60);
      const started = await attempt(t, AN.idNumber, PASSWORD);
      assert.equal(started.status, 200);
      const { signInId, otp } = await json(started);
      assert.equal(otp.maskedPhone, '097****398');
      assert.equal(otp.length, 6);
      const verified = await t.call('POST', PATHS.signInVerify(signInId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(verified.status, 200);
      const body = await json(verified);
      assert.deepEqual(body.account, account);
      assert.equal(body.tokens.tokenType, 'Bearer');
      assert.equal(body.tokens.expiresIn, 600);
      for (const token of ['accessToken', 'idToken']) assert.match(body.tokens[token], /^[\w-]+\.[\w-]+\.[\w-]+$/);
      assert.match(body.tokens.refreshToken, /^[\w-]{43}$/);
    });

    test('the ID number may be typed with spaces', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const response = await attempt(t, '001 090 001 234', PASSWORD);
      assert.equal(response.status, 200);
    });

    test('properties the contract does not name are ignored, as the OpenAPI document says, not refused', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const response = await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: PASSWORD, rememberMe: true } });
      assert.equal(response.status, 200);
    });

    test('an account registered on one portal signs in on another', async () => {
      const t = await startTestService(db());
      const account = await t.register(AN);
      t.clock.advance(60);
      const { account: signedIn } = await t.signIn(AN, PASSWORD, PROVINCE.id);
      assert.equal(signedIn.sub, account.sub);
    });

    test('a wrong password and an unknown ID number get the identical invalid_credentials answer', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      for (const lang of ['vi', 'en']) {
        const wrongPassword = await attempt(t, AN.idNumber, WRONG, lang);
        const unknownId = await attempt(t, UNKNOWN_ID, WRONG, lang);
        assert.equal(wrongPassword.status, 401);
        assert.equal(unknownId.status, 401);
        assert.deepEqual([...wrongPassword.headers], [...unknownId.headers]);
        const [a, b] = [await wrongPassword.text(), await unknownId.text()];
        assert.equal(a, b);
        assert.equal(JSON.parse(a).code, 'invalid_credentials');
        assert.equal(JSON.parse(a).detail, lang === 'vi' ? 'Số định danh hoặc mật khẩu không đúng.' : 'The ID number or password is incorrect.');
      }
    });

    test('an unknown ID number costs one password hash, as a wrong password does', async () => {
      // Counted, not timed: the answer takes as long because the same argon2id work is done.
      let verifications = 0;
      const passwords = new (class extends PasswordHasher {
        override async verify(stored: string, password: string): Promise<boolean> {
          verifications++;
          return super.verify(stored, password);
        }
      })({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
      const t = await startTestService(db(), { overrides: { passwords } });
      await t.register(AN);
      const hashesFor = async (idNumber: string) => {
        const before = verifications;
        assert.equal((await attempt(t, idNumber, WRONG)).status, 401);
        return verifications - before;
      };
      assert.equal(await hashesFor(AN.idNumber), 1);
      assert.equal(await hashesFor(UNKNOWN_ID), 1);
      assert.equal(await hashesFor('001099999998'), 1);
    });

    test('after five failures the ID number waits 60 s, growing 60 s per failure up to 15 minutes', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      for (let i = 0; i < 5; i++) assert.equal((await attempt(t, AN.idNumber, WRONG)).status, 401);
      const waits: number[] = [];
      for (let failure = 6; failure <= 22; failure++) {
        const refused = await attempt(t, AN.idNumber, WRONG);
        assert.equal(refused.status, 429);
        const problem = await json(refused);
        assert.equal(problem.code, 'too_many_attempts');
        assert.equal(Number(refused.headers.get('Retry-After')), problem.retryAfter);
        waits.push(problem.retryAfter);
        t.clock.advance(problem.retryAfter - 1);
        assert.equal((await attempt(t, AN.idNumber, WRONG)).status, 429, 'still waiting one second before');
        t.clock.advance(1);
        assert.equal((await attempt(t, AN.idNumber, WRONG)).status, 401);
      }
      assert.deepEqual(waits, [60, 120, 180, 240, 300, 360, 420, 480, 540, 600, 660, 720, 780, 840, 900, 900, 900]);
    });

    test('the wait is told in the citizen\'s language, and the right password waits too', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      for (let i = 0; i < 5; i++) await attempt(t, AN.idNumber, WRONG);
      const vi = await json(await attempt(t, AN.idNumber, PASSWORD));
      assert.equal(vi.code, 'too_many_attempts');
      assert.equal(vi.detail, 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 60 giây.');
      t.clock.advance(30);
      const en = await json(await attempt(t, AN.idNumber, PASSWORD, 'en'));
      assert.equal(en.detail, 'Too many attempts. Please try again in 30 seconds.');
      t.clock.advance(30);
      assert.equal((await attempt(t, AN.idNumber, PASSWORD)).status, 200);
    });

    test('an unknown ID number is slowed down exactly like a known one', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const answers = async (idNumber: string) => {
        const statuses = [];
        for (let i = 0; i < 6; i++) {
          const response = await attempt(t, idNumber, WRONG);
          statuses.push(`${response.status} ${response.headers.get('Retry-After') ?? ''}`);
        }
        return statuses;
      };
      assert.deepEqual(await answers(UNKNOWN_ID), await answers(AN.idNumber));
    });

    test('failures are forgotten 12 hours after the last one', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      for (let i = 0; i < 5; i++) await attempt(t, AN.idNumber, WRONG);
      assert.equal((await attempt(t, AN.idNumber, WRONG)).status, 429);
      t.clock.advance(12 * 3600);
      for (let i = 0; i < 5; i++) assert.equal((await attempt(t, AN.idNumber, WRONG)).status, 401, `failure ${i + 1} after forgetting`);
      const refused = await attempt(t, AN.idNumber, WRONG);
      assert.equal(refused.headers.get('Retry-After'), '60');
    });

    test('a correct password clears the count of failures', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      for (let i = 0; i < 4; i++) await attempt(t, AN.idNumber, WRONG);
      assert.equal((await attempt(t, AN.idNumber, PASSWORD)).status, 200);
      for (let i = 0; i < 5; i++) assert.equal((await attempt(t, AN.idNumber, WRONG)).status, 401);
    });

    test('twenty parallel wrong passwords never pass the limit', async () => {
      const t = await startTestService(db());
      await t.register(NGOC);
      const responses = await Promise.all(Array.from({ length: 20 }, () => attempt(t, NGOC.idNumber, WRONG)));
      const statuses = responses.map((response) => response.status);
      assert.equal(statuses.filter((status) => status === 401).length, 5);
      assert.equal(statuses.filter((status) => status === 429).length, 15);
    });

    test('never more than the hourly cap of failures, whatever the waits', async () => {
      const t = await startTestService(db(), { config: { signInThrottle: { maxFailuresPerHour: 7 } } });
      for (let i = 0; i < 5; i++) await attempt(t, UNKNOWN_ID, WRONG);
      t.clock.advance(60);
      assert.equal((await attempt(t, UNKNOWN_ID, WRONG)).status, 401);
      t.clock.advance(120);
      assert.equal((await attempt(t, UNKNOWN_ID, WRONG)).status, 401);
      t.clock.advance(180);
      const capped = await attempt(t, UNKNOWN_ID, WRONG);
      assert.equal(capped.status, 429);
      assert.equal(capped.headers.get('Retry-After'), String(3600 - 360));
    });

    test('each invalid field of a sign-in is named with its rule', async () => {
      const t = await startTestService(db());
      const problem = await json(await t.call('POST', PATHS.signIns, { body: { idNumber: '12-34', password: '' }, lang: 'en' }));
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(problem.errors, [
        { field: 'idNumber', code: 'id_number_format', message: 'An ID number has 12 digits (CCCD) or 9 digits (CMND).' },
        { field: 'password', code: 'required', message: 'Please fill this in.' },
      ]);
    });

    test('a sign-in is bound to the portal that started it', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const signInId = await t.startSignIn(AN, PASSWORD, MINISTRY.id);
      const response = await t.call('POST', PATHS.signInVerify(signInId), { client: PROVINCE.id, body: { code: await t.latestCode(AN.phone) } });
      assert.equal(response.status, 404);
      assert.equal((await json(response)).code, 'flow_not_found');
    });

    test('a failed SMS at sign-in is 503 sms_unavailable and the password may be tried again at once', async () => {
      let smsDown = true;
      const t = await startTestService(db());
      await t.register(AN);
      const send = t.service.outbox!.send.bind(t.service.outbox!);
      t.service.outbox!.send = async (message) => {
        if (smsDown) throw new Error('gateway down');
        return send(message);
      };
      const failed = await attempt(t, AN.idNumber, PASSWORD);
      assert.equal(failed.status, 503);
      assert.equal((await json(failed)).code, 'sms_unavailable');
      smsDown = false;
      assert.equal((await attempt(t, AN.idNumber, PASSWORD)).status, 200);
    });
  });
}
