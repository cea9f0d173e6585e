import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DvcClient } from '@dvc-kit/sdk';
import { startStack } from '../examples/stack.mjs';
import { readCodeFromOutbox } from '../examples/node-integrator/sign-in.mjs';

// What `npm start` runs keeps its accounts in the embedded database folder across restarts.

const citizen = { idNumber: '040088001357', fullName: 'Hoàng Đức Thắng', birthDate: '1988-06-30', phone: '0861234567', e164: '+84861234567' };
const password = 'Cầu-Long-Biên-88';

test('an account registered before a restart of the stack signs in after it, from the same data folder', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dvc-stack-'));
  try {
    const first = await startStack({ dataDir, humanCheck: { required: false }, log: () => {} });
    try {
      const client = new DvcClient({ baseUrl: first.service, clientId: 'ministry-portal' });
      const { consentVersion, passkeys } = await client.getConfig();
      // Passkeys on the example portals: named localhost, the RP ID a browser accepts in development.
      assert.deepEqual(passkeys, { offered: true, rpId: 'localhost' });
      assert.match(first.ministry, /^http:\/\/localhost:\d+\/$/);
      assert.match(first.provincial, /^http:\/\/localhost:\d+\/$/);
      const { registrationId } = await client.startRegistration({ subjectType: 'citizen', method: 'mobile', idNumber: citizen.idNumber, fullName: citizen.fullName, birthDate: citizen.birthDate, phone: citizen.phone, consentVersion });
      await client.verifyRegistrationCode(registrationId, { code: await readCodeFromOutbox(first.service, citizen.e164) });
      await client.completeRegistration(registrationId, { password, passwordConfirmation: password });
    } finally {
      await first.close();
    }

    const second = await startStack({ dataDir, humanCheck: { required: false }, log: () => {} });
    try {
      const client = new DvcClient({ baseUrl: second.service, clientId: 'provincial-portal' });
      const { signInId, otp } = await client.startSignIn({ idNumber: citizen.idNumber, password });
      assert.equal(otp.maskedPhone, '086****567');
      const { account } = await client.verifySignInCode(signInId, { code: await readCodeFromOutbox(second.service, citizen.e164) });
      assert.equal(account.fullName, 'Hoàng Đức Thắng');
      assert.equal(account.ial, 2);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
