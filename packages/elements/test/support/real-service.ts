// What the tests against the real identity service (test/real-service/) share: the test runner's commands
// (test/support/wtr-identity-service.mjs at the repository root) and a sign-in through the API.
import { waitUntil } from '@open-wc/testing';
import { solveHumanCheck, type DvcClient } from '@dvc-kit/sdk';
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

/** The first code sent to `phone` after `previous`, read from the service's development outbox. */
export async function newCode(phone: string, previous: string | undefined): Promise<string> {
  let code: string | undefined;
  await waitUntil(async () => (code = await command<string>('dvc-outbox-code', { phone })) !== previous, `no new code reached ${phone}`, { timeout: 8000 });
  return code!;
}

/**
 * Signs a registered citizen in through the API, the way a portal's page had done it before the test
 * (human check solved, the code read from the outbox): AAL2 by password and SMS code. Returns the access
 * token and the code used.
 */
export async function signInThroughApi(client: DvcClient, citizen: FixtureCitizen, password: string, previousCode: string): Promise<{ accessToken: string; code: string }> {
  const humanCheck = await solveHumanCheck(await client.getHumanCheckChallenge());
  const { signInId } = await client.startSignIn({ idNumber: citizen.idNumber, password, humanCheck });
  const code = await newCode(citizen.phone, previousCode);
  return { accessToken: (await client.verifySignInCode(signInId, { code })).tokens.accessToken, code };
}
