import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { DvcOtpInput } from '../../src/otp-input/otp-input.js';
import { fakeClock } from '../support/clock.js';
import { announcements, byButton, byLabel, descriptionOf, textOf, unavailable } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

const clock = () => fakeClock(Date.parse('2026-03-02T08:00:00Z'));
const challenge = { maskedPhone: '097****398', length: 6, expiresAt: '2026-03-02T08:03:00Z', resendAt: '2026-03-02T08:01:00Z' };

async function otpInput(time = clock()) {
  const el = await fixture<DvcOtpInput>(html`<dvc-otp-input .otp=${challenge} .clock=${time}></dvc-otp-input>`);
  return { el, time };
}

describe('<dvc-otp-input>', () => {
  it('says where the code went and offers a six-digit input the phone can fill from the SMS', async () => {
    const { el } = await otpInput();
    expect(textOf(el)).to.contain('Mã OTP đã được gửi tới số 097****398');
    const input = byLabel(el, 'Mã OTP (6 chữ số)');
    expect(input.getAttribute('inputmode')).to.equal('numeric');
    expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
    await expect(el).to.be.accessible();
  });

  it('counts down the time the code stays valid', async () => {
    const { el, time } = await otpInput();
    expect(descriptionOf(byLabel(el, 'Mã OTP'))).to.contain('Mã có hiệu lực trong 3:00');
    time.advance(35_000);
    await el.updateComplete;
    expect(textOf(el)).to.contain('Mã có hiệu lực trong 2:25');
    time.advance(145_000);
    await el.updateComplete;
    expect(textOf(el)).to.contain('Mã OTP đã hết hạn.');
  });

  it('keeps “Gửi lại OTP” disabled until the service allows a resend, then enables it', async () => {
    const { el, time } = await otpInput();
    expect(unavailable(byButton(el, 'Gửi lại OTP'))).to.be.true;
    expect(textOf(el)).to.contain('Có thể gửi lại OTP sau 1:00');
    time.advance(60_000);
    await el.updateComplete;
    expect(unavailable(byButton(el, 'Gửi lại OTP'))).to.be.false;
    expect(textOf(el)).not.to.contain('Có thể gửi lại OTP sau');
  });

  it('announces only the moments that matter, not every second', async () => {
    const { el, time } = await otpInput();
    time.advance(5_000);
    await el.updateComplete;
    expect(announcements(el)).to.deep.equal([]);
    time.advance(55_000);
    await el.updateComplete;
    expect(announcements(el)).to.deep.equal(['Bạn có thể chọn “Gửi lại OTP” để nhận mã mới.']);
    time.advance(60_000);
    await el.updateComplete;
    expect(announcements(el)).to.deep.equal(['Mã OTP còn hiệu lực 1 phút.']);
    time.advance(60_000);
    await el.updateComplete;
    expect(announcements(el)).to.deep.equal(['Mã OTP đã hết hạn. Vui lòng chọn “Gửi lại OTP”.']);
  });

  it('sends the typed code when the citizen presses Enter', async () => {
    const { el } = await otpInput();
    await typeInto(byLabel(el, 'Mã OTP'), '123 456');
    const submitted = oneEvent(el, 'dvc-otp-submit');
    await press('Enter');
    expect((await submitted).detail).to.deep.equal({ code: '123456' });
  });

  it('asks for a new code with “Gửi lại OTP” and announces where the new one went', async () => {
    const { el, time } = await otpInput();
    time.advance(60_000);
    await el.updateComplete;
    const resend = oneEvent(el, 'dvc-otp-resend');
    byButton(el, 'Gửi lại OTP').click();
    await resend;
    el.otp = { ...challenge, expiresAt: '2026-03-02T08:04:00Z', resendAt: '2026-03-02T08:02:00Z' };
    await el.updateComplete;
    expect(announcements(el)).to.deep.equal(['Đã gửi lại mã OTP tới số 097****398']);
    expect(unavailable(byButton(el, 'Gửi lại OTP'))).to.be.true;
  });

  it('for a code whose phone the service does not name (a recovery), says only that it went to the registered phone, if any', async () => {
    const time = clock();
    const { maskedPhone: _hidden, ...withoutPhone } = challenge;
    const el = await fixture<DvcOtpInput>(html`<dvc-otp-input .otp=${withoutPhone} .clock=${time}></dvc-otp-input>`);
    await el.updateComplete;
    expect(textOf(el)).to.contain('Nếu số định danh này có tài khoản, mã OTP đã được gửi tới số điện thoại đã đăng ký.');
    expect(textOf(el)).not.to.contain('****');
    await expect(el).to.be.accessible();
    time.advance(60_000);
    await el.updateComplete;
    byButton(el, 'Gửi lại OTP').click();
    el.otp = { ...withoutPhone, expiresAt: '2026-03-02T08:04:00Z', resendAt: '2026-03-02T08:02:00Z' };
    await el.updateComplete;
    expect(announcements(el)).to.deep.equal(['Nếu số định danh này có tài khoản, một mã OTP mới đã được gửi tới số điện thoại đã đăng ký.']);
  });

  it('ties an error to the input', async () => {
    const { el } = await otpInput();
    el.error = 'Mã OTP không đúng. Vui lòng kiểm tra tin nhắn và nhập lại.';
    await el.updateComplete;
    const input = byLabel(el, 'Mã OTP');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(descriptionOf(input)).to.contain('Lỗi: Mã OTP không đúng.');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await fixture<DvcOtpInput>(html`<dvc-otp-input lang="en" .otp=${challenge} .clock=${clock()}></dvc-otp-input>`);
    expect(textOf(el)).to.contain('A code has been sent to 097****398');
    expect(unavailable(byButton(el, 'Resend code'))).to.be.true;
  });
});
