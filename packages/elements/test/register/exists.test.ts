import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { problemMessage } from '@dvc-kit/sdk';
import '../../src/define.js';
import type { DvcRegister } from '../../src/register/register.js';
import { byButton, byLabel, byLink, deep, focused, stepHeading, textOf } from '../support/dom.js';
import { registerToCode, shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, testService } from '../support/service.js';

async function toExists(attributes: { signIn?: string; forgot?: string } = {}, lang = 'vi') {
  const service = testService();
  const el = await fixture<DvcRegister>(
    html`<dvc-register lang="vi" .client=${service.client} .clock=${service.clock} sign-in-href=${attributes.signIn ?? ''} forgot-password-href=${attributes.forgot ?? ''}></dvc-register>`,
  );
  if (!attributes.signIn) el.removeAttribute('sign-in-href');
  if (!attributes.forgot) el.removeAttribute('forgot-password-href');
  await registerToCode(el, AN);
  await typeInto(byLabel(el, 'Mã OTP'), '123456');
  await press('Enter');
  await shows(el, 'Số định danh này đã có tài khoản');
  if (lang !== 'vi') el.setAttribute('lang', lang);
  return { el, ...service };
}

describe('<dvc-register> when the ID number already has an account', () => {
  it('ends in a final step: a message, “Đăng nhập” and “Quên mật khẩu”, no code field or countdown', async () => {
    const { el, clock } = await toExists({ signIn: '/dang-nhap', forgot: '/quen-mat-khau' });
    expect(textOf(el)).to.contain(problemMessage('account_exists', 'vi'));
    expect(focused()).to.equal(stepHeading(el));
    expect(deep(el, 'dvc-otp-input')).to.equal(undefined);
    expect(deep(el, 'input')).to.equal(undefined);
    expect(byLink(el, 'Đăng nhập').getAttribute('href')).to.equal('/dang-nhap');
    expect(byLink(el, 'Quên mật khẩu').getAttribute('href')).to.equal('/quen-mat-khau');
    clock.advance(40 * 60_000);
    await el.updateComplete;
    expect(textOf(el)).not.to.contain('hết hạn');
    await expect(el).to.be.accessible();
  });

  it('fires cancelable events, so a portal that routes itself keeps the link from navigating', async () => {
    const { el } = await toExists({ signIn: '#dang-nhap', forgot: '#quen-mat-khau' });
    const before = location.hash;
    el.addEventListener('dvc-sign-in-requested', (event) => event.preventDefault(), { once: true });
    const requested = oneEvent(el, 'dvc-sign-in-requested');
    byLink(el, 'Đăng nhập').click();
    const event = (await requested) as CustomEvent<{ href: string }>;
    expect(event.detail.href).to.equal('#dang-nhap');
    expect(location.hash).to.equal(before);
    const forgot = oneEvent(el, 'dvc-forgot-password-requested');
    byLink(el, 'Quên mật khẩu').click();
    expect(((await forgot) as CustomEvent<{ href: string }>).detail.href).to.equal('#quen-mat-khau');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('offers the two actions as buttons that fire the events when the page gives no links, in English too', async () => {
    const { el } = await toExists({}, 'en');
    await shows(el, 'This ID number already has an account');
    expect(textOf(el)).to.contain(problemMessage('account_exists', 'en'));
    const signIn = oneEvent(el, 'dvc-sign-in-requested');
    byButton(el, 'Sign in').click();
    expect(((await signIn) as CustomEvent<{ href?: string }>).detail.href).to.equal(undefined);
    const forgot = oneEvent(el, 'dvc-forgot-password-requested');
    byButton(el, 'Forgot password').click();
    await forgot;
    await expect(el).to.be.accessible();
  });
});
