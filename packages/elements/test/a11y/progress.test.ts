import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcRegister } from '../../src/register/register.js';
import type { DvcPasswordField } from '../../src/password-field/password-field.js';
import { byButton, byLabel, deep, textOf } from '../support/dom.js';
import { registerToCode, shows, signIn } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, NGOC, testService } from '../support/service.js';

/** The polite status line under the step, once it says something. */
async function progressText(el: Element): Promise<string> {
  await waitUntil(() => textOf(deep(el, '.progress')!) !== '', 'no progress message');
  const status = deep(el, '.progress')!;
  expect(status.getAttribute('role')).to.equal('status');
  expect(getComputedStyle(status).display).not.to.equal('none');
  return textOf(status);
}

describe('progress on slow steps', () => {
  it('says “Đang kiểm tra với nhà mạng…”, “Đang kiểm tra mã…” and “Đang lưu…” while registration waits', async () => {
    const service = testService();
    const el = await fixture<DvcRegister>(html`<dvc-register lang="vi" .client=${service.client} .clock=${service.clock}></dvc-register>`);
    await shows(el, 'Thuê bao di động');
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Thông tin công dân');
    await typeInto(byLabel(el, 'Số định danh cá nhân'), NGOC.idNumber);
    await typeInto(byLabel(el, 'Họ và tên'), NGOC.fullName);
    await typeInto(byLabel(el, 'Ngày sinh'), NGOC.birthDate);
    await typeInto(byLabel(el, 'Số điện thoại'), NGOC.phone);
    byLabel(el, 'Nghị định 13/2023').click();
    let release = service.pause();
    byButton(el, 'Tiếp tục').click();
    expect(await progressText(el)).to.equal('Đang kiểm tra với nhà mạng…');
    await expect(el).to.be.accessible();
    release();
    await shows(el, 'Mã OTP đã được gửi tới số');
    expect(textOf(deep(el, '.progress')!)).to.equal('');

    release = service.pause();
    await typeInto(byLabel(el, 'Mã OTP'), '123456');
    await press('Enter');
    expect(await progressText(el)).to.equal('Đang kiểm tra mã…');
    release();
    await shows(el, 'Đặt mật khẩu');

    const field = deep<DvcPasswordField>(el, 'dvc-password-field')!;
    await typeInto(byLabel(field, 'Mật khẩu'), 'Mây-Trắng-77');
    await typeInto(byLabel(field, 'Nhập lại mật khẩu'), 'Mây-Trắng-77');
    release = service.pause();
    await press('Enter');
    expect(await progressText(el)).to.equal('Đang lưu…');
    release();
    await shows(el, 'Đăng ký tài khoản thành công');
  });

  it('says “Đang gửi mã…” on a resend, and speaks English with lang="en"', async () => {
    const service = testService();
    const el = await fixture<DvcLogin>(html`<dvc-login lang="vi" .client=${service.client} .clock=${service.clock}></dvc-login>`);
    await shows(el, 'Số định danh cá nhân');
    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
    service.clock.advance(60_000);
    await el.updateComplete;
    let release = service.pause();
    byButton(el, 'Gửi lại OTP').click();
    expect(await progressText(el)).to.equal('Đang gửi mã…');
    release();
    await waitUntil(() => service.scenario.outbox.length === 2);
    el.setAttribute('lang', 'en');
    await shows(el, 'Enter the code');
    service.clock.advance(60_000);
    await el.updateComplete;
    release = service.pause();
    byButton(el, 'Resend code').click();
    expect(await progressText(el)).to.equal('Sending the code…');
    release();
  });
});
