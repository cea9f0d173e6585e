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
// signature in place. The citizen signs with the page's development signer (examples/shared/dev-signer.js: a
// certificate of the service's development CA, real X.509 and ECDSA), the backend now serves the records, and
// the provincial portal, still open in its own tab, sees the same account at IAL3 at once.

type Stack = { service: string; outbox: string; ministry: string; provincial: string; close: () => Promise<void> };
let stack: Stack;
let browser: Browser;
let closeBrowser: () => Promise<void>;

/**
 * Nguyễn Văn An, a fictional citizen of packages/server/fixtures/sandbox-citizens.json, whose certificate the
 * example pages' development signer holds (as does Trần Thị Bích Ngọc's: the citizen picks his own).
 */
const an = { idNumber: '001090001234', fullName: 'Nguyễn Văn An', birthDate: '1990-09-05', phone: '+84971234398', national: '0971234398' };
const password = 'Hồ-Tây-Sen-Nở-2024!';

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
  await page.getByLabel('Số định danh cá nhân').fill(an.idNumber);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByText('Mã OTP đã được gửi tới số').waitFor();
  const code = await readCodeFromOutboxPage(context, stack.outbox, an.national, previousCode);
  await page.getByLabel('Mã OTP (6 chữ số)').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  return code;
}

test('signed in at AAL2 on the provincial portal, the ministry portal\'s gated page signs in, steps up to the IAL3 its backend asks by signing, shows the records, and the provincial portal sees IAL3', async () => {
  const { code: registrationCode } = await registerCitizen({ service: stack.service, clientId: 'ministry-portal', citizen: an, password });
  const { context, problems } = await newCitizenContext(browser);
  const provincial = await context.newPage();

  await provincial.goto(stack.provincial);
  const firstCode = await signIn(provincial, context, registrationCode);
  await provincial.getByText('Đã đăng nhập: Nguyễn Văn An — Mức xác minh 2').waitFor();

  // The ministry portal in another tab: the provincial portal keeps its own session.
  const page = await context.newPage();
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

  // The upgrade by USB token: the development signer holds two certificates; the citizen picks his, checks what
  // the service read from it, and signs.
  await page.getByRole('button', { name: 'USB ký số' }).click();
  await page.getByRole('radio', { name: /^Nguyễn Văn An — / }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByRole('heading', { name: 'Kiểm tra chứng thư số' }).waitFor();
  for (const shown of ['Nguyễn Văn An', an.idNumber]) await page.getByRole('definition').filter({ hasText: shown }).first().waitFor();
  await expectNoAxeViolations(page, 'gate: the certificate');
  await page.getByRole('button', { name: 'Xác nhận ký' }).click();

  // The gate asked the service again, the page asked its backend again, and the backend serves the records.
  await page.locator('#records').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#records-level').textContent(), 'IAL3, AAL2');
  await expectNoAxeViolations(page, 'gate: the records');

  // The provincial portal's own session, unchanged, reads the new level from the service at once (through the
  // SDK its page is served, as the portal's own script would).
  const seen = await provincial.evaluate(async (service) => {
    const { accessToken } = document.getElementById('account') as HTMLElement & { accessToken: string };
    const sdk = '/vendor/sdk/client/client.js';
    const { DvcClient } = (await import(sdk)) as typeof import('@dvc-kit/sdk');
    return new DvcClient({ baseUrl: service, clientId: 'provincial-portal' }).getSessionAssurance(accessToken);
  }, stack.service);
  assert.deepEqual([seen.ial, seen.ialMethod, seen.aal], [3, 'usb_token', 2]);

  assert.deepEqual(problems, [], 'the pages broke their Content-Security-Policy or threw');
  await context.close();
});
