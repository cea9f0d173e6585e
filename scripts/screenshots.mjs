#!/usr/bin/env node
// `npm run docs:screenshots`: the pictures of docs/guides/citizen-flows.md, taken from the real stack
// (`npm start`'s identity service and example portals, development mode, PGlite in a temporary folder)
// in Debian's Chromium. Each flow is walked as a citizen would, with fictional citizens of the sandbox
// registers; each step's widget is photographed on its own into docs/guides/images/<flow>-<step>.png.
// Run it after changing how a widget looks; the docs test checks every picture the guide names exists.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStack } from '../examples/stack.mjs';
import { registerCitizen } from '../test/support/register-citizen.mjs';

const IMAGES = fileURLToPath(new URL('../docs/guides/images/', import.meta.url));
const PASSWORD = 'Sông-Hồng-2024';
const NEW_PASSWORD = 'Hồ-Tây-mùa-thu-2025';
/** Sandbox citizens (packages/server/fixtures/sandbox-citizens.json), as a citizen types them. */
const AN = { idNumber: '001090001234', fullName: 'Nguyễn Văn An', birthDate: '05/09/1990', phone: '0971234398' };
/** Registered by social insurance, as the API takes them (yyyy-mm-dd, E.164). */
const MINH = { idNumber: '048203007788', fullName: 'Lê Hoàng Minh', birthDate: '2003-11-20', phone: '+84901234567', bhxhCode: '4801234567' };
/** Registered by social insurance with a phone since lost; the carrier has his current SIM (+84861234567). */
const THANG = { idNumber: '040088001357', fullName: 'Hoàng Đức Thắng', birthDate: '1988-06-30', phone: '+84869999999', bhxhCode: '4001234567' };
/** Phạm Thị Thu Hà, whose second SIM the sandbox carrier knows (+84331234567). */
const HA = { idNumber: '031187000042', fullName: 'Phạm Thị Thu Hà', birthDate: '1987-01-01', phone: '+84321234567' };
/** Bùi Thị Lan has no account: lost-phone recovery sends her to a counter. */
const LAN = { idNumber: '026194005555', fullName: 'Bùi Thị Lan', birthDate: '07/07/1994', bhxhCode: '2601234567', phone: '0981234567' };

const only = process.argv.slice(2);
const dataDir = mkdtempSync(join(tmpdir(), 'dvc-screenshots-'));
mkdirSync(IMAGES, { recursive: true });
const stack = await startStack({ dataDir, humanCheck: { required: true, maxNumber: 3000 }, log: () => {} });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run'],
});

/** The newest code texted to a phone (national form), read from the development outbox. */
async function codeFor(phone, notThis) {
  const international = `+84${phone.slice(1)}`;
  for (let attempt = 0; attempt < 40; attempt++) {
    const { messages } = await (await fetch(`${stack.service}/dev/outbox.json?phone=${encodeURIComponent(international)}`)).json();
    const code = messages.map((message) => /\b(\d{6})\b/.exec(message.text)?.[1]).find(Boolean);
    if (code && code !== notThis) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no code for ${phone} in the outbox`);
}

/** Photographs one widget (its box and a margin) as docs/guides/images/<name>.png. */
async function shot(page, selector, name) {
  await page.waitForTimeout(150); // let focus rings and live regions settle
  await page.locator(selector).first().screenshot({ path: join(IMAGES, `${name}.png`), animations: 'disabled' });
  process.stderr.write(`  ${name}.png\n`);
}

async function passHumanCheck(page) {
  await page.getByRole('checkbox', { name: 'Tôi không phải là người máy' }).check();
  await page.getByText('Đã xác minh bạn không phải là người máy').waitFor();
}

const flows = {
  /** Registering by mobile subscriber on the ministry portal, through to the account made. */
  async register(page) {
    await page.goto(stack.ministry);
    await page.getByRole('radio', { name: /Thuê bao di động/ }).waitFor();
    await shot(page, 'dvc-register', 'register-1-method');
    await page.getByRole('radio', { name: /Thuê bao di động/ }).check();
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('heading', { name: 'Thông tin công dân' }).waitFor();
    await page.getByLabel('Số định danh cá nhân').fill(AN.idNumber);
    await page.getByLabel('Họ và tên').fill(AN.fullName);
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill(AN.birthDate);
    await page.getByLabel('Số điện thoại').fill(AN.phone);
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    await passHumanCheck(page);
    await shot(page, 'dvc-register', 'register-2-details');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Mã OTP đã được gửi tới số').waitFor();
    await shot(page, 'dvc-register', 'register-3-code');
    await page.getByLabel('Mã OTP (6 chữ số)').fill(await codeFor(AN.phone));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('heading', { name: 'Đặt mật khẩu' }).waitFor();
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
    await shot(page, 'dvc-register', 'register-4-password');
    await page.getByRole('button', { name: 'Hoàn tất đăng ký' }).click();
    await page.getByRole('heading', { name: 'Đăng ký tài khoản thành công' }).waitFor();
    await shot(page, 'dvc-register', 'register-5-done');
  },

  /** Signing in on the provincial portal with the account made above. */
  async signIn(page) {
    await page.goto(stack.provincial);
    await page.getByLabel('Số định danh cá nhân').fill(AN.idNumber);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await passHumanCheck(page);
    await shot(page, 'dvc-login', 'sign-in-1-credentials');
    const before = await codeFor(AN.phone);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Mã OTP đã được gửi tới số').waitFor();
    await shot(page, 'dvc-login', 'sign-in-2-code');
    await page.getByLabel('Mã OTP (6 chữ số)').fill(await codeFor(AN.phone, before));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã đăng nhập').first().waitFor();
    await shot(page, 'dvc-login', 'sign-in-3-done');
  },

  /** Registering by social insurance on the provincial portal's register page. */
  async registerBhxh(page) {
    await page.goto(new URL('dang-ky.html', stack.provincial).href);
    await page.getByRole('radio', { name: /Bảo hiểm xã hội/ }).check();
    await shot(page, 'dvc-register', 'register-bhxh-1-method');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByLabel('Mã số bảo hiểm xã hội').waitFor();
    await page.getByLabel('Số định danh cá nhân').fill(MINH.idNumber);
    await page.getByLabel('Mã số bảo hiểm xã hội').fill(MINH.bhxhCode);
    await page.getByLabel('Họ và tên').fill(MINH.fullName);
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill('20/11/2003');
    await page.getByLabel('Số điện thoại').fill('0901234567');
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    await passHumanCheck(page);
    await shot(page, 'dvc-register', 'register-bhxh-2-details');
    await page.getByLabel('Mã số bảo hiểm xã hội').fill('4801234568');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByRole('alert').first().waitFor();
    await shot(page, 'dvc-register', 'register-bhxh-3-mismatch');
  },

  /** "Quên mật khẩu", opened in place from the sign-in form. */
  async recovery(page) {
    await page.goto(stack.provincial);
    await page.getByLabel('Số định danh cá nhân').fill(AN.idNumber);
    await page.getByRole('button', { name: 'Quên mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
    await passHumanCheck(page);
    await shot(page, 'dvc-login', 'recovery-1-id-number');
    const before = await codeFor(AN.phone);
    await page.getByRole('button', { name: 'Gửi mã OTP' }).click();
    await page.getByRole('heading', { name: 'Nhập mã OTP' }).waitFor();
    await page.getByLabel('Mã OTP (6 chữ số)').fill(await codeFor(AN.phone, before));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Mật khẩu mới không được trùng với 5 mật khẩu gần nhất.').first().waitFor();
    await shot(page, 'dvc-login', 'recovery-2-password-reused');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { name: 'Đã đổi mật khẩu' }).waitFor();
    await shot(page, 'dvc-login', 'recovery-3-done');
  },

  /** "Mất số điện thoại nhận OTP": by a fresh social-insurance match, and the counter when there is none. */
  async lostPhone(page) {
    await registerCitizen({ service: stack.service, clientId: 'provincial-portal', citizen: THANG, password: PASSWORD });
    await page.goto(stack.provincial);
    await page.getByRole('button', { name: 'Mất số điện thoại nhận OTP' }).click();
    await page.getByLabel('Mã số bảo hiểm xã hội').waitFor();
    await page.getByLabel('Số định danh cá nhân').fill(THANG.idNumber);
    await page.getByLabel('Mã số bảo hiểm xã hội').fill(THANG.bhxhCode);
    await page.getByLabel('Họ và tên').fill(THANG.fullName);
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill('30/06/1988');
    await page.getByLabel('Số điện thoại mới').fill('0861234567');
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    await passHumanCheck(page);
    await shot(page, 'dvc-login', 'lost-phone-1-details');
    await page.getByRole('button', { name: 'Gửi mã OTP' }).click();
    await page.getByRole('heading', { name: 'Nhập mã OTP' }).waitFor();
    await page.getByLabel('Mã OTP (6 chữ số)').fill(await codeFor('0861234567'));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('heading', { name: 'Đã đổi số điện thoại nhận OTP' }).waitFor();
    await shot(page, 'dvc-login', 'lost-phone-2-done');
    await page.goto(stack.provincial);
    await page.getByRole('button', { name: 'Mất số điện thoại nhận OTP' }).click();
    await page.getByLabel('Mã số bảo hiểm xã hội').waitFor();
    await page.getByLabel('Số định danh cá nhân').fill(LAN.idNumber);
    await page.getByLabel('Mã số bảo hiểm xã hội').fill(LAN.bhxhCode);
    await page.getByLabel('Họ và tên').fill(LAN.fullName);
    await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill(LAN.birthDate);
    await page.getByLabel('Số điện thoại mới').fill(LAN.phone);
    await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
    await passHumanCheck(page);
    await page.getByRole('button', { name: 'Gửi mã OTP' }).click();
    await page.getByRole('heading', { name: 'Đổi số điện thoại tại bộ phận một cửa' }).waitFor();
    await shot(page, 'dvc-login', 'lost-phone-3-counter');
  },

  /** The signed-in citizen's account on the provincial portal: details, then a change of phone. */
  async account(page) {
    await registerCitizen({ service: stack.service, clientId: 'ministry-portal', citizen: HA, password: PASSWORD });
    await page.goto(stack.provincial);
    await page.getByLabel('Số định danh cá nhân').fill(HA.idNumber);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(PASSWORD);
    await passHumanCheck(page);
    const before = await codeFor('0321234567');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Mã OTP đã được gửi tới số').waitFor();
    await page.getByLabel('Mã OTP (6 chữ số)').fill(await codeFor('0321234567', before));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('heading', { name: 'Tài khoản của bạn' }).waitFor();
    await shot(page, 'dvc-account', 'account-1-overview');
    await page.getByRole('button', { name: 'Đổi số điện thoại' }).click();
    await page.getByLabel('Số điện thoại mới').fill('0331234567');
    await page.getByLabel('Mật khẩu hiện tại').fill(PASSWORD);
    await shot(page, 'dvc-account', 'account-2-phone');
    await page.getByRole('button', { name: 'Tiếp tục' }).click();
    await page.getByText('Mã OTP đã được gửi tới số 033****567').waitFor();
    await page.getByLabel('Mã OTP (6 chữ số)').fill(await codeFor('0331234567'));
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByText('Đã đổi số điện thoại', { exact: false }).first().waitFor();
    await shot(page, 'dvc-account', 'account-3-phone-changed');
    await page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    await page.getByRole('heading', { name: 'Đăng xuất khỏi mọi thiết bị?' }).waitFor();
    await shot(page, 'dvc-account', 'account-4-sign-out-everywhere');
  },
};

try {
  for (const [name, walk] of Object.entries(flows)) {
    if (only.length && !only.includes(name)) continue;
    process.stderr.write(`${name}\n`);
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 560, height: 900 }, deviceScaleFactor: 1 });
    try {
      await walk(await context.newPage());
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  await stack.close();
  rmSync(dataDir, { recursive: true, force: true });
}
