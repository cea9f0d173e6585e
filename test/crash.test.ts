import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPostgres, openStore, type OpenStore } from '@dvc-kit/server';
import { startServiceProcess, type ServiceProcess } from './support/service-process.js';

// SIGKILL in the middle of registration and sign-in load, then a restart on the same data: every
// account the service acknowledged is there once, nothing is half-made, and every request the crash
// interrupted succeeds when the citizen retries it (same Idempotency-Key, same body; the sign-in code
// step included, whose answer holds the tokens). Invariants only:
// where the kill lands varies from run to run, what must hold does not.

const POSTGRES_URL = process.env.DVC_TEST_DATABASE_URL;
const POSTGRES_MISSING = 'PostgreSQL not available: set DVC_TEST_DATABASE_URL';
const PASSWORD = 'Sông-Hồng-2024';
const CLIENT = 'ministry-portal';
const REGISTRATIONS = 12;
// One sign-in each under load: with the registration's code, a retry and a probe, a phone stays within
// the three texts a minute the service allows.
const SIGNING_IN = 8;
/** Registrations acknowledged before the kill. */
const KILL_AFTER = 3;
const LEASE_SECONDS = 2;

interface Citizen {
  readonly idNumber: string;
  readonly fullName: string;
  readonly birthDate: string;
  /** E.164. */
  readonly phone: string;
  /** The client address the portal forwards (one each, so no per-address limit is shared). */
  readonly address: string;
}

/** Fictional citizens for the sandbox carrier: Hà Nội CCCDs of men born in 1990, Viettel numbers. */
function makeCitizens(count: number): Citizen[] {
  const families = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ'];
  const given = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hải'];
  return Array.from({ length: count }, (_, i) => ({
    idNumber: `001090${String(700_000 + i).padStart(6, '0')}`,
    fullName: `${families[i % families.length]} Văn ${given[Math.floor(i / families.length) % given.length]}`,
    birthDate: '1990-01-15',
    phone: `+8498${String(7_000_000 + i)}`,
    address: `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`,
  }));
}

class Interrupted extends Error {
  override readonly name = 'Interrupted';
}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** Calls the service as a portal backend would; a dropped connection is {@link Interrupted}. */
async function call(base: string, citizen: Citizen, method: 'GET' | 'POST', path: string, body?: unknown, key?: string): Promise<Answer> {
  const headers: Record<string, string> = { 'DVC-Client': CLIENT, 'X-Forwarded-For': citizen.address };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (key) headers['Idempotency-Key'] = key;
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), signal: AbortSignal.timeout(30_000) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  } catch (error) {
    throw new Interrupted(error instanceof Error ? error.message : String(error));
  }
}

async function latestCode(base: string, citizen: Citizen): Promise<string> {
  const { body } = await call(base, citizen, 'GET', `/dev/outbox.json?phone=${encodeURIComponent(citizen.phone)}`);
  const [latest] = body.messages as { text: string }[];
  const code = /\b(\d{6})\b/.exec(latest?.text ?? '')?.[1];
  if (!code) throw new Error(`no code texted to ${citizen.phone}`);
  return code;
}

/** One citizen's registration, resumable where a crash interrupted it. */
interface Registration {
  readonly citizen: Citizen;
  readonly startKey: string;
  readonly verifyKey: string;
  readonly passwordKey: string;
  step: 'start' | 'verify' | 'password' | 'done';
  registrationId?: string;
  code?: string;
  sub?: string;
  /** The step a crash interrupted, if one did. */
  interrupted?: string;
  /** Unexpected answers, with the step. */
  readonly refused: string[];
}

function expect(run: { refused: string[] }, step: string, answer: Answer, status: number): boolean {
  if (answer.status === status) return true;
  run.refused.push(`${step}: ${answer.status} ${String(answer.body.code)}`);
  return false;
}

/** Drives a registration from its current step to the end; stops at the first interrupted request. */
async function drive(base: string, run: Registration, onAcknowledged: () => void = () => {}): Promise<void> {
  const { citizen } = run;
  try {
    if (run.step === 'start') {
      const body = { subjectType: 'citizen', method: 'mobile', idNumber: citizen.idNumber, fullName: citizen.fullName, birthDate: citizen.birthDate, phone: `0${citizen.phone.slice(3)}`, consentVersion: '2025-01' };
      const answer = await call(base, citizen, 'POST', '/v1/registrations', body, run.startKey);
      if (!expect(run, 'start', answer, 201)) return;
      run.registrationId = String(answer.body.registrationId);
      run.code = undefined;
      run.step = 'verify';
    }
    if (run.step === 'verify') {
      run.code ??= await latestCode(base, citizen);
      const answer = await call(base, citizen, 'POST', `/v1/registrations/${run.registrationId}/otp/verify`, { code: run.code }, run.verifyKey);
      if (!expect(run, 'verify', answer, 200)) return;
      run.step = 'password';
    }
    if (run.step === 'password') {
      const answer = await call(base, citizen, 'POST', `/v1/registrations/${run.registrationId}/password`, { password: PASSWORD, passwordConfirmation: PASSWORD }, run.passwordKey);
      if (!expect(run, 'password', answer, 201)) return;
      run.sub = String((answer.body.account as { sub: string }).sub);
      run.step = 'done';
      onAcknowledged();
    }
  } catch (error) {
    if (!(error instanceof Interrupted)) throw error;
    run.interrupted = run.step;
  }
}

/** One citizen signing in again and again. */
interface SignIns {
  readonly citizen: Citizen;
  completed: number;
  /** Where a crash interrupted a sign-in: the step and, for the code step, the flow, code and Idempotency-Key sent. */
  interrupted?: { readonly step: 'start' } | { readonly step: 'verify'; readonly signInId: string; readonly code: string; readonly key: string };
  readonly refused: string[];
}

/** Signs in once: `true` when tokens came back. */
async function signIn(base: string, run: SignIns): Promise<boolean> {
  const { citizen } = run;
  run.interrupted = { step: 'start' };
  const started = await call(base, citizen, 'POST', '/v1/sign-ins', { idNumber: citizen.idNumber, password: PASSWORD });
  if (!expect(run, 'sign-in start', started, 200)) return false;
  const signInId = String(started.body.signInId);
  run.interrupted = { step: 'verify', signInId, code: await latestCode(base, citizen), key: `sign-in-${randomBytes(8).toString('hex')}` };
  const verified = await call(base, citizen, 'POST', `/v1/sign-ins/${signInId}/otp/verify`, { code: run.interrupted.code }, run.interrupted.key);
  if (!expect(run, 'sign-in verify', verified, 200)) return false;
  run.interrupted = undefined;
  run.completed += 1;
  return typeof (verified.body.tokens as { accessToken?: unknown } | undefined)?.accessToken === 'string';
}

/**
 * The citizen's retry of an interrupted sign-in: the same request again. The code step is retried
 * with the same Idempotency-Key and must succeed, whether the crash came before its commit (the
 * retry does it) or after (the retry gets the stored tokens); its refresh token must be the live one.
 * An interrupted start (not idempotent) is simply begun again. Returns whether the citizen ends up
 * signed in.
 */
async function retrySignIn(base: string, run: SignIns): Promise<boolean> {
  const interrupted = run.interrupted;
  if (interrupted?.step !== 'verify') return signIn(base, run);
  const again = await call(base, run.citizen, 'POST', `/v1/sign-ins/${interrupted.signInId}/otp/verify`, { code: interrupted.code }, interrupted.key);
  if (!expect(run, 'sign-in verify retry', again, 200)) return false;
  const refreshToken = (again.body.tokens as { refreshToken?: unknown } | undefined)?.refreshToken;
  const refreshed = await call(base, run.citizen, 'POST', '/v1/tokens/refresh', { refreshToken });
  if (!expect(run, 'refresh with the retried answer', refreshed, 200)) return false;
  run.interrupted = undefined;
  run.completed += 1;
  return true;
}

async function count(store: OpenStore, text: string): Promise<number> {
  const [row] = await store.sql.query<{ count: number }>(text);
  return Number(row?.count);
}

interface Target {
  /** Environment naming the database, for both starts. */
  readonly env: Record<string, string>;
  /** Extra configuration (a PostgreSQL schema). */
  readonly config: Record<string, unknown>;
  /** Opens the same database in the test process once the service has stopped. */
  open(): Promise<OpenStore>;
  cleanUp(): Promise<void>;
}

async function crashAndRecover(target: Target, log: (message: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dvc-crash-'));
  const started: ServiceProcess[] = [];
  const start = async (env: Record<string, string>) => {
    const service = await startServiceProcess(env);
    started.push(service);
    return service;
  };
  try {
    const citizens = makeCitizens(REGISTRATIONS + SIGNING_IN);
    const fixture = join(dir, 'citizens.json');
    writeFileSync(fixture, JSON.stringify({ citizens: citizens.map(({ address: _address, ...citizen }) => citizen) }));
    const configFile = join(dir, 'config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        ...target.config,
        humanCheck: { required: false },
        trustProxy: true,
        registries: { carrier: { driver: 'sandbox', fixture } },
        idempotency: { leaseSeconds: LEASE_SECONDS },
      }),
    );
    const env = { ...target.env, DVC_CONFIG: configFile, DVC_CLIENTS: JSON.stringify([{ id: CLIENT, name: 'Bộ Công an', origins: [] }]) };

    let service: ServiceProcess = await start(env);
    const signingIn: SignIns[] = citizens.slice(REGISTRATIONS).map((citizen) => ({ citizen, completed: 0, refused: [] }));
    const registered: Registration[] = signingIn.map(({ citizen }) => ({ citizen, startKey: `start-${citizen.idNumber}`, verifyKey: `verify-${citizen.idNumber}`, passwordKey: `pw-${citizen.idNumber}`, step: 'start', refused: [] }));
    for (const run of registered) await drive(service.url, run);
    assert.deepEqual(registered.map((run) => run.step), registered.map(() => 'done'), `accounts for the sign-in load: ${registered.flatMap((run) => run.refused).join('; ')}`);

    // The load: registrations and sign-ins in parallel, killed once a few registrations are acknowledged.
    const registrations: Registration[] = citizens.slice(0, REGISTRATIONS).map((citizen) => ({
      citizen,
      startKey: `start-${randomBytes(8).toString('hex')}`,
      verifyKey: `verify-${randomBytes(8).toString('hex')}`,
      passwordKey: `pw-${randomBytes(8).toString('hex')}`,
      step: 'start',
      refused: [],
    }));
    let acknowledged = 0;
    let killed: Promise<void> | undefined;
    const kill = () => {
      acknowledged += 1;
      if (acknowledged === KILL_AFTER) killed = service.crash();
    };
    await Promise.all([
      ...registrations.map((run) => drive(service.url, run, kill)),
      ...signingIn.map(async (run) => {
        try {
          await signIn(service.url, run);
        } catch (error) {
          if (!(error instanceof Interrupted)) throw error;
        }
      }),
    ]);
    await (killed ?? service.crash());
    const interruptedRegistrations = registrations.filter((run) => run.interrupted);
    const interruptedSignIns = signingIn.filter((run) => run.interrupted);
    log(`killed after ${acknowledged} acknowledged registrations; interrupted: ${interruptedRegistrations.map((run) => run.interrupted).join(', ') || 'none'}; sign-ins interrupted: ${interruptedSignIns.length} (${interruptedSignIns.filter((run) => run.interrupted?.step === 'verify').length} at the code step)`);
    const refusedBeforeCrash = [...registrations, ...signingIn].flatMap((run) => run.refused);
    assert.deepEqual(refusedBeforeCrash, [], 'nothing is refused under load');
    const acknowledgedBeforeCrash = registrations.filter((run) => run.step === 'done').map((run) => ({ idNumber: run.citizen.idNumber, sub: run.sub }));

    // Restart on the same data; every citizen retries what the crash interrupted, then goes on.
    service = await start(env);
    try {
      for (const run of registrations) {
        if (run.step === 'done') continue;
        run.interrupted = undefined;
        await drive(service.url, run);
        assert.equal(run.interrupted, undefined, `${run.citizen.fullName}: the restarted service dropped a request`);
        assert.deepEqual(run.refused, [], `${run.citizen.fullName}'s retry was refused`);
        assert.equal(run.step, 'done');
      }
      for (const run of signingIn) {
        if (run.interrupted) assert.equal(await retrySignIn(service.url, run), true, `${run.citizen.fullName}: ${run.refused.join('; ')}`);
      }
      // Every account made under load signs in with its password: none was stored without a usable hash.
      for (const run of registrations) {
        const probe: SignIns = { citizen: run.citizen, completed: 0, refused: [] };
        assert.equal(await signIn(service.url, probe), true, `${run.citizen.fullName} cannot sign in: ${probe.refused.join('; ')}`);
      }
    } finally {
      const code = await service.stop();
      assert.equal(code, 0, service.output());
    }

    const store = await target.open();
    try {
      const accounts = await store.sql.query<{ id_number: string; sub: string; password_hash: string }>('SELECT id_number, sub::text AS sub, password_hash FROM accounts');
      assert.equal(accounts.length, REGISTRATIONS + SIGNING_IN, 'one account per citizen, no more');
      assert.equal(new Set(accounts.map((row) => row.id_number)).size, accounts.length);
      for (const { idNumber, sub } of acknowledgedBeforeCrash) {
        assert.deepEqual(accounts.filter((row) => row.id_number === idNumber).map((row) => row.sub), [sub], 'an acknowledged account survives the crash unchanged');
      }
      for (const run of registrations) assert.equal(accounts.find((row) => row.id_number === run.citizen.idNumber)?.sub, run.sub, 'the retry answered with the account it made');
      assert.ok(accounts.every((row) => row.password_hash.startsWith('$argon2id$')), 'every account has its password hash');
      assert.equal(
        await count(store, `SELECT count(*)::int AS count FROM flows f WHERE f.kind = 'registration' AND f.state = 'completed' AND NOT EXISTS (SELECT 1 FROM accounts a WHERE a.id_number = f.id_number)`),
        0,
        'no registration claims completion without its account',
      );
      assert.equal(
        await count(store, `SELECT count(*)::int AS count FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM flows f WHERE f.kind = 'registration' AND f.state = 'completed' AND f.id_number = a.id_number)`),
        0,
        'no account without the registration that completed it',
      );
      assert.equal(
        await count(store, `SELECT count(*)::int AS count FROM otp_challenges o JOIN flows f ON f.id = o.flow_id WHERE o.status = 'used' AND f.state = 'code_sent'`),
        0,
        'no code spent on a flow that did not move on',
      );
      assert.equal(
        await count(store, `SELECT count(*)::int AS count FROM sessions s WHERE (SELECT count(*) FROM refresh_tokens r WHERE r.session_id = s.id AND r.status = 'active') <> 1`),
        0,
        'every session has exactly one live refresh token',
      );
      assert.equal(await count(store, 'SELECT count(*)::int AS count FROM idempotency_keys WHERE status IS NULL'), 0, 'no key is left reserved');
    } finally {
      await store.close();
    }
  } finally {
    // A failed assertion must not leave a service running (nor the test process waiting on it).
    for (const service of started) await service.crash();
    await target.cleanUp();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a crash never strands a citizen', () => {
  test('SIGKILL under load on PGlite (data folder): acknowledged accounts stay, nothing is half-made, retries succeed', async (t) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dvc-crash-data-'));
    await crashAndRecover(
      {
        env: { DATA_DIR: dataDir },
        config: {},
        open: () => openStore({ dataDir }),
        async cleanUp() {
          rmSync(dataDir, { recursive: true, force: true });
        },
      },
      (message) => t.diagnostic(message),
    );
  });

  test('SIGKILL under load on PostgreSQL: acknowledged accounts stay, nothing is half-made, retries succeed', async (t) => {
    const url = POSTGRES_URL;
    if (!url) {
      if (process.env.CI === 'true') assert.fail(`${POSTGRES_MISSING} (PostgreSQL is required in CI)`);
      t.skip(POSTGRES_MISSING);
      return;
    }
    const schema = `dvc_crash_${randomBytes(6).toString('hex')}`;
    await crashAndRecover(
      {
        env: { DATABASE_URL: url },
        config: { database: { schema } },
        open: () => openStore({ url, schema }),
        async cleanUp() {
          const db = await openPostgres(url);
          try {
            await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          } finally {
            await db.close();
          }
        },
      },
      (message) => t.diagnostic(message),
    );
  });
});
