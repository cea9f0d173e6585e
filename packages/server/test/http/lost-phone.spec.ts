import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { PATHS } from '@dvc-kit/sdk';
import { PhoneRecoveryStartedSchema } from '@dvc-kit/sdk/contract';
import {
  SandboxCarrierRegistry,
  SandboxSocialInsuranceRegistry,
  type CarrierRegistry,
  type InsuredPersonQuery,
  type ServerConfigInput,
  type SmsGateway,
  type SocialInsuranceRegistry,
  type SubscriberQuery,
} from '../../src/index.js';
import { AN, CITIZENS, MINH, NGOC, PASSWORD, type Citizen } from '../support/citizens.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { containsToken } from '../support/log-scan.js';
import { json, PROVINCE, registrationBody, startTestService, type TestService } from '../support/service.js';

/** The fixture's BHXH code of a citizen. */
const bhxhOf = (citizen: Citizen): string => (CITIZENS.find((c) => c.idNumber === citizen.idNumber) as Citizen & { bhxhCode: string }).bhxhCode;

/** The phone declared at registration by social insurance — the one the citizen later loses. */
const LOST = { national: '0987654321', e164: '+84987654321' } as const;

const WIDE = [{ max: 1000, windowSeconds: 600 }];
const OFFERED: Partial<ServerConfigInput> = { registrationMethods: ['mobile', 'bhxh'], registries: { socialInsurance: { driver: 'sandbox' } } };

/** The registers of the sandbox, counting every question asked of them. */
async function countingRegisters(): Promise<{ carrier: CarrierRegistry; socialInsurance: SocialInsuranceRegistry; asked: { carrier: SubscriberQuery[]; socialInsurance: InsuredPersonQuery[] } }> {
  const [carrier, insurance] = [await SandboxCarrierRegistry.fromFile(), await SandboxSocialInsuranceRegistry.fromFile()];
  const asked = { carrier: [] as SubscriberQuery[], socialInsurance: [] as InsuredPersonQuery[] };
  return {
    asked,
    carrier: { verifySubscriber: async (query) => (asked.carrier.push(query), carrier.verifySubscriber(query)) },
    socialInsurance: { verifyInsuredPerson: async (query) => (asked.socialInsurance.push(query), insurance.verifyInsuredPerson(query)) },
  };
}

/** The consent text in force in these tests (the configuration's default). */
const CONSENT = '2025-01';

/** What a citizen who lost the phone types: the account's details, a new phone, and the consent to their processing. */
function lostPhoneBody(citizen: Citizen, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { idNumber: citizen.idNumber, bhxhCode: bhxhOf(citizen), fullName: citizen.fullName, birthDate: citizen.birthDate, phone: citizen.nationalPhone, consentVersion: CONSENT, ...extra };
}

const start = (t: TestService, body: Record<string, unknown>, options: { address?: string; lang?: string } = {}) =>
  t.call('POST', PATHS.phoneRecoveries, { body, ...(options.lang ? { lang: options.lang } : {}), headers: options.address ? { 'X-Forwarded-For': options.address } : {} });

/** Registers a citizen by social insurance with the phone {@link LOST}: the account keeps the BHXH code. */
async function registerByBhxh(t: TestService, citizen: Citizen, consentVersion = CONSENT): Promise<void> {
  const started = await t.call('POST', PATHS.registrations, { body: registrationBody(citizen, { method: 'bhxh', bhxhCode: bhxhOf(citizen), phone: LOST.national, consentVersion }) });
  assert.equal(started.status, 201, await started.clone().text());
  const { registrationId } = await json(started);
  const verified = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(LOST.e164) } });
  assert.equal(verified.status, 200);
  const done = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
  assert.equal(done.status, 201);
}

/** Signs in with the codes going to `phone`; returns the tokens. */
async function signInVia(t: TestService, citizen: Citizen, phone: string, client?: string): Promise<Record<string, string | number>> {
  const response = await t.call('POST', PATHS.signIns, { ...(client ? { client } : {}), body: { idNumber: citizen.idNumber, password: PASSWORD } });
  assert.equal(response.status, 200, await response.clone().text());
  const { signInId } = await json(response);
  const verified = await t.call('POST', PATHS.signInVerify(signInId), { ...(client ? { client } : {}), body: { code: await t.latestCode(phone) } });
  assert.equal(verified.status, 200);
  return (await json(verified)).tokens;
}

/** Everything of an answer that may be compared across cases: status, headers that matter, the whole body. */
async function answerOf(response: Response): Promise<unknown> {
  return { status: response.status, type: response.headers.get('Content-Type'), retryAfter: response.headers.get('Retry-After'), body: await json(response) };
}

async function waitFor(check: () => Promise<boolean> | boolean): Promise<void> {
  for (let turn = 0; turn < 400 && !(await check()); turn++) await new Promise((resolve) => setTimeout(resolve, 5));
}

export function lostPhoneSpec(db: () => TestDatabase): void {
  describe('lost phone, self-service ("Mất số điện thoại nhận OTP")', () => {
    test('BHXH details matched afresh + the carrier’s match of the new phone → code to the new phone → phone replaced, every session ended, notice to the old number', async () => {
      const t = await startTestService(db(), { config: OFFERED });
      const config = await json(await t.call('GET', PATHS.config));
      assert.equal(config.lostPhoneRecovery, true);
      await registerByBhxh(t, AN);
      t.clock.advance(61);
      const here = await signInVia(t, AN, LOST.e164);
      t.clock.advance(61);
      const elsewhere = await signInVia(t, AN, LOST.e164, PROVINCE.id);
      t.clock.advance(61);

      const started = await start(t, lostPhoneBody(AN));
      assert.equal(started.status, 201, await started.clone().text());
      const body = await json(started);
      assert.ok(PhoneRecoveryStartedSchema.safeParse(body).success);
      assert.equal(body.otp.maskedPhone, '097****398', 'the code goes to the new phone');
      const wrong = await t.call('POST', PATHS.phoneRecoveryVerify(body.phoneRecoveryId), { body: { code: '000000' } });
      assert.equal((await json(wrong)).code, 'otp_invalid');
      const done = await t.call('POST', PATHS.phoneRecoveryVerify(body.phoneRecoveryId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(done.status, 200);
      assert.deepEqual(await json(done), { next: 'sign_in', sessionsEnded: 2 });

      for (const [tokens, client] of [[here, undefined], [elsewhere, PROVINCE.id]] as const) {
        const refreshed = await t.call('POST', PATHS.refresh, { body: { refreshToken: tokens.refreshToken }, ...(client ? { client } : {}) });
        assert.equal(refreshed.status, 401, 'the old sessions are refused');
      }
      await waitFor(async () => (await t.textsTo(LOST.e164)) >= 4);
      const [notice] = await t.service.outbox!.messages({ to: LOST.e164 });
      assert.match(String(notice?.text), /097\*\*\*\*398/, 'the old number is told, the new one masked');
      t.clock.advance(61);
      await signInVia(t, AN, AN.phone);
      const again = await t.call('POST', PATHS.phoneRecoveryVerify(body.phoneRecoveryId), { body: { code: '123456' } });
      assert.equal((await json(again)).code, 'flow_step', 'a completed recovery takes no more codes');
      for (const line of t.logs) {
        for (const secret of [AN.idNumber, AN.phone, AN.nationalPhone, LOST.e164, LOST.national, bhxhOf(AN), PASSWORD]) {
          assert.ok(!containsToken(line, secret), `no personal data in ${line}`);
        }
      }
    });

    test('the consent is recorded with the recovery: the version in force, when the citizen agreed, the portal — in the transaction that replaces the phone', async () => {
      const t = await startTestService(db(), { config: { ...OFFERED, consentVersion: '2026-02' } });
      assert.equal((await json(await t.call('GET', PATHS.config))).consentVersion, '2026-02');
      await registerByBhxh(t, AN, '2026-02');
      t.clock.advance(61);
      const agreedAt = t.clock.now();
      const started = await start(t, lostPhoneBody(AN, { consentVersion: '2026-02' }));
      assert.equal(started.status, 201, await started.clone().text());
      const { phoneRecoveryId } = await json(started);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM phone_recoveries'), 0, 'nothing recorded before the phone is replaced');
      t.clock.advance(30);
      const done = await t.call('POST', PATHS.phoneRecoveryVerify(phoneRecoveryId), { client: PROVINCE.id, body: { code: await t.latestCode(AN.phone) } });
      assert.equal(done.status, 404, 'a recovery is bound to the portal that started it');
      const completed = await t.call('POST', PATHS.phoneRecoveryVerify(phoneRecoveryId), { body: { code: await t.latestCode(AN.phone) } });
      assert.equal(completed.status, 200);
      const account = await t.service.store.accounts.findByIdNumber(AN.idNumber);
      assert.equal(account?.phone, AN.phone);
      const recorded = await t.service.store.phoneRecoveries.forAccount(account!.sub, 10);
      assert.deepEqual(recorded, [
        { id: phoneRecoveryId, accountSub: account!.sub, clientId: 'ministry-portal', consentVersion: '2026-02', consentAt: agreedAt, completedAt: t.clock.now() },
      ]);
      const rows = JSON.stringify(await db().db.query('SELECT * FROM phone_recoveries'));
      for (const secret of [AN.idNumber, AN.phone, AN.nationalPhone, LOST.e164, bhxhOf(AN)]) assert.ok(!rows.includes(secret), 'no personal data beside the account');
    });

    test('a missing or stale consent version is refused on consentVersion (vi and en) before the human check, a register or a limit is touched; nothing stored', async () => {
      const registers = await countingRegisters();
      const t = await startTestService(db(), {
        config: { ...OFFERED, consentVersion: '2026-02', humanCheck: { required: true }, limits: { registerLookups: { perAddress: WIDE, perIdNumber: [{ max: 1, windowSeconds: 3600 }] } } },
        overrides: { carrier: registers.carrier, socialInsurance: registers.socialInsurance },
      });
      const { consentVersion: _agreed, ...withoutConsent } = lostPhoneBody(AN);
      const cases: [string, Record<string, unknown>, string][] = [
        ['missing', withoutConsent, 'required'],
        ['empty', lostPhoneBody(AN, { consentVersion: '' }), 'consent_required'],
        ['stale (the version before the one in force)', lostPhoneBody(AN, { consentVersion: CONSENT }), 'consent_required'],
        ['unknown', lostPhoneBody(AN, { consentVersion: '2099-12' }), 'consent_required'],
      ];
      for (const [label, body, rule] of cases) {
        for (const lang of ['vi', 'en'] as const) {
          const response = await start(t, body, { lang });
          assert.equal(response.status, 400, label);
          assert.match(String(response.headers.get('Content-Type')), /application\/problem\+json/);
          const problem = await json(response);
          assert.equal(problem.code, 'validation_failed', label);
          assert.deepEqual(problem.errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['consentVersion', rule]], label);
          if (rule === 'consent_required') {
            assert.match(problem.errors[0].message, lang === 'vi' ? /đồng ý với điều khoản xử lý dữ liệu cá nhân/ : /agree to the personal data processing terms/, `${label} (${lang})`);
          }
        }
      }
      assert.equal(registers.asked.carrier.length + registers.asked.socialInsurance.length, 0, 'no register asked');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), 0);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM rate_limit_events'), 0, 'no look-up counted');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM human_checks_used'), 0, 'no human check spent');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM phone_recoveries'), 0);
    });

    test('no account, an account without a BHXH code and every mismatch answer alike, after the same questions to the registers, and store nothing', async () => {
      const registers = await countingRegisters();
      const t = await startTestService(db(), {
        config: { ...OFFERED, limits: { registerLookups: { perAddress: WIDE, perIdNumber: WIDE } } },
        overrides: { carrier: registers.carrier, socialInsurance: registers.socialInsurance },
      });
      await registerByBhxh(t, AN);
      t.clock.advance(61);
      await t.register(MINH);
      const [flowsBefore, textsBefore] = [await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), await countRows(db().db, 'SELECT count(*)::int AS count FROM sms_outbox')];
      registers.asked.carrier.length = 0;
      registers.asked.socialInsurance.length = 0;
      const cases: [string, Record<string, unknown>][] = [
        ['an ID number without an account (every register says yes)', lostPhoneBody(NGOC)],
        ['an account registered without a BHXH code (every register says yes)', lostPhoneBody(MINH)],
        ['another BHXH code', lostPhoneBody(AN, { bhxhCode: bhxhOf(NGOC) })],
        ['another name', lostPhoneBody(AN, { fullName: 'Nguyễn Văn Ân' })],
        ['another birth date', lostPhoneBody(AN, { birthDate: '1990-09-06' })],
        ['a new phone the carrier has in someone else’s name', lostPhoneBody(AN, { phone: NGOC.nationalPhone })],
      ];
      const answers: unknown[] = [];
      for (const [label, body] of cases) {
        const [carrierBefore, insuranceBefore] = [registers.asked.carrier.length, registers.asked.socialInsurance.length];
        const response = await start(t, body, { lang: 'en' });
        answers.push(await answerOf(response));
        assert.equal(registers.asked.carrier.length - carrierBefore, 1, `the carrier asked once: ${label}`);
        assert.equal(registers.asked.socialInsurance.length - insuranceBefore, 1, `the social-insurance register asked once: ${label}`);
      }
      for (const [index, answer] of answers.entries()) assert.deepEqual(answer, answers[0], `${cases[index]![0]} answers as the others`);
      const first = answers[0] as { status: number; body: Record<string, string> };
      assert.equal(first.status, 422);
      assert.equal(first.body.code, 'phone_recovery_unconfirmed');
      assert.match(first.body.detail!, /one-stop counter/);
      const vi = await json(await start(t, lostPhoneBody(NGOC)));
      assert.match(vi.detail, /bộ phận một cửa/);
      assert.match(vi.detail, /Căn cước/);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), flowsBefore, 'no flow');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM sms_outbox'), textsBefore, 'no text');
    });

    test('register look-ups are counted per ID number before asking, mismatches included: parallel starts stop at the limit, the same with or without an account', async () => {
      const registers = await countingRegisters();
      const t = await startTestService(db(), {
        config: { ...OFFERED, trustProxy: true, limits: { registerLookups: { perAddress: WIDE, perIdNumber: [{ max: 5, windowSeconds: 3600 }] } } },
        overrides: { carrier: registers.carrier, socialInsurance: registers.socialInsurance },
      });
      await registerByBhxh(t, AN);
      t.clock.advance(3601); // the registration's own look-up is forgotten
      registers.asked.socialInsurance.length = 0;
      const burst = async (citizen: Citizen) => {
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) => start(t, lostPhoneBody(citizen, { birthDate: '1990-01-01' }), { address: `198.51.100.${i}` })),
        );
        const refused = responses.find((response) => response.status === 429);
        return {
          statuses: responses.map((response) => response.status).sort(),
          retryAfter: Number(refused?.headers.get('Retry-After')),
          codes: [...new Set(await Promise.all(responses.map(async (response) => (await json(response)).code)))].sort(),
        };
      };
      const known = await burst(AN);
      assert.equal(registers.asked.socialInsurance.length, 5, 'only the five counted look-ups reached the register');
      const unknown = await burst(NGOC);
      assert.deepEqual(known.statuses, [...Array(5).fill(422), ...Array(5).fill(429)]);
      assert.deepEqual(unknown, known);
      assert.deepEqual(known.codes, ['phone_recovery_unconfirmed', 'too_many_attempts']);
      assert.ok(known.retryAfter >= 1 && known.retryAfter <= 3600);
      assert.equal(registers.asked.socialInsurance.length, 10);
    });

    test('per client address too: parallel starts across ID numbers from one address stop at its limit', async () => {
      const registers = await countingRegisters();
      const t = await startTestService(db(), {
        config: { ...OFFERED, trustProxy: true, limits: { registerLookups: { perAddress: [{ max: 4, windowSeconds: 600 }], perIdNumber: WIDE } } },
        overrides: { carrier: registers.carrier, socialInsurance: registers.socialInsurance },
      });
      const responses = await Promise.all(CITIZENS.slice(0, 8).map((citizen) => start(t, lostPhoneBody(citizen), { address: '203.0.113.7' })));
      assert.deepEqual(responses.map((response) => response.status).sort(), [...Array(4).fill(422), ...Array(4).fill(429)]);
      assert.equal(registers.asked.carrier.length, 4);
    });

    test('a register that cannot answer is 503 registry_unavailable after both were asked; nothing stored', async () => {
      const insurance = await SandboxSocialInsuranceRegistry.fromFile();
      let carrierAsked = 0;
      const t = await startTestService(db(), {
        config: OFFERED,
        overrides: {
          socialInsurance: insurance,
          carrier: { verifySubscriber: async () => { carrierAsked++; throw new Error('down'); } },
        },
      });
      const response = await start(t, lostPhoneBody(NGOC));
      assert.equal(response.status, 503);
      assert.equal((await json(response)).code, 'registry_unavailable');
      assert.equal(carrierAsked, 1);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), 0);
    });

    test('the human check is spent before any register is asked', async () => {
      const registers = await countingRegisters();
      const t = await startTestService(db(), { config: { ...OFFERED, humanCheck: { required: true } }, overrides: { carrier: registers.carrier, socialInsurance: registers.socialInsurance } });
      const refused = await start(t, lostPhoneBody(AN));
      assert.equal(refused.status, 400);
      assert.equal((await json(refused)).code, 'human_check_failed');
      assert.equal(registers.asked.carrier.length + registers.asked.socialInsurance.length, 0);
    });

    test('without a social-insurance register (production) the way is not offered: config says so and the endpoint is 404', async () => {
      const sms: SmsGateway = { async send() {} };
      const t = await startTestService(db(), {
        config: {
          mode: 'production',
          issuer: 'https://id.dvc.test',
          sms: { driver: 'http', url: 'https://sms.dvc.test/send', token: 'sms-token' },
          registries: { carrier: { driver: 'http', url: 'https://carrier.dvc.test/verify', token: 'carrier-token' } },
          secrets: { keyEncryptionKey: randomBytes(32).toString('base64url') },
        },
        overrides: { sms, carrier: await SandboxCarrierRegistry.fromFile() },
      });
      assert.equal((await json(await t.call('GET', PATHS.config))).lostPhoneRecovery, false);
      const response = await start(t, lostPhoneBody(AN));
      assert.equal(response.status, 404);
      assert.equal((await json(response)).code, 'not_found');
    });

    test('generated bad input is a problem naming field and rule, never a 5xx, asks no register and stores nothing', async () => {
      const registers = await countingRegisters();
      const t = await startTestService(db(), {
        config: { ...OFFERED, limits: { registerLookups: { perAddress: WIDE, perIdNumber: WIDE } } },
        overrides: { carrier: registers.carrier, socialInsurance: registers.socialInsurance },
      });
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const good = lostPhoneBody(AN) as Record<string, string>;
      const field = (value: string) => fc.oneof({ weight: 3, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: anything });
      const body = fc.record(
        {
          idNumber: field(good.idNumber!),
          bhxhCode: fc.oneof(anything, fc.stringMatching(/^[0-9 .-]{0,9}$/), fc.stringMatching(/^\d{11,14}$/)),
          fullName: field(good.fullName!),
          birthDate: field(good.birthDate!),
          phone: field(good.phone!),
          consentVersion: field(good.consentVersion!),
          humanCheck: fc.oneof(fc.constant(undefined), anything),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(body, async (candidate) => {
          const response = await start(t, candidate as Record<string, unknown>);
          assert.equal(response.status, 400, `status ${response.status} for ${JSON.stringify(candidate)}`);
          const problem = await json(response);
          assert.equal(problem.code, 'validation_failed');
          assert.ok(problem.errors.every((error: { field: string; code: string; message: string }) => error.field && error.code && error.message));
        }),
        { numRuns: 60 },
      );
      assert.equal(registers.asked.carrier.length + registers.asked.socialInsurance.length, 0);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), 0);
    });

    test('a generated consent version with every other detail right: anything but the version in force is refused on consentVersion alone, never a 5xx, asks no register', async () => {
      const registers = await countingRegisters();
      const t = await startTestService(db(), {
        config: { ...OFFERED, limits: { registerLookups: { perAddress: WIDE, perIdNumber: WIDE } } },
        overrides: { carrier: registers.carrier, socialInsurance: registers.socialInsurance },
      });
      const version = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.stringMatching(/^20[0-9]{2}-[0-9]{2}$/),
        fc.constantFrom(` ${CONSENT}`, `${CONSENT} `, CONSENT.toUpperCase() + '\u200b', '2025-1', '2025-01\n'),
        fc.integer(),
        fc.constant(null),
        fc.boolean(),
        fc.array(fc.constant(CONSENT), { maxLength: 2 }),
        fc.object({ maxDepth: 1 }),
      ).filter((value) => value !== CONSENT);
      await fc.assert(
        fc.asyncProperty(version, async (consentVersion) => {
          const response = await start(t, lostPhoneBody(NGOC, { consentVersion }));
          assert.equal(response.status, 400, `status ${response.status} for ${JSON.stringify(consentVersion)}`);
          const problem = await json(response);
          assert.equal(problem.code, 'validation_failed');
          assert.deepEqual(problem.errors.map((error: { field: string }) => error.field), ['consentVersion']);
          assert.ok(problem.errors[0].code && problem.errors[0].message);
        }),
        { numRuns: 60 },
      );
      assert.equal(registers.asked.carrier.length + registers.asked.socialInsurance.length, 0);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), 0);
    });
  });
}
