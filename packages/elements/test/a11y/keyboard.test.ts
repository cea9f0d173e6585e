import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcRegister } from '../../src/register/register.js';
import { byLabel, focused, stepHeading, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press } from '../support/keyboard.js';
import { sendKeys } from '@web/test-runner-commands';
import { AN, NGOC, testService } from '../support/service.js';

const HUMAN_CHECK = { config: { humanCheck: { required: true } }, humanCheck: { number: 4, maxnumber: 10 } } as const;

/** Presses Tab until focus is on an element whose accessible text or label contains `text`. */
async function tabTo(text: string, limit = 12): Promise<HTMLElement> {
  for (let i = 0; i < limit; i++) {
    await press('Tab');
    const now = focused() as HTMLElement | null;
    const label = now instanceof HTMLInputElement ? Array.from(now.labels ?? []).map((l) => l.textContent ?? '').join(' ') : textOf(now ?? document.body);
    if (now && label.includes(text)) return now;
  }
  throw new Error(`Tab never reached “${text}”; focus is on ${focused()?.outerHTML.slice(0, 120)}`);
}

const type = (text: string) => sendKeys({ type: text });

// Keyboard only (Tab, Enter, Space and typing, never a click or .focus()), axe clean at every step, with
// the human check the service asks for.
describe('keyboard only', () => {
  it('signs in from the page with Tab, Space, Enter and typing', async () => {
    const service = testService(HUMAN_CHECK);
    const el = await fixture<DvcLogin>(html`<dvc-login lang="vi" .client=${service.client} .clock=${service.clock} forgot-password-href="/quen"></dvc-login>`);
    await shows(el, 'Số định danh cá nhân');
    await expect(el).to.be.accessible();
    await tabTo('Số định danh cá nhân');
    await type(AN.idNumber);
    await tabTo('Mật khẩu');
    await type(MOCK_PASSWORD);
    await tabTo('Tôi không phải là người máy');
    await press('Space');
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    await expect(el).to.be.accessible();
    await tabTo('Đăng nhập');
    await press('Enter');
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    await tabTo('Mã OTP');
    await type('123456');
    const signedIn = oneEvent(el, 'dvc-signed-in');
    await press('Enter');
    await signedIn;
    await shows(el, 'Đã đăng nhập');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
  });

  it('registers from the page with Tab, Space, Enter and typing', async () => {
    const service = testService(HUMAN_CHECK);
    const el = await fixture<DvcRegister>(html`<dvc-register lang="vi" .client=${service.client} .clock=${service.clock}></dvc-register>`);
    await shows(el, 'Thuê bao di động');
    await expect(el).to.be.accessible();
    await tabTo('Tiếp tục');
    await press('Enter');
    await shows(el, 'Thông tin công dân');
    await expect(el).to.be.accessible();
    for (const [label, value] of [
      ['Số định danh cá nhân', NGOC.idNumber],
      ['Họ và tên', NGOC.fullName],
      ['Ngày sinh', NGOC.birthDate],
      ['Số điện thoại', NGOC.phone],
    ] as const) {
      await tabTo(label);
      await type(value);
    }
    await tabTo('Nghị định 13/2023');
    await press('Space');
    await tabTo('Tôi không phải là người máy');
    await press('Space');
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    expect(byLabel(el, 'Nghị định 13/2023').checked).to.be.true;
    await expect(el).to.be.accessible();
    await tabTo('Tiếp tục');
    await press('Enter');
    await shows(el, 'Mã OTP đã được gửi tới số 091****678');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    await tabTo('Mã OTP');
    await type('123456');
    await press('Enter');
    await shows(el, 'Đặt mật khẩu');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    await tabTo('Mật khẩu');
    await type('Mây-Trắng-77');
    await tabTo('Nhập lại mật khẩu');
    await type('Mây-Trắng-77');
    await waitUntil(() => textOf(el).includes('Mật khẩu đã đạt'));
    await expect(el).to.be.accessible();
    const registered = oneEvent(el, 'dvc-registered');
    await press('Enter');
    await registered;
    await shows(el, 'Đăng ký tài khoản thành công');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
  });
});
