#!/usr/bin/env node
// Usage (with `npm start` running and the citizen registered on the ministry portal):
//   node examples/node-integrator/index.mjs 001090001234 'Sông-Hồng-2024' +84971234398
// Without a phone argument the code is asked for on the terminal.
import { createInterface } from 'node:readline/promises';
import { DvcError } from '@dvc-kit/sdk';
import { readCodeFromOutbox, signInAndVerify } from './sign-in.mjs';

const [idNumber, password, phone] = process.argv.slice(2);
if (!idNumber || !password) {
  console.error('Usage: node examples/node-integrator/index.mjs <ID number> <password> [+84 phone for the dev outbox]');
  process.exit(2);
}
const service = process.env.DVC_SERVICE ?? 'http://127.0.0.1:4000';

try {
  const citizen = await signInAndVerify({
    service,
    clientId: process.env.DVC_CLIENT_ID ?? 'provincial-portal',
    idNumber,
    password,
    async readCode(maskedPhone) {
      if (phone) return readCodeFromOutbox(service, phone);
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      const code = await terminal.question(`Mã OTP đã gửi tới ${maskedPhone}: `);
      terminal.close();
      return code.trim();
    },
  });
  console.log(`Verified ID token: ${citizen.name} (sub ${citizen.sub}), IAL${citizen.ial}/AAL${citizen.aal}, amr ${citizen.amr.join('+')}`);
} catch (error) {
  if (error instanceof DvcError) {
    console.error(`${error.code}: ${error.localizedMessage('vi')}`);
    process.exit(1);
  }
  throw error;
}
