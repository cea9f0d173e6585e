// What the tests against the real identity service (test/real-service/) share: the test runner's commands
// (test/support/wtr-identity-service.mjs at the repository root) and a sign-in through the API.
import { waitUntil } from '@open-wc/testing';
import { DvcClient, solveHumanCheck } from '@dvc-kit/sdk';
import { executeServerCommand } from '@web/test-runner-commands';

/** The service the test runner started: its URL and this page's client id. */
export interface IdentityService {
  readonly url: string;
  readonly clientId: string;
}

/** A fictional citizen of packages/server/fixtures/sandbox-citizens.json (`birthDate` yyyy-mm-dd, `phone` E.164). */
export interface FixtureCitizen {
  readonly idNumber: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly phone: string;
}

/** Runs a test runner command; fails when the runner has no plugin for it. */
export async function command<T>(name: string, payload?: unknown): Promise<T> {
  const answer = await executeServerCommand<T, unknown>(name, payload);
  if (!answer) throw new Error(`The test runner has no plugin for ${name}`);
  return answer;
}

/** One identity service of the test runner (`instance`: one of its own, with its own database and limits) and what a test does with it. */
export interface TestIdentityService extends IdentityService {
  /** A client of it, as this page's portal. */
  readonly client: DvcClient;
  /** Registers a citizen by phone through the API (in Node); the code that was sent. */
  register(citizen: FixtureCitizen, password: string): Promise<string>;
  /** The first code sent to `phone` after `previous`, read from the service's development outbox. */
  newCode(phone: string, previous: string | undefined): Promise<string>;
  /**
   * Signs a registered citizen in through the API, as a portal's page had done before the test (human check
   * solved, the code read from the outbox): AAL2 by password and SMS code. The access token and the code used.
   */
  signIn(citizen: FixtureCitizen, password: string, previousCode: string): Promise<{ accessToken: string; code: string }>;
}

/** Starts (or finds) the test runner's identity service `instance`. */
export async function identityService(instance?: string): Promise<TestIdentityService> {
  const service = await command<IdentityService>('dvc-identity-service', { instance });
  const client = new DvcClient({ baseUrl: service.url, clientId: service.clientId });
  const newCode = async (phone: string, previous: string | undefined) => {
    let code: string | undefined;
    await waitUntil(async () => (code = await command<string>('dvc-outbox-code', { phone, instance })) !== previous, `no new code reached ${phone}`, { timeout: 8000 });
    return code!;
  };
  return {
    ...service,
    client,
    newCode,
    register: async (citizen, password) => (await command<{ code: string }>('dvc-register-citizen', { citizen, password, instance })).code,
    async signIn(citizen, password, previousCode) {
      const humanCheck = await solveHumanCheck(await client.getHumanCheckChallenge());
      const { signInId } = await client.startSignIn({ idNumber: citizen.idNumber, password, humanCheck });
      const code = await newCode(citizen.phone, previousCode);
      return { accessToken: (await client.verifySignInCode(signInId, { code })).tokens.accessToken, code };
    },
  };
}
