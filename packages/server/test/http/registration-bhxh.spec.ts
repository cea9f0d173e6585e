import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { PATHS } from '@dvc-kit/sdk';
import {
  ConfigError,
  createService,
  loadConfig,
  RegistryUnavailableError,
  type CarrierRegistry,
  type InsuredPersonQuery,
  type ServerConfigInput,
  type SocialInsuranceRegistry,
  type SubscriberQuery,
} from '../../src/index.js';
import { AN, CITIZENS, NGOC, PASSWORD, type Citizen } from '../support/citizens.js';
import { configProblems } from '../support/config-problems.js';
import { countRows, type TestDatabase } from '../support/database.js';
import { containsToken } from '../support/log-scan.js';
import { json, MINISTRY, PROVINCE, registrationBody, startTestService, type TestService } from '../support/service.js';

/** The fixture's BHXH code of a citizen. */
const bhxhOf = (citizen: Citizen): string => (CITIZENS.find((c) => c.idNumber === citizen.idNumber) as Citizen & { bhxhCode: string }).bhxhCode;

/** A phone of the citizen's own choosing, not the one the carrier fixture holds: the code goes here. */
const DECLARED = { national: '0987654321', e164: '+84987654321' } as const;

/** The body a portal sends to register a citizen by social insurance. */
function bhxhBody(citizen: Citizen, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return registrationBody(citizen, { method: 'bhxh', bhxhCode: bhxhOf(citizen), phone: DECLARED.national, ...extra });
}

/** The service offers social insurance beside mobile subscriber, over the sandbox register. */
const OFFERED: Partial<ServerConfigInput> = { registrationMethods: ['mobile', 'bhxh'], registries: { socialInsurance: { driver: 'sandbox' } } };
const WIDE = [{ max: 1000, windowSeconds: 600 }];

/** A register that remembers every question and finds no one. */
function countingRegisters(): { carrier: CarrierRegistry; socialInsurance: SocialInsuranceRegistry; asked: (SubscriberQuery | InsuredPersonQuery)[] } {
  const asked: (SubscriberQuery | InsuredPersonQuery)[] = [];
  return {
    asked,
    carrier: { verifySubscriber: async (query) => (asked.push(query), 'mismatch') },
    socialInsurance: { verifyInsuredPerson: async (query) => (asked.push(query), 'mismatch') },
  };
}

const start = (t: TestService, body: Record<string, unknown>, options: { address?: string; client?: string; lang?: string; headers?: Record<string, string> } = {}) =>
  t.call('POST', PATHS.registrations, {
    body,
    ...(options.client ? { client: options.client } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    headers: { ...(options.address ? { 'X-Forwarded-For': options.address } : {}), ...options.headers },
  });

const nothingStored = async (database: TestDatabase) => {
  assert.equal(await countRows(database.db, 'SELECT count(*)::int AS count FROM flows'), 0, 'no flow');
  assert.equal(await countRows(database.db, 'SELECT count(*)::int AS count FROM accounts'), 0, 'no account');
  assert.equal(await countRows(database.db, 'SELECT count(*)::int AS count FROM sms_outbox'), 0, 'no text');
};

export function registrationBhxhSpec(db: () => TestDatabase): void {
  describe('registration by social insurance (bhxh)', () => {
    test('a match with the social-insurance register sends the code to the declared phone; code and password make an IAL2 account verified by bhxh that keeps its BHXH code', async () => {
      const t = await startTestService(db(), { config: OFFERED });
      const config = await json(await t.call('GET', PATHS.config));
      assert.deepEqual(config.registrationMethods, ['mobile', 'bhxh']);
      const citizen = config.subjectTypes.find((choice: { subjectType: string }) => choice.subjectType === 'citizen');
      assert.deepEqual(citizen.methods.find((choice: { method: string }) => choice.method === 'bhxh'), { method: 'bhxh', ial: 2, available: true });

      const started = await start(t, bhxhBody(NGOC, { bhxhCode: '79 0123 4567' }));
      assert.equal(started.status, 201, await started.clone().text());
      const { registrationId, otp } = await json(started);
      assert.equal(otp.maskedPhone, '098****321');
      assert.equal(await t.textsTo(NGOC.phone), 0, 'nothing goes to the phone the carrier knows');
      const verified = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(DECLARED.e164) } });
      assert.equal(verified.status, 200);
      const completed = await t.call('POST', PATHS.registrationPassword(registrationId), { body: { password: PASSWORD, passwordConfirmation: PASSWORD } });
      assert.equal(completed.status, 201);
      const { account } = await json(completed);
      assert.equal(account.verificationMethod, 'bhxh');
      assert.equal(account.ial, 2);
      assert.equal(account.fullName, NGOC.fullName);
      assert.equal('bhxhCode' in account, false, 'the code is kept, not shown');
      const [row] = await db().db.query<{ bhxh_code: string; verification_method: string; ial: number; phone: string }>(
        'SELECT bhxh_code, verification_method, ial, phone FROM accounts WHERE id_number = $1',
        [NGOC.idNumber],
      );
      assert.deepEqual({ ...row }, { bhxh_code: bhxhOf(NGOC), verification_method: 'bhxh', ial: 2, phone: DECLARED.e164 });

      // Sign-in codes go to the phone registered by social insurance; the tokens carry the account's level.
      const signInId = await t.startSignIn(NGOC);
      const signedIn = await t.call('POST', PATHS.signInVerify(signInId), { body: { code: await t.latestCode(DECLARED.e164) } });
      assert.equal(signedIn.status, 200);
      const { tokens } = await json(signedIn);
      const userinfo = await json(await t.call('GET', PATHS.userinfo, { headers: { Authorization: `Bearer ${tokens.accessToken}` } }));
      assert.equal(userinfo.verificationMethod, 'bhxh');
      assert.equal(userinfo.ial, 2);
      assert.equal(userinfo.hasBhxhCode, true, 'the account keeps its BHXH code');
      assert.ok(!JSON.stringify(userinfo).includes(bhxhOf(NGOC)), 'but userinfo never shows it');

      const logs = t.logs.join('\n');
      for (const secret of [bhxhOf(NGOC), NGOC.idNumber, DECLARED.e164, DECLARED.national]) assert.ok(!containsToken(logs, secret), `log holds ${secret}`);
    });

    test('each declared detail that differs from the register is 422 bhxh_mismatch in the portal\'s words, vi and en, and no code is sent', async () => {
      const t = await startTestService(db(), { config: { ...OFFERED, limits: { registerLookups: { perAddress: WIDE, perIdNumber: WIDE } } } });
      const wrong: Record<string, unknown>[] = [
        { bhxhCode: '7901234568' },
        { bhxhCode: bhxhOf(AN) },
        { idNumber: '079195004322' },
        { fullName: 'Trần Thị Bích Ngà' },
        { birthDate: '1995-03-13' },
      ];
      for (const change of wrong) {
        const vi = await start(t, bhxhBody(NGOC, change));
        assert.equal(vi.status, 422, JSON.stringify(change));
        const problem = await json(vi);
        assert.equal(problem.code, 'bhxh_mismatch');
        assert.match(problem.detail, /^Thông tin kê khai không khớp với thông tin trong Cơ sở dữ liệu Bảo hiểm xã hội/);
        const en = await json(await start(t, bhxhBody(NGOC, change), { lang: 'en' }));
        assert.equal(en.code, 'bhxh_mismatch');
        assert.match(en.detail, /^The details you declared do not match the social insurance database/);
      }
      assert.equal(await t.textsTo(DECLARED.e164), 0);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), 0);
      assert.ok(t.logs.some((line) => line.includes('registration.bhxh_mismatch')));
      assert.ok(!t.logs.some((line) => containsToken(line, NGOC.idNumber) || containsToken(line, '7901234568')), 'no ID number or BHXH code in logs');
    });

    test('a name differing only in case and spacing, and a dd/mm/yyyy date, still match the register', async () => {
      const t = await startTestService(db(), { config: OFFERED });
      const response = await start(t, bhxhBody(NGOC, { fullName: '  trần THỊ   bích ngọc ', birthDate: '12/03/1995' }));
      assert.equal(response.status, 201);
    });

    test('look-ups about one ID number are shared with the carrier\'s: parallel starts by both methods reach the registers exactly K times', async () => {
      const registers = countingRegisters();
      const t = await startTestService(db(), {
        config: { ...OFFERED, trustProxy: true, limits: { registerLookups: { perAddress: WIDE, perIdNumber: [{ max: 3, windowSeconds: 3600 }] } } },
        overrides: { carrier: registers.carrier, socialInsurance: registers.socialInsurance },
      });
      const bodies = Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? bhxhBody(NGOC) : registrationBody(NGOC)));
      const responses = await Promise.all(bodies.map((body, i) => start(t, body, { address: `198.51.100.${i}` })));
      const statuses = responses.map((response) => response.status);
      assert.equal(statuses.filter((status) => status === 422).length, 3, statuses.join());
      assert.equal(statuses.filter((status) => status === 429).length, 7);
      assert.equal(registers.asked.length, 3, 'the registers are asked only within the limit');
      const limited = responses.find((response) => response.status === 429)!;
      assert.equal(limited.headers.get('Retry-After'), '3600');
      assert.equal((await json(limited)).code, 'too_many_attempts');
      t.clock.advance(3600);
      assert.equal((await start(t, bhxhBody(NGOC), { address: '192.0.2.1' })).status, 422, 'the window slid on');
    });

    test('look-ups from one address are shared with the carrier\'s: parallel starts for many ID numbers reach the registers exactly K times', async () => {
      const registers = countingRegisters();
      const t = await startTestService(db(), {
        config: { ...OFFERED, trustProxy: true, limits: { registerLookups: { perAddress: [{ max: 4, windowSeconds: 600 }], perIdNumber: WIDE } } },
        overrides: { carrier: registers.carrier, socialInsurance: registers.socialInsurance },
      });
      const responses = await Promise.all(CITIZENS.map((citizen, i) => start(t, i % 2 ? bhxhBody(citizen) : registrationBody(citizen), { address: '203.0.113.7' })));
      const statuses = responses.map((response) => response.status);
      assert.equal(statuses.filter((status) => status === 422).length, 4, statuses.join());
      assert.equal(statuses.filter((status) => status === 429).length, CITIZENS.length - 4);
      assert.equal(registers.asked.length, 4);
      assert.equal((await start(t, bhxhBody(NGOC), { address: '198.51.100.20' })).status, 422, 'another address has its own count');
    });

    test('a method the portal or the service does not offer is 400 naming method (method_not_offered), before any register is asked', async () => {
      const registers = countingRegisters();
      const plain = await startTestService(db(), { overrides: { socialInsurance: registers.socialInsurance } });
      const refused = await start(plain, bhxhBody(NGOC), { lang: 'en' });
      assert.equal(refused.status, 400);
      const problem = await json(refused);
      assert.equal(problem.code, 'validation_failed');
      assert.deepEqual(problem.errors, [{ field: 'method', code: 'method_not_offered', message: 'This portal does not offer the verification method you chose. Please choose another one.' }]);
      const config = await json(await plain.call('GET', PATHS.config));
      assert.deepEqual(config.registrationMethods, ['mobile']);
      assert.equal(config.subjectTypes[0].methods.find((choice: { method: string }) => choice.method === 'bhxh').available, false);

      const t = await startTestService(db(), {
        config: {
          ...OFFERED,
          clients: [
            { id: MINISTRY.id, name: MINISTRY.name, origins: [MINISTRY.origin] },
            { id: PROVINCE.id, name: PROVINCE.name, origins: [PROVINCE.origin], registrationMethods: ['mobile'] },
          ],
        },
        overrides: { socialInsurance: registers.socialInsurance },
      });
      const vi = await json(await start(t, bhxhBody(NGOC), { client: PROVINCE.id }));
      assert.deepEqual(vi.errors, [{ field: 'method', code: 'method_not_offered', message: 'Cổng này không cung cấp phương thức xác minh đã chọn. Vui lòng chọn phương thức khác.' }]);
      const province = await json(await t.call('GET', PATHS.config, { client: PROVINCE.id }));
      assert.equal(province.subjectTypes[0].methods.find((choice: { method: string }) => choice.method === 'bhxh').available, false);
      const ministry = await json(await t.call('GET', PATHS.config, { client: MINISTRY.id }));
      assert.equal(ministry.subjectTypes[0].methods.find((choice: { method: string }) => choice.method === 'bhxh').available, true);
      assert.equal(registers.asked.length, 0);
      // An unknown method is the contract's own refusal, on method.
      const unknown = await json(await start(t, bhxhBody(NGOC, { method: 'vnpost' })));
      assert.deepEqual(unknown.errors.map((error: { field: string; code: string }) => [error.field, error.code]), [['method', 'invalid_type']]);
      await nothingStored(db());
    });

    test('a configuration naming bhxh without registries.socialInsurance is refused at start, naming both keys, in production and in development', async () => {
      const kek = randomBytes(32).toString('base64url');
      const clients = [{ id: 'provincial-portal', name: 'Cổng DVC tỉnh Bắc Ninh', origins: ['https://dichvucong.bacninh.gov.vn'] }];
      const production = {
        issuer: 'https://id.example.gov.vn',
        clients,
        sms: { driver: 'http', url: 'https://sms.internal/send', token: 'sms-token' },
        registries: { carrier: { driver: 'http', url: 'https://carrier.internal/verify', token: 'carrier-token' } },
        secrets: { keyEncryptionKey: kek },
      };
      const development = { mode: 'development', issuer: 'http://127.0.0.1:4000', clients };
      for (const base of [production, development]) {
        const [problem, ...rest] = configProblems({ ...base, registrationMethods: ['mobile', 'bhxh'] });
        assert.equal(rest.length, 0, rest.join('\n'));
        assert.match(problem!, /^registrationMethods: /);
        assert.match(problem!, /registries\.socialInsurance/);
        const [perClient] = configProblems({ ...base, clients: [{ ...clients[0], registrationMethods: ['bhxh'] }] });
        assert.match(perClient!, /^clients\.0\.registrationMethods: .*registries\.socialInsurance/);
      }
      // Named with its register, it is accepted: http in production, the sandbox in development.
      loadConfig({ ...production, registrationMethods: ['mobile', 'bhxh'], registries: { ...production.registries, socialInsurance: { driver: 'http', url: 'https://bhxh.internal/verify', token: 't' } } });
      loadConfig({ ...development, registrationMethods: ['bhxh'], registries: { socialInsurance: { driver: 'sandbox' } } });
      // createService checks again against the register it builds (a configuration not made by loadConfig).
      const config = loadConfig({ ...development, registrationMethods: ['mobile', 'bhxh'], registries: { socialInsurance: { driver: 'sandbox' } } });
      await assert.rejects(
        createService({ ...config, registries: { ...config.registries, socialInsurance: undefined } }, { database: db().db }),
        (error: unknown) => error instanceof ConfigError && /registrationMethods: .*registries\.socialInsurance/.test(error.message),
      );
    });

    test('an unavailable social-insurance register is 503 registry_unavailable, sends nothing, stores nothing, and a retry with the same key succeeds', async () => {
      let down = true;
      const socialInsurance: SocialInsuranceRegistry = {
        async verifyInsuredPerson() {
          if (down) throw new RegistryUnavailableError('bhxh gateway timed out');
          return 'match';
        },
      };
      const t = await startTestService(db(), { config: OFFERED, overrides: { socialInsurance } });
      const headers = { 'Idempotency-Key': 'bhxh-retry' };
      const failed = await start(t, bhxhBody(NGOC), { headers });
      assert.equal(failed.status, 503);
      assert.equal((await json(failed)).code, 'registry_unavailable');
      assert.ok(Number(failed.headers.get('Retry-After')) > 0);
      assert.equal(await t.textsTo(DECLARED.e164), 0);
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM flows'), 0);
      assert.ok(t.logs.some((line) => line.includes('registry.unavailable') && line.includes('social_insurance')));
      down = false;
      const retried = await start(t, bhxhBody(NGOC), { headers });
      assert.equal(retried.status, 201);
      assert.equal(await t.textsTo(DECLARED.e164), 1);
    });

    test('an ID number that already has an account is told account_exists once the code to the declared phone is confirmed', async () => {
      const t = await startTestService(db(), { config: OFFERED });
      await t.register(NGOC);
      const started = await start(t, bhxhBody(NGOC));
      assert.equal(started.status, 201);
      const { registrationId } = await json(started);
      const verified = await t.call('POST', PATHS.registrationVerify(registrationId), { body: { code: await t.latestCode(DECLARED.e164) } });
      assert.equal(verified.status, 409);
      assert.equal((await json(verified)).code, 'account_exists');
      assert.equal(await countRows(db().db, 'SELECT count(*)::int AS count FROM accounts'), 1);
    });

    test('generated bad input is a problem naming field and rule, never a 5xx, and stores nothing', async () => {
      const t = await startTestService(db(), { config: { ...OFFERED, limits: { registerLookups: { perAddress: WIDE, perIdNumber: WIDE } } } });
      const anything = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));
      const badCode = fc.oneof(anything, fc.stringMatching(/^[0-9 .-]{0,9}$/), fc.stringMatching(/^\d{11,14}$/));
      const field = (good: string) => fc.oneof({ weight: 3, arbitrary: fc.constant(good) }, { weight: 1, arbitrary: anything });
      const good = bhxhBody(NGOC) as Record<string, string>;
      const body = fc.record(
        {
          subjectType: field('citizen'),
          method: fc.oneof({ weight: 4, arbitrary: fc.constant('bhxh') }, { weight: 1, arbitrary: anything }),
          idNumber: field(good.idNumber!),
          bhxhCode: badCode,
          fullName: field(good.fullName!),
          birthDate: field(good.birthDate!),
          phone: field(good.phone!),
          email: fc.oneof(fc.constant(undefined), anything),
          consentVersion: field('2025-01'),
          humanCheck: fc.oneof(fc.constant(undefined), anything),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(body, async (candidate) => {
          const response = await start(t, candidate as Record<string, unknown>);
          assert.ok(response.status >= 400 && response.status < 500, `status ${response.status} for ${JSON.stringify(candidate)}`);
          assert.match(String(response.headers.get('Content-Type')), /^application\/problem\+json/);
          const problem = await json(response);
          if (problem.code === 'validation_failed') {
            assert.ok(problem.errors.length > 0);
            assert.ok(problem.errors.every((error: { field: string; code: string; message: string }) => error.field && error.code && error.message));
          }
        }),
        { numRuns: 60 },
      );
      await nothingStored(db());
    });
  });
}
