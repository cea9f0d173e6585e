import { CLIENT_HEADER, PATHS, type Language } from '@dvc-kit/sdk';
import { createServer } from 'node:net';
import { createService, loadConfig, serve, type DvcService, type RunningServer, type ServerConfigInput, type ServiceOverrides } from '../../src/index.js';
import { TestClock } from './clock.js';
import { PASSWORD, type Citizen } from './citizens.js';
import type { TestDatabase } from './database.js';

/** The two portals of every test service. */
export const MINISTRY = { id: 'ministry-portal', name: 'Bộ Công an', origin: 'https://dichvucong.bocongan.example' } as const;
export const PROVINCE = { id: 'provincial-portal', name: 'Cổng Dịch vụ công tỉnh Bắc Ninh', origin: 'https://dichvucong.bacninh.example' } as const;

/** Options of one request. */
export interface CallOptions {
  readonly body?: unknown;
  /** Raw body text instead of JSON (for malformed-body tests). */
  readonly rawBody?: string;
  /** Client id sent in `DVC-Client`; `null` sends none. Default: the ministry portal. */
  readonly client?: string | null;
  readonly lang?: Language | string;
  readonly headers?: Record<string, string>;
}

/** A service on a fresh database, a clock to move, and helpers that act as a portal would. */
export interface TestService {
  readonly service: DvcService;
  readonly clock: TestClock;
  /** Every log line written so far. */
  readonly logs: string[];
  /** The HTTP server when started with `listen`; close it at the end of the test. */
  readonly server: RunningServer | undefined;
  /** A new service over the same database and clock, as after a restart (nothing is emptied). */
  restart(): Promise<TestService>;
  /** Sends one request through `service.fetch`. */
  call(method: 'GET' | 'POST' | 'DELETE' | 'OPTIONS', path: string, options?: CallOptions): Promise<Response>;
  /** The newest code texted to a phone (E.164), read from the outbox through the SMS gateway. */
  latestCode(phone: string): Promise<string>;
  /** How many texts a phone has received. */
  textsTo(phone: string): Promise<number>;
  /** Starts a registration for a citizen and returns its id. */
  startRegistration(citizen: Citizen, options?: CallOptions & { extra?: Record<string, unknown> }): Promise<string>;
  /** Registers a citizen end to end; returns the account body. */
  register(citizen: Citizen, password?: string): Promise<Record<string, unknown>>;
  /** Starts a sign-in (password accepted) and returns its id. */
  startSignIn(citizen: Citizen, password?: string, client?: string): Promise<string>;
  /** Signs in end to end; returns the `{ tokens, account }` body. */
  signIn(citizen: Citizen, password?: string, client?: string): Promise<{ tokens: Record<string, string | number>; account: Record<string, unknown> }>;
}

/** The registration body a portal sends for a citizen. */
export function registrationBody(citizen: Citizen, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    subjectType: 'citizen',
    method: 'mobile',
    idNumber: citizen.idNumber,
    fullName: citizen.fullName,
    birthDate: citizen.birthDate,
    phone: citizen.nationalPhone,
    consentVersion: '2025-01',
    ...extra,
  };
}

/** Reads a JSON body. */
export async function json(response: Response): Promise<Record<string, any>> {
  return (await response.json()) as Record<string, any>;
}

/** Options of {@link startTestService}. */
export interface TestServiceOptions {
  /** Configuration on top of the test defaults (development mode, human check off, outbox SMS, two portals). */
  readonly config?: Partial<ServerConfigInput>;
  readonly overrides?: Omit<ServiceOverrides, 'database'>;
  /** Also serve it over HTTP on a free loopback port, with that address as the issuer. */
  readonly listen?: boolean;
}

/** A free loopback port (reserved, then released for the service to bind). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Empties the file's database and builds a service over it. */
export async function startTestService(database: TestDatabase, options: TestServiceOptions = {}): Promise<TestService> {
  await database.reset();
  return buildTestService(database, options, new TestClock(), []);
}

async function buildTestService(database: TestDatabase, options: TestServiceOptions, clock: TestClock, logs: string[]): Promise<TestService> {
  const port = options.listen ? await freePort() : 0;
  const config = loadConfig({
    mode: 'development',
    issuer: options.listen ? `http://127.0.0.1:${port}` : 'http://id.dvc.test',
    clients: [
      { id: MINISTRY.id, name: MINISTRY.name, origins: [MINISTRY.origin] },
      { id: PROVINCE.id, name: PROVINCE.name, origins: [PROVINCE.origin] },
    ],
    humanCheck: { required: false },
    sms: { driver: 'outbox' },
    ...options.config,
    clock: clock.now,
    log: (line: string) => {
      logs.push(line);
      options.config?.log?.(line);
    },
  });
  const service = await createService(config, { ...options.overrides, database: database.db });
  const server = options.listen ? await serve(service, { port, host: '127.0.0.1' }) : undefined;

  const call: TestService['call'] = (method, path, callOptions = {}) => {
    const headers = new Headers(callOptions.headers);
    const client = callOptions.client === undefined ? MINISTRY.id : callOptions.client;
    if (client !== null) headers.set(CLIENT_HEADER, client);
    if (callOptions.lang) headers.set('Accept-Language', callOptions.lang);
    let body: string | undefined;
    if (callOptions.rawBody !== undefined) body = callOptions.rawBody;
    else if (callOptions.body !== undefined) body = JSON.stringify(callOptions.body);
    if (body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    return service.fetch(new Request(`http://id.dvc.test${path}`, { method, headers, ...(body !== undefined ? { body } : {}) }));
  };

  async function messagesTo(phone: string) {
    if (!service.outbox) throw new Error('This test service sends SMS elsewhere');
    return service.outbox.messages({ to: phone });
  }

  const harness: TestService = {
    service,
    clock,
    logs,
    server,
    restart: () => buildTestService(database, options, clock, logs),
    call,
    async latestCode(phone) {
      const [latest] = await messagesTo(phone);
      const code = /\b(\d{6})\b/.exec(latest?.text ?? '')?.[1];
      if (!code) throw new Error(`No code texted to ${phone}`);
      return code;
    },
    async textsTo(phone) {
      return (await messagesTo(phone)).length;
    },
    async startRegistration(citizen, callOptions = {}) {
      const response = await call('POST', PATHS.registrations, { ...callOptions, body: registrationBody(citizen, callOptions.extra) });
      if (response.status !== 201) throw new Error(`Registration did not start: ${response.status} ${await response.text()}`);
      return String((await json(response)).registrationId);
    },
    async register(citizen, password = PASSWORD) {
      const id = await harness.startRegistration(citizen);
      const verified = await call('POST', PATHS.registrationVerify(id), { body: { code: await harness.latestCode(citizen.phone) } });
      if (verified.status !== 200) throw new Error(`Code not accepted: ${verified.status} ${await verified.text()}`);
      const done = await call('POST', PATHS.registrationPassword(id), { body: { password, passwordConfirmation: password } });
      if (done.status !== 201) throw new Error(`Account not created: ${done.status} ${await done.text()}`);
      return (await json(done)).account as Record<string, unknown>;
    },
    async startSignIn(citizen, password = PASSWORD, client = MINISTRY.id) {
      const response = await call('POST', PATHS.signIns, { client, body: { idNumber: citizen.idNumber, password } });
      if (response.status !== 200) throw new Error(`Sign-in did not start: ${response.status} ${await response.text()}`);
      return String((await json(response)).signInId);
    },
    async signIn(citizen, password = PASSWORD, client = MINISTRY.id) {
      const id = await harness.startSignIn(citizen, password, client);
      const response = await call('POST', PATHS.signInVerify(id), { client, body: { code: await harness.latestCode(citizen.phone) } });
      if (response.status !== 200) throw new Error(`Sign-in code not accepted: ${response.status} ${await response.text()}`);
      return (await json(response)) as { tokens: Record<string, string | number>; account: Record<string, unknown> };
    },
  };
  return harness;
}
