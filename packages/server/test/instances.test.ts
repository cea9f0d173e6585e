import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { CLIENT_HEADER, PATHS } from '@dvc-kit/sdk';
import { createTokenVerifier } from '@dvc-kit/sdk/tokens';
import { createService, loadConfig, openPostgres, serve, type DvcService, type RunningServer } from '../src/index.js';
import { NGOC, PASSWORD } from './support/citizens.js';
import { POSTGRES_MISSING, POSTGRES_URL } from './support/database.js';
import { MINISTRY, PROVINCE } from './support/service.js';

// Several instances on one PostgreSQL, as an operator scales out behind a load balancer: no state
// lives in one instance's memory, so any step of a flow may land on any instance.

const ISSUER = 'https://id.dvc.test';

interface Instance {
  readonly service: DvcService;
  readonly server: RunningServer;
  post(path: string, body: unknown, client?: string): Promise<{ status: number; body: Record<string, unknown> }>;
  latestCode(phone: string): Promise<string>;
}

async function startInstance(url: string, schema: string): Promise<Instance> {
  const config = loadConfig({
    mode: 'development',
    issuer: ISSUER,
    database: { url, schema },
    clients: [
      { id: MINISTRY.id, name: MINISTRY.name, origins: [MINISTRY.origin] },
      { id: PROVINCE.id, name: PROVINCE.name, origins: [PROVINCE.origin] },
    ],
    humanCheck: { required: false },
    sms: { driver: 'outbox' },
    log: () => {},
  });
  const service = await createService(config);
  const server = await serve(service, { port: 0 });
  return {
    service,
    server,
    async post(path, body, client = MINISTRY.id) {
      const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [CLIENT_HEADER]: client }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async latestCode(phone) {
      const [latest] = (await service.outbox?.messages({ to: phone })) ?? [];
      const code = /\b(\d{6})\b/.exec(latest?.text ?? '')?.[1];
      if (!code) throw new Error(`No code texted to ${phone}`);
      return code;
    },
  };
}

test('two instances on one PostgreSQL: a flow begun on one completes on the other, and tokens from one verify against the other’s JWKS', async (t) => {
  const url = POSTGRES_URL;
  if (!url) {
    if (process.env.CI === 'true') assert.fail(`${POSTGRES_MISSING} (PostgreSQL is required in CI)`);
    t.skip(POSTGRES_MISSING);
    return;
  }
  const schema = `dvc_instances_${randomBytes(6).toString('hex')}`;
  // Started together: they create the schema, migrate it and generate its keys at the same time.
  const starts = await Promise.allSettled([startInstance(url, schema), startInstance(url, schema)]);
  const running = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
  try {
    for (const start of starts) if (start.status === 'rejected') throw start.reason;
    const [a, b] = running;
    assert.ok(a && b);
    const started = await a.post(PATHS.registrations, {
      subjectType: 'citizen',
      method: 'mobile',
      idNumber: NGOC.idNumber,
      fullName: NGOC.fullName,
      birthDate: NGOC.birthDate,
      phone: NGOC.nationalPhone,
      consentVersion: '2025-01',
    });
    assert.equal(started.status, 201);
    const registrationId = String(started.body.registrationId);
    const code = await a.latestCode(NGOC.phone);
    assert.equal((await b.post(PATHS.registrationVerify(registrationId), { code })).status, 200, 'B checks the code A sent');
    const registered = await b.post(PATHS.registrationPassword(registrationId), { password: PASSWORD, passwordConfirmation: PASSWORD });
    assert.equal(registered.status, 201, 'B completes the registration A began');
    const sub = (registered.body.account as { sub: string }).sub;

    const signIn = await a.post(PATHS.signIns, { idNumber: NGOC.idNumber, password: PASSWORD }, PROVINCE.id);
    assert.equal(signIn.status, 200, 'A signs in the account B created');
    const signedIn = await a.post(PATHS.signInVerify(String(signIn.body.signInId)), { code: await b.latestCode(NGOC.phone) }, PROVINCE.id);
    assert.equal(signedIn.status, 200);
    const tokens = signedIn.body.tokens as { accessToken: string; idToken: string; refreshToken: string };

    const verifier = createTokenVerifier({ issuer: ISSUER, audience: PROVINCE.id, jwksUrl: `${b.server.url}${PATHS.jwks}` });
    assert.equal((await verifier.verifyIdToken(tokens.idToken)).claims.sub, sub, 'A’s ID token verifies against B’s JWKS');
    assert.equal((await verifier.verifyAccessToken(tokens.accessToken)).claims.sub, sub);

    const refreshed = await b.post(PATHS.refresh, { refreshToken: tokens.refreshToken }, PROVINCE.id);
    assert.equal(refreshed.status, 200, 'B refreshes the session A opened');
    const next = refreshed.body as { idToken: string };
    const verifierOnA = createTokenVerifier({ issuer: ISSUER, audience: PROVINCE.id, jwksUrl: `${a.server.url}${PATHS.jwks}` });
    assert.equal((await verifierOnA.verifyIdToken(next.idToken)).claims.sub, sub, 'and B’s tokens verify against A’s JWKS');
  } finally {
    for (const instance of running) {
      await instance.server.close();
      await instance.service.close();
    }
    const db = await openPostgres(url);
    try {
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await db.close();
    }
  }
});
