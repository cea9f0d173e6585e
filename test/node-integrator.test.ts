import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcClient, DvcError, solveHumanCheck } from '@dvc-kit/sdk';
import { startStack } from '../examples/stack.mjs';
import { readCodeFromOutbox, signInAndVerify } from '../examples/node-integrator/sign-in.mjs';

type Stack = { service: string; close: () => Promise<void> };
let stack: Stack;

before(async () => {
  stack = await startStack({ humanCheck: { required: true, maxNumber: 2000 }, log: () => {} });
});
after(() => stack.close());

const citizen = { idNumber: '079195004321', fullName: 'Trần Thị Bích Ngọc', birthDate: '1995-03-12', phone: '0912345678', e164: '+84912345678' };
const password = 'Hồ-Gươm-1995!';

async function registerOnMinistryPortal() {
  const client = new DvcClient({ baseUrl: stack.service, clientId: 'ministry-portal' });
  const humanCheck = await solveHumanCheck(await client.getHumanCheckChallenge());
  const { registrationId } = await client.startRegistration(
    { subjectType: 'citizen', method: 'mobile', idNumber: citizen.idNumber, fullName: citizen.fullName, birthDate: citizen.birthDate, phone: citizen.phone, consentVersion: (await client.getConfig()).consentVersion, humanCheck },
    { idempotencyKey: crypto.randomUUID() },
  );
  await client.verifyRegistrationCode(registrationId, { code: await readCodeFromOutbox(stack.service, citizen.e164) });
  return client.completeRegistration(registrationId, { password, passwordConfirmation: password });
}

test('an account registered through one portal signs in from a Node integrator of another, and its ID token verifies', async () => {
  const { account } = await registerOnMinistryPortal();
  assert.equal(account.ial, 2);

  const verified = await signInAndVerify({
    service: stack.service,
    clientId: 'provincial-portal',
    idNumber: citizen.idNumber,
    password,
    readCode: () => readCodeFromOutbox(stack.service, citizen.e164),
  });

  assert.equal(verified.name, 'Trần Thị Bích Ngọc');
  assert.equal(verified.sub, account.sub);
  assert.equal(verified.ial, 2);
  assert.equal(verified.aal, 2);
  assert.ok(verified.amr.includes('pwd') && verified.amr.includes('otp'));
});

test('the Node integrator gets invalid_credentials with a Vietnamese message for a wrong password', async () => {
  await assert.rejects(
    signInAndVerify({ service: stack.service, clientId: 'provincial-portal', idNumber: citizen.idNumber, password: 'Sai-Mat-Khau-1!', readCode: async () => '000000' }),
    (error: unknown) => error instanceof DvcError && error.code === 'invalid_credentials' && error.localizedMessage('vi') === 'Số định danh hoặc mật khẩu không đúng.',
  );
});
