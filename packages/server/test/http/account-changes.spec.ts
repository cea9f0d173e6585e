import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskPhone, parsePhone, PATHS } from '@dvc-kit/sdk';
import { AccountChangeStartedSchema, AccountDetailsSchema } from '@dvc-kit/sdk/contract';
import { AN, NGOC, PASSWORD } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { containsToken } from '../support/log-scan.js';
import { json, MINISTRY, PROVINCE, startTestService, type CallOptions, type TestService } from '../support/service.js';

const NEW_PASSWORD = 'Hồ-Tây-mùa-thu-2025';
/** A second SIM the sandbox carrier has in Nguyễn Văn An's name (fixtures/sandbox-citizens.json). */
const AN_NEW_PHONE = '+84961234398';
const AN_NEW_PHONE_NATIONAL = '0961234398';

type Tokens = Record<string, string | number>;

const bearer = (token: string | number | undefined): Record<string, string> => (token === undefined ? {} : { Authorization: `Bearer ${String(token)}` });

/** A signed-in call: the access token, the portal it was issued to. */
function as(t: TestService, tokens: Tokens, client: string = MINISTRY.id) {
  const post = (path: string, body?: unknown, headers: Record<string, string> = {}, options: CallOptions = {}) =>
    t.call('POST', path, { client, ...(body !== undefined ? { body } : {}), ...options, headers: { ...bearer(tokens.accessToken), ...headers } });
  return {
    post,
    startPassword: (currentPassword: string, extra: Record<string, unknown> = {}) => post(PATHS.passwordChanges, { currentPassword, ...extra }),
    startEmail: (currentPassword: string, email: string, extra: Record<string, unknown> = {}) => post(PATHS.emailChanges, { currentPassword, email, ...extra }),
    startPhone: (currentPassword: string, phone: string, extra: Record<string, unknown> = {}) => post(PATHS.phoneChanges, { currentPassword, phone, ...extra }),
    verify: (id: string, code: string, headers: Record<string, string> = {}) => post(PATHS.accountChangeVerify(id), { code }, headers),
    resend: (id: string) => post(PATHS.accountChangeResend(id)),
    setPassword: (id: string, password: string, headers: Record<string, string> = {}) => post(PATHS.accountChangePassword(id), { password, passwordConfirmation: password }, headers),
    signOutEverywhere: () => post(PATHS.signOutEverywhere, {}),
  };
}

const refresh = (t: TestService, refreshToken: string | number | undefined, client: string = MINISTRY.id) =>
  t.call('POST', PATHS.refresh, { client, body: { refreshToken: String(refreshToken) } });
const userinfo = (t: TestService, accessToken: string | number | undefined, client: string = MINISTRY.id) =>
  t.call('GET', PATHS.userinfo, { client, headers: bearer(accessToken) });

/** Waits for a text sent after the answer (bounded by turns, not by a time budget). */
async function textArrives(t: TestService, phone: string, count: number): Promise<void> {
  for (let turn = 0; turn < 400 && (await t.textsTo(phone)) < count; turn++) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Started change: checks the answer and returns its id. */
async function started(response: Response): Promise<string> {
  assert.equal(response.status, 201, await response.clone().text());
  const body = await json(response);
  assert.ok(AccountChangeStartedSchema.safeParse(body).success, JSON.stringify(body));
  return String(body.changeId);
}

/** A registered AN signed in on both portals, a minute apart, with the clock past the send limits. */
async function anOnTwoPortals(t: TestService): Promise<{ here: Tokens; elsewhere: Tokens }> {
  await t.register(AN);
  t.clock.advance(61);
  const here = (await t.signIn(AN)).tokens;
  t.clock.advance(61);
  const elsewhere = (await t.signIn(AN, PASSWORD, PROVINCE.id)).tokens;
  t.clock.advance(61);
  return { here, elsewhere };
}

const rows = (t: TestService) => t.service.store.sql;

export function accountChangesSpec(db: () => TestDatabase): void {
  describe('account changes and sign-out everywhere (signed in)', () => {
    test('userinfo shows what an account page needs, masked with the SDK’s masks, and follows an email and a phone change', async () => {
      const t = await startTestService(db());
      const { here } = await anOnTwoPortals(t);
      const read = async () => {
        const response = await userinfo(t, here.accessToken);
        assert.equal(response.status, 200);
        const body = await json(response);
        assert.ok(AccountDetailsSchema.safeParse(body).success, JSON.stringify(body));
        return body;
      };
      const before = await read();
      assert.deepEqual(
        { phone: before.phoneMasked, email: before.emailMasked, kind: before.idNumberKind, canAddCccd: before.canAddCccd, bhxh: before.hasBhxhCode, ial: before.ial, method: before.verificationMethod },
        { phone: maskPhone(AN.phone), email: undefined, kind: 'cccd', canAddCccd: false, bhxh: false, ial: 2, method: 'mobile' },
      );
      const me = as(t, here);
      const email = await started(await me.startEmail(PASSWORD, 'an.nguyen@example.vn'));
      assert.equal((await me.verify(email, await t.latestCode(AN.phone))).status, 200);
      t.clock.advance(61);
      const phone = await started(await me.startPhone(PASSWORD, AN_NEW_PHONE_NATIONAL));
      assert.equal((await me.verify(phone, await t.latestCode(AN_NEW_PHONE))).status, 200);
      const after = await read();
      assert.equal(after.emailMasked, 'a***@example.vn');
      assert.equal(after.phoneMasked, '096****398');
      const text = JSON.stringify(after);
      for (const secret of [AN.idNumber, AN_NEW_PHONE, AN_NEW_PHONE_NATIONAL, 'an.nguyen', AN.birthDate]) assert.ok(!text.includes(secret), `no ${secret} in userinfo`);
    });

    test('password: current password → code to the registered phone → new password; the other portal’s session and the old password end, this session stays', async () => {
      const t = await startTestService(db());
      const { here, elsewhere } = await anOnTwoPortals(t);
      const me = as(t, here);
      const changeId = await started(await me.startPassword(PASSWORD));
      const verified = await me.verify(changeId, await t.latestCode(AN.phone));
      assert.equal(verified.status, 200);
      assert.deepEqual(await json(verified), { changeId, next: 'password' });
      const done = await me.setPassword(changeId, NEW_PASSWORD);
      assert.equal(done.status, 200, await done.clone().text());
      assert.deepEqual(await json(done), { next: 'done', otherSessionsEnded: 1 });

      assert.equal((await refresh(t, elsewhere.refreshToken, PROVINCE.id)).status, 401, 'the other portal’s refresh token is refused');
      assert.equal((await userinfo(t, elsewhere.accessToken, PROVINCE.id)).status, 401, 'and its access token no longer reads the account');
      assert.equal((await refresh(t, here.refreshToken)).status, 200, 'the session that changed it stays signed in');
      const old = await t.call('POST', PATHS.signIns, { client: PROVINCE.id, body: { idNumber: AN.idNumber, password: PASSWORD } });
      assert.equal(old.status, 401, 'the old password fails on the other portal');
      t.clock.advance(61);
      await t.signIn(AN, NEW_PASSWORD, PROVINCE.id);
      assert.equal(await countRows(rows(t), 'SELECT count(*)::int AS count FROM password_history'), 1);
      for (const line of t.logs) {
        for (const secret of [AN.idNumber, AN.phone, AN.nationalPhone, PASSWORD, NEW_PASSWORD]) assert.ok(!containsToken(line, secret), `no personal data in ${line}`);
      }
    });

    test('password: the policy and the last 5 passwords apply; endOtherSessions: false keeps the other sessions', async () => {
      const t = await startTestService(db());
      const { here, elsewhere } = await anOnTwoPortals(t);
      const me = as(t, here);
      const changeId = await started(await me.startPassword(PASSWORD, { endOtherSessions: false }));
      await me.verify(changeId, await t.latestCode(AN.phone));
      const reused = await me.setPassword(changeId, PASSWORD);
      assert.equal(reused.status, 400);
      assert.deepEqual((await json(reused)).errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['password', 'password_reused']]);
      const weak = await me.setPassword(changeId, 'Matkhau@2024');
      assert.equal(weak.status, 400);
      assert.ok((await json(weak)).errors.some((error: { code: string }) => error.code.startsWith('password_')));
      const done = await me.setPassword(changeId, NEW_PASSWORD);
      assert.deepEqual(await json(done), { next: 'done', otherSessionsEnded: 0 });
      assert.equal((await refresh(t, elsewhere.refreshToken, PROVINCE.id)).status, 200, 'kept, as asked');
      const again = await me.setPassword(changeId, 'Phở-Bò-Nam-Định-1');
      assert.equal((await json(again)).code, 'flow_step', 'a finished change sets nothing more');
    });

    test('email: current password and the new address → code to the registered phone → stored; the same address again is `unchanged`', async () => {
      const t = await startTestService(db());
      const { here, elsewhere } = await anOnTwoPortals(t);
      const me = as(t, here);
      const changeId = await started(await me.startEmail(PASSWORD, 'an.nguyen@example.vn'));
      assert.equal(await countRows(rows(t), 'SELECT count(*)::int AS count FROM accounts WHERE email IS NULL'), 1, 'nothing stored before the code');
      const done = await me.verify(changeId, await t.latestCode(AN.phone));
      assert.deepEqual(await json(done), { changeId, next: 'done', otherSessionsEnded: 0 });
      const [account] = await rows(t).query<{ email: string }>('SELECT email FROM accounts');
      assert.equal(account?.email, 'an.nguyen@example.vn');
      assert.equal((await refresh(t, elsewhere.refreshToken, PROVINCE.id)).status, 200, 'no other session ends unless asked');
      t.clock.advance(61);
      const same = await me.startEmail(PASSWORD, 'AN.NGUYEN@example.vn', {}, );
      assert.equal(same.status, 400);
      assert.deepEqual((await json(same)).errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['email', 'unchanged']]);
      const malformed = await me.startEmail(PASSWORD, 'not an email');
      assert.deepEqual((await json(malformed)).errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['email', 'email_format']]);
    });

    test('phone: the carrier confirms the new SIM is the holder’s → code to the NEW phone → replaced, a notice to the old one, other sessions ended on request; sign-in codes then go to the new phone', async () => {
      const t = await startTestService(db());
      const { here, elsewhere } = await anOnTwoPortals(t);
      const me = as(t, here);
      const oldTexts = await t.textsTo(AN.phone);
      const response = await me.startPhone(PASSWORD, AN_NEW_PHONE_NATIONAL, { endOtherSessions: true });
      const changeId = await started(response.clone());
      assert.equal((await json(response)).otp.maskedPhone, '096****398');
      assert.equal(await t.textsTo(AN.phone), oldTexts, 'the code went to the new phone, not the old one');
      const done = await me.verify(changeId, await t.latestCode(AN_NEW_PHONE));
      assert.deepEqual(await json(done), { changeId, next: 'done', otherSessionsEnded: 1 });
      const [account] = await rows(t).query<{ phone: string }>('SELECT phone FROM accounts');
      assert.equal(account?.phone, AN_NEW_PHONE);
      await textArrives(t, AN.phone, oldTexts + 1);
      const [notice] = await t.service.outbox!.messages({ to: AN.phone });
      assert.match(String(notice?.text), /096\*\*\*\*398/, 'the old phone is told, the new number masked');
      assert.equal((await refresh(t, elsewhere.refreshToken, PROVINCE.id)).status, 401, 'the other portal’s session ended');
      assert.equal((await refresh(t, here.refreshToken)).status, 200);
      t.clock.advance(3601);
      const signIn = await t.call('POST', PATHS.signIns, { client: PROVINCE.id, body: { idNumber: AN.idNumber, password: PASSWORD } });
      assert.equal((await json(signIn)).otp.maskedPhone, '096****398', 'sign-in codes now go to the new phone, on every portal');
      for (const line of t.logs) {
        for (const secret of [AN.phone, AN_NEW_PHONE, AN_NEW_PHONE_NATIONAL, AN.idNumber]) assert.ok(!containsToken(line, secret), `no personal data in ${line}`);
      }
    });

    test('phone: a number the carrier has in another name is 422 carrier_mismatch, counted against the register look-ups, and stores nothing', async () => {
      const t = await startTestService(db());
      const { here } = await anOnTwoPortals(t);
      const me = as(t, here);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await me.startPhone(PASSWORD, NGOC.nationalPhone);
        statuses.push(response.status);
        if (i === 0) assert.equal((await json(response)).code, 'carrier_mismatch');
      }
      // Five look-ups per ID number an hour, mismatches included: the registration's own and four more.
      assert.deepEqual(statuses, [422, 422, 422, 422, 429]);
      const same = await me.startPhone(PASSWORD, AN.nationalPhone);
      assert.deepEqual((await json(same)).errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['phone', 'unchanged']]);
      assert.equal(await countRows(rows(t), `SELECT count(*)::int AS count FROM flows WHERE kind = 'account_change'`), 0);
      assert.equal(await t.textsTo(NGOC.phone), 0, 'nothing is texted to a number that is not the holder’s');
    });

    test('a wrong current password is 401 invalid_credentials and slows the ID number down for sign-in too', async () => {
      const t = await startTestService(db());
      const { here } = await anOnTwoPortals(t);
      const me = as(t, here);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await me.startEmail('Sai-Mật-Khẩu-1', 'an@example.vn')).status);
      assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
      const signIn = await t.call('POST', PATHS.signIns, { client: PROVINCE.id, body: { idNumber: AN.idNumber, password: PASSWORD } });
      assert.equal(signIn.status, 429, 'the same count as sign-in: a change cannot be used to guess faster');
      assert.ok(Number(signIn.headers.get('Retry-After')) > 0);
      assert.equal(await countRows(rows(t), `SELECT count(*)::int AS count FROM flows WHERE kind = 'account_change'`), 0);
    });

    test('wrong current passwords in parallel never pass the address’s sign-in attempts', async () => {
      const t = await startTestService(db(), { config: { limits: { signInAttempts: { perAddress: [{ max: 3, windowSeconds: 600 }] } } } });
      const { here } = await anOnTwoPortals(t);
      const me = as(t, here);
      const responses = await Promise.all(Array.from({ length: 8 }, () => me.startPassword('Sai-Mật-Khẩu-1')));
      const statuses = responses.map((response) => response.status).sort();
      assert.deepEqual(statuses, [401, 401, 401, 429, 429, 429, 429, 429]);
      assert.ok(responses.filter((response) => response.status === 429).every((response) => Number(response.headers.get('Retry-After')) > 0));
    });

    test('five wrong codes spend the code, in parallel too; resend gives a new one after 60 s', async () => {
      const t = await startTestService(db());
      const { here } = await anOnTwoPortals(t);
      const me = as(t, here);
      const changeId = await started(await me.startPassword(PASSWORD));
      const code = await t.latestCode(AN.phone);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const tooSoon = await me.resend(changeId);
      assert.equal((await json(tooSoon)).code, 'otp_resend_too_soon');
      const answers = await Promise.all(Array.from({ length: 8 }, async () => (await json(await me.verify(changeId, wrong))).code));
      assert.equal(answers.filter((c) => c === 'otp_invalid').length, 5);
      assert.equal(answers.filter((c) => c === 'otp_attempts_exceeded').length, 3);
      assert.equal((await json(await me.verify(changeId, code))).code, 'otp_attempts_exceeded');
      t.clock.advance(61);
      const resent = await me.resend(changeId);
      assert.equal(resent.status, 200);
      assert.equal((await json(resent)).otp.maskedPhone, '097****398');
      assert.equal((await json(await me.verify(changeId, code))).code, 'otp_invalid', 'the old code no longer works');
      assert.equal((await me.verify(changeId, await t.latestCode(AN.phone))).status, 200);
    });

    test('no token, a bad or expired token, another portal’s token, a signed-out session: 401 with WWW-Authenticate, nothing read', async () => {
      const t = await startTestService(db());
      const { here, elsewhere } = await anOnTwoPortals(t);
      const body = { currentPassword: PASSWORD };
      const none = await t.call('POST', PATHS.passwordChanges, { body });
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('WWW-Authenticate'), 'Bearer');
      assert.equal((await json(none)).code, 'unauthorized');
      const garbage = await t.call('POST', PATHS.passwordChanges, { body, headers: bearer('not.a.token') });
      assert.equal(garbage.status, 401);
      assert.equal(garbage.headers.get('WWW-Authenticate'), 'Bearer error="invalid_token"');
      const otherPortal = await t.call('POST', PATHS.passwordChanges, { body, client: MINISTRY.id, headers: bearer(elsewhere.accessToken) });
      assert.equal(otherPortal.status, 401, 'a token issued to another portal');
      const changeId = await started(await as(t, here).startPassword(PASSWORD));
      const signedOut = await t.call('POST', PATHS.signOut, { body: { refreshToken: here.refreshToken } });
      assert.equal(signedOut.status, 204);
      for (const path of [PATHS.passwordChanges, PATHS.accountChangeVerify(changeId), PATHS.accountChangeResend(changeId), PATHS.signOutEverywhere]) {
        const revoked = await t.call('POST', path, { body: path === PATHS.passwordChanges ? body : { code: '123456' }, headers: bearer(here.accessToken) });
        assert.equal(revoked.status, 401, `${path}: the JWT is still unexpired, but its session ended`);
      }
      t.clock.advance(601);
      const expired = await as(t, elsewhere, PROVINCE.id).startPassword(PASSWORD);
      assert.equal(expired.status, 401, 'an expired access token');
    });

    test('another citizen’s change id, or another session’s, is not found; a change expires after 15 minutes', async () => {
      const t = await startTestService(db());
      const { here, elsewhere } = await anOnTwoPortals(t);
      await t.register(NGOC);
      t.clock.advance(61);
      const ngoc = (await t.signIn(NGOC)).tokens;
      const changeId = await started(await as(t, here).startPassword(PASSWORD));
      const code = await t.latestCode(AN.phone);
      const theirs = await as(t, ngoc).verify(changeId, code);
      assert.equal(theirs.status, 404);
      assert.equal((await json(theirs)).code, 'flow_not_found');
      assert.equal((await as(t, ngoc).setPassword(changeId, NEW_PASSWORD)).status, 404);
      assert.equal((await as(t, elsewhere, PROVINCE.id).verify(changeId, code)).status, 404, 'another session of the same citizen');
      assert.equal((await as(t, here).verify(changeId, code)).status, 200, 'the right one was not spent by those');
      const later = await started(await as(t, here).startEmail(PASSWORD, 'an@example.vn'));
      t.clock.advance(600);
      const refreshed = await json(await refresh(t, here.refreshToken));
      t.clock.advance(301);
      const expired = await as(t, refreshed).verify(later, await t.latestCode(AN.phone));
      assert.equal(expired.status, 404, 'the change expired');
    });

    test('Idempotency-Key on the code and password steps: a repeat replays the answer, the work is done once', async () => {
      const t = await startTestService(db());
      const { here } = await anOnTwoPortals(t);
      const me = as(t, here);
      const changeId = await started(await me.startPassword(PASSWORD));
      const code = await t.latestCode(AN.phone);
      const first = await me.verify(changeId, code, { 'Idempotency-Key': 'change-verify-1' });
      const again = await me.verify(changeId, code, { 'Idempotency-Key': 'change-verify-1' });
      assert.equal(again.status, 200);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await json(again), await json(first));
      const done = await me.setPassword(changeId, NEW_PASSWORD, { 'Idempotency-Key': 'change-password-1' });
      const repeat = await me.setPassword(changeId, NEW_PASSWORD, { 'Idempotency-Key': 'change-password-1' });
      assert.equal(repeat.status, 200);
      assert.equal(repeat.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await json(repeat), await json(done));
      assert.equal(await countRows(rows(t), 'SELECT count(*)::int AS count FROM password_history'), 1);
      await t.register(NGOC);
      t.clock.advance(61);
      const ngoc = as(t, (await t.signIn(NGOC)).tokens);
      const theirs = await ngoc.setPassword(changeId, NEW_PASSWORD, { 'Idempotency-Key': 'change-password-1' });
      assert.equal(theirs.status, 404, 'another citizen with the same key, path and body is not handed the stored answer');
      assert.equal(theirs.headers.get('Idempotent-Replayed'), null);
      assert.equal((await ngoc.verify(changeId, code, { 'Idempotency-Key': 'change-verify-1' })).status, 404);
      const parallel = await started(await me.startEmail(NEW_PASSWORD, 'an@example.vn'));
      const parallelCode = await t.latestCode(AN.phone);
      const both = await Promise.all([me.verify(parallel, parallelCode), me.verify(parallel, parallelCode)]);
      assert.deepEqual(both.map((response) => response.status).sort(), [200, 409], 'the code is used once');
    });

    test('sign-out everywhere ends every session of the account on every portal, this one too', async () => {
      const t = await startTestService(db());
      const { here, elsewhere } = await anOnTwoPortals(t);
      await t.register(NGOC);
      t.clock.advance(61);
      const ngoc = (await t.signIn(NGOC)).tokens;
      const out = await as(t, elsewhere, PROVINCE.id).signOutEverywhere();
      assert.equal(out.status, 200);
      assert.deepEqual(await json(out), { sessionsEnded: 2 });
      assert.equal((await refresh(t, here.refreshToken)).status, 401);
      assert.equal((await refresh(t, elsewhere.refreshToken, PROVINCE.id)).status, 401);
      assert.equal((await userinfo(t, here.accessToken)).status, 401);
      assert.equal((await as(t, here).signOutEverywhere()).status, 401, 'its own token is done too');
      assert.equal((await refresh(t, ngoc.refreshToken)).status, 200, 'another citizen stays signed in');
    });

    test('generated bad input is a problem naming field and rule, never a 5xx, and nothing is half-stored', async () => {
      const t = await startTestService(db(), { config: { limits: { signInAttempts: { perAddress: [{ max: 10_000, windowSeconds: 600 }] } } } });
      const { here } = await anOnTwoPortals(t);
      const me = as(t, here);
      const changeId = await started(await me.startPassword(PASSWORD));
      await me.verify(changeId, await t.latestCode(AN.phone));
      const [before] = await rows(t).query<{ password_hash: string; phone: string; email: string | null }>('SELECT password_hash, phone, email FROM accounts WHERE id_number = $1', [AN.idNumber]);
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const notBoolean = fc.oneof(fc.string(), fc.integer(), fc.array(fc.boolean(), { maxLength: 2 }));
      const badPassword = fc.record({ currentPassword: anything, endOtherSessions: notBoolean }, { requiredKeys: [] });
      const badEmail = fc.record({ currentPassword: fc.constant(PASSWORD), email: fc.oneof(anything, fc.stringMatching(/^[^@]{0,10}$/)) }, { requiredKeys: ['currentPassword'] });
      const badPhone = fc.record({ currentPassword: fc.constant(PASSWORD), phone: fc.oneof(anything, fc.stringMatching(/^0[0-9]{0,12}$/)) }, { requiredKeys: ['currentPassword'] })
        .filter((body) => !(typeof body.phone === 'string' && parsePhone(body.phone).ok));
      const badCode = fc.record({ code: fc.oneof(anything, fc.stringMatching(/^\d{0,5}$|^\d{7,9}$/)) }, { requiredKeys: [] });
      const badNew = fc.record({ password: anything, passwordConfirmation: anything }, { requiredKeys: [] });
      const isProblem = async (response: Response) => {
        assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
        assert.match(String(response.headers.get('Content-Type')), /^application\/problem\+json/);
        const problem = await json(response);
        if (problem.code === 'validation_failed') assert.ok(problem.errors.every((error: { field: string; code: string }) => error.field && error.code));
      };
      await fc.assert(fc.asyncProperty(badPassword, async (body) => isProblem(await me.post(PATHS.passwordChanges, body))), { numRuns: 30 });
      await fc.assert(fc.asyncProperty(badEmail, async (body) => isProblem(await me.post(PATHS.emailChanges, body))), { numRuns: 30 });
      await fc.assert(fc.asyncProperty(badPhone, async (body) => isProblem(await me.post(PATHS.phoneChanges, body))), { numRuns: 30 });
      await fc.assert(fc.asyncProperty(badCode, async (body) => isProblem(await me.post(PATHS.accountChangeVerify(changeId), body))), { numRuns: 30 });
      await fc.assert(fc.asyncProperty(badNew, async (body) => isProblem(await me.post(PATHS.accountChangePassword(changeId), body))), { numRuns: 30 });
      const [after] = await rows(t).query<{ password_hash: string; phone: string; email: string | null }>('SELECT password_hash, phone, email FROM accounts WHERE id_number = $1', [AN.idNumber]);
      assert.deepEqual(after, before, 'the account is unchanged');
      assert.equal(await countRows(rows(t), `SELECT count(*)::int AS count FROM flows WHERE kind = 'account_change'`), 1, 'no flow from a refused start');
      assert.equal(await countRows(rows(t), 'SELECT count(*)::int AS count FROM password_history'), 0);
      assert.equal((await me.setPassword(changeId, NEW_PASSWORD)).status, 200, 'the change still waits for a good password');
    });

    test('problems speak Vietnamese by default and English when asked', async () => {
      const t = await startTestService(db());
      const vi = await t.call('POST', PATHS.signOutEverywhere, { body: {} });
      const en = await t.call('POST', PATHS.signOutEverywhere, { body: {}, lang: 'en' });
      assert.equal(vi.status, 401);
      assert.equal(vi.headers.get('Content-Language'), 'vi');
      assert.equal(en.headers.get('Content-Language'), 'en');
      assert.notEqual((await json(vi)).detail, (await json(en)).detail);
    });
  });
}
