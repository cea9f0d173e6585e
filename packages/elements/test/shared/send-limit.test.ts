import { expect, fixture, html } from '@open-wc/testing';
import { problemMessage } from '@dvc-kit/sdk';
import { MOCK_CITIZENS, MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcAccount } from '../../src/account/account.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcPhoneRecovery } from '../../src/phone-recovery/phone-recovery.js';
import type { DvcRecovery } from '../../src/recovery/recovery.js';
import type { DvcRegister } from '../../src/register/register.js';
import { byButton, byLabel, deep, focused, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, NGOC, testService, type TestService } from '../support/service.js';

// The report: once a phone had its three codes of the minute, <dvc-login> was said to stay on "Đang kiểm
// tra thông tin đăng nhập…" instead of showing the wait. Every widget that sends a code is driven here
// into the mock's real per-phone limit (three texts a minute, as the service counts them) — no forced
// failure — and must show the wait at once, in the announced summary that takes focus, in the citizen's
// language, and let the citizen go on once the minute has passed.

/** Soon enough to be "at once": the mock answers in milliseconds, so anything near a second is a hang. */
const AT_ONCE = 1500;

/** The wait, announced: the error summary (role="alert") shows it and has focus. */
async function showsWait(el: Element, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  await shows(el, problemMessage('otp_rate_limited', lang, { seconds: 60 }), AT_ONCE);
  const summary = deep<HTMLElement>(el, '.error-summary')!;
  expect(summary.getAttribute('role')).to.equal('alert');
  expect(textOf(summary)).to.contain(problemMessage('otp_rate_limited', lang, { seconds: 60 }));
  expect(focused()).to.equal(summary);
  expect(textOf(el), 'nothing is still in progress').not.to.match(/Đang |Checking|Sending/);
  await expect(el).to.be.accessible();
}

/** Three texts to a phone (E.164) in this minute, as other flows would have sent them. */
function fillTheMinute(service: TestService, phone: string): void {
  for (let i = 0; i < 3; i++) service.scenario.outbox.push({ phone, code: '', purpose: 'phone-changed', sentAt: service.clock.now() });
}

describe('a widget whose code the per-phone send limit refuses', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`<dvc-login lang="${lang}">: the fourth sign-in of a minute shows the wait at once, and signs in once it has passed`, async () => {
      const service = testService();
      const login = async () => {
        const el = await fixture<DvcLogin>(html`<dvc-login lang=${lang} .client=${service.client} .clock=${service.clock}></dvc-login>`);
        await shows(el, lang === 'en' ? 'Personal ID number' : 'Số định danh cá nhân');
        await typeInto(byLabel(el, lang === 'en' ? 'Personal ID number' : 'Số định danh cá nhân'), AN.idNumber);
        await typeInto(byLabel(el, lang === 'en' ? 'Password' : 'Mật khẩu'), MOCK_PASSWORD);
        await press('Enter');
        return el;
      };
      for (let i = 0; i < 3; i++) await shows(await login(), lang === 'en' ? 'A code has been sent to' : 'Mã OTP đã được gửi tới số');
      const el = await login();
      await showsWait(el, lang);

      service.clock.advance(60_000);
      byButton(el, lang === 'en' ? 'Sign in' : 'Đăng nhập').click();
      await shows(el, lang === 'en' ? `A code has been sent to ${AN.maskedPhone}` : `Mã OTP đã được gửi tới số ${AN.maskedPhone}`);
    });
  }

  it('<dvc-register>: the wait at once after the details, and the code once it has passed', async () => {
    const service = testService();
    fillTheMinute(service, '+84912345678');
    const el = await fixture<DvcRegister>(html`<dvc-register lang="vi" .client=${service.client} .clock=${service.clock}></dvc-register>`);
    await shows(el, 'Thuê bao di động');
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Thông tin công dân');
    await typeInto(byLabel(el, 'Số định danh cá nhân'), NGOC.idNumber);
    await typeInto(byLabel(el, 'Họ và tên'), NGOC.fullName);
    await typeInto(byLabel(el, 'Ngày sinh'), NGOC.birthDate);
    await typeInto(byLabel(el, 'Số điện thoại'), NGOC.phone);
    byLabel(el, 'Nghị định 13/2023').click();
    byButton(el, 'Tiếp tục').click();
    await showsWait(el);
    service.clock.advance(60_000);
    byButton(el, 'Tiếp tục').click();
    await shows(el, `Mã OTP đã được gửi tới số ${NGOC.maskedPhone}`);
  });

  it('<dvc-recovery>: the wait at once, and the code once it has passed', async () => {
    const service = testService();
    fillTheMinute(service, '+84971234398');
    const el = await fixture<DvcRecovery>(html`<dvc-recovery lang="vi" .client=${service.client} .clock=${service.clock}></dvc-recovery>`);
    await shows(el, 'Số định danh cá nhân');
    await typeInto(byLabel(el, 'Số định danh cá nhân'), AN.idNumber);
    await press('Enter');
    await showsWait(el);
    service.clock.advance(60_000);
    byButton(el, 'Gửi mã OTP').click();
    await shows(el, 'Nếu số định danh này có tài khoản, mã OTP đã được gửi');
  });

  it('<dvc-phone-recovery>: the wait at once for the new phone, and the code once it has passed', async () => {
    const service = testService({ config: { registrationMethods: ['mobile', 'bhxh'] } });
    const ngoc = MOCK_CITIZENS.find((c) => c.idNumber === NGOC.idNumber)!;
    // Ngọc's account has a phone she has lost; the carrier has her current SIM, which the codes go to.
    const { client } = service;
    const details = { idNumber: NGOC.idNumber, bhxhCode: ngoc.bhxhCode!, fullName: NGOC.fullName, birthDate: NGOC.birthDate, phone: '0987654321' };
    const { registrationId } = await client.startRegistration({ subjectType: 'citizen', method: 'bhxh', ...details, consentVersion: (await client.getConfig()).consentVersion });
    await client.verifyRegistrationCode(registrationId, { code: '123456' });
    await client.completeRegistration(registrationId, { password: 'Mây-Trắng-77', passwordConfirmation: 'Mây-Trắng-77' });
    fillTheMinute(service, ngoc.phone);
    const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="vi" .client=${service.client} .clock=${service.clock}></dvc-phone-recovery>`);
    await shows(el, 'Mã số bảo hiểm xã hội');
    await typeInto(byLabel(el, 'Số định danh cá nhân'), NGOC.idNumber);
    await typeInto(byLabel(el, 'Mã số bảo hiểm xã hội'), ngoc.bhxhCode!);
    await typeInto(byLabel(el, 'Họ và tên'), NGOC.fullName);
    await typeInto(byLabel(el, 'Ngày sinh'), NGOC.birthDate);
    await typeInto(byLabel(el, 'Số điện thoại mới'), NGOC.phone);
    byLabel(el, 'Tôi đồng ý để thông tin cá nhân của tôi được xử lý').click();
    await press('Enter');
    await showsWait(el);
    service.clock.advance(60_000);
    byButton(el, 'Gửi mã OTP').click();
    await shows(el, 'Mã OTP đã được gửi tới số');
  });

  it('<dvc-account>: a change whose code the limit refuses shows the wait at once, and goes on once it has passed', async () => {
    const service = testService();
    const { signInId } = await service.client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD });
    const { tokens } = await service.client.verifySignInCode(signInId, { code: '123456' });
    service.clock.advance(61_000);
    fillTheMinute(service, '+84971234398');
    const el = await fixture<DvcAccount>(html`<dvc-account lang="vi" .client=${service.client} .clock=${service.clock} .accessToken=${tokens.accessToken}></dvc-account>`);
    await shows(el, 'Tài khoản của bạn');
    byButton(el, 'Đổi mật khẩu').click();
    await shows(el, 'Mật khẩu hiện tại');
    await typeInto(byLabel(el, 'Mật khẩu hiện tại'), MOCK_PASSWORD);
    await press('Enter');
    await showsWait(el);
    service.clock.advance(60_000);
    byButton(el, 'Tiếp tục').click();
    await shows(el, `Mã OTP đã được gửi tới số ${AN.maskedPhone}`);
  });
});
