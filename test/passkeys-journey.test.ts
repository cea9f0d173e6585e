import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startStack } from '../examples/stack.mjs';
import { expectNoAxeViolations, launchChromium, newCitizenContext, readCodeFromOutboxPage } from './support/browser.js';
import { registerCitizen } from './support/register-citizen.mjs';

// Passkeys on the example stack `npm start` runs (the service offers them with RP ID `localhost`, the
// portals are named http://localhost:<port>): a citizen adds one on the provincial portal's account
// section and signs in with it instead of the code, in a real Chromium whose virtual authenticator
// (CDP WebAuthn) holds a real key pair. The portal's backend verifies the ID token and reads its amr.

type Stack = { service: string; outbox: string; ministry: string; provincial: string; close: () => Promise<void> };
let stack: Stack;
let browser: Browser;
let closeBrowser: () => Promise<void>;

const an = { idNumber: '001090001234', fullName: 'Nguyễn Văn An', birthDate: '1990-09-05', phone: '+84971234398' };
const password = 'Sông-Hồng-2024';

before(async () => {
  stack = await startStack({ humanCheck: { required: true, maxNumber: 3000 }, log: () => {} });
  ({ browser, close: closeBrowser } = await launchChromium());
});
after(async () => {
  await closeBrowser?.();
  await stack?.close();
});

async function signInWithPassword(page: Page) {
  await page.goto(stack.provincial);
  await page.getByLabel('Số định danh cá nhân').fill(an.idNumber);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('checkbox', { name: 'Tôi không phải là người máy' }).check();
  await page.getByText('Đã xác minh bạn không phải là người máy').waitFor();
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByText('Mã OTP đã được gửi tới số 097****398').waitFor();
}

test('on the example stack a citizen adds a passkey in the provincial portal’s account section and signs in with it instead of the code', async () => {
  const { code: registrationCode } = await registerCitizen({ service: stack.service, clientId: 'ministry-portal', citizen: an, password });
  const { context, problems } = await newCitizenContext(browser);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  // Signed in with password and code; the account section offers passkeys.
  await signInWithPassword(page);
  await page.getByLabel('Mã OTP (6 chữ số)').fill(await readCodeFromOutboxPage(context, stack.outbox, '0971234398', registrationCode));
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: 'Khóa truy cập (passkey)' }).waitFor();
  await page.getByRole('button', { name: 'Thêm khóa truy cập' }).click();
  await page.getByLabel('Mật khẩu hiện tại').fill(password);
  await page.getByLabel('Tên gợi nhớ (không bắt buộc)').fill('Máy tính ở nhà');
  await page.getByRole('button', { name: 'Thêm khóa truy cập' }).click();
  await page.getByText('Đã thêm khóa truy cập', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Xóa Máy tính ở nhà' }).waitFor();
  await expectNoAxeViolations(page, 'account: passkey added');
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.deepEqual(credentials.map((credential) => credential.rpId), ['localhost']);

  // A new visit: the password, then the passkey instead of the code; the portal's backend sees amr with hwk or swk.
  await signInWithPassword(page);
  await expectNoAxeViolations(page, 'sign-in: code or passkey');
  const session = page.waitForResponse((response) => response.url().endsWith('/api/session'));
  await page.getByRole('button', { name: 'Dùng khóa truy cập (passkey)' }).click();
  const verified = (await (await session).json()) as { verified: boolean; name: string; amr: string[] };
  assert.equal(verified.verified, true);
  assert.equal(verified.name, an.fullName);
  assert.ok(verified.amr.includes('pwd') && (verified.amr.includes('hwk') || verified.amr.includes('swk')), `amr ${verified.amr.join(' ')}`);
  await page.getByText('dùng lần cuối', { exact: false }).waitFor();
  assert.deepEqual(problems, [], 'the pages broke their Content-Security-Policy or threw');
  await context.close();
});
