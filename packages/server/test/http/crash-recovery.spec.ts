import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS, solveHumanCheck, type HumanCheckChallenge } from '@dvc-kit/sdk';
import { createStore, OutboxSms, PasswordHasher, type SmsGateway, type SmsMessage } from '../../src/index.js';
import { AN, NGOC, PASSWORD } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { json, registrationBody, startTestService } from '../support/service.js';

const LEASE = 30;

/** A step that stops forever (as if its process died there) while `stuck` is set, and says when it got there. */
class Stall {
  stuck = true;
  #reached: () => void = () => {};
  #release: () => void = () => {};
  readonly reached = new Promise<void>((resolve) => {
    this.#reached = resolve;
  });
  /** Where the work stops; resolves only when {@link resume} is called. */
  hold(): Promise<void> {
    this.#reached();
    return new Promise((resolve) => {
      this.#release = resolve;
    });
  }
  /** Lets a stalled (slow, not dead) request go on. */
  resume(): void {
    this.#release();
  }
}

/** The development outbox behind a gateway that stalls while told to: the request dies after its flow is stored. */
function stallingSms(database: TestDatabase, stall: Stall): { sms: SmsGateway; outbox: OutboxSms } {
  const outbox = new OutboxSms(createStore(database.db).smsOutbox, () => new Date());
  return {
    outbox,
    sms: {
      async send(message: SmsMessage) {
        if (stall.stuck) await stall.hold();
        await outbox.send(message);
      },
    },
  };
}

/** argon2id that stalls while told to: the password step dies before anything is committed. */
class StallingHasher extends PasswordHasher {
  constructor(readonly stall: Stall) {
    super({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  }
  override async hash(password: string): Promise<string> {
    if (this.stall.stuck) await this.stall.hold();
    return super.hash(password);
  }
}

async function latestCode(outbox: OutboxSms, phone: string): Promise<string> {
  const [latest] = await outbox.messages({ to: phone });
  const code = /\b(\d{6})\b/.exec(latest?.text ?? '')?.[1];
  if (!code) throw new Error(`No code texted to ${phone}`);
  return code;
}

/** A crash in the middle of a request never strands the citizen who retries it with the same Idempotency-Key. */
export function crashRecoverySpec(db: () => TestDatabase): void {
  describe('a request that died holding its Idempotency-Key', () => {
    const config = { idempotency: { leaseSeconds: LEASE } };
    const password = { password: PASSWORD, passwordConfirmation: PASSWORD };

    test('a registration start that died after storing its flow is taken over after the lease, and the citizen completes', async () => {
      const stall = new Stall();
      const { sms, outbox } = stallingSms(db(), stall);
      const before = await startTestService(db(), { config, overrides: { sms } });
      const headers = { 'Idempotency-Key': 'start-crash' };
      void before.call('POST', PATHS.registrations, { body: registrationBody(AN), headers });
      await stall.reached;
      stall.stuck = false;
      const after = await before.restart();
      after.clock.advance(LEASE);

      const retry = await after.call('POST', PATHS.registrations, { body: registrationBody(AN), headers });
      assert.equal(retry.status, 201);
      const { registrationId } = await json(retry);
      const replay = await after.call('POST', PATHS.registrations, { body: registrationBody(AN), headers });
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
      assert.equal((await json(replay)).registrationId, registrationId);

      const verified = await after.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await latestCode(outbox, AN.phone) } });
      assert.equal(verified.status, 200);
      const done = await after.call('POST', PATHS.registrationPassword(registrationId), { body: password, headers: { 'Idempotency-Key': 'pw' } });
      assert.equal(done.status, 201);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM accounts'), 1);
    });

    test('a password step that died before committing is taken over after the lease: one account, and every repeat replays it', async () => {
      const stall = new Stall();
      stall.stuck = false;
      const before = await startTestService(db(), { config, overrides: { passwords: new StallingHasher(stall) } });
      const registrationId = await before.startRegistration(NGOC);
      assert.equal((await before.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await before.latestCode(NGOC.phone) } })).status, 200);
      stall.stuck = true;
      const headers = { 'Idempotency-Key': 'pw-crash' };
      void before.call('POST', PATHS.registrationPassword(registrationId), { body: password, headers });
      await stall.reached;
      stall.stuck = false;
      const after = await before.restart();

      after.clock.advance(LEASE);
      const retry = await after.call('POST', PATHS.registrationPassword(registrationId), { body: password, headers });
      assert.equal(retry.status, 201);
      const account = (await json(retry)).account as Record<string, unknown>;
      assert.equal(account.fullName, NGOC.fullName);
      after.clock.advance(LEASE);
      const replay = await after.call('POST', PATHS.registrationPassword(registrationId), { body: password, headers });
      assert.equal(replay.status, 201);
      assert.deepEqual((await json(replay)).account, account);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM accounts'), 1);
      assert.equal(await countRows(db().db, `SELECT count(*)::int AS count FROM idempotency_keys WHERE status IS NULL`), 0, 'no reservation is left hanging');
      const signedIn = await after.signIn(NGOC);
      assert.equal(signedIn.account.sub, account.sub);
    });

    test('a slow request whose key a retry took over gets the retry’s answer: one account, one answer', async () => {
      const stall = new Stall();
      stall.stuck = false;
      const t = await startTestService(db(), { config, overrides: { passwords: new StallingHasher(stall) } });
      const registrationId = await t.startRegistration(AN);
      await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(AN.phone) } });
      stall.stuck = true;
      const headers = { 'Idempotency-Key': 'pw-slow' };
      const slow = t.call('POST', PATHS.registrationPassword(registrationId), { body: password, headers });
      await stall.reached;
      stall.stuck = false;
      t.clock.advance(LEASE);
      const retry = await t.call('POST', PATHS.registrationPassword(registrationId), { body: password, headers });
      assert.equal(retry.status, 201);
      stall.resume();
      const late = await slow;
      assert.equal(late.status, 201);
      assert.deepEqual(await json(late), await json(retry));
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM accounts'), 1);
    });

    test('a code check sent with an Idempotency-Key stores its answer with the flow’s move: a repeat replays it, the code still counts once', async () => {
      const t = await startTestService(db());
      const registrationId = await t.startRegistration(AN);
      const code = await t.latestCode(AN.phone);
      const headers = { 'Idempotency-Key': 'verify-1' };
      const first = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code }, headers });
      const again = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code }, headers });
      assert.deepEqual([first.status, again.status], [200, 200]);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await json(again), await json(first));
      const otherKey = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code }, headers: { 'Idempotency-Key': 'verify-2' } });
      assert.equal((await json(otherKey)).code, 'flow_step', 'the spent code moves no flow again');
      assert.equal((await t.call('POST', PATHS.registrationPassword(registrationId), { body: password })).status, 201);
    });

    test('the retry of a registration start that died after spending its human check is not refused for that check', async () => {
      const stall = new Stall();
      const { sms } = stallingSms(db(), stall);
      const before = await startTestService(db(), { config: { ...config, humanCheck: { required: true, maxNumber: 500 } }, overrides: { sms } });
      const puzzle = (await json(await before.call('GET', PATHS.humanCheckChallenge))) as HumanCheckChallenge;
      const body = registrationBody(AN, { humanCheck: await solveHumanCheck(puzzle) });
      const headers = { 'Idempotency-Key': 'hc-crash' };
      void before.call('POST', PATHS.registrations, { body, headers });
      await stall.reached;
      stall.stuck = false;
      const after = await before.restart();
      after.clock.advance(LEASE);
      assert.equal((await after.call('POST', PATHS.registrations, { body, headers })).status, 201);
      const reused = await after.call('POST', PATHS.registrations, { body: registrationBody(NGOC, { humanCheck: body.humanCheck }), headers: { 'Idempotency-Key': 'hc-other' } });
      assert.equal((await json(reused)).code, 'human_check_failed', 'the spent check still counts once for any other request');
    });
  });
}
