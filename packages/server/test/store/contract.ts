import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { authenticationOf } from '@dvc-kit/sdk';
import { createStore, migrate, MIGRATIONS, type AccountRecord, type FlowRecord, type OtpChallengeRecord, type Store } from '../../src/index.js';
import { countRows, POSTGRES_MISSING, type TestDatabase } from '../support/database.js';

const T0 = new Date('2026-03-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function account(overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    sub: randomUUID(),
    idNumber: '001090001234',
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-09-05',
    phone: '+84971234398',
    email: null,
    subjectType: 'citizen',
    ial: 2,
    verificationMethod: 'mobile',
    bhxhCode: null,
    taxCode: null,
    organisationName: null,
    idNumberAliases: [],
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA',
    consentVersion: '2025-01',
    consentAt: T0,
    createdAt: T0,
    ...overrides,
  };
}

function flow(overrides: Partial<FlowRecord> = {}): FlowRecord {
  return {
    id: randomUUID(),
    kind: 'registration',
    clientId: 'ministry-portal',
    state: 'code_sent',
    idNumber: '001090001234',
    phone: '+84971234398',
    details: { fullName: 'Nguyễn Văn An', birthDate: '1990-09-05', email: null, consentVersion: '2025-01', consentAt: T0.toISOString() },
    accountSub: null,
    createdAt: T0,
    expiresAt: at(1800),
    ...overrides,
  };
}

function challenge(flowId: string, overrides: Partial<OtpChallengeRecord> = {}): OtpChallengeRecord {
  return {
    id: randomUUID(),
    flowId,
    purpose: 'registration',
    phone: '+84971234398',
    codeHmac: 'ab'.repeat(32),
    attempts: 0,
    maxAttempts: 5,
    status: 'active',
    createdAt: T0,
    expiresAt: at(180),
    resendAt: at(60),
    ...overrides,
  };
}

const RULE = { freeFailures: 5, stepSeconds: 60, maxWaitSeconds: 900, forgetAfterSeconds: 43_200, maxFailuresPerHour: 100 };

/**
 * The store contract: what every database behind `Store` must do, written once and run against
 * PGlite and PostgreSQL. Each test starts from empty tables.
 *
 * @param open - opens the file's database; `undefined` when that database is not available.
 * @returns the body of the test file's own `describe`, so the runner reports the suite under that file.
 */
export function storeContract(name: string, open: (() => Promise<TestDatabase>) | undefined): () => void {
  if (!open) {
    return () => {
      console.log(POSTGRES_MISSING);
      test(`store contract on ${name}`, (t) => {
        if (process.env.CI === 'true') assert.fail(`${POSTGRES_MISSING} (PostgreSQL is required in CI)`);
        t.skip(POSTGRES_MISSING);
      });
    };
  }

  return () => {
    let database: TestDatabase;
    let store: Store;
    before(async () => {
      database = await open();
    });
    after(async () => {
      await database.close();
    });
    beforeEach(async () => {
      await database.reset();
      store = createStore(database.db);
    });

    test('migrations are recorded in schema_migrations and applied once', async () => {
      const rows = await database.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((row) => row.version), MIGRATIONS.map((migration) => migration.version));
      assert.deepEqual(await migrate(database.db), []);
    });

    test('a migration that fails leaves nothing behind', async () => {
      const broken = [{ version: 9999, name: 'broken', statements: ['CREATE TABLE half_done (id int)', 'THIS IS NOT SQL'] }];
      await assert.rejects(migrate(database.db, broken));
      const tables = await database.db.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'half_done'`);
      assert.equal(tables.length, 0);
      const recorded = await database.db.query('SELECT 1 FROM schema_migrations WHERE version = 9999');
      assert.equal(recorded.length, 0);
    });

    test('an account is found by ID number and by sub, with every field as stored', async () => {
      const record = account({ email: 'an.nguyen@example.vn' });
      assert.equal(await store.accounts.create(record), true);
      assert.deepEqual(await store.accounts.findByIdNumber(record.idNumber!), record);
      assert.deepEqual(await store.accounts.findBySub(record.sub), record);
      assert.equal(await store.accounts.findBySub('not-a-uuid'), undefined);
      assert.equal(await store.accounts.findByIdNumber('079195004321'), undefined);
    });

    test('an account registered by social insurance keeps its BHXH code; others have none; a malformed code is refused', async () => {
      const insured = account({ idNumber: '079195004321', verificationMethod: 'bhxh', bhxhCode: '7901234567' });
      assert.equal(await store.accounts.create(insured), true);
      assert.deepEqual(await store.accounts.findBySub(insured.sub), insured);
      const { bhxhCode: _none, ...withoutCode } = account({ idNumber: '048203007788' });
      assert.equal(await store.accounts.create(withoutCode), true);
      assert.equal((await store.accounts.findByIdNumber('048203007788'))?.bhxhCode, null);
      await assert.rejects(store.accounts.create(account({ idNumber: '031187000042', bhxhCode: '12345' })));
      assert.equal(await store.accounts.findByIdNumber('031187000042'), undefined);
    });

    test('one ID number has at most one account, even when created in parallel', async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => store.accounts.create(account())));
      assert.equal(results.filter(Boolean).length, 1);
      assert.equal(await countRows(database.db, 'SELECT count(*)::int AS count FROM accounts'), 1);
    });

    test('a CCCD added to a CMND account finds it as its registered number does; only a CMND account adds one, and only once', async () => {
      const cmnd = account({ idNumber: '013456789', fullName: 'Ngô Văn Bình', birthDate: '1975-04-10' });
      const cccdAccount = account();
      assert.equal(await store.accounts.create(cmnd), true);
      assert.equal(await store.accounts.create(cccdAccount), true);
      assert.equal(await store.accounts.addCccd(cmnd.sub, '001075012345', at(60)), 'added');
      const withCccd = { ...cmnd, idNumberAliases: ['001075012345'] };
      assert.deepEqual(await store.accounts.findByIdNumber('013456789'), withCccd);
      assert.deepEqual(await store.accounts.findByIdNumber('001075012345'), withCccd);
      assert.deepEqual(await store.accounts.findBySub(cmnd.sub), withCccd);
      assert.equal(await store.accounts.addCccd(cmnd.sub, '001075099999', at(120)), 'has_cccd', 'a second CCCD');
      assert.equal(await store.accounts.addCccd(cmnd.sub, '001075012345', at(120)), 'has_cccd', 'the same one again');
      assert.equal(await store.accounts.addCccd(cccdAccount.sub, '001090009999', at(120)), 'has_cccd', 'an account registered with 12 digits');
      assert.equal(await store.accounts.findByIdNumber('001075099999'), undefined);
      assert.equal(await store.accounts.findByIdNumber('001090009999'), undefined);
    });

    test('each ID number signs in to one account: registered numbers and added CCCDs exclude each other, in parallel too', async () => {
      const cmnd = account({ idNumber: '013456789' });
      const other = account({ idNumber: '025678901' });
      assert.equal(await store.accounts.create(cmnd), true);
      assert.equal(await store.accounts.create(other), true);
      assert.equal(await store.accounts.addCccd(other.sub, '001090001234', at(1)), 'added');
      assert.equal(await store.accounts.addCccd(cmnd.sub, '001090001234', at(2)), 'in_use', 'another account added it');
      assert.equal(await store.accounts.create(account({ idNumber: '001090001234' })), false, 'registering another account’s CCCD');
      assert.equal(await store.accounts.addCccd(cmnd.sub, '025678901', at(3)), 'in_use', 'another account registered with it');

      const racers = Array.from({ length: 4 }, (_, i) => account({ idNumber: `03${i}456789` }));
      for (const racer of racers) assert.equal(await store.accounts.create(racer), true);
      const outcomes = await Promise.all([
        ...racers.map((racer, i) => store.accounts.addCccd(racer.sub, '079195004321', at(10 + i))),
        ...Array.from({ length: 4 }, () => store.accounts.create(account({ idNumber: '079195004321' }))),
      ]);
      assert.equal(outcomes.filter((outcome) => outcome === 'added' || outcome === true).length, 1, 'one writer wins the number');
      assert.equal(await countRows(database.db, `SELECT count(*)::int AS count FROM account_id_numbers WHERE id_number = '079195004321'`), 1);
      const owner = await store.accounts.findByIdNumber('079195004321');
      assert.ok(owner);
      assert.equal(await countRows(database.db, 'SELECT count(*)::int AS count FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM account_id_numbers n WHERE n.id_number = a.id_number)'), 0, 'no account without its registered number');
    });

    test('a transaction that fails stores nothing', async () => {
      const record = account();
      const registration = flow();
      await store.flows.create(registration);
      await assert.rejects(
        store.transaction(async (tx) => {
          assert.equal(await tx.flows.advance(registration.id, 'code_sent', 'completed'), true);
          assert.equal(await tx.accounts.create(record), true);
          throw new Error('power cut');
        }),
        /power cut/,
      );
      assert.equal(await store.accounts.findByIdNumber(record.idNumber!), undefined);
      assert.equal((await store.flows.find(registration.id, 'registration', 'ministry-portal', T0))?.state, 'code_sent');
    });

    test('a flow is found only by its portal, with its kind, before it expires, and moves on only from its state', async () => {
      const record = flow();
      await store.flows.create(record);
      assert.deepEqual(await store.flows.find(record.id, 'registration', 'ministry-portal', T0), record);
      assert.equal(await store.flows.find(record.id, 'registration', 'provincial-portal', T0), undefined);
      assert.equal(await store.flows.find(record.id, 'sign_in', 'ministry-portal', T0), undefined);
      assert.equal(await store.flows.find(record.id, 'registration', 'ministry-portal', at(1800)), undefined);
      const moves = await Promise.all(Array.from({ length: 5 }, () => store.flows.advance(record.id, 'code_sent', 'code_verified')));
      assert.equal(moves.filter(Boolean).length, 1);
      assert.equal(await store.flows.deleteExpired(at(1800)), 1);
    });

    test('a flow has at most one active code; parallel tries never pass its limit', async () => {
      const record = flow();
      await store.flows.create(record);
      const code = challenge(record.id);
      assert.equal(await store.otpChallenges.create(code), true);
      assert.equal(await store.otpChallenges.create(challenge(record.id)), false);
      const tries = await Promise.all(Array.from({ length: 20 }, () => store.otpChallenges.takeAttempt(record.id, at(10))));
      assert.equal(tries.filter((result) => typeof result === 'object').length, 5);
      assert.equal(tries.filter((result) => result === 'exhausted').length, 15);
      assert.equal((await store.otpChallenges.active(record.id))?.attempts, 5);
    });

    test('an expired code gives no try, and a code is used once', async () => {
      const record = flow();
      await store.flows.create(record);
      const code = challenge(record.id);
      await store.otpChallenges.create(code);
      assert.equal(await store.otpChallenges.takeAttempt(record.id, at(180)), 'expired');
      const used = await Promise.all([store.otpChallenges.markUsed(code.id), store.otpChallenges.markUsed(code.id)]);
      assert.deepEqual(used.sort(), [false, true]);
      assert.equal(await store.otpChallenges.takeAttempt(record.id, at(10)), 'none');
    });

    test('a code is superseded for a resend only once its resend time has come, by one of parallel resends', async () => {
      const record = flow();
      await store.flows.create(record);
      await store.otpChallenges.create(challenge(record.id));
      assert.equal(await store.otpChallenges.supersedeForResend(record.id, at(59)), false);
      const resends = await Promise.all(Array.from({ length: 4 }, () => store.transaction(async (tx) => {
        if (!(await tx.otpChallenges.supersedeForResend(record.id, at(60)))) return false;
        return tx.otpChallenges.create(challenge(record.id, { resendAt: at(120) }));
      })));
      assert.equal(resends.filter(Boolean).length, 1);
      assert.equal(await countRows(database.db, `SELECT count(*)::int AS count FROM otp_challenges WHERE status = 'active'`), 1);
    });

    test('deleting a flow deletes its codes', async () => {
      const record = flow();
      await store.flows.create(record);
      await store.otpChallenges.create(challenge(record.id));
      await store.flows.delete(record.id);
      assert.equal(await store.otpChallenges.active(record.id), undefined);
    });

    test('sign-in failures: five free, then a wait growing 60 s each, forgotten after 12 hours', async () => {
      const key = 'id-key-1';
      for (let i = 0; i < 5; i++) assert.deepEqual(await store.signInThrottle.attempt(key, at(i), RULE), { allowed: true });
      assert.deepEqual(await store.signInThrottle.attempt(key, at(10), RULE), { allowed: false, retryAfterSeconds: 54 });
      assert.deepEqual(await store.signInThrottle.attempt(key, at(64), RULE), { allowed: true });
      assert.deepEqual(await store.signInThrottle.attempt(key, at(65), RULE), { allowed: false, retryAfterSeconds: 119 });
      assert.deepEqual(await store.signInThrottle.attempt(key, at(64 + 43_200), RULE), { allowed: true });
      assert.deepEqual(await store.signInThrottle.attempt(key, at(65 + 43_200), RULE), { allowed: true }, 'the count started again');
      await store.signInThrottle.succeeded(key);
      for (let i = 0; i < 5; i++) assert.equal((await store.signInThrottle.attempt(key, at(43_300 + i), RULE)).allowed, true);
    });

    test('parallel sign-in attempts never pass the free failures', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => store.signInThrottle.attempt('id-key-2', T0, RULE)));
      assert.equal(results.filter((result) => result.allowed).length, 5);
    });

    test('send limits hold in a sliding window, across buckets and in parallel', async () => {
      const phone = { key: 'phone:a', limits: [{ max: 3, windowSeconds: 60 }, { max: 10, windowSeconds: 3600 }] };
      const address = { key: 'address:x', limits: [{ max: 25, windowSeconds: 300 }] };
      const results = await Promise.all(Array.from({ length: 10 }, () => store.sendLimits.take([phone, address], T0)));
      assert.equal(results.filter((result) => result.ok).length, 3);
      assert.deepEqual(results.find((result) => !result.ok), { ok: false, retryAfterSeconds: 60 });
      assert.deepEqual(await store.sendLimits.take([phone, address], at(59)), { ok: false, retryAfterSeconds: 1 });
      assert.equal((await store.sendLimits.take([phone, address], at(60))).ok, true);
      assert.equal(await countRows(database.db, `SELECT count(*)::int AS count FROM rate_limit_events WHERE key = 'address:x'`), 4, 'a refused send is counted in no bucket');
    });

    test('a limit of a day keeps its events through sweeps, and a given-back event no longer counts', async () => {
      const daily = { key: 'lookup:address:d', limits: [{ max: 2, windowSeconds: 600 }, { max: 3, windowSeconds: 86_400 }] };
      const first = await store.sendLimits.take([daily], T0);
      assert.equal(first.ok, true);
      assert.equal((await store.sendLimits.take([daily], at(1))).ok, true);
      assert.deepEqual(await store.sendLimits.take([daily], at(2)), { ok: false, retryAfterSeconds: 598 });
      assert.equal((await store.sendLimits.take([daily], at(700))).ok, true);
      await store.sweep(at(7200));
      assert.deepEqual(await store.sendLimits.take([daily], at(7200)), { ok: false, retryAfterSeconds: 86_400 - 7200 }, 'swept after an hour, the day still counts');
      if (first.ok) await store.sendLimits.giveBack(first.events);
      assert.equal((await store.sendLimits.take([daily], at(7201))).ok, true);
      const report = await store.sweep(at(86_400 + 7201));
      assert.equal(report.removed.rate_limit_events, 3);
      assert.equal(report.removed.rate_limit_keys, 1);
    });

    test('a sweep forgets idle send counters, and a counter swept while sends go on still holds its limit', async () => {
      const phone = { key: 'phone:swept', limits: [{ max: 3, windowSeconds: 60 }] };
      assert.equal((await store.sendLimits.take([phone], T0)).ok, true);
      const keys = () => countRows(database.db, `SELECT count(*)::int AS count FROM rate_limit_keys WHERE key = 'phone:swept'`);
      assert.equal((await store.sweep(at(60))).removed.rate_limit_keys, 0, 'a counter with a live event stays');
      assert.equal(await keys(), 1);
      const report = await store.sweep(at(3601));
      assert.equal(report.removed.rate_limit_events, 1);
      assert.equal(report.removed.rate_limit_keys, 1);
      assert.equal(await keys(), 0);
      const later = at(7200);
      const results = await Promise.all([
        ...Array.from({ length: 8 }, () => store.sendLimits.take([phone], later)),
        store.sweep(later),
        store.sweep(later),
      ]);
      assert.equal(results.slice(0, 8).filter((result) => 'ok' in result && result.ok).length, 3);
      assert.equal(await keys(), 1);
    });

    test('an idempotency key is reserved once, replays its answer, and refuses another body', async () => {
      const scope = { clientId: 'ministry-portal', route: 'POST /v1/registrations', key: 'k1' };
      const timing = (now: Date) => ({ now, keepSeconds: 86_400, leaseSeconds: 30 });
      const first = await store.idempotency.reserve(scope, 'hash-a', timing(T0));
      assert.ok(first.state === 'new' && !first.takenOver);
      assert.deepEqual(await store.idempotency.reserve(scope, 'hash-a', timing(T0)), { state: 'pending', leaseUntil: at(30) });
      assert.deepEqual(await store.idempotency.reserve(scope, 'hash-b', timing(T0)), { state: 'conflict' });
      assert.equal(await store.idempotency.complete(scope, first.lease, { status: 201, body: '{"registrationId":"r1"}' }), true);
      assert.deepEqual(await store.idempotency.reserve(scope, 'hash-a', timing(at(10))), { state: 'replay', status: 201, body: '{"registrationId":"r1"}' });
      assert.deepEqual(await store.idempotency.reserve(scope, 'hash-a', timing(at(100))), { state: 'replay', status: 201, body: '{"registrationId":"r1"}' }, 'an answered key has no lease to take over');
      assert.deepEqual(await store.idempotency.answer(scope, 'hash-a'), { status: 201, body: '{"registrationId":"r1"}' });
      assert.equal(await store.idempotency.answer(scope, 'hash-b'), undefined);
      assert.equal((await store.idempotency.reserve({ ...scope, clientId: 'provincial-portal' }, 'hash-b', timing(T0))).state, 'new', 'keys are per portal');
      assert.equal((await store.idempotency.reserve(scope, 'hash-b', timing(at(86_400)))).state, 'new', 'forgotten after a day');
      const released = { ...scope, key: 'k2' };
      const held = await store.idempotency.reserve(released, 'hash-a', timing(T0));
      assert.ok(held.state === 'new');
      await store.idempotency.release(released, held.lease);
      assert.equal((await store.idempotency.reserve(released, 'hash-b', timing(T0))).state, 'new');
    });

    test('a reservation whose request died is taken over after its lease, by one retry only, and the dead holder can no longer answer', async () => {
      const scope = { clientId: 'ministry-portal', route: 'POST /v1/registrations/r1/password', key: 'pw-crash' };
      const timing = (now: Date) => ({ now, keepSeconds: 86_400, leaseSeconds: 30 });
      const dead = await store.idempotency.reserve(scope, 'hash-a', timing(T0));
      assert.ok(dead.state === 'new');
      assert.equal((await store.idempotency.reserve(scope, 'hash-a', timing(at(29)))).state, 'pending', 'a live lease is waited for');
      assert.equal((await store.idempotency.reserve(scope, 'hash-b', timing(at(31)))).state, 'conflict', 'another body never takes a key over');
      const retries = await Promise.all(Array.from({ length: 4 }, () => store.idempotency.reserve(scope, 'hash-a', timing(at(30)))));
      const winners = retries.filter((reservation) => reservation.state === 'new');
      assert.equal(winners.length, 1, 'one retry takes the key over');
      assert.ok(winners[0]?.state === 'new' && winners[0].takenOver);
      assert.deepEqual(retries.filter((reservation) => reservation.state !== 'new').map((reservation) => reservation.state), ['pending', 'pending', 'pending']);
      assert.equal(await store.idempotency.complete(scope, dead.lease, { status: 201, body: '{"late":true}' }), false, 'the dead holder lost the key');
      await store.idempotency.release(scope, dead.lease);
      assert.equal((await store.idempotency.reserve(scope, 'hash-a', timing(at(31)))).state, 'pending', 'nor can it release the new holder');
      assert.ok(winners[0]?.state === 'new');
      assert.equal(await store.idempotency.complete(scope, winners[0].lease, { status: 201, body: '{"account":1}' }), true);
      assert.deepEqual(await store.idempotency.reserve(scope, 'hash-a', timing(at(32))), { state: 'replay', status: 201, body: '{"account":1}' });
    });

    test('a reservation left by a version without leases is taken over at once', async () => {
      await database.db.query(
        `INSERT INTO idempotency_keys (client_id, route, key, request_hash, created_at) VALUES ('ministry-portal', 'POST /v1/registrations', 'old', 'hash-a', $1::timestamptz)`,
        [T0.toISOString()],
      );
      const scope = { clientId: 'ministry-portal', route: 'POST /v1/registrations', key: 'old' };
      const retry = await store.idempotency.reserve(scope, 'hash-a', { now: at(5), keepSeconds: 86_400, leaseSeconds: 30 });
      assert.ok(retry.state === 'new' && retry.takenOver);
    });

    test('refresh tokens rotate; a reused one ends the session; idle and absolute limits hold', async () => {
      const owner = account();
      await store.accounts.create(owner);
      const session = { id: randomUUID(), accountSub: owner.sub, clientId: 'ministry-portal', authTime: T0, authentication: authenticationOf('password_sms'), createdAt: T0, idleExpiresAt: at(900), absoluteExpiresAt: at(43_200) };
      await store.sessions.create(session, 'rt-1');
      const rotated = await store.sessions.rotateRefreshToken('rt-1', 'rt-2', 'ministry-portal', at(600), 900);
      assert.equal(rotated.outcome, 'rotated');
      assert.equal(rotated.outcome === 'rotated' && rotated.session.idleExpiresAt.toISOString(), at(1500).toISOString());
      const parallel = await Promise.all([
        store.sessions.rotateRefreshToken('rt-2', 'rt-3a', 'ministry-portal', at(700), 900),
        store.sessions.rotateRefreshToken('rt-2', 'rt-3b', 'ministry-portal', at(700), 900),
      ]);
      assert.deepEqual(parallel.map((result) => result.outcome).sort(), ['reused', 'rotated']);
      assert.equal(await store.sessions.findActive(session.id, at(700)), undefined, 'the reuse ended the session');
      assert.equal((await store.sessions.rotateRefreshToken('unknown', 'rt-x', 'ministry-portal', at(700), 900)).outcome, 'unknown');

      const idle = { ...session, id: randomUUID() };
      await store.sessions.create(idle, 'rt-idle');
      assert.equal((await store.sessions.rotateRefreshToken('rt-idle', 'rt-idle-2', 'ministry-portal', at(900), 900)).outcome, 'ended');

      const otherPortal = { ...session, id: randomUUID() };
      await store.sessions.create(otherPortal, 'rt-other');
      assert.equal((await store.sessions.rotateRefreshToken('rt-other', 'rt-other-2', 'provincial-portal', at(10), 900)).outcome, 'ended');

      const signedOut = { ...session, id: randomUUID() };
      await store.sessions.create(signedOut, 'rt-out');
      assert.equal(await store.sessions.revokeByRefreshToken('rt-out', 'provincial-portal', at(10), 'signed_out'), 'other_client');
      assert.ok(await store.sessions.findActive(signedOut.id, at(10)), 'another portal cannot end it');
      assert.equal(await store.sessions.revokeByRefreshToken('rt-out', 'ministry-portal', at(10), 'signed_out'), 'ended');
      assert.equal(await store.sessions.revokeByRefreshToken('nope', 'ministry-portal', at(10), 'signed_out'), 'unknown');
      assert.equal((await store.sessions.rotateRefreshToken('rt-out', 'rt-out-2', 'ministry-portal', at(20), 900)).outcome, 'reused');
    });

    test('a session keeps how it was authenticated: method, AAL, amr and VNeID level, through rotation', async () => {
      const owner = account();
      await store.accounts.create(owner);
      const ways = [authenticationOf('password_sms'), authenticationOf('passkey'), authenticationOf('usb_token'), authenticationOf('vneid', 2), authenticationOf('password')];
      for (const [index, authentication] of ways.entries()) {
        const session = { id: randomUUID(), accountSub: owner.sub, clientId: 'ministry-portal', authTime: T0, authentication, createdAt: T0, idleExpiresAt: at(900), absoluteExpiresAt: at(43_200) };
        await store.sessions.create(session, `auth-${index}`);
        assert.deepEqual((await store.sessions.findActive(session.id, at(1)))?.authentication, authentication, authentication.method);
        const rotated = await store.sessions.rotateRefreshToken(`auth-${index}`, `auth-${index}-b`, 'ministry-portal', at(2), 900);
        assert.deepEqual(rotated.outcome === 'rotated' && rotated.session.authentication, authentication);
      }
    });

    test('a refresh token is live while rotation would honour it: active, or within the grace with its successor unused', async () => {
      const owner = account();
      await store.accounts.create(owner);
      const session = { id: randomUUID(), accountSub: owner.sub, clientId: 'ministry-portal', authTime: T0, authentication: authenticationOf('password_sms'), createdAt: T0, idleExpiresAt: at(900), absoluteExpiresAt: at(43_200) };
      await store.sessions.create(session, 'l-1');
      const live = (hash: string, successor: string, seconds: number, client = 'ministry-portal') => store.sessions.isRefreshTokenLive(hash, successor, client, at(seconds), 20);
      assert.equal(await live('l-1', 'l-2', 10), true);
      assert.equal(await live('l-1', 'l-2', 10, 'provincial-portal'), false, 'not for another portal');
      assert.equal(await live('l-1', 'l-2', 901), false, 'not once the session is idle');
      assert.equal(await live('nope', 'l-2', 10), false);
      assert.equal((await store.sessions.rotateRefreshToken('l-1', 'l-2', 'ministry-portal', at(100), 900, 20)).outcome, 'rotated');
      assert.equal(await live('l-1', 'l-2', 110), true, 'a double submit within the grace');
      assert.equal(await live('l-1', 'l-other', 110), false, 'another successor is a reuse');
      assert.equal(await live('l-1', 'l-2', 121), false, 'after the grace');
      assert.equal(await live('l-2', 'l-3', 121), true);
      assert.equal((await store.sessions.rotateRefreshToken('l-2', 'l-3', 'ministry-portal', at(130), 900, 20)).outcome, 'rotated');
      assert.equal(await live('l-1', 'l-2', 131), false, 'its successor is used');
      await store.sessions.revoke(session.id, at(140), 'signed_out');
      assert.equal(await live('l-3', 'l-4', 141), false, 'not once the session ended');
    });

    test('a refresh token repeated within the grace gets its unused successor; later, or after the successor is used, it ends the session', async () => {
      const owner = account();
      await store.accounts.create(owner);
      const session = { id: randomUUID(), accountSub: owner.sub, clientId: 'ministry-portal', authTime: T0, authentication: authenticationOf('password_sms'), createdAt: T0, idleExpiresAt: at(900), absoluteExpiresAt: at(43_200) };
      await store.sessions.create(session, 'g-1');
      const parallel = await Promise.all(Array.from({ length: 4 }, () => store.sessions.rotateRefreshToken('g-1', 'g-2', 'ministry-portal', at(100), 900, 20)));
      assert.deepEqual(parallel.map((result) => result.outcome).sort(), ['repeated', 'repeated', 'repeated', 'rotated']);
      assert.equal((await store.sessions.rotateRefreshToken('g-1', 'g-2', 'ministry-portal', at(119), 900, 20)).outcome, 'repeated');
      assert.equal((await store.sessions.rotateRefreshToken('g-1', 'g-2', 'provincial-portal', at(110), 900, 20)).outcome, 'reused', 'another portal is no double submit');

      const second = { ...session, id: randomUUID() };
      await store.sessions.create(second, 'h-1');
      assert.equal((await store.sessions.rotateRefreshToken('h-1', 'h-2', 'ministry-portal', at(100), 900, 20)).outcome, 'rotated');
      assert.equal((await store.sessions.rotateRefreshToken('h-1', 'h-other', 'ministry-portal', at(101), 900, 20)).outcome, 'reused', 'another successor is a reuse');
      assert.equal(await store.sessions.findActive(second.id, at(101)), undefined);

      const third = { ...session, id: randomUUID() };
      await store.sessions.create(third, 'i-1');
      assert.equal((await store.sessions.rotateRefreshToken('i-1', 'i-2', 'ministry-portal', at(100), 900, 20)).outcome, 'rotated');
      assert.equal((await store.sessions.rotateRefreshToken('i-1', 'i-2', 'ministry-portal', at(120), 900, 20)).outcome, 'reused', 'after the grace');
      assert.equal(await store.sessions.findActive(third.id, at(120)), undefined);

      const fourth = { ...session, id: randomUUID() };
      await store.sessions.create(fourth, 'j-1');
      assert.equal((await store.sessions.rotateRefreshToken('j-1', 'j-2', 'ministry-portal', at(100), 900, 20)).outcome, 'rotated');
      assert.equal((await store.sessions.rotateRefreshToken('j-2', 'j-3', 'ministry-portal', at(105), 900, 20)).outcome, 'rotated');
      assert.equal((await store.sessions.rotateRefreshToken('j-1', 'j-2', 'ministry-portal', at(106), 900, 20)).outcome, 'reused', 'its successor was used');
      assert.equal(await store.sessions.findActive(fourth.id, at(106)), undefined);
    });

    test('signing keys: the newest unretired key is first; retired keys stay published until their time', async () => {
      const key = (kid: string, seconds: number) => ({ kid, alg: 'ES256' as const, privateJwk: '{}', publicJwk: `{"kid":"${kid}"}`, createdAt: at(seconds), retiredAt: null });
      await store.signingKeys.add(key('old', 0));
      await store.signingKeys.add(key('new', 10));
      await store.signingKeys.retireAllBut('new', at(1000));
      assert.deepEqual((await store.signingKeys.published(at(999))).map((k) => [k.kid, k.retiredAt?.toISOString() ?? null]), [['new', null], ['old', at(1000).toISOString()]]);
      assert.deepEqual((await store.signingKeys.published(at(1000))).map((k) => k.kid), ['new']);
      assert.deepEqual((await store.signingKeys.all()).map((k) => k.kid), ['old', 'new'], 'all keys, expired ones included, oldest first');
    });

    test('a stored private key or secret is replaced only if nobody changed it meanwhile (sealing at start-up)', async () => {
      await store.signingKeys.add({ kid: 'k', alg: 'ES256', privateJwk: 'plain', publicJwk: '{"kid":"k"}', createdAt: at(0), retiredAt: null });
      const results = await Promise.all([store.signingKeys.replacePrivateJwk('k', 'plain', 'sealed-1'), store.signingKeys.replacePrivateJwk('k', 'plain', 'sealed-2')]);
      assert.deepEqual(results.sort(), [false, true]);
      assert.match((await store.signingKeys.all())[0]!.privateJwk, /^sealed-[12]$/);
      await store.secrets.getOrCreate('logHashKey', () => 'plain');
      assert.equal(await store.secrets.replace('logHashKey', 'other', 'sealed'), false);
      assert.equal(await store.secrets.replace('logHashKey', 'plain', 'sealed'), true);
      assert.deepEqual(await store.secrets.all(), [{ name: 'logHashKey', value: 'sealed' }]);
    });

    test('a generated secret is kept: the first writer wins, also in parallel', async () => {
      const values = await Promise.all(Array.from({ length: 5 }, (_, i) => store.secrets.getOrCreate('otpHmacKey', () => `candidate-${i}`)));
      assert.equal(new Set(values).size, 1);
      assert.equal(await store.secrets.getOrCreate('otpHmacKey', () => 'later'), values[0]);
    });

    test('a solved human check counts once', async () => {
      assert.equal(await store.humanChecks.markUsed('sig-1', at(600), T0), true);
      assert.equal(await store.humanChecks.markUsed('sig-1', at(600), at(1)), false);
    });

    test('a sweep removes expired flows and old records, and keeps what rules still need', async () => {
      const expired = flow({ expiresAt: at(100) });
      const live = flow({ expiresAt: at(100_000) });
      await store.flows.create(expired);
      await store.flows.create(live);
      await store.otpChallenges.create(challenge(expired.id));
      await store.smsOutbox.add({ to: '+84971234398', text: 'old', createdAt: T0 });
      await store.signInThrottle.attempt('id-key-3', T0, RULE);
      const report = await store.sweep(at(86_400));
      assert.equal(report.removed.flows, 1);
      assert.equal(report.removed.sms_outbox, 1);
      assert.equal(report.removed.sign_in_throttle, 1);
      assert.equal(await store.otpChallenges.active(expired.id), undefined);
      assert.equal((await store.sweep(at(86_401))).removed.flows, 0);
      assert.ok(await store.flows.find(live.id, 'registration', 'ministry-portal', at(200)));
    });

    test('the SMS outbox lists newest first, by phone', async () => {
      await store.smsOutbox.add({ to: '+84971234398', text: 'first', createdAt: T0 });
      await store.smsOutbox.add({ to: '+84912345678', text: 'other', createdAt: at(1) });
      await store.smsOutbox.add({ to: '+84971234398', text: 'second', createdAt: at(2) });
      assert.deepEqual((await store.smsOutbox.list({ to: '+84971234398' })).map((message) => message.text), ['second', 'first']);
      assert.deepEqual((await store.smsOutbox.list()).map((message) => message.text), ['second', 'other', 'first']);
      assert.deepEqual((await store.smsOutbox.list({ limit: 1 }))[0], { to: '+84971234398', text: 'second', createdAt: at(2) });
    });

    test('a completed lost-phone recovery keeps the consent version and when it was given, per account newest first; only for an account that exists; never swept', async () => {
      const holder = account({ idNumber: '079195004321', verificationMethod: 'bhxh', bhxhCode: '7901234567' });
      await store.accounts.create(holder);
      const first = { id: randomUUID(), accountSub: holder.sub, clientId: 'ministry-portal', consentVersion: '2025-01', consentAt: at(10), completedAt: at(70) };
      const second = { id: randomUUID(), accountSub: holder.sub, clientId: 'provincial-portal', consentVersion: '2026-02', consentAt: at(4000), completedAt: at(4100) };
      await store.transaction(async (tx) => {
        await tx.phoneRecoveries.add(first);
        await tx.phoneRecoveries.add(second);
      });
      assert.deepEqual(await store.phoneRecoveries.forAccount(holder.sub, 10), [second, first]);
      assert.deepEqual(await store.phoneRecoveries.forAccount(holder.sub, 1), [second]);
      assert.deepEqual(await store.phoneRecoveries.forAccount('not-a-uuid', 10), []);
      await assert.rejects(store.phoneRecoveries.add({ ...first, id: randomUUID(), accountSub: randomUUID() }), 'no record of an account that does not exist');
      await assert.rejects(store.phoneRecoveries.add(first), 'one record per recovery');
      await store.sweep(at(10 * 365 * 86_400));
      assert.equal(await countRows(database.db, 'SELECT count(*)::int AS count FROM phone_recoveries'), 2);
    });
  };
}
