import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcRecovery } from '../../src/recovery/recovery.js';
import { recoveryTransition } from '../../src/recovery/machine.js';
import type { DvcRecoveredDetail } from '../../src/shared/events.js';
import { allElements, byLabel, deep, focused, stepHeading, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press } from '../support/keyboard.js';
import { AN, NGOC, testService } from '../support/service.js';

const HUMAN_CHECK = { config: { humanCheck: { required: true } }, humanCheck: { number: 4, maxnumber: 10 } } as const;
const NEW_PASSWORD = 'Hồ-Gươm-Xanh-2025';

/** Presses Tab until focus is on an element whose accessible text or label contains `text`. */
async function tabTo(text: string, limit = 14): Promise<HTMLElement> {
  for (let i = 0; i < limit; i++) {
    await press('Tab');
    const now = focused() as HTMLElement | null;
    const label = now instanceof HTMLInputElement ? Array.from(now.labels ?? []).map((l) => l.textContent ?? '').join(' ') : textOf(now ?? document.body);
    if (now && label.includes(text)) return now;
  }
  throw new Error(`Tab never reached “${text}”; focus is on ${focused()?.outerHTML.slice(0, 120)}`);
}

const type = (text: string) => sendKeys({ type: text });

/** The `<dvc-recovery>` the sign-in opened in place. */
const recoveryIn = (login: Element) => deep<DvcRecovery>(login, 'dvc-recovery')!;

// "Quên mật khẩu" by keyboard alone (Tab, Space, Enter and typing), axe clean at every step.
describe('<dvc-recovery>', () => {
  it('opens from the sign-in form in place with the ID number typed so far, and changes the password by keyboard alone', async () => {
    const service = testService(HUMAN_CHECK);
    const el = await fixture<DvcLogin>(html`<dvc-login lang="vi" .client=${service.client} .clock=${service.clock}></dvc-login>`);
    await shows(el, 'Số định danh cá nhân');
    await tabTo('Số định danh cá nhân');
    await type(AN.idNumber);
    await tabTo('Quên mật khẩu');
    await press('Enter');
    await shows(el, 'Nếu số này có tài khoản, mã OTP sẽ được gửi');
    const recovery = recoveryIn(el);
    expect(focused(), 'focus moves to the recovery heading').to.equal(stepHeading(recovery));
    expect(byLabel(recovery, 'Số định danh cá nhân').value).to.equal(AN.idNumber);
    await expect(el).to.be.accessible();

    await tabTo('Tôi không phải là người máy');
    await press('Space');
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    await tabTo('Gửi mã OTP');
    await press('Enter');
    await shows(el, 'Nếu số định danh này có tài khoản, mã OTP đã được gửi tới số điện thoại đã đăng ký.');
    expect(textOf(el), 'no phone number, masked or not').not.to.include(AN.maskedPhone);
    expect(focused()).to.equal(stepHeading(recovery));
    await expect(el).to.be.accessible();

    await tabTo('Mã OTP');
    await type('123456');
    await press('Enter');
    await shows(el, 'Đặt mật khẩu mới');
    expect(focused()).to.equal(stepHeading(recovery));
    // Password managers: a user name beside the new password, and new-password fields.
    const username = allElements(recovery).find((e): e is HTMLInputElement => e instanceof HTMLInputElement && e.autocomplete === 'username')!;
    expect(username.value).to.equal(AN.idNumber);
    expect(username.form, 'the user name is in the form that submits').to.be.instanceOf(HTMLFormElement);
    expect(allElements(recovery).filter((e) => e instanceof HTMLInputElement && e.autocomplete === 'new-password')).to.have.length(2);
    await expect(el).to.be.accessible();

    // One of the last 5 passwords: the service's verdict, on the field, after submit.
    await tabTo('Mật khẩu');
    await type(MOCK_PASSWORD);
    await tabTo('Nhập lại mật khẩu');
    await type(MOCK_PASSWORD);
    await tabTo('Đổi mật khẩu');
    await press('Enter');
    await shows(el, 'Mật khẩu mới không được trùng với 5 mật khẩu gần nhất.');
    await expect(el).to.be.accessible();

    const password = byLabel(recovery, 'Mật khẩu');
    const confirmation = byLabel(recovery, 'Nhập lại mật khẩu');
    password.focus();
    password.select();
    await type(NEW_PASSWORD);
    confirmation.focus();
    confirmation.select();
    await type(NEW_PASSWORD);
    const recovered = oneEvent(el, 'dvc-recovered');
    await press('Enter');
    expect(((await recovered) as CustomEvent<DvcRecoveredDetail>).detail).to.deep.equal({ next: 'sign_in' });
    await shows(el, 'Mọi phiên đăng nhập khác của tài khoản đã kết thúc');
    expect(focused()).to.equal(stepHeading(recovery));
    await expect(el).to.be.accessible();

    // The way back: sign in with the new password.
    await tabTo('Đăng nhập');
    await press('Enter');
    await shows(el, 'Mật khẩu');
    expect(deep(el, 'dvc-recovery')).to.equal(undefined);
    expect(focused()).to.equal(stepHeading(el));
  });

  it('answers an ID number without an account as it answers one with, and goes back to sign in', async () => {
    const service = testService();
    const el = await fixture<DvcRecovery>(html`<dvc-recovery lang="vi" back-to-sign-in .client=${service.client} .clock=${service.clock}></dvc-recovery>`);
    await shows(el, 'Quên mật khẩu');
    byLabel(el, 'Số định danh cá nhân').focus();
    await type(NGOC.idNumber);
    await press('Enter');
    await shows(el, 'Nếu số định danh này có tài khoản, mã OTP đã được gửi tới số điện thoại đã đăng ký.');
    expect(textOf(el)).not.to.include(NGOC.maskedPhone);
    await tabTo('Mã OTP');
    await type('123456');
    await press('Enter');
    await shows(el, 'Mã OTP không đúng');
    await expect(el).to.be.accessible();
  });

  it('says the first step’s way back in English, and fires dvc-sign-in-requested for the page to route', async () => {
    const service = testService();
    const el = await fixture<DvcRecovery>(html`<dvc-recovery lang="en" back-to-sign-in .client=${service.client} .clock=${service.clock}></dvc-recovery>`);
    await shows(el, 'Forgot password');
    expect(textOf(el)).to.include('If it has an account, a code will be sent to its registered phone.');
    const requested = oneEvent(el, 'dvc-sign-in-requested');
    allElements(el).find((e): e is HTMLButtonElement => e instanceof HTMLButtonElement && textOf(e) === 'Back to sign in')!.click();
    expect(((await requested) as CustomEvent<{ href: string | undefined }>).detail).to.deep.equal({ href: undefined });
  });

  it('moves through its steps as a pure state machine', () => {
    const config = {} as never;
    const otp = { length: 6, expiresAt: '2026-01-01T00:03:00Z', resendAt: '2026-01-01T00:01:00Z' };
    let state = recoveryTransition({ step: 'loading' }, { type: 'configured', config });
    expect(state.step).to.equal('identify');
    expect(recoveryTransition(state, { type: 'codeVerified' })).to.equal(state);
    state = recoveryTransition(state, { type: 'started', recoveryId: 'r1', idNumber: AN.idNumber, otp, at: 5 });
    expect(state).to.include({ step: 'code', recoveryId: 'r1', startedAt: 5 });
    state = recoveryTransition(state, { type: 'codeVerified' });
    expect(state).to.include({ step: 'password', recoveryId: 'r1', idNumber: AN.idNumber, startedAt: 5 });
    state = recoveryTransition(state, { type: 'recovered' });
    expect(state.step).to.equal('done');
    expect(recoveryTransition(state, { type: 'restarted' })).to.deep.equal({ step: 'loading' });
  });
});
