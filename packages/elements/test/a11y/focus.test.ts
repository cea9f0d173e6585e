import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import { byButton, byLabel, focused, textOf, unavailable } from '../support/dom.js';
import { shows, signIn } from '../support/flows.js';
import { press } from '../support/keyboard.js';
import { AN, testService } from '../support/service.js';

async function login() {
  const service = testService();
  const el = await fixture<DvcLogin>(html`<dvc-login lang="vi" .client=${service.client} .clock=${service.clock}></dvc-login>`);
  await shows(el, 'Số định danh cá nhân');
  return { el, ...service };
}

// WCAG 2.4.3: the audit found focus falling to the page after "Gửi lại OTP" and while a pressed
// button was disabled during a request.
describe('focus while the widgets wait (WCAG 2.4.3)', () => {
  it('keeps focus on the pressed button while the request is under way, marked aria-disabled', async () => {
    const { el, pause } = await login();
    const release = pause();
    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    const button = byButton(el, 'Đăng nhập');
    button.focus();
    await waitUntil(() => unavailable(button), 'the button never showed it was busy');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.disabled).to.be.false;
    expect(focused()).to.equal(button);
    release();
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
  });

  it('keeps focus on “Gửi lại OTP” while it sends, then moves it to the code field, never to the page', async () => {
    const { el, clock, pause, scenario } = await login();
    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
    clock.advance(60_000);
    const resend = byButton(el, 'Gửi lại OTP');
    await waitUntil(() => !unavailable(resend));
    resend.focus();
    const release = pause();
    await press('Enter');
    await waitUntil(() => unavailable(resend), 'the resend button never showed it was busy');
    expect(focused()).to.equal(resend);
    expect(textOf(el)).to.contain('Đang gửi mã…');
    release();
    await waitUntil(() => scenario.outbox.length === 2);
    await waitUntil(() => focused() === byLabel(el, 'Mã OTP'), `focus is on ${focused()?.outerHTML.slice(0, 80)}`);
    expect(focused()).not.to.equal(document.body);
    expect(unavailable(byButton(el, 'Gửi lại OTP'))).to.be.true;
  });
});
