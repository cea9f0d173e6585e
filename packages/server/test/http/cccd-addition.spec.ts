import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIdNumber, PATHS } from '@dvc-kit/sdk';
import { AccountChangeStartedSchema } from '@dvc-kit/sdk/contract';
import type { ServerConfigInput } from '../../src/index.js';
import { AN, BINH, HANH, PASSWORD, type Citizen } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { containsToken } from '../support/log-scan.js';
import { json, MINISTRY, PROVINCE, registrationBody, startTestService, type TestService } from '../support/service.js';

type Tokens = Record<string, string | number>;

const WRONG = 'Sai-Mật-Khẩu-1';
const bearer = (token: string | number | undefined): Record<string, string> => (token === undefined ? {} : { Authorization: `Bearer ${String(token)}` });

/** Ngô Văn Bình's CCCD, as the sandbox carrier knows it. */
const BINH_CCCD = BINH.cccd!;
/** Bình as someone who types his CCCD at the sign-in form. */
const binhByCccd: Citizen = { ...BINH, idNumber: BINH_CCCD };

/** A signed-in call of one citizen's session, on one portal. */
function as(t: TestService, tokens: Tokens, client: string = MINISTRY.id) {
  const post = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.call('POST', path, { client, ...(body !== undefined ? { body } : {}), headers: { ...bearer(tokens.accessToken), ...headers } });
  return {
    post,
    addCccd: (currentPassword: string, cccd: string) => post(PATHS.cccdAdditions, { currentPassword, cccd }),
    verify: (id: string, code: string, headers: Record<string, string> = {}) => post(PATHS.accountChangeVerify(id), { code }, headers),
    account: async () => json(await t.call('GET', PATHS.userinfo, { client, headers: bearer(tokens.accessToken) })),
  };
}

async function started(response: Response): Promise<string> {
  assert.equal(response.status, 201, await response.clone().text());
  const body = await json(response);
  assert.ok(AccountChangeStartedSchema.safeParse(body).success, JSON.stringify(body));
  assert.equal(body.change, 'cccd');
  return String(body.changeId);
}

async function problem(response: Response, status: number, code: string): Promise<Record<string, any>> {
  const body = await json(response);
  assert.equal(response.status, status, JSON.stringify(body));
  assert.equal(body.code, code);
  return body;
}

const fieldErrors = (body: Record<string, any>) => (body.errors as { field: string; code: string }[]).map((error) => [error.field, error.code]);

/** Bình registered with his CMND and signed in, the clock past the send limits. */
async function binhSignedIn(t: TestService): Promise<Tokens> {
  await t.register(BINH);
  t.clock.advance(61);
  const { tokens } = await t.signIn(BINH);
  t.clock.advance(61);
  return tokens;
}

/** Adds Bình's CCCD through the whole flow; returns the change id. */
async function addBinhCccd(t: TestService, tokens: Tokens): Promise<string> {
  const me = as(t, tokens);
  const changeId = await started(await me.addCccd(PASSWORD, BINH_CCCD));
  const done = await me.verify(changeId, await t.latestCode(BINH.phone));
  assert.equal(done.status, 200, await done.clone().text());
  assert.deepEqual(await json(done), { changeId, next: 'done', otherSessionsEnded: 0 });
  t.clock.advance(61);
  return changeId;
}

const signInStart = (t: TestService, idNumber: string, password: string, client: string = MINISTRY.id) =>
  t.call('POST', PATHS.signIns, { client, body: { idNumber, password } });

const aliases = (t: TestService) => countRows(t.service.store.sql, `SELECT count(*)::int AS count FROM account_id_numbers WHERE added_as = 'cccd'`);

export function cccdAdditionSpec(db: () => TestDatabase): void {
  describe('CMND accounts and adding the CCCD (signed in)', () => {
    test('an account registered with a 9-digit CMND signs in with it; the account shows the number masked', async () => {
      const t = await startTestService(db());
      const registered = await t.register(BINH);
      assert.equal(registered.idNumberMasked, '013***789');
      assert.deepEqual(registered.idNumbersMasked, ['013***789']);
      t.clock.advance(61);
      const { account, tokens } = await t.signIn(BINH);
      assert.equal(account.sub, registered.sub);
      const before = await as(t, tokens).account();
      assert.deepEqual([before.idNumbersMasked, before.idNumberKind, before.canAddCccd], [['013***789'], 'cmnd', true], 'a CMND account may add its CCCD');
      assert.equal((await signInStart(t, BINH_CCCD, PASSWORD)).status, 401, 'the CCCD does not sign in before it is added');
    });

    test('password and CCCD → carrier match → code to the registered phone → added: both numbers sign in to one sub, on the other portal too', async () => {
      const t = await startTestService(db());
      const tokens = await binhSignedIn(t);
      const me = as(t, tokens);
      const changeId = await started(await me.addCccd(PASSWORD, '001 075 012 345'));
      assert.equal(await aliases(t), 0, 'nothing added before the code');
      const code = await t.latestCode(BINH.phone);
      const key = { 'Idempotency-Key': 'add-cccd-1' };
      const done = await me.verify(changeId, code, key);
      assert.equal(done.status, 200);
      const replay = await me.verify(changeId, code, key);
      assert.deepEqual(await json(replay), await json(done), 'a retry with the same key replays the answer');
      assert.equal(await aliases(t), 1);
      const after = await me.account();
      assert.deepEqual([after.idNumbersMasked, after.idNumberKind, after.canAddCccd], [['013***789', '001******345'], 'cmnd', false], 'and only once');

      t.clock.advance(61);
      const byCmnd = await t.signIn(BINH, PASSWORD, PROVINCE.id);
      t.clock.advance(61);
      const byCccd = await t.signIn(binhByCccd, PASSWORD, PROVINCE.id);
      t.clock.advance(61);
      const here = await t.signIn(binhByCccd);
      assert.equal(byCccd.account.sub, byCmnd.account.sub, 'the CCCD signs in to the CMND account');
      assert.equal(here.account.sub, byCmnd.account.sub);
      assert.equal(byCccd.account.idNumberMasked, '013***789', 'the account keeps the number it registered with');

      t.clock.advance(61);
      const again = await t.call('POST', PATHS.registrations, { body: registrationBody(binhByCccd) });
      assert.equal(again.status, 201, 'the carrier knows the CCCD: registration goes on to the code');
      const verified = await t.call('POST', PATHS.registrationVerify(String((await json(again)).registrationId)), { body: { code: await t.latestCode(BINH.phone) } });
      await problem(verified, 409, 'account_exists');
      assert.equal(await countRows(t.service.store.sql, 'SELECT count(*)::int AS count FROM accounts'), 1);
      for (const line of t.logs) {
        for (const secret of [BINH.idNumber, BINH_CCCD, BINH.phone, BINH.nationalPhone, PASSWORD]) assert.ok(!containsToken(line, secret), `no personal data in ${line}`);
      }
    });

    test('a CCCD the carrier does not know as the holder’s is `carrier_mismatch`; a 9-digit number, another province or birth year is a field error; nothing stored', async () => {
      const t = await startTestService(db());
      const tokens = await binhSignedIn(t);
      const me = as(t, tokens);
      await problem(await me.addCccd(PASSWORD, '001075012346'), 422, 'carrier_mismatch');
      assert.deepEqual(fieldErrors(await problem(await me.addCccd(PASSWORD, '013456789'), 400, 'validation_failed')), [['cccd', 'id_number_cccd']]);
      assert.deepEqual(fieldErrors(await problem(await me.addCccd(PASSWORD, '003075012345'), 400, 'validation_failed')), [['cccd', 'id_number_province']]);
      assert.deepEqual(fieldErrors(await problem(await me.addCccd(PASSWORD, '001076012345'), 400, 'validation_failed')), [['cccd', 'id_number_birth_year']]);
      assert.equal(await aliases(t), 0);
      assert.equal(await countRows(t.service.store.sql, `SELECT count(*)::int AS count FROM flows WHERE kind = 'account_change'`), 0);
      const en = await t.call('POST', PATHS.cccdAdditions, { body: { currentPassword: PASSWORD, cccd: '001075012346' }, headers: bearer(tokens.accessToken), lang: 'en' });
      assert.match(String((await json(en)).detail), /mobile carrier/);
    });

    test('an account made by social insurance is matched by the social-insurance register', async () => {
      const offered: Partial<ServerConfigInput> = { registrationMethods: ['mobile', 'bhxh'], registries: { socialInsurance: { driver: 'sandbox' } } };
      const t = await startTestService(db(), { config: offered });
      const start = await t.call('POST', PATHS.registrations, { body: registrationBody(HANH, { method: 'bhxh', bhxhCode: '3101112223' }) });
      assert.equal(start.status, 201, await start.clone().text());
      const id = String((await json(start)).registrationId);
      await t.call('POST', PATHS.registrationVerify(id), { body: { code: await t.latestCode(HANH.phone) } });
      const created = await t.call('POST', PATHS.registrationPassword(id), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
      assert.equal(created.status, 201);
      t.clock.advance(61);
      const me = as(t, (await t.signIn(HANH)).tokens);
      t.clock.advance(61);
      await problem(await me.addCccd(PASSWORD, '031182004568'), 422, 'bhxh_mismatch');
      const changeId = await started(await me.addCccd(PASSWORD, HANH.cccd!));
      assert.equal((await me.verify(changeId, await t.latestCode(HANH.phone))).status, 200);
      t.clock.advance(61);
      assert.equal((await t.signIn({ ...HANH, idNumber: HANH.cccd! })).account.verificationMethod, 'bhxh');
    });

    test('wrong passwords slow the account down as one, whichever of its numbers is typed (no double budget by alternating CMND and CCCD)', async () => {
      const t = await startTestService(db());
      const tokens = await binhSignedIn(t);
      await addBinhCccd(t, tokens);
      const me = as(t, tokens);
      await problem(await me.post(PATHS.passwordChanges, { currentPassword: WRONG }), 401, 'invalid_credentials');
      await problem(await signInStart(t, BINH.idNumber, WRONG), 401, 'invalid_credentials');
      await problem(await signInStart(t, BINH_CCCD, WRONG), 401, 'invalid_credentials');
      await problem(await signInStart(t, BINH.idNumber, WRONG), 401, 'invalid_credentials');
      await problem(await signInStart(t, BINH_CCCD, WRONG), 401, 'invalid_credentials');
      const slowed = await signInStart(t, BINH.idNumber, PASSWORD);
      await problem(slowed, 429, 'too_many_attempts');
      assert.equal(slowed.headers.get('Retry-After'), '60', 'five failures across both numbers: the account waits, as after five on one');
      await problem(await signInStart(t, BINH_CCCD, PASSWORD), 429, 'too_many_attempts');
      assert.equal((await signInStart(t, AN.idNumber, WRONG)).status, 401, 'an unknown number keeps a count of its own');
      t.clock.advance(60);
      assert.equal((await signInStart(t, BINH_CCCD, PASSWORD)).status, 200);
    });

    test('a CCCD that signs in to another account is `cccd_in_use`, told only after the code; the change ends and nothing is added', async () => {
      const t = await startTestService(db());
      const tokens = await binhSignedIn(t);
      const other = await t.register(binhByCccd);
      t.clock.advance(61);
      const me = as(t, tokens);
      const changeId = await started(await me.addCccd(PASSWORD, BINH_CCCD));
      const code = await t.latestCode(BINH.phone);
      const refused = await problem(await me.verify(changeId, code), 409, 'cccd_in_use');
      assert.match(String(refused.detail), /CCCD/);
      assert.equal(await aliases(t), 0);
      await problem(await me.verify(changeId, code), 409, 'flow_step');
      t.clock.advance(61);
      assert.equal((await t.signIn(binhByCccd)).account.sub, other.sub, 'the CCCD still signs in to its own account');
      assert.deepEqual((await me.account()).idNumbersMasked, ['013***789']);
    });

    test('an account that signs in with a CCCD already — registered with 12 digits, or added — gets `cccd_already_added`', async () => {
      const t = await startTestService(db());
      await t.register(AN);
      t.clock.advance(61);
      const an = as(t, (await t.signIn(AN)).tokens);
      await problem(await an.addCccd(PASSWORD, '001090001235'), 409, 'cccd_already_added');
      t.clock.advance(61);
      const tokens = await binhSignedIn(t);
      await addBinhCccd(t, tokens);
      await problem(await as(t, tokens).addCccd(PASSWORD, '001075099999'), 409, 'cccd_already_added');
      const en = await t.call('POST', PATHS.cccdAdditions, { body: { currentPassword: PASSWORD, cccd: BINH_CCCD }, headers: bearer(tokens.accessToken), lang: 'en' });
      assert.match(String((await json(en)).detail), /already signs in with a 12-digit CCCD/);
    });

    test('no token or an ended session: 401, nothing read', async () => {
      const t = await startTestService(db());
      const tokens = await binhSignedIn(t);
      const body = { currentPassword: PASSWORD, cccd: BINH_CCCD };
      const none = await t.call('POST', PATHS.cccdAdditions, { body });
      await problem(none, 401, 'unauthorized');
      assert.equal(none.headers.get('WWW-Authenticate'), 'Bearer');
      const changeId = await started(await as(t, tokens).addCccd(PASSWORD, BINH_CCCD));
      assert.equal((await t.call('POST', PATHS.signOut, { body: { refreshToken: tokens.refreshToken } })).status, 204);
      await problem(await t.call('POST', PATHS.cccdAdditions, { body, headers: bearer(tokens.accessToken) }), 401, 'unauthorized');
      await problem(await as(t, tokens).verify(changeId, await t.latestCode(BINH.phone)), 401, 'unauthorized');
      assert.equal(await aliases(t), 0);
    });

    test('parallel starts never pass the look-up limit of the CCCD; parallel confirmations add it once', async () => {
      const t = await startTestService(db(), {
        config: { limits: { registerLookups: { perAddress: [{ max: 1000, windowSeconds: 600 }], perIdNumber: [{ max: 2, windowSeconds: 3600 }] } } },
      });
      const tokens = await binhSignedIn(t);
      const me = as(t, tokens);
      const responses = await Promise.all(Array.from({ length: 5 }, () => me.addCccd(PASSWORD, BINH_CCCD)));
      const statuses = responses.map((response) => response.status).sort();
      assert.deepEqual(statuses, [201, 201, 429, 429, 429]);
      const messages = await t.service.outbox!.messages({ to: BINH.phone });
      const codes = messages.slice(0, 2).map((message) => /\b(\d{6})\b/.exec(message.text)?.[1] ?? '');
      const ids = await Promise.all(responses.filter((response) => response.status === 201).map(async (response) => String((await json(response)).changeId)));
      // Each code belongs to one change: try both codes on each, in parallel across the changes.
      const tries = await Promise.all(ids.map(async (id) => {
        for (const code of codes) {
          const answer = await me.verify(id, code);
          if (answer.status !== 400) return answer;
        }
        throw new Error('neither code fits');
      }));
      const outcomes = (await Promise.all(tries.map(async (answer) => `${answer.status} ${(await json(answer)).code ?? 'done'}`))).sort();
      assert.deepEqual(outcomes, ['200 done', '409 cccd_already_added']);
      assert.equal(await aliases(t), 1);
    });

    test('generated bad input is a problem naming field and rule, never a 5xx, and nothing is half-stored', async () => {
      const t = await startTestService(db(), { config: { limits: { signInAttempts: { perAddress: [{ max: 10_000, windowSeconds: 600 }] } } } });
      const me = as(t, await binhSignedIn(t));
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const notCccd = fc.oneof(anything, fc.stringMatching(/^[0-9]{0,14}$/)).filter((cccd) => !(typeof cccd === 'string' && parseIdNumber(cccd).ok && cccd.length === 12));
      const bad = fc.record({ currentPassword: fc.oneof(fc.constant(PASSWORD), anything), cccd: notCccd }, { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(bad, async (body) => {
          const response = await me.post(PATHS.cccdAdditions, body);
          assert.ok(response.status >= 400 && response.status < 500, `status ${response.status}`);
          assert.match(String(response.headers.get('Content-Type')), /^application\/problem\+json/);
          const answer = await json(response);
          if (answer.code === 'validation_failed') assert.ok(answer.errors.every((error: { field: string; code: string }) => error.field && error.code));
        }),
        { numRuns: 40 },
      );
      assert.equal(await aliases(t), 0);
      assert.equal(await countRows(t.service.store.sql, `SELECT count(*)::int AS count FROM flows WHERE kind = 'account_change'`), 0);
    });
  });
}
