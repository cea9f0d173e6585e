import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DvcClient, solveHumanCheck } from '@dvc-kit/sdk';
import type { Browser, Page } from 'playwright-core';
import { startStack } from '../examples/stack.mjs';
import { expectNoAxeViolations, launchChromium, newCitizenContext, readCodeFromOutboxPage } from './support/browser.js';
import { registerCitizen } from './support/register-citizen.mjs';

// The whole path a citizen takes, in a real Chromium, across two portals on two origins sharing one
// identity service — the same stack `npm start` runs. Codes are read from the SMS outbox page.
// Each test makes the accounts it needs (its own fictional citizen, registered through the API), so
// one failing test cannot turn the next into a pass that proves nothing.

type Stack = { service: string; outbox: string; ministry: string; provincial: string; close: () => Promise<void> };
let stack: Stack;
let browser: Browser;
let closeBrowser: () => Promise<void>;
/** The service's log lines: kept out of the test report, and checked for personal data at the end. */
const logLines: string[] = [];
const codesSeen: string[] = [];

const an = { idNumber: '001090001234', fullName: 'Nguyễn Văn An', birthDate: '05/09/1990', phone: '0971234398' };
const password = 'Sông-Hồng-2024';
/** Fictional citizens of packages/server/fixtures/sandbox-citizens.json, as the API takes them, and as the page does. */
const ngoc = { idNumber: '079195004321', fullName: 'Trần Thị Bích Ngọc', birthDate: '1995-03-12', phone: '+84912345678' };
const ngocOnPage = { ...ngoc, birthDate: '12/03/1995', phone: '0912345678' };
const tuyet = { idNumber: '092199002468', fullName: 'Võ Thị Ánh Tuyết', birthDate: '1999-12-24', phone: '+84781234567' };
const bao = { idNumber: '038201009999', fullName: 'Đặng Quốc Bảo', birthDate: '2001-02-14', phone: '+84941234567' };
/** Phạm Thị Thu Hà, with a second SIM the sandbox carrier has in her name. */
const ha = { idNumber: '031187000042', fullName: 'Phạm Thị Thu Hà', birthDate: '1987-01-01', phone: '+84321234567' };
const haNewPhone = { national: '0331234567', e164: '+84331234567' };
const haPasswords = ['Trà-Cổ-Biển-2020', 'Núi-Bà-Đen-2025', 'Cầu-Long-Biên-1902'] as const;
/** Bùi Thị Lan: a sandbox citizen no test registers. */
const lanWithoutAccount = '026194005555';
const otherPassword = 'Hạ-Long-Bay-1999';

before(async () => {
  stack = await startStack({ humanCheck: { required: true, maxNumber: 3000 }, log: (line) => logLines.push(line) });
  ({ browser, close: closeBrowser } = await launchChromium());
});
after(async () => {
  await closeBrowser?.();
  await stack?.close();
});

async function passHumanCheck(page: Page) {
  const box = page.getByRole('checkbox', { name: 'Tôi không phải là người máy' });
  await box.check();
  await page.getByText('Đã xác minh bạn không phải là người máy').waitFor();
}

async function fillDetails(page: Page, citizen: typeof an) {
  await page.getByLabel('Số định danh cá nhân').fill(citizen.idNumber);
  await page.getByLabel('Họ và tên').fill(citizen.fullName);
  await page.getByLabel('Ngày sinh (dd/mm/yyyy)').fill(citizen.birthDate);
  await page.getByLabel('Số điện thoại').fill(citizen.phone);
  await page.getByRole('checkbox', { name: /Tôi đồng ý/ }).check();
  await passHumanCheck(page);
}

test('a citizen registers on the ministry portal by mobile subscriber and signs in on the provincial portal', async () => {
  const { context, problems } = await newCitizenContext(browser);
  const page = await context.newPage();

  // Registration: method → details → code → password → done.
  await page.goto(stack.ministry);
  await page.getByRole('heading', { name: 'Chọn đối tượng và phương thức xác minh' }).waitFor();
  await expectNoAxeViolations(page, 'method');
  await page.getByRole('radio', { name: /Thuê bao di động/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.getByRole('heading', { name: 'Thông tin công dân' }).waitFor();
  await expectNoAxeViolations(page, 'details');
  await fillDetails(page, an);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.getByText('Mã OTP đã được gửi tới số 097****398').waitFor();
  await expectNoAxeViolations(page, 'code');
  const registrationCode = await readCodeFromOutboxPage(context, stack.outbox, an.phone);
  codesSeen.push(registrationCode);
  await page.getByLabel('Mã OTP (6 chữ số)').fill(registrationCode);
  await page.getByRole('button', { name: 'Xác nhận' }).click();

  await page.getByRole('heading', { name: 'Đặt mật khẩu' }).waitFor();
  await expectNoAxeViolations(page, 'password');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByLabel('Nhập lại mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Hoàn tất đăng ký' }).click();

  await page.getByRole('heading', { name: 'Đăng ký tài khoản thành công' }).waitFor();
  await page.getByText('Mức xác minh 2').first().waitFor();
  await expectNoAxeViolations(page, 'registered');

  // Sign-in on the other origin with the same account: credentials → code → signed in.
  await page.goto(stack.provincial);
  await page.getByRole('heading', { name: 'Đăng nhập' }).first().waitFor();
  await expectNoAxeViolations(page, 'credentials');
  await page.getByLabel('Số định danh cá nhân').fill(an.idNumber);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await passHumanCheck(page);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();

  await page.getByText('Mã OTP đã được gửi tới số 097****398').waitFor();
  await expectNoAxeViolations(page, 'sign-in code');
  const signInCode = await readCodeFromOutboxPage(context, stack.outbox, an.phone, registrationCode);
  codesSeen.push(signInCode);
  await page.getByLabel('Mã OTP (6 chữ số)').fill(signInCode);
  await page.getByRole('button', { name: 'Xác nhận' }).click();

  await page.getByText('Đã đăng nhập: Nguyễn Văn An — Mức xác minh 2').waitFor();
  // The provincial portal's backend verified the ID token against the service's JWKS.
  await page.getByRole('heading', { name: 'Phiên đăng nhập đã được máy chủ cổng xác minh' }).waitFor();
  assert.equal(await page.locator('#session-name').textContent(), 'Nguyễn Văn An');
  assert.equal(await page.locator('#session-ial').textContent(), 'IAL2');
  await expectNoAxeViolations(page, 'signed in');

  assert.deepEqual(problems, [], 'the pages broke their Content-Security-Policy or threw');
  await context.close();
});

test('registering again with an ID number that has an account is told so and pointed to "Quên mật khẩu"', async () => {
  const { code: firstCode } = await registerCitizen({ service: stack.service, clientId: 'ministry-portal', citizen: ngoc, password: otherPassword });
  codesSeen.push(firstCode);
  const { context, problems } = await newCitizenContext(browser);
  const page = await context.newPage();
  await page.goto(stack.ministry);
  await page.getByRole('radio', { name: /Thuê bao di động/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await fillDetails(page, ngocOnPage);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByText('Mã OTP đã được gửi tới số 091****678').waitFor();
  const code = await readCodeFromOutboxPage(context, stack.outbox, ngocOnPage.phone, firstCode);
  codesSeen.push(code);
  await page.getByLabel('Mã OTP (6 chữ số)').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Số định danh này đã có tài khoản', { exact: false }).first().waitFor();
  await page.getByRole('link', { name: 'Quên mật khẩu' }).first().waitFor();
  await expectNoAxeViolations(page, 'account exists');
  assert.deepEqual(problems, []);
  await context.close();
});

test('details that do not match the carrier record get the carrier-mismatch message', async () => {
  const { context } = await newCitizenContext(browser);
  const page = await context.newPage();
  await page.goto(stack.ministry);
  await page.getByRole('radio', { name: /Thuê bao di động/ }).check();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await fillDetails(page, { ...an, idNumber: '048203007788', fullName: 'Lê Hoàng Minh', birthDate: '20/11/2003' });
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByText('Thông tin đăng ký không khớp với thông tin thuê bao tại nhà mạng', { exact: false }).first().waitFor();
  await expectNoAxeViolations(page, 'carrier mismatch');
  await context.close();
});

test('a wrong password and an unknown ID number get the same answer on sign-in, in English with lang="en"', async () => {
  const { account, code } = await registerCitizen({ service: stack.service, clientId: 'ministry-portal', citizen: tuyet, password: otherPassword });
  assert.equal(account.fullName, tuyet.fullName, 'the account whose password is then mistyped exists');
  codesSeen.push(code);
  const { context } = await newCitizenContext(browser);
  const page = await context.newPage();
  const answers: string[] = [];
  for (const idNumber of [tuyet.idNumber, lanWithoutAccount]) {
    await page.goto(stack.provincial);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).first().waitFor();
    await page.getByLabel('Personal ID number').fill(idNumber);
    await page.getByLabel('Password', { exact: true }).fill('Sai-Mat-Khau-9!');
    await page.getByRole('checkbox', { name: 'I am not a robot' }).check();
    await page.getByText('Checked: you are not a robot').waitFor();
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'incorrect' }).first();
    await alert.waitFor();
    answers.push((await alert.innerText()).trim());
  }
  assert.equal(answers[0], answers[1]);
  assert.match(answers[0]!, /The ID number or password is incorrect\./);
  await context.close();
});

test('a citizen recovers a forgotten password and changes phone on the provincial portal; the ministry portal then signs in with the new password and texts the new phone', async () => {
  const { code: registrationCode } = await registerCitizen({ service: stack.service, clientId: 'ministry-portal', citizen: ha, password: haPasswords[0] });
  codesSeen.push(registrationCode);
  const haNational = `0${ha.phone.slice(3)}`;
  const { context, problems } = await newCitizenContext(browser);
  const page = await context.newPage();

  // "Quên mật khẩu", opened in place from the sign-in form with the ID number already typed.
  await page.goto(stack.provincial);
  await page.getByLabel('Số định danh cá nhân').fill(ha.idNumber);
  await page.getByRole('button', { name: 'Quên mật khẩu' }).click();
  await page.getByRole('heading', { name: 'Quên mật khẩu' }).waitFor();
  assert.equal(await page.getByLabel('Số định danh cá nhân').inputValue(), ha.idNumber);
  await expectNoAxeViolations(page, 'recovery: ID number');
  await passHumanCheck(page);
  await page.getByRole('button', { name: 'Gửi mã OTP' }).click();
  await page.getByRole('heading', { name: 'Nhập mã OTP' }).waitFor();
  await expectNoAxeViolations(page, 'recovery: code');
  const recoveryCode = await readCodeFromOutboxPage(context, stack.outbox, haNational, registrationCode);
  codesSeen.push(recoveryCode);
  await page.getByLabel('Mã OTP (6 chữ số)').fill(recoveryCode);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
  await expectNoAxeViolations(page, 'recovery: new password');
  await page.getByLabel('Mật khẩu', { exact: true }).fill(haPasswords[0]);
  await page.getByLabel('Nhập lại mật khẩu').fill(haPasswords[0]);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByText('Mật khẩu mới không được trùng với 5 mật khẩu gần nhất.').first().waitFor();
  await page.getByLabel('Mật khẩu', { exact: true }).fill(haPasswords[1]);
  await page.getByLabel('Nhập lại mật khẩu').fill(haPasswords[1]);
  await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
  await page.getByRole('heading', { name: 'Đã đổi mật khẩu' }).waitFor();
  await expectNoAxeViolations(page, 'recovery: done');

  // Back to sign-in with the new password, then "Tài khoản": change the phone to her second SIM.
  await page.goto(stack.provincial);
  await page.getByLabel('Số định danh cá nhân').fill(ha.idNumber);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(haPasswords[1]);
  await passHumanCheck(page);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByText('Mã OTP đã được gửi tới số 032****567').waitFor();
  const signInCode = await readCodeFromOutboxPage(context, stack.outbox, haNational, recoveryCode);
  codesSeen.push(signInCode);
  await page.getByLabel('Mã OTP (6 chữ số)').fill(signInCode);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByRole('heading', { name: 'Tài khoản của bạn' }).waitFor();
  await page.getByText('032****567').first().waitFor();
  await expectNoAxeViolations(page, 'account');
  await page.getByRole('button', { name: 'Đổi số điện thoại' }).click();
  await page.getByLabel('Số điện thoại mới').fill(haNewPhone.national);
  await page.getByLabel('Mật khẩu hiện tại').fill(haPasswords[1]);
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.getByText('Mã OTP đã được gửi tới số 033****567').waitFor();
  await expectNoAxeViolations(page, 'account: phone code');
  const changeCode = await readCodeFromOutboxPage(context, stack.outbox, haNewPhone.national);
  codesSeen.push(changeCode);
  await page.getByLabel('Mã OTP (6 chữ số)').fill(changeCode);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.getByText('Đã đổi số điện thoại', { exact: false }).first().waitFor();
  await page.getByText('033****567').first().waitFor();
  await expectNoAxeViolations(page, 'account: phone changed');
  assert.deepEqual(problems, [], 'the pages broke their Content-Security-Policy or threw');
  await context.close();

  // The ministry portal (its backend, through the SDK) signs her in with the new password; the code goes to the new phone.
  const ministry = new DvcClient({ baseUrl: stack.service, clientId: 'ministry-portal' });
  const humanCheck = await solveHumanCheck(await ministry.getHumanCheckChallenge());
  await assert.rejects(ministry.startSignIn({ idNumber: ha.idNumber, password: haPasswords[0], humanCheck }), { code: 'invalid_credentials' });
  const started = await ministry.startSignIn({ idNumber: ha.idNumber, password: haPasswords[1], humanCheck: await solveHumanCheck(await ministry.getHumanCheckChallenge()) });
  assert.equal(started.otp.maskedPhone, '033****567');
  const outbox = (await (await fetch(`${stack.service}/dev/outbox.json?phone=${encodeURIComponent(haNewPhone.e164)}`)).json()) as { messages: { text: string }[] };
  const ministryCode = /\b(\d{6})\b/.exec(outbox.messages[0]!.text)![1]!;
  codesSeen.push(ministryCode);
  const { account } = await ministry.verifySignInCode(started.signInId, { code: ministryCode });
  assert.equal(account.fullName, ha.fullName);
});

test('after all of the above, no log line of the service holds an ID number, a phone number, a code or a password', async () => {
  // This test's own registration, so there is something to look for even when the tests above failed.
  const { code } = await registerCitizen({ service: stack.service, clientId: 'ministry-portal', citizen: bao, password: otherPassword });
  codesSeen.push(code);
  assert.ok(logLines.length > 0, 'the service logged nothing');
  const citizens = [an, ngoc, tuyet, bao];
  const secrets = [
    ...citizens.map((citizen) => citizen.idNumber),
    lanWithoutAccount,
    '048203007788',
    ...[an.phone, ngocOnPage.phone].flatMap((phone) => [phone, `84${phone.slice(1)}`]),
    ...[ngoc.phone, tuyet.phone, bao.phone].flatMap((phone) => [phone, phone.slice(1), `0${phone.slice(3)}`]),
    ha.idNumber,
    ...[ha.phone, haNewPhone.e164].flatMap((phone) => [phone, phone.slice(1), `0${phone.slice(3)}`]),
    ...haPasswords,
    password,
    otherPassword,
    'Sai-Mat-Khau-9!',
    ...codesSeen,
  ];
  // Standing alone, not inside a longer run of letters and digits such as a keyed hash.
  const alone = (secret: string) => new RegExp(`(?<![0-9A-Za-z])${secret.replace(/[^0-9A-Za-z]/g, '\\$&')}(?![0-9A-Za-z])`);
  for (const line of logLines) for (const secret of secrets) assert.doesNotMatch(line, alone(secret), `a log line holds “${secret}”`);
});
