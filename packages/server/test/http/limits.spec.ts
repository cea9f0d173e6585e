import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PATHS } from '@dvc-kit/sdk';
import type { CarrierRegistry, ServerConfigInput, SubscriberQuery } from '../../src/index.js';
import { AN, MINH, NGOC, PASSWORD, type Citizen } from '../support/citizens.js';
import type { TestDatabase } from '../support/database.js';
import { json, registrationBody, startTestService, type TestService } from '../support/service.js';

/** A carrier register that remembers every question and finds no one. */
function countingCarrier(): CarrierRegistry & { readonly asked: SubscriberQuery[] } {
  const asked: SubscriberQuery[] = [];
  return { asked, verifySubscriber: async (query) => (asked.push(query), 'mismatch') };
}

/** A fictional citizen with a valid CCCD of 1990; no carrier knows them. */
const stranger = (i: number): Citizen => ({
  idNumber: `001090${String(i).padStart(6, '0')}`,
  fullName: 'Phạm Văn Thử',
  birthDate: '1990-01-01',
  phone: `+8497${String(i).padStart(7, '0')}`,
  nationalPhone: `097${String(i).padStart(7, '0')}`,
});

const WRONG = 'Sai-Mat-Khau-1!';
const WIDE = [{ max: 1000, windowSeconds: 600 }];

const startRegistration = (t: TestService, citizen: Citizen, address: string) =>
  t.call('POST', PATHS.registrations, { body: registrationBody(citizen), headers: { 'X-Forwarded-For': address } });
const signIn = (t: TestService, idNumber: string, password: string, address: string) =>
  t.call('POST', PATHS.signIns, { body: { idNumber, password }, headers: { 'X-Forwarded-For': address } });

function limited(config: Partial<ServerConfigInput['limits']>): Partial<ServerConfigInput> {
  return { trustProxy: true, limits: config };
}

async function assertLimited(response: Response, retryAfter: number): Promise<void> {
  assert.equal(response.status, 429);
  assert.equal(response.headers.get('Retry-After'), String(retryAfter));
  const problem = await json(response);
  assert.equal(problem.code, 'too_many_attempts');
  assert.equal(problem.retryAfter, retryAfter);
  assert.equal(problem.detail, `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${retryAfter} giây.`);
}

export function limitsSpec(db: () => TestDatabase): void {
  describe('limits per client address and per ID number', () => {
    test('twelve parallel register look-ups from one address at a limit of 4: exactly 4 reach the carrier, mismatches counted', async () => {
      const carrier = countingCarrier();
      const t = await startTestService(db(), { config: limited({ registerLookups: { perAddress: [{ max: 4, windowSeconds: 600 }], perIdNumber: WIDE } }), overrides: { carrier } });
      const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => startRegistration(t, stranger(i), '203.0.113.7')));
      const statuses = responses.map((response) => response.status);
      assert.equal(statuses.filter((status) => status === 422).length, 4);
      assert.equal(statuses.filter((status) => status === 429).length, 8);
      assert.equal(carrier.asked.length, 4, 'the carrier is asked only within the limit');
      await assertLimited(responses.find((response) => response.status === 429)!, 600);

      assert.equal((await startRegistration(t, stranger(20), '198.51.100.20')).status, 422, 'another address has its own count');
      t.clock.advance(599);
      assert.equal((await startRegistration(t, stranger(21), '203.0.113.7')).status, 429);
      t.clock.advance(1);
      assert.equal((await startRegistration(t, stranger(22), '203.0.113.7')).status, 422, 'the window slid on');
      assert.equal(carrier.asked.length, 6);
    });

    test('one ID number is looked up at most K times, from any number of addresses, in parallel too', async () => {
      const carrier = countingCarrier();
      const t = await startTestService(db(), { config: limited({ registerLookups: { perAddress: WIDE, perIdNumber: [{ max: 3, windowSeconds: 3600 }, { max: 5, windowSeconds: 86_400 }] } }), overrides: { carrier } });
      const target = stranger(7);
      const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => startRegistration(t, { ...target, fullName: `Phạm Văn Thử ${'a'.repeat(i)}`.trim() }, `198.51.100.${i}`)));
      assert.equal(responses.filter((response) => response.status === 422).length, 3);
      assert.equal(carrier.asked.length, 3);
      await assertLimited(responses.find((response) => response.status === 429)!, 3600);
      assert.equal((await startRegistration(t, stranger(8), '198.51.100.1')).status, 422, 'another ID number has its own count');

      t.clock.advance(3600);
      assert.equal((await startRegistration(t, target, '192.0.2.1')).status, 422);
      assert.equal((await startRegistration(t, target, '192.0.2.2')).status, 422);
      await assertLimited(await startRegistration(t, target, '192.0.2.3'), 86_400 - 3600);
      assert.equal(carrier.asked.filter((query) => query.idNumber === target.idNumber).length, 5);
    });

    test('look-ups that match count too: the next citizen from that address waits and gets no code', async () => {
      const t = await startTestService(db(), { config: limited({ registerLookups: { perAddress: [{ max: 2, windowSeconds: 600 }], perIdNumber: WIDE } }) });
      assert.equal((await startRegistration(t, AN, '203.0.113.9')).status, 201);
      assert.equal((await startRegistration(t, NGOC, '203.0.113.9')).status, 201);
      await assertLimited(await startRegistration(t, MINH, '203.0.113.9'), 600);
      assert.equal(await t.textsTo(MINH.phone), 0);
      assert.ok(t.logs.some((line) => line.includes('register.lookup_limited')));
      assert.ok(t.logs.every((line) => !line.includes(MINH.idNumber) && !line.includes('203.0.113.9')), 'no ID number or address in the log');
    });

    test('the default limits: 5 look-ups an hour for one ID number, 20 per 10 minutes from one address', async () => {
      const carrier = countingCarrier();
      const t = await startTestService(db(), { config: { trustProxy: true }, overrides: { carrier } });
      for (let i = 0; i < 5; i++) assert.equal((await startRegistration(t, stranger(1), `192.0.2.${i}`)).status, 422);
      await assertLimited(await startRegistration(t, stranger(1), '192.0.2.99'), 3600);
      for (let i = 0; i < 20; i++) assert.equal((await startRegistration(t, stranger(100 + i), '198.51.100.77')).status, 422);
      await assertLimited(await startRegistration(t, stranger(200), '198.51.100.77'), 600);
      assert.equal(carrier.asked.length, 25);
    });

    test('twelve parallel sign-ins on different ID numbers from one address at a limit of 5: exactly 5 have their password checked', async () => {
      const t = await startTestService(db(), { config: limited({ signInAttempts: { perAddress: [{ max: 5, windowSeconds: 600 }] } }) });
      await t.register(AN);
      const ids = [AN.idNumber, ...Array.from({ length: 11 }, (_, i) => stranger(i).idNumber)];
      const responses = await Promise.all(ids.map((idNumber) => signIn(t, idNumber, WRONG, '203.0.113.7')));
      const statuses = responses.map((response) => response.status);
      assert.equal(statuses.filter((status) => status === 401).length, 5);
      assert.equal(statuses.filter((status) => status === 429).length, 7);
      await assertLimited(responses.find((response) => response.status === 429)!, 600);

      // Once limited, a known and an unknown ID number get the same answer, even with the right password.
      const known = await signIn(t, AN.idNumber, PASSWORD, '203.0.113.7');
      const unknown = await signIn(t, stranger(50).idNumber, PASSWORD, '203.0.113.7');
      assert.equal(known.status, 429);
      assert.deepEqual(await json(known), await json(unknown));
      assert.equal((await signIn(t, stranger(51).idNumber, WRONG, '198.51.100.5')).status, 401, 'another address is not slowed');
      t.clock.advance(600);
      assert.equal((await signIn(t, AN.idNumber, PASSWORD, '203.0.113.7')).status, 200);
    });

    test('a correct password gives its attempt back, so the address limit counts failures', async () => {
      const t = await startTestService(db(), { config: limited({ signInAttempts: { perAddress: [{ max: 2, windowSeconds: 600 }] } }) });
      await t.register(AN);
      t.clock.advance(60);
      assert.equal((await signIn(t, AN.idNumber, PASSWORD, '203.0.113.8')).status, 200);
      assert.equal((await signIn(t, NGOC.idNumber, WRONG, '203.0.113.8')).status, 401);
      assert.equal((await signIn(t, MINH.idNumber, WRONG, '203.0.113.8')).status, 401);
      await assertLimited(await signIn(t, stranger(3).idNumber, WRONG, '203.0.113.8'), 600);
      assert.ok(t.logs.some((line) => line.includes('sign_in.address_limited')));
    });

    test('the per-ID-number slow-down still holds under the address limit', async () => {
      const t = await startTestService(db(), { config: { trustProxy: true } });
      for (let i = 0; i < 5; i++) assert.equal((await signIn(t, NGOC.idNumber, WRONG, `192.0.2.${i}`)).status, 401);
      const slowed = await signIn(t, NGOC.idNumber, WRONG, '192.0.2.200');
      assert.equal(slowed.status, 429);
      assert.equal(slowed.headers.get('Retry-After'), '60');
    });

    test('the sweep forgets look-up and sign-in counts only after their longest window', async () => {
      const t = await startTestService(db(), { config: limited({ registerLookups: { perAddress: [{ max: 1, windowSeconds: 86_400 }], perIdNumber: WIDE } }), overrides: { carrier: countingCarrier() } });
      assert.equal((await startRegistration(t, stranger(1), '203.0.113.1')).status, 422);
      t.clock.advance(7200);
      await t.service.store.sweep(t.clock.now());
      await assertLimited(await startRegistration(t, stranger(2), '203.0.113.1'), 86_400 - 7200);
      t.clock.advance(86_400 - 7200);
      const report = await t.service.store.sweep(t.clock.now());
      assert.ok((report.removed.rate_limit_events ?? 0) >= 1);
      assert.equal((await startRegistration(t, stranger(3), '203.0.113.1')).status, 422);
    });
  });
}
