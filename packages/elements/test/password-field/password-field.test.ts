import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { DEFAULT_PASSWORD_POLICY, ruleMessage } from '@dvc-kit/sdk';
import '../../src/define.js';
import type { DvcPasswordField } from '../../src/password-field/password-field.js';
import { announcements, byButton, byLabel, descriptionOf, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

const context = { idNumber: '079195004321', fullName: 'Trần Thị Bích Ngọc', birthDate: '1995-03-12', phone: '0912345678' };

async function passwordField(lang = 'vi') {
  return fixture<DvcPasswordField>(html`<dvc-password-field lang=${lang} .policy=${DEFAULT_PASSWORD_POLICY} .context=${context}></dvc-password-field>`);
}

const ticked = (el: DvcPasswordField) => Array.from(el.shadowRoot!.querySelectorAll('li.met')).map((li) => li.getAttribute('data-rule'));

describe('<dvc-password-field>', () => {
  it('lists every rule of the policy, none met yet, and describes the input with it', async () => {
    const el = await passwordField();
    for (const rule of ['password_min_length', 'password_lower', 'password_upper', 'password_digit', 'password_special'] as const) {
      expect(textOf(el)).to.contain(`Chưa đạt: ${ruleMessage(rule, 'vi', { min: 8 })}`);
    }
    expect(descriptionOf(byLabel(el, 'Mật khẩu'))).to.contain('Mật khẩu cần có:');
    expect(byLabel(el, 'Mật khẩu').autocomplete).to.equal('new-password');
    await expect(el).to.be.accessible();
  });

  it('ticks rules as the citizen types and announces the count politely only when it changes', async () => {
    const el = await passwordField();
    const input = byLabel(el, 'Mật khẩu');
    await typeInto(input, 'sông');
    expect(ticked(el)).to.deep.equal(['lower']);
    expect(announcements(el)).to.deep.equal(['Mật khẩu đã đạt 1/5 yêu cầu']);
    await typeInto(input, 'h');
    expect(announcements(el)).to.deep.equal(['Mật khẩu đã đạt 1/5 yêu cầu']);
    await typeInto(input, 'Ồng-2');
    expect(ticked(el)).to.deep.equal(['min_length', 'lower', 'upper', 'digit', 'special']);
    expect(announcements(el)).to.deep.equal(['Mật khẩu đã đạt 5/5 yêu cầu']);
    expect(textOf(el)).to.contain(`Đã đạt: ${ruleMessage('password_upper', 'vi')}`);
    await expect(el).to.be.accessible();
  });

  it('warns, as the citizen types, of a password that contains their own data or is common', async () => {
    const el = await passwordField();
    await typeInto(byLabel(el, 'Mật khẩu'), 'Ngoc#0912345678');
    expect(textOf(el)).to.contain(ruleMessage('password_personal_data', 'vi'));
    expect(descriptionOf(byLabel(el, 'Mật khẩu'))).to.contain(ruleMessage('password_personal_data', 'vi'));
    const common = await passwordField();
    await typeInto(byLabel(common, 'Mật khẩu'), 'Matkhau@123');
    expect(textOf(common)).to.contain(ruleMessage('password_common', 'vi'));
  });

  it('warns as the citizen types of a decorated common base from the short list, and not of a passphrase', async () => {
    for (const password of ['P@ssw0rd1!', 'Anhyeuem@1', 'Nguyen@123']) {
      const el = await passwordField();
      await typeInto(byLabel(el, 'Mật khẩu'), password);
      expect(textOf(el), password).to.contain(ruleMessage('password_common', 'vi'));
      expect(descriptionOf(byLabel(el, 'Mật khẩu'))).to.contain(ruleMessage('password_common', 'vi'));
    }
    const el = await passwordField('en');
    await typeInto(byLabel(el, 'Password'), 'Sông-Hồng-2024');
    expect(textOf(el)).not.to.contain(ruleMessage('password_common', 'en'));
    await expect(el).to.be.accessible();
  });

  it('warns of a line break or control character pasted into the password', async () => {
    const el = await passwordField();
    el.value = 'Sông-Hồng\n2024';
    await el.updateComplete;
    expect(textOf(el)).to.contain(ruleMessage('password_control', 'vi'));
  });

  it('reports a confirmation that differs', async () => {
    const el = await passwordField();
    await typeInto(byLabel(el, 'Mật khẩu'), 'Sông-Hồng-2024');
    await typeInto(byLabel(el, 'Nhập lại mật khẩu'), 'Sông-Hồng-2025');
    expect(el.unmet).to.deep.equal(['mismatch']);
    el.confirmationError = ruleMessage('password_mismatch', 'vi');
    await el.updateComplete;
    expect(descriptionOf(byLabel(el, 'Nhập lại mật khẩu'))).to.contain('Lỗi: Mật khẩu xác nhận không khớp.');
    await expect(el).to.be.accessible();
  });

  it('shows and hides both passwords with one toggle', async () => {
    const el = await passwordField();
    const toggle = byButton(el, 'Hiện mật khẩu');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(byLabel(el, 'Mật khẩu').type).to.equal('text');
    expect(byLabel(el, 'Nhập lại mật khẩu').type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await el.updateComplete;
    expect(byLabel(el, 'Mật khẩu').type).to.equal('password');
  });

  it('submits the surrounding form when Enter is pressed', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><dvc-password-field></dvc-password-field></form>`);
    form.addEventListener('submit', (event) => event.preventDefault());
    const field = form.querySelector('dvc-password-field')!;
    await field.updateComplete;
    await typeInto(byLabel(field, 'Mật khẩu'), 'x');
    const submitted = oneEvent(form, 'submit');
    await press('Enter');
    expect(await submitted).to.exist;
  });

  it('speaks English with lang="en"', async () => {
    const el = await passwordField('en');
    expect(textOf(el)).to.contain('Your password needs:');
    expect(textOf(el)).to.contain(`Not yet: ${ruleMessage('password_min_length', 'en', { min: 8 })}`);
    expect(byButton(el, 'Show password')).to.exist;
  });
});
