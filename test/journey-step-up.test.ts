import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startStack } from '../examples/stack.mjs';
import { expectNoAxeViolations, launchChromium, newCitizenContext, readCodeFromOutboxPage } from './support/browser.js';
import { registerCitizen } from './support/register-citizen.mjs';

// Step-up across the two example portals, in a real Chromium: a citizen signed in at AAL2 on the provincial
// portal opens the ministry portal's high-assurance page (examples/ministry-portal/ho-so.html). Its
// <dvc-assurance-gate min-ial="2" min-aal="2"> signs the citizen in there (each portal holds its own session),
// asks the identity service, shows the records section, whose script calls the portal's backend; the backend
// asks IAL3 with an RFC 9470 challenge, which the page hands to the gate, and the gate asks for the upgrade by
// signature in place. (The signature itself is <dvc-signature>'s, tested with it.)

type Stack = { service: string; outbox: string; ministry: string; provincial: string; close: () => Promise<void> };
let stack: Stack;
let browser: Browser;
let closeBrowser: () => Promise<void>;

/** Hoàng Đức Thắng, a fictional citizen of packages/server/fixtures/sandbox-citizens.json. */
const thang = { idNumber: '040088001357', fullName: 'Hoàng Đức Thắng', birthDate: '1988-06-30', phone: '+84861234567', national: '0861234567' };
const password = 'Tràng-An-1988!';

before(async () => {
  stack = await startStack({ humanCheck: { required: false }, log: () => {} });
  ({ browser, close: closeBrowser } = await launchChromium());
});
after(async () => {
  await closeBrowser?.();
  await stack?.close();
});

/** Signs in with the first sign-in form on the page (the portal's own, or the one inside the gate). */
async function signIn(page: Page, context: Parameters<typeof readCodeFromOutboxPage>[0], previousCode: string): Promise<string> {
  await page.getByLabel('Số định danh cá nhân').fill(thang.idNumber);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByText('Mã OTP đã được gửi tới số').waitFor();
  const code = await readCodeFromOutboxPage(context, stack.outbox, thang.national, previousCode);
  await page.getByLabel('Mã OTP (6 chữ số)').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  return code;
}

test('signed in at AAL2 on the provincial portal, the ministry portal\'s gated page signs in, shows the section, and steps up to the IAL3 its backend asks', async () => {
  const { code: registrationCode } = await registerCitizen({ service: stack.service, clientId: 'ministry-portal', citizen: thang, password });
  const { context, problems } = await newCitizenContext(browser);
  const page = await context.newPage();

  await page.goto(stack.provincial);
  const firstCode = await signIn(page, context, registrationCode);
  await page.getByText('Đã đăng nhập: Hoàng Đức Thắng — Mức xác minh 2').waitFor();

  await page.goto(new URL('/ho-so.html', stack.ministry).href);
  await page.getByText('Vui lòng đăng nhập để sử dụng dịch vụ này.').waitFor();
  assert.equal(await page.locator('#records').isVisible(), false, 'nothing of the section before the service said so');
  await expectNoAxeViolations(page, 'gate: sign in');
  await signIn(page, context, firstCode);

  // The gate showed the section; its script called the backend, whose challenge (IAL3) went back to the gate.
  await page.getByText('Dịch vụ này yêu cầu tài khoản xác minh mức 3; hãy ký số để nâng mức xác minh.').waitFor();
  assert.equal(await page.locator('dvc-assurance-gate dvc-signature[operation="upgrade"]').count(), 1);
  assert.equal(await page.locator('#records').isVisible(), false);
  await expectNoAxeViolations(page, 'gate: step up');

  assert.deepEqual(problems, [], 'the pages broke their Content-Security-Policy or threw');
  await context.close();
});
