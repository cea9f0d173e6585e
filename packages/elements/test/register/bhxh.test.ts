import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { problemMessage, ruleMessage } from '@dvc-kit/sdk';
import '../../src/define.js';
import type { DvcRegister } from '../../src/register/register.js';
import type { DvcErrorDetail, DvcRegisteredDetail } from '../../src/shared/events.js';
import { announcements, byButton, byLabel, byLink, deep, descriptionOf, focused, stepHeading, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { NGOC, testService } from '../support/service.js';

/** Ngọc's social-insurance code in the mock's register. */
const NGOC_BHXH = '7901234567';

async function toBhxhDetails(lang = 'vi') {
  const service = testService({ config: { registrationMethods: ['mobile', 'bhxh'] } });
  const el = await fixture<DvcRegister>(html`<dvc-register lang=${lang} .client=${service.client} .clock=${service.clock}></dvc-register>`);
  await shows(el, 'Bảo hiểm xã hội');
  byLabel(el, 'Bảo hiểm xã hội').click();
  byButton(el, 'Tiếp tục').click();
  await shows(el, 'Mã số bảo hiểm xã hội');
  return { el, ...service };
}

async function fill(el: DvcRegister, bhxhCode: string, phone: string = NGOC.phone) {
  await typeInto(byLabel(el, 'Số định danh cá nhân'), NGOC.idNumber);
  await typeInto(byLabel(el, 'Mã số bảo hiểm xã hội'), bhxhCode);
  await typeInto(byLabel(el, 'Họ và tên'), NGOC.fullName);
  await typeInto(byLabel(el, 'Ngày sinh'), NGOC.birthDate);
  await typeInto(byLabel(el, 'Số điện thoại'), phone);
  byLabel(el, 'Nghị định 13/2023').click();
}

const summary = (el: Element) => textOf(deep(el, '.error-summary') ?? document.createElement('p'));

describe('<dvc-register> by social insurance (Bảo hiểm xã hội)', () => {
  it('asks for the BHXH code among the details, in the national portal’s order, with its hint', async () => {
    const { el } = await toBhxhDetails();
    const labels = Array.from(el.shadowRoot!.querySelectorAll('form label')).map((label) => textOf(label));
    expect(labels.slice(0, 6)).to.deep.equal(['Số định danh cá nhân', 'Mã số bảo hiểm xã hội', 'Họ và tên', 'Ngày sinh (dd/mm/yyyy)', 'Số điện thoại', 'Email (không bắt buộc)']);
    expect(descriptionOf(byLabel(el, 'Mã số bảo hiểm xã hội'))).to.equal('Gồm 10 chữ số, ghi trên sổ bảo hiểm xã hội hoặc thẻ bảo hiểm y tế');
    expect(descriptionOf(byLabel(el, 'Số điện thoại'))).to.contain('Mã OTP sẽ được gửi tới số này');
    await expect(el).to.be.accessible();
  });

  it('registers a citizen: the pasted code read through, matched, then code and password, at level 2', async () => {
    const { el, scenario, pause } = await toBhxhDetails();
    await fill(el, '');
    // Pasted from a PDF: full-width digits, spaces and a zero-width space.
    byLabel(el, 'Mã số bảo hiểm xã hội').value = '７９０ １２３\u200B ４５６７';
    const release = pause();
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Đang đối chiếu với cơ sở dữ liệu bảo hiểm xã hội…');
    expect(announcements(el)).to.include('Đang đối chiếu với cơ sở dữ liệu bảo hiểm xã hội…');
    release();
    await shows(el, `Mã OTP đã được gửi tới số ${NGOC.maskedPhone}`);
    const request = scenario.requests.find((r) => r.operation === 'startRegistration')!;
    expect(request.body).to.deep.include({ subjectType: 'citizen', method: 'bhxh', bhxhCode: NGOC_BHXH, idNumber: NGOC.idNumber, birthDate: '1995-03-12' });
    await expect(el).to.be.accessible();

    await typeInto(byLabel(el, 'Mã OTP'), scenario.lastCode('+84912345678')!);
    await press('Enter');
    await shows(el, 'Đặt mật khẩu');
    await typeInto(byLabel(el, 'Mật khẩu'), 'Mây-Trắng-77');
    await typeInto(byLabel(el, 'Nhập lại mật khẩu'), 'Mây-Trắng-77');
    const registered = oneEvent(el, 'dvc-registered') as Promise<CustomEvent<DvcRegisteredDetail>>;
    await press('Enter');
    const { detail } = await registered;
    expect(detail.account.verificationMethod).to.equal('bhxh');
    expect(detail.account.ial).to.equal(2);
    await shows(el, 'Đăng ký tài khoản thành công');
    expect(textOf(el)).to.contain('Mức xác minh 2');
    await expect(el).to.be.accessible();
    expect(scenario.hasAccount(NGOC.idNumber)).to.be.true;
  });

  it('names a social-insurance mismatch as the portal does, on the BHXH code, and the summary leads to it', async () => {
    const { el, scenario } = await toBhxhDetails();
    await fill(el, '7901234568');
    const failed = oneEvent(el, 'dvc-error') as Promise<CustomEvent<DvcErrorDetail>>;
    byButton(el, 'Tiếp tục').click();
    expect((await failed).detail).to.deep.equal({ code: 'bhxh_mismatch', message: problemMessage('bhxh_mismatch', 'vi') });
    await shows(el, `Mã số bảo hiểm xã hội: ${problemMessage('bhxh_mismatch', 'vi')}`);
    expect(focused()).to.equal(deep(el, '.error-summary'));
    const input = byLabel(el, 'Mã số bảo hiểm xã hội');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(descriptionOf(input)).to.contain(`Lỗi: ${problemMessage('bhxh_mismatch', 'vi')}`);
    expect(textOf(el)).not.to.contain('Mã OTP đã được gửi');
    expect(scenario.outbox).to.have.length(0);
    await expect(el).to.be.accessible();
    byLink(el, `Mã số bảo hiểm xã hội: ${problemMessage('bhxh_mismatch', 'vi')}`).click();
    expect(focused()).to.equal(input);
    // After a live switch to English the widget's own words change at once; the service's stay as they
    // came until the next answer, which comes in English.
    el.setAttribute('lang', 'en');
    await shows(el, `Social insurance code: ${problemMessage('bhxh_mismatch', 'vi')}`);
    byButton(el, 'Continue').click();
    await shows(el, `Social insurance code: ${problemMessage('bhxh_mismatch', 'en')}`);
    expect(textOf(el)).not.to.contain(problemMessage('bhxh_mismatch', 'vi'));
  });

  it('refuses a BHXH code that is not 10 digits on its field, and sends nothing', async () => {
    const { el, scenario } = await toBhxhDetails();
    await fill(el, '79012345');
    byButton(el, 'Tiếp tục').click();
    await shows(el, `Mã số bảo hiểm xã hội: ${ruleMessage('bhxh_format', 'vi')}`);
    const input = byLabel(el, 'Mã số bảo hiểm xã hội');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(descriptionOf(input)).to.contain(`Lỗi: ${ruleMessage('bhxh_format', 'vi')}`);
    expect(scenario.requests.some((r) => r.operation === 'startRegistration')).to.be.false;
    await expect(el).to.be.accessible();
    input.value = '';
    byButton(el, 'Tiếp tục').click();
    await shows(el, `Mã số bảo hiểm xã hội: ${ruleMessage('required', 'vi')}`);
  });

  it('speaks English: the field, its hint and the step heading', async () => {
    const { el } = await toBhxhDetails();
    el.setAttribute('lang', 'en');
    await shows(el, 'Social insurance code');
    expect(descriptionOf(byLabel(el, 'Social insurance code'))).to.equal('10 digits, on your social insurance book or health insurance card');
    expect(textOf(stepHeading(el))).to.equal('Step 2 of 4 Your details');
    expect(textOf(el)).to.contain('Verification method: Social insurance');
  });
});
