import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcPasswordField } from '../../src/password-field/password-field.js';
import type { DvcRegister } from '../../src/register/register.js';
import { byButton, byLabel, deep } from '../support/dom.js';
import { registerToCode, shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, NGOC, testService } from '../support/service.js';

/** The `<form>` a control belongs to, checked to be a real form. */
function formOf(control: HTMLInputElement): HTMLFormElement {
  expect(control.form, `${control.id} is in no form`).to.be.instanceOf(HTMLFormElement);
  return control.form!;
}

// Password managers fill what is marked for them: the user name, the current or the new password, the
// one-time code, and the details a registration asks for; and they save on a real form submission.
describe('password managers and autofill', () => {
  it('marks the sign-in fields username and current-password in a form that Enter submits', async () => {
    const service = testService();
    const el = await fixture<DvcLogin>(html`<dvc-login lang="vi" .client=${service.client} .clock=${service.clock}></dvc-login>`);
    await shows(el, 'Số định danh cá nhân');
    const id = byLabel(el, 'Số định danh cá nhân');
    const password = byLabel(el, 'Mật khẩu');
    expect(id.autocomplete).to.equal('username');
    expect(password.autocomplete).to.equal('current-password');
    expect(password.type).to.equal('password');
    const form = formOf(id);
    expect(formOf(password)).to.equal(form);
    await typeInto(id, AN.idNumber);
    const submitted = oneEvent(form, 'submit');
    await press('Enter');
    await submitted;
    await shows(el, 'Mật khẩu: ');
  });

  it('marks the registration details for autofill, the code as one-time-code, and the new password with its user name', async () => {
    const service = testService();
    const el = await fixture<DvcRegister>(html`<dvc-register lang="vi" .client=${service.client} .clock=${service.clock}></dvc-register>`);
    await shows(el, 'Thuê bao di động');
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Thông tin công dân');
    const expected: Record<string, string> = {
      'Số định danh cá nhân': 'username',
      'Họ và tên': 'name',
      'Ngày sinh': 'bday',
      'Số điện thoại': 'tel',
      Email: 'email',
    };
    for (const [label, autocomplete] of Object.entries(expected)) expect(byLabel(el, label).autocomplete, label).to.equal(autocomplete);
    expect(formOf(byLabel(el, 'Số định danh cá nhân'))).to.equal(formOf(byLabel(el, 'Số điện thoại')));

    const second = testService();
    const reg = await fixture<DvcRegister>(html`<dvc-register lang="vi" .client=${second.client} .clock=${second.clock}></dvc-register>`);
    await registerToCode(reg, NGOC);
    const code = byLabel(reg, 'Mã OTP');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(code.inputMode).to.equal('numeric');
    await typeInto(code, '123456');
    const codeSubmitted = oneEvent(formOf(code), 'submit');
    await press('Enter');
    await codeSubmitted;
    await shows(reg, 'Đặt mật khẩu');

    const field = deep<DvcPasswordField>(reg, 'dvc-password-field')!;
    const form = deep<HTMLFormElement>(reg, 'form')!;
    const username = form.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
    expect(username, 'no user name on the new-password step').to.exist;
    expect(username.value).to.equal(NGOC.idNumber);
    expect(username.readOnly).to.be.true;
    expect(byLabel(field, 'Mật khẩu').autocomplete).to.equal('new-password');
    expect(byLabel(field, 'Nhập lại mật khẩu').autocomplete).to.equal('new-password');
    await typeInto(byLabel(field, 'Mật khẩu'), 'Mây-Trắng-77');
    await typeInto(byLabel(field, 'Nhập lại mật khẩu'), 'Mây-Trắng-77');
    const submitted = oneEvent(form, 'submit');
    await press('Enter');
    await submitted;
    await shows(reg, 'Đăng ký tài khoản thành công');
  });
});
