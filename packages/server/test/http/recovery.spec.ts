import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PATHS } from '@dvc-kit/sdk';
import { RecoveryStartedSchema } from '@dvc-kit/sdk/contract';
import type { SmsGateway, SmsMessage } from '../../src/index.js';
import { AN, PASSWORD, type Citizen } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { containsToken } from '../support/log-scan.js';
import { json, PROVINCE, startTestService, type TestService } from '../support/service.js';

/** A valid CCCD (Hà Nội, a man born in 1999) that no test registers. */
const UNKNOWN_ID = '001099999999';
const NEW_PASSWORD = 'Hồ-Tây-mùa-thu-2025';

const start = (t: TestService, idNumber: string, headers: Record<string, string> = {}) => t.call('POST', PATHS.recoveries, { body: { idNumber }, headers });
const verify = (t: TestService, id: string, code: string, headers: Record<string, string> = {}) =>
  t.call('POST', PATHS.recoveryVerify(id), { body: { code }, headers });
const setPassword = (t: TestService, id: string, password: string, headers: Record<string, string> = {}, lang?: string) =>
  t.call('POST', PATHS.recoveryPassword(id), { body: { password, passwordConfirmation: password }, headers, ...(lang ? { lang } : {}) });
const refresh = (t: TestService, refreshToken: string, client?: string) => t.call('POST', PATHS.refresh, { body: { refreshToken }, ...(client ? { client } : {}) });

/**
 * The code texted to a phone after `before` texts. Recovery codes go out after the answer, so the
 * test waits for the outbox to have one more text (bounded by a count of turns, not by a time budget).
 */
async function nextCode(t: TestService, phone: string, before: number): Promise<string> {
  for (let turn = 0; turn < 400 && (await t.textsTo(phone)) <= before; turn++) await new Promise((resolve) => setTimeout(resolve, 5));
  return t.latestCode(phone);
}

/** Recovers a citizen's password end to end; returns the answer of the password step. */
async function recover(t: TestService, citizen: Citizen, password: string): Promise<Response> {
  const before = await t.textsTo(citizen.phone);
  const started = await start(t, citizen.idNumber);
  assert.equal(started.status, 201, await started.clone().text());
  const { recoveryId } = await json(started);
  const verified = await verify(t, recoveryId, await nextCode(t, citizen.phone, before));
  assert.equal(verified.status, 200, await verified.clone().text());
  return setPassword(t, recoveryId, password);
}

/** Everything of an answer that may be compared across ID numbers: status, media type, body shape. */
async function shape(response: Response): Promise<unknown> {
  const body = await json(response);
  const describe = (value: unknown): unknown =>
    value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, describe(inner)])) : typeof value;
  return { status: response.status, type: response.headers.get('Content-Type'), retryAfter: response.headers.get('Retry-After'), body: describe(body) };
}

/** An SMS gateway that holds every text until the test lets it go, counting what it was asked. */
function heldGateway(): SmsGateway & { readonly asked: SmsMessage[]; release(): void } {
  const asked: SmsMessage[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { asked, release: () => release(), send: async (message) => { asked.push(message); await gate; } };
}

export function recoverySpec(db: () => TestDatabase): void {
  describe('password recovery ("Quên mật khẩu")', () => {
    test('ID number → code to the registered phone → new password: the old password and every session end, the new one signs in', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      t.clock.advance(61);
      const here = await t.signIn(AN);
      t.clock.advance(61);
      const elsewhere = await t.signIn(AN, PASSWORD, PROVINCE.id);
      t.clock.advance(61);

      const before = await t.textsTo(AN.phone);
      const started = await start(t, AN.idNumber);
      assert.equal(started.status, 201);
      const body = await json(started);
      assert.ok(RecoveryStartedSchema.safeParse(body).success);
      assert.equal(body.otp.maskedPhone, undefined, 'the answer does not show where the code went');
      assert.equal(body.otp.length, 6);
      const verified = await verify(t, body.recoveryId, await nextCode(t, AN.phone, before));
      assert.equal(verified.status, 200);
      assert.deepEqual(await json(verified), { recoveryId: body.recoveryId, next: 'password' });
      const done = await setPassword(t, body.recoveryId, NEW_PASSWORD);
      assert.equal(done.status, 200);
      assert.deepEqual(await json(done), { next: 'sign_in' });

      assert.equal((await refresh(t, String(here.tokens.refreshToken))).status, 401, 'this portal’s session ended');
      assert.equal((await refresh(t, String(elsewhere.tokens.refreshToken), PROVINCE.id)).status, 401, 'the other portal’s session ended');
      const old = await t.call('POST', PATHS.signIns, { body: { idNumber: AN.idNumber, password: PASSWORD } });
      assert.equal(old.status, 401);
      t.clock.advance(61);
      const { account } = await t.signIn(AN, NEW_PASSWORD);
      assert.equal(account.idNumberMasked, '001******234');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM password_history'), 1);
      const [history] = await db().db.query<{ password_hash: string }>('SELECT password_hash FROM password_history');
      assert.match(String(history?.password_hash), /^\$argon2id\$/, 'only argon2id hashes are kept');
      for (const line of t.logs) {
        for (const secret of [AN.idNumber, AN.phone, AN.nationalPhone, PASSWORD, NEW_PASSWORD]) assert.ok(!containsToken(line, secret), `no personal data in ${line}`);
      }
    });

    test('an unknown ID number gets the same answers — start, wrong codes, resend, the end of the tries — and no text is sent anywhere', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      t.clock.advance(61);
      const textsBefore = await countRows(db().db, 'SELECT count(*)::int AS count FROM sms_outbox');
      const known = await start(t, AN.idNumber);
      const unknown = await start(t, UNKNOWN_ID);
      assert.deepEqual(await shape(unknown.clone()), await shape(known.clone()));
      const [a, b] = [await json(known), await json(unknown)];
      assert.deepEqual({ ...a, recoveryId: '' }, { ...b, recoveryId: '' }, 'identical apart from the flow id');
      await nextCode(t, AN.phone, 1);

      for (let i = 0; i < 2; i++) {
        const [wrongKnown, wrongUnknown] = [await verify(t, a.recoveryId, '000000'), await verify(t, b.recoveryId, '000000')];
        assert.deepEqual(await json(wrongUnknown), await json(wrongKnown));
      }
      t.clock.advance(61);
      const [resentKnown, resentUnknown] = [await t.call('POST', PATHS.recoveryResend(a.recoveryId)), await t.call('POST', PATHS.recoveryResend(b.recoveryId))];
      assert.deepEqual(await json(resentUnknown), await json(resentKnown));
      for (let i = 0; i < 5; i++) await verify(t, b.recoveryId, String(i).repeat(6));
      const spent = await verify(t, b.recoveryId, '123456');
      assert.equal((await json(spent)).code, 'otp_attempts_exceeded');
      const early = await setPassword(t, b.recoveryId, NEW_PASSWORD);
      assert.equal((await json(early)).code, 'flow_step', 'no code, no password');
      await nextCode(t, AN.phone, 2);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM sms_outbox'), textsBefore + 2, 'the two texts of the known ID only');
    });

    test('the known ID’s answer does not wait for the SMS: the text goes out after the answer', async () => {
      const sms = heldGateway();
      const t = await startTestService(db(), { overrides: { sms } });
      await t.service.store.accounts.create({
        sub: '2f6d0b7e-8a59-4a57-9f1e-5b1f1f0c0a01', idNumber: AN.idNumber, fullName: AN.fullName, birthDate: AN.birthDate, phone: AN.phone, email: null,
        subjectType: 'citizen', ial: 2, verificationMethod: 'mobile', passwordHash: 'x', consentVersion: '2025-01', consentAt: new Date(), createdAt: new Date(),
      });
      const started = await start(t, AN.idNumber);
      assert.equal(started.status, 201, 'answered while the gateway still holds the text');
      for (let turn = 0; turn < 200 && sms.asked.length === 0; turn++) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(sms.asked.length, 1, 'the text was handed to the gateway after the answer');
      assert.equal(sms.asked[0]?.to, AN.phone);
      await start(t, UNKNOWN_ID);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(sms.asked.length, 1, 'nothing is sent for an unknown ID number');
      sms.release();
    });

    test('a phone whose send limit is used up gets no text, and the recovery answers as for an unknown ID number', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      await t.startSignIn(AN);
      await t.startSignIn(AN);
      assert.equal(await t.textsTo(AN.phone), 3, 'three texts this minute: the phone’s limit');
      const known = await start(t, AN.idNumber);
      const unknown = await start(t, UNKNOWN_ID);
      assert.deepEqual(await shape(known.clone()), await shape(unknown.clone()));
      for (let turn = 0; turn < 400 && !t.logs.some((line) => line.includes('"event":"recovery.text_withheld"')); turn++) await new Promise((resolve) => setTimeout(resolve, 5));
      assert.equal(await t.textsTo(AN.phone), 3, 'no fourth text');
      const [a, b] = [await json(known), await json(unknown)];
      assert.deepEqual(await json(await verify(t, a.recoveryId, '000000')), await json(await verify(t, b.recoveryId, '000000')));
    });

    test('the human check is required when the service asks for one', async () => {
      const t = await startTestService(db(), { config: { humanCheck: { required: true } } });
      const refused = await start(t, UNKNOWN_ID);
      assert.equal(refused.status, 400);
      const problem = await json(refused);
      assert.equal(problem.code, 'human_check_failed');
      assert.deepEqual(problem.errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['humanCheck', 'required']]);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), 0);
    });

    test('five wrong codes spend the code: the right one is refused after them', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      t.clock.advance(61);
      const before = await t.textsTo(AN.phone);
      const { recoveryId } = await json(await start(t, AN.idNumber));
      const code = await nextCode(t, AN.phone, before);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const remaining: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await verify(t, recoveryId, wrong);
        const problem = await json(response);
        if (problem.code === 'otp_invalid') remaining.push(problem.remainingAttempts);
      }
      assert.deepEqual(remaining, [4, 3, 2, 1, 0]);
      const right = await verify(t, recoveryId, code);
      assert.equal((await json(right)).code, 'otp_attempts_exceeded');
    });

    test('none of the last 5 passwords may come back, checked against each stored hash; the sixth back may', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      const passwords = [PASSWORD, 'Phở-Bò-Nam-Định-1', 'Bún-Chả-Hà-Nội-2', 'Cơm-Tấm-Sài-Gòn-3', 'Bánh-Xèo-Miền-Tây-4'];
      for (const next of passwords.slice(1)) {
        t.clock.advance(3601);
        assert.equal((await recover(t, AN, next)).status, 200);
      }
      t.clock.advance(3601);
      for (const old of passwords) {
        const before = await t.textsTo(AN.phone);
        const { recoveryId } = await json(await start(t, AN.idNumber));
        await verify(t, recoveryId, await nextCode(t, AN.phone, before));
        const refused = await setPassword(t, recoveryId, old, {}, 'en');
        assert.equal(refused.status, 400);
        const problem = await json(refused);
        assert.deepEqual(problem.errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['password', 'password_reused']]);
        assert.equal(problem.errors[0].message, 'The new password must differ from your last 5 passwords.');
        t.clock.advance(61);
      }
      t.clock.advance(3601);
      assert.equal((await recover(t, AN, 'Chè-Thái-Nguyên-5')).status, 200);
      t.clock.advance(3601);
      assert.equal((await recover(t, AN, PASSWORD)).status, 200, 'the first password is now six back');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM password_history'), 4, 'four earlier hashes and the current one');
    });

    test('parallel starts for one ID number: exactly the limit gets through, the same for an unknown ID, with Retry-After', async () => {
      const t = await startTestService(db(), { config: { trustProxy: true } });
      await t.register(AN);
      t.clock.advance(3601);
      const burst = async (idNumber: string) => {
        const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => start(t, idNumber, { 'X-Forwarded-For': `198.51.100.${i}` })));
        const statuses = responses.map((response) => response.status).sort();
        const refused = responses.find((response) => response.status === 429);
        return { statuses, retryAfter: refused?.headers.get('Retry-After'), code: refused ? (await json(refused)).code : undefined };
      };
      const known = await burst(AN.idNumber);
      const unknown = await burst(UNKNOWN_ID);
      await nextCode(t, AN.phone, 3); // the three texts go out after their answers; let them land in this test
      assert.deepEqual(known.statuses, [...Array(3).fill(201), ...Array(7).fill(429)]);
      assert.deepEqual(unknown, known);
      assert.equal(known.code, 'too_many_attempts');
      assert.ok(Number(known.retryAfter) >= 1 && Number(known.retryAfter) <= 60);
    });

    test('parallel starts from one address across ID numbers stop at 25 per 5 minutes', async () => {
      const t = await startTestService(db(), { config: { trustProxy: true } });
      const responses = await Promise.all(
        Array.from({ length: 30 }, (_, i) => start(t, `0010990${String(i).padStart(5, '0')}`, { 'X-Forwarded-For': '203.0.113.9' })),
      );
      const statuses = responses.map((response) => response.status);
      assert.equal(statuses.filter((status) => status === 201).length, 25);
      assert.equal(statuses.filter((status) => status === 429).length, 5);
      assert.ok(responses.filter((response) => response.status === 429).every((response) => Number(response.headers.get('Retry-After')) > 0));
    });

    test('Idempotency-Key on the code and password steps: a repeat replays the answer', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      t.clock.advance(61);
      const before = await t.textsTo(AN.phone);
      const { recoveryId } = await json(await start(t, AN.idNumber));
      const code = await nextCode(t, AN.phone, before);
      const first = await verify(t, recoveryId, code, { 'Idempotency-Key': 'verify-1' });
      const again = await verify(t, recoveryId, code, { 'Idempotency-Key': 'verify-1' });
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await json(again), await json(first));
      const done = await setPassword(t, recoveryId, NEW_PASSWORD, { 'Idempotency-Key': 'password-1' });
      const repeat = await setPassword(t, recoveryId, NEW_PASSWORD, { 'Idempotency-Key': 'password-1' });
      assert.equal(repeat.status, 200);
      assert.equal(repeat.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await json(repeat), await json(done));
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM password_history'), 1, 'the work was done once');
    });

    test('generated bad input is a problem naming field and rule, never a 5xx, and stores nothing half-done', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      t.clock.advance(61);
      const before = await t.textsTo(AN.phone);
      const { recoveryId } = await json(await start(t, AN.idNumber));
      await verify(t, recoveryId, await nextCode(t, AN.phone, before));
      const [account] = await db().db.query<{ password_hash: string }>('SELECT password_hash FROM accounts');
      const flowsBefore = await countRows(db().db, 'SELECT count(*)::int AS count FROM flows');
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const badStart = fc.record({ idNumber: fc.oneof(anything, fc.stringMatching(/^[0-9 ]{0,14}$/)) }, { requiredKeys: [] }).filter(
        (body) => !(typeof body.idNumber === 'string' && /^\d{12}$|^\d{9}$/.test(body.idNumber.replace(/\s/g, ''))),
      );
      const badPassword = fc.record({ password: anything, passwordConfirmation: anything }, { requiredKeys: [] });
      const badCode = fc.record({ code: fc.oneof(anything, fc.stringMatching(/^\d{0,5}$|^\d{7,9}$/)) }, { requiredKeys: [] });
      const isProblem = async (response: Response) => {
        assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
        assert.match(String(response.headers.get('Content-Type')), /^application\/problem\+json/);
        const problem = await json(response);
        if (problem.code === 'validation_failed') assert.ok(problem.errors.every((error: { field: string; code: string }) => error.field && error.code));
      };
      await fc.assert(fc.asyncProperty(badStart, async (body) => isProblem(await t.call('POST', PATHS.recoveries, { body }))), { numRuns: 40 });
      await fc.assert(fc.asyncProperty(badCode, async (body) => isProblem(await t.call('POST', PATHS.recoveryVerify(recoveryId), { body }))), { numRuns: 40 });
      await fc.assert(fc.asyncProperty(badPassword, async (body) => isProblem(await t.call('POST', PATHS.recoveryPassword(recoveryId), { body }))), { numRuns: 40 });
      const weak = await setPassword(t, recoveryId, 'abc');
      assert.equal(weak.status, 400);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), flowsBefore, 'no flow from a refused start');
      const [after] = await db().db.query<{ password_hash: string }>('SELECT password_hash FROM accounts');
      assert.equal(after?.password_hash, account?.password_hash, 'the password is unchanged');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM password_history'), 0);
      assert.equal(await countRows(db().db, `SELECT count(*)::int AS count FROM flows WHERE state = 'code_verified'`), 1, 'the flow still waits for a good password');
      assert.equal((await setPassword(t, recoveryId, NEW_PASSWORD)).status, 200);
    });

    test('problems speak Vietnamese by default and English when asked', async () => {
      const t = await startTestService(db());
      const vi = await t.call('POST', PATHS.recoveryVerify('no-such-flow'), { body: { code: '123456' } });
      const en = await t.call('POST', PATHS.recoveryVerify('no-such-flow'), { body: { code: '123456' }, lang: 'en' });
      assert.equal(vi.status, 404);
      assert.equal(vi.headers.get('Content-Language'), 'vi');
      assert.equal(en.headers.get('Content-Language'), 'en');
      assert.notEqual((await json(vi)).detail, (await json(en)).detail);
    });
  });
}
