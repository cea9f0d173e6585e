import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcClient, DvcError, readStepUpChallenge } from '@dvc-kit/sdk';
import { startStack } from '../examples/stack.mjs';
import { startPortal } from '../examples/portal-server.mjs';
import { readCodeFromOutbox } from '../examples/node-integrator/sign-in.mjs';

// RFC 9470 end to end: the example portal's backend guards a high-assurance service, asks the identity
// service whether the citizen's session meets it, and answers one below it with a step-up challenge that
// the SDK reads back into the requirement.

type Stack = { service: string; provincial: string; close: () => Promise<void> };
type Portal = { url: string; close: () => Promise<void> };
let stack: Stack;
let lenient: Portal;

const citizen = { idNumber: '048203007788', fullName: 'Lê Hoàng Minh', birthDate: '2003-11-20', phone: '0901234567', e164: '+84901234567' };
const password = 'Sông-Hàn-2003!';

before(async () => {
  stack = await startStack({ humanCheck: { required: false }, log: () => {} });
  // The same portal (client id) with a service that asks only what a password + SMS sign-in gives.
  lenient = await startPortal({ folder: 'provincial-portal', clientId: 'provincial-portal', title: 'Bắc Ninh', service: () => stack.service, highAssurance: { ial: 2, aal: 2 } });
});
after(async () => {
  await lenient?.close();
  await stack?.close();
});

async function signedIn(): Promise<{ accessToken: string; refreshToken: string }> {
  const ministry = new DvcClient({ baseUrl: stack.service, clientId: 'ministry-portal' });
  const { registrationId } = await ministry.startRegistration(
    { subjectType: 'citizen', method: 'mobile', idNumber: citizen.idNumber, fullName: citizen.fullName, birthDate: citizen.birthDate, phone: citizen.phone, consentVersion: (await ministry.getConfig()).consentVersion },
    { idempotencyKey: crypto.randomUUID() },
  );
  await ministry.verifyRegistrationCode(registrationId, { code: await readCodeFromOutbox(stack.service, citizen.e164) });
  await ministry.completeRegistration(registrationId, { password, passwordConfirmation: password });
  const provincial = new DvcClient({ baseUrl: stack.service, clientId: 'provincial-portal' });
  const { signInId } = await provincial.startSignIn({ idNumber: citizen.idNumber, password });
  const { tokens } = await provincial.verifySignInCode(signInId, { code: await readCodeFromOutbox(stack.service, citizen.e164) });
  return tokens;
}

const highAssurance = (portal: string, accessToken?: string) =>
  fetch(new URL('/api/high-assurance', portal), { headers: accessToken ? { Authorization: `Bearer ${accessToken}` } : {} });

describe('a portal backend asks for step-up with an RFC 9470 challenge', () => {
  test('a session below the service\'s requirement gets the challenge, which the SDK reads back; one that meets it gets in; an ended one is refused', async () => {
    const tokens = await signedIn();

    const below = await highAssurance(stack.provincial, tokens.accessToken);
    assert.equal(below.status, 401);
    assert.equal(
      below.headers.get('WWW-Authenticate'),
      'Bearer error="insufficient_user_authentication", error_description="A higher assurance level is required", acr_values="urn:dvc-kit:acr:ial3-aal2"',
    );
    assert.deepEqual(readStepUpChallenge(below), { ial: 3, aal: 2 });
    const problem = (await below.json()) as { code: string; missing: unknown };
    assert.equal(problem.code, 'insufficient_user_authentication');
    assert.deepEqual(problem.missing, { ial: 3 }, 'an IAL2 account signed in with password + SMS lacks only the identity level');

    // A page that calls its backend through the SDK client gets the challenge as a DvcError with the requirement.
    const page = new DvcClient({ baseUrl: stack.provincial, clientId: 'provincial-portal' });
    await assert.rejects(
      page.request({ path: '/api/high-assurance', bearer: tokens.accessToken }),
      (error: unknown) => error instanceof DvcError && error.code === 'insufficient_user_authentication' && error.status === 401 && error.requirement?.ial === 3 && error.requirement.aal === 2,
    );

    const met = await highAssurance(lenient.url, tokens.accessToken);
    assert.equal(met.status, 200);
    const { assurance } = (await met.json()) as { assurance: Record<string, unknown> };
    assert.deepEqual({ ial: assurance.ial, ialMethod: assurance.ialMethod, aal: assurance.aal }, { ial: 2, ialMethod: 'mobile', aal: 2 });

    await new DvcClient({ baseUrl: stack.service, clientId: 'provincial-portal' }).signOut(tokens.refreshToken);
    const ended = await highAssurance(lenient.url, tokens.accessToken);
    assert.equal(ended.status, 401, 'the service, not the unexpired token, has the last word');
    assert.equal(ended.headers.get('WWW-Authenticate'), 'Bearer error="invalid_token"');
    assert.equal(readStepUpChallenge(ended), undefined);

    const none = await highAssurance(stack.provincial);
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('WWW-Authenticate'), 'Bearer');
  });
});
