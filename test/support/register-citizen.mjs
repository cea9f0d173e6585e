// Gives a test the account it needs, made through the service's public API the way a portal's
// widget makes it (human check solved when the service asks for one, the code read from the
// development outbox), so no test leans on an account an earlier test may have failed to make.
// Runs in Node (the browser tests reach it through the test runner command `dvc-register-citizen`,
// because only a server-side caller may read the outbox): it uses only @dvc-kit/sdk and fetch.
import { DvcClient, solveHumanCheck } from '@dvc-kit/sdk';
import { readCodeFromOutbox } from '../../examples/node-integrator/sign-in.mjs';

/**
 * Registers a fictional citizen of packages/server/fixtures/sandbox-citizens.json by mobile
 * subscriber — or, given their `bhxhCode`, by social insurance (the portal `clientId` must offer it) —
 * and sets their password.
 *
 * @param {{ service: string, clientId: string, password: string,
 *   citizen: { idNumber: string, fullName: string, birthDate: string, phone: string, bhxhCode?: string } }} options
 *   `birthDate` as yyyy-mm-dd and `phone` in E.164, as in the fixture. By social insurance the carrier
 *   is not asked, so `phone` may be any mobile number (the one a lost-phone test later loses).
 * @returns {Promise<{ account: { fullName: string, ial: number }, code: string }>} the new account
 *   and the one-time code that was sent (for tests that look for it where it must not be).
 */
export async function registerCitizen({ service, clientId, citizen, password }) {
  const client = new DvcClient({ baseUrl: service, clientId });
  const config = await client.getConfig();
  const humanCheck = config.humanCheck.required ? await solveHumanCheck(await client.getHumanCheckChallenge()) : undefined;
  const { registrationId } = await client.startRegistration(
    {
      subjectType: 'citizen',
      ...(citizen.bhxhCode ? { method: 'bhxh', bhxhCode: citizen.bhxhCode } : { method: 'mobile' }),
      idNumber: citizen.idNumber,
      fullName: citizen.fullName,
      birthDate: citizen.birthDate,
      phone: citizen.phone,
      consentVersion: config.consentVersion,
      ...(humanCheck ? { humanCheck } : {}),
    },
    { idempotencyKey: crypto.randomUUID() },
  );
  const code = await readCodeFromOutbox(service, citizen.phone);
  await client.verifyRegistrationCode(registrationId, { code });
  const { account } = await client.completeRegistration(registrationId, { password, passwordConfirmation: password });
  return { account, code };
}
