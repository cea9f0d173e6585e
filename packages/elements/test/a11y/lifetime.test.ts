import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { problemMessage } from '@dvc-kit/sdk';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcRegister } from '../../src/register/register.js';
import { allElements, byButton, focused, stepHeading, textOf } from '../support/dom.js';
import { registerToCode, shows, signIn } from '../support/flows.js';
import { AN, NGOC, testService } from '../support/service.js';

const alertText = (el: Element) =>
  allElements(el)
    .filter((node) => node.getAttribute('role') === 'alert')
    .map(textOf)
    .join(' ');

// WCAG 2.2.1: a sign-in lives 15 minutes on the service, a registration 30, and nothing warned the
// citizen before the end. The service offers no way to extend a flow, so the warning says what will
// happen and offers to start again.
describe('warning before a flow runs out (WCAG 2.2.1)', () => {
  it('warns two minutes before a sign-in ends, in an alert, and offers to start again', async () => {
    const service = testService();
    const el = await fixture<DvcLogin>(html`<dvc-login lang="vi" .client=${service.client} .clock=${service.clock}></dvc-login>`);
    await shows(el, 'Số định danh cá nhân');
    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
    service.clock.advance(12 * 60_000);
    await el.updateComplete;
    expect(alertText(el)).not.to.contain('hết hạn');
    service.clock.advance(60_000);
    await waitUntil(() => alertText(el).includes('Phiên thao tác sẽ hết hạn sau 2 phút và không gia hạn được'), alertText(el));
    await expect(el).to.be.accessible();
    el.setAttribute('lang', 'en');
    await waitUntil(() => alertText(el).includes('This session ends in 2 minutes and cannot be extended'));
    el.setAttribute('lang', 'vi');
    await waitUntil(() => alertText(el).includes('sau 2 phút'));
    byButton(el, 'Bắt đầu lại').click();
    await shows(el, 'Bước 1/2');
    expect(alertText(el)).to.equal('');
  });

  it('ends a registration after 30 minutes on the error step, with focus on its heading', async () => {
    const service = testService();
    const el = await fixture<DvcRegister>(html`<dvc-register lang="vi" .client=${service.client} .clock=${service.clock}></dvc-register>`);
    await registerToCode(el, NGOC);
    service.clock.advance(28 * 60_000 + 1000);
    await waitUntil(() => alertText(el).includes('sau 2 phút'), alertText(el));
    service.clock.advance(2 * 60_000);
    await shows(el, problemMessage('flow_not_found', 'vi'));
    expect(byButton(el, 'Bắt đầu lại')).to.exist;
    expect(focused()).to.equal(stepHeading(el));
  });
});
