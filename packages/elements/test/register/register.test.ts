import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { problemMessage, ruleMessage } from '@dvc-kit/sdk';
import type { MockOptions } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcRegister } from '../../src/register/register.js';
import type { DvcErrorDetail, DvcRegisteredDetail } from '../../src/shared/events.js';
import { announcements, byButton, byLabel, byLink, deep, descriptionOf, focused, stepHeading, textOf, unavailable } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, NGOC, testService } from '../support/service.js';

async function register(options: MockOptions = {}, lang = 'vi') {
  const service = testService(options);
  const el = await fixture<DvcRegister>(
    html`<dvc-register lang=${lang} .client=${service.client} .clock=${service.clock} forgot-password-href="/quen-mat-khau"></dvc-register>`,
  );
  return { el, ...service };
}

const shows = (el: Element, text: string, timeout = 5000) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout });

async function toDetails(el: DvcRegister) {
  await shows(el, 'Thuê bao di động');
  byButton(el, 'Tiếp tục').click();
  await shows(el, 'Thông tin công dân');
}

async function fillDetails(el: DvcRegister, citizen: { idNumber: string; fullName: string; birthDate: string; phone: string }) {
  await typeInto(byLabel(el, 'Số định danh cá nhân'), citizen.idNumber);
  await typeInto(byLabel(el, 'Họ và tên'), citizen.fullName);
  await typeInto(byLabel(el, 'Ngày sinh'), citizen.birthDate);
  await typeInto(byLabel(el, 'Số điện thoại'), citizen.phone);
  byLabel(el, 'Nghị định 13/2023').click();
}

async function toCode(el: DvcRegister, citizen: { idNumber: string; fullName: string; birthDate: string; phone: string } = NGOC) {
  await toDetails(el);
  await fillDetails(el, citizen);
  byButton(el, 'Tiếp tục').click();
  await shows(el, 'Mã OTP đã được gửi tới số');
}

async function toPassword(el: DvcRegister) {
  await toCode(el);
  await typeInto(byLabel(el, 'Mã OTP'), '123456');
  await press('Enter');
  await shows(el, 'Đặt mật khẩu');
}

function summary(el: Element): string {
  return textOf(deep(el, '.error-summary') ?? document.createElement('p'));
}

describe('<dvc-register>', () => {
  describe('method step', () => {
    it('offers the three subject types, and as available only the methods the configuration offers', async () => {
      const { el } = await register();
      await shows(el, 'Thuê bao di động');
      expect(textOf(el)).to.contain('Đối tượng đăng ký Công dân Doanh nghiệp Cơ quan nhà nước');
      expect(textOf(el)).to.contain('Mức độ 2 – xác minh mức độ trung bình');
      expect(byLabel(el, 'Công dân').checked).to.be.true;
      expect(byLabel(el, 'Thuê bao di động').checked).to.be.true;
      expect(byLabel(el, 'Bảo hiểm xã hội').disabled).to.be.true;
      expect(descriptionOf(byLabel(el, 'Bảo hiểm xã hội'))).to.equal('Chưa hỗ trợ trên dịch vụ này');
      await expect(el).to.be.accessible();
    });

    it('explains when the portal offers no method it can take a citizen through', async () => {
      const { el } = await register({ config: { registrationMethods: ['usb_token'] } });
      await shows(el, 'Cổng này chưa cung cấp phương thức đăng ký trực tuyến.');
      expect(() => byButton(el, 'Tiếp tục')).to.throw('No button');
      expect(byLabel(el, 'USB ký số').disabled).to.be.true;
      await expect(el).to.be.accessible();
    });
  });

  describe('the whole journey', () => {
    it('takes a citizen from method to done with the keyboard only, and fires dvc-registered', async () => {
      const { el, scenario } = await register();
      await shows(el, 'Thuê bao di động');
      await press('Tab');
      await press('Tab');
      await press('Tab');
      expect(focused()?.textContent?.trim()).to.equal('Tiếp tục');
      await press('Enter');
      await shows(el, 'Thông tin công dân');
      expect(focused()).to.equal(stepHeading(el));
      await expect(el).to.be.accessible();

      for (const value of [NGOC.idNumber, NGOC.fullName, NGOC.birthDate, NGOC.phone, 'ngoc.tran@example.vn']) {
        await press('Tab');
        await typeInto(focused() as HTMLElement, value);
      }
      await press('Tab');
      await press('Space');
      expect(byLabel(el, 'Nghị định 13/2023').checked).to.be.true;
      await press('Tab');
      await press('Enter');
      await shows(el, 'Mã OTP đã được gửi tới số 091****678');
      expect(focused()).to.equal(stepHeading(el));
      expect(textOf(stepHeading(el))).to.equal('Bước 3/4 Nhập mã OTP');
      await expect(el).to.be.accessible();

      await press('Tab');
      await typeInto(focused() as HTMLElement, scenario.lastCode('+84912345678')!);
      await press('Enter');
      await shows(el, 'Đặt mật khẩu');
      expect(focused()).to.equal(stepHeading(el));
      expect(textOf(stepHeading(el))).to.equal('Bước 4/4 Đặt mật khẩu');
      await expect(el).to.be.accessible();

      await press('Tab');
      await typeInto(focused() as HTMLElement, 'Mây-Trắng-77');
      await press('Tab');
      await press('Tab');
      await typeInto(focused() as HTMLElement, 'Mây-Trắng-77');
      const registered = oneEvent(el, 'dvc-registered');
      await press('Enter');
      const { detail } = (await registered) as CustomEvent<DvcRegisteredDetail>;
      expect(detail.account.fullName).to.equal(NGOC.fullName);
      expect(detail.account.idNumberMasked).to.equal('079******321');
      await shows(el, 'Đăng ký tài khoản thành công');
      expect(textOf(el)).to.contain('Mức xác minh 2');
      expect(focused()).to.equal(stepHeading(el));
      await expect(el).to.be.accessible();
      expect(scenario.hasAccount(NGOC.idNumber)).to.be.true;
    });
  });

  describe('details step', () => {
    it('checks every field in the browser, naming the field and the rule, and sends nothing', async () => {
      const { el, scenario } = await register();
      await toDetails(el);
      byButton(el, 'Tiếp tục').click();
      await shows(el, 'Có lỗi cần sửa');
      const required = ruleMessage('required', 'vi');
      expect(summary(el)).to.contain(`Số định danh cá nhân: ${required}`);
      expect(summary(el)).to.contain(`Họ và tên: ${required}`);
      expect(summary(el)).to.contain(`Ngày sinh (dd/mm/yyyy): ${required}`);
      expect(summary(el)).to.contain(`Số điện thoại: ${required}`);
      expect(summary(el)).to.contain(`Xử lý dữ liệu cá nhân: ${ruleMessage('consent_required', 'vi')}`);
      expect(summary(el)).not.to.contain('Email');
      expect(focused()).to.equal(deep(el, '.error-summary'));
      expect(scenario.requests.some((r) => r.operation === 'startRegistration')).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('shows the SDK rule of each wrong value on its field, tied with aria-describedby', async () => {
      const { el } = await register();
      await toDetails(el);
      await typeInto(byLabel(el, 'Số định danh cá nhân'), '12345');
      await typeInto(byLabel(el, 'Họ và tên'), 'R2-D2');
      await typeInto(byLabel(el, 'Ngày sinh'), '31/02/1990');
      await typeInto(byLabel(el, 'Số điện thoại'), '0123456789');
      await typeInto(byLabel(el, 'Email'), 'an@');
      await press('Enter');
      await shows(el, 'Có lỗi cần sửa');
      const expectations: [string, Parameters<typeof ruleMessage>[0]][] = [
        ['Số định danh cá nhân', 'id_number_format'],
        ['Họ và tên', 'name_characters'],
        ['Ngày sinh', 'date_invalid'],
        ['Số điện thoại', 'phone_carrier'],
        ['Email', 'email_format'],
      ];
      for (const [label, rule] of expectations) {
        const input = byLabel(el, label);
        expect(input.getAttribute('aria-invalid'), label).to.equal('true');
        expect(descriptionOf(input), label).to.contain(`Lỗi: ${ruleMessage(rule, 'vi')}`);
      }
    });

    it('names a date of birth whose year differs from the one in the CCCD number before anything is sent', async () => {
      const { el, scenario } = await register();
      await toDetails(el);
      await fillDetails(el, { ...NGOC, birthDate: '12/03/1996' });
      byButton(el, 'Tiếp tục').click();
      await shows(el, 'Có lỗi cần sửa');
      const input = byLabel(el, 'Ngày sinh');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionOf(input)).to.contain(`Lỗi: ${ruleMessage('id_number_birth_year', 'vi')}`);
      expect(textOf(el)).not.to.contain('Mã OTP đã được gửi tới số');
      expect(scenario.outbox).to.have.length(0);
      expect(scenario.requests.filter((request) => request.method === 'POST')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('moves focus to a field when its link in the error summary is followed', async () => {
      const { el } = await register();
      await toDetails(el);
      byButton(el, 'Tiếp tục').click();
      await shows(el, 'Có lỗi cần sửa');
      byLink(el, `Họ và tên: ${ruleMessage('required', 'vi')}`).click();
      expect(focused()).to.equal(byLabel(el, 'Họ và tên'));
    });

    it('sends the birth date as ISO, the phone as typed, the consent version and an Idempotency-Key', async () => {
      const { el, scenario } = await register({ config: { consentVersion: '2026-02' } });
      await toCode(el, { ...NGOC, phone: '091 234 5678' });
      const request = scenario.requests.find((r) => r.operation === 'startRegistration')!;
      expect(request.body).to.deep.include({ idNumber: NGOC.idNumber, fullName: NGOC.fullName, birthDate: '1995-03-12', phone: '091 234 5678', consentVersion: '2026-02' });
      expect(request.headers['idempotency-key']).to.match(/^[0-9a-f-]{36}$/);
    });

    it('reuses the Idempotency-Key when the same submission is retried after a network failure', async () => {
      const { el, scenario } = await register();
      scenario.failNext('startRegistration', 'network');
      await toDetails(el);
      await fillDetails(el, NGOC);
      const failed = oneEvent(el, 'dvc-error');
      byButton(el, 'Tiếp tục').click();
      expect(((await failed) as CustomEvent<DvcErrorDetail>).detail).to.deep.equal({ code: 'network', message: problemMessage('network', 'vi') });
      await shows(el, problemMessage('network', 'vi'));
      byButton(el, 'Tiếp tục').click();
      await shows(el, 'Mã OTP đã được gửi tới số 091****678');
      const keys = scenario.requests.filter((r) => r.operation === 'startRegistration').map((r) => r.headers['idempotency-key']);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
    });

    it('uses a new Idempotency-Key once the citizen changes what they send', async () => {
      const { el, scenario } = await register();
      await toDetails(el);
      await fillDetails(el, { ...NGOC, phone: '0912345679' });
      byButton(el, 'Tiếp tục').click();
      await shows(el, problemMessage('carrier_mismatch', 'vi'));
      const phone = byLabel(el, 'Số điện thoại');
      phone.select();
      await typeInto(phone, NGOC.phone);
      byButton(el, 'Tiếp tục').click();
      await shows(el, 'Mã OTP đã được gửi tới số');
      const keys = scenario.requests.filter((r) => r.operation === 'startRegistration').map((r) => r.headers['idempotency-key']);
      expect(keys[0]).not.to.equal(keys[1]);
    });

    it('shows carrier_mismatch in the service’s words; after a live switch to English they stay until the next answer, in English', async () => {
      const { el } = await register();
      await toDetails(el);
      await fillDetails(el, { ...NGOC, phone: '0912345679' });
      const failed = oneEvent(el, 'dvc-error');
      byButton(el, 'Tiếp tục').click();
      expect(((await failed) as CustomEvent<DvcErrorDetail>).detail.code).to.equal('carrier_mismatch');
      await shows(el, problemMessage('carrier_mismatch', 'vi'));
      el.setAttribute('lang', 'en');
      await shows(el, 'There is a problem');
      expect(textOf(el)).to.contain(problemMessage('carrier_mismatch', 'vi'));
      byButton(el, 'Continue').click();
      await shows(el, problemMessage('carrier_mismatch', 'en'));
      expect(textOf(el)).to.contain('Your details');
      await expect(el).to.be.accessible();
    });

    it('shows the service’s field errors with the catalogue’s rule texts, not the server’s words', async () => {
      const { el, scenario } = await register();
      scenario.failNext('startRegistration', { code: 'validation_failed', fieldErrors: [{ field: 'phone', code: 'phone_carrier' }] });
      await toDetails(el);
      await fillDetails(el, NGOC);
      el.setAttribute('lang', 'en');
      await shows(el, 'Your details');
      byButton(el, 'Continue').click();
      await shows(el, `Mobile phone number: ${ruleMessage('phone_carrier', 'en')}`);
      expect(descriptionOf(byLabel(el, 'Mobile phone number'))).to.contain(ruleMessage('phone_carrier', 'en'));
    });
  });

  describe('human check', () => {
    it('asks the citizen to tick it, solves it when ticked and sends the solution', async () => {
      const { el, scenario } = await register({ config: { humanCheck: { required: true } }, humanCheck: { number: 9, maxnumber: 20 } });
      await toDetails(el);
      await fillDetails(el, NGOC);
      byButton(el, 'Tiếp tục').click();
      await shows(el, `Tôi không phải là người máy: Vui lòng đánh dấu “Tôi không phải là người máy”.`);
      const checkbox = byLabel(el, 'Tôi không phải là người máy');
      expect(checkbox.getAttribute('aria-invalid')).to.equal('true');
      checkbox.click();
      await shows(el, 'Đã xác minh bạn không phải là người máy');
      expect(checkbox.checked).to.be.true;
      await expect(el).to.be.accessible();
      byButton(el, 'Tiếp tục').click();
      await shows(el, 'Mã OTP đã được gửi tới số 091****678');
      const sent = scenario.requests.find((r) => r.operation === 'startRegistration' && (r.body as { humanCheck?: string }).humanCheck);
      const payload = JSON.parse(atob((sent!.body as { humanCheck: string }).humanCheck)) as Record<string, unknown>;
      expect(payload).to.include({ algorithm: 'SHA-256', number: 9 });
      expect(payload).to.have.all.keys('algorithm', 'challenge', 'number', 'salt', 'signature');
    });

    it('waits for a human check still at work when the citizen continues straight away', async () => {
      const { el } = await register({ config: { humanCheck: { required: true } }, humanCheck: { number: 60_000, maxnumber: 80_000 } });
      await toDetails(el);
      await fillDetails(el, NGOC);
      byLabel(el, 'Tôi không phải là người máy').click();
      byButton(el, 'Tiếp tục').click();
      // The puzzle is sized to take a while; on a loaded machine it may take seconds, and the point is
      // that the submission waits for it rather than how fast it is (the bench measures speed).
      await shows(el, 'Mã OTP đã được gửi tới số 091****678', 8000);
    });
  });

  describe('code step', () => {
    it('shows the masked phone and counts down; resend opens after the wait and sends a new code', async () => {
      const { el, clock, scenario } = await register();
      await toCode(el);
      expect(textOf(el)).to.contain('Mã có hiệu lực trong 3:00');
      expect(unavailable(byButton(el, 'Gửi lại OTP'))).to.be.true;
      clock.advance(30_000);
      await shows(el, 'Mã có hiệu lực trong 2:30');
      expect(textOf(el)).to.contain('Có thể gửi lại OTP sau 0:30');
      clock.advance(30_000);
      await waitUntil(() => !unavailable(byButton(el, 'Gửi lại OTP')));
      expect(announcements(el)).to.include('Bạn có thể chọn “Gửi lại OTP” để nhận mã mới.');
      byButton(el, 'Gửi lại OTP').click();
      await waitUntil(() => announcements(el).includes('Đã gửi lại mã OTP tới số 091****678'));
      expect(scenario.outbox).to.have.length(2);
      expect(textOf(el)).to.contain('Mã có hiệu lực trong 3:00');
      expect(unavailable(byButton(el, 'Gửi lại OTP'))).to.be.true;
    });

    it('checks the code has six digits before sending it', async () => {
      const { el, scenario } = await register();
      await toCode(el);
      await typeInto(byLabel(el, 'Mã OTP'), '12a');
      await press('Enter');
      await shows(el, `Mã OTP: ${ruleMessage('otp_format', 'vi')}`);
      expect(scenario.requests.some((r) => r.operation === 'verifyRegistrationCode')).to.be.false;
    });

    it('shows otp_invalid on the code field, then otp_expired once the code has run out', async () => {
      const { el, clock } = await register();
      await toCode(el);
      await typeInto(byLabel(el, 'Mã OTP'), '000000');
      await press('Enter');
      await shows(el, problemMessage('otp_invalid', 'vi'));
      expect(descriptionOf(byLabel(el, 'Mã OTP'))).to.contain(problemMessage('otp_invalid', 'vi'));
      await expect(el).to.be.accessible();
      clock.advance(181_000);
      const input = byLabel(el, 'Mã OTP');
      input.select();
      await typeInto(input, '123456');
      await press('Enter');
      await shows(el, problemMessage('otp_expired', 'vi'));
    });

    it('tells a citizen who already has an account, and points to “Quên mật khẩu”', async () => {
      const { el } = await register();
      await toCode(el, AN);
      await typeInto(byLabel(el, 'Mã OTP'), '123456');
      await press('Enter');
      await shows(el, problemMessage('account_exists', 'vi'));
      expect(byLink(el, 'Quên mật khẩu').getAttribute('href')).to.equal('/quen-mat-khau');
      await expect(el).to.be.accessible();
    });

    it('tells the citizen to wait when the service refuses a resend as too soon', async () => {
      const { el, clock, scenario } = await register();
      await toCode(el);
      clock.advance(60_000);
      await waitUntil(() => !unavailable(byButton(el, 'Gửi lại OTP')));
      scenario.failNext('resendRegistrationCode', { code: 'otp_resend_too_soon', retryAfter: 20 });
      byButton(el, 'Gửi lại OTP').click();
      await shows(el, 'Vui lòng chờ 20 giây trước khi gửi lại OTP.');
    });

    it('offers to start again when the registration has expired on the service', async () => {
      const { el, scenario } = await register();
      await toCode(el);
      scenario.failNext('verifyRegistrationCode', 'flow_not_found');
      await typeInto(byLabel(el, 'Mã OTP'), '123456');
      await press('Enter');
      await shows(el, problemMessage('flow_not_found', 'vi'));
      expect(focused()).to.equal(stepHeading(el));
      byButton(el, 'Bắt đầu lại').click();
      await shows(el, 'Thuê bao di động');
    });
  });

  describe('password step', () => {
    it('ticks each rule of the policy as the citizen types', async () => {
      const { el } = await register();
      await toPassword(el);
      const met = () => Array.from(deep(el, 'dvc-password-field')!.shadowRoot!.querySelectorAll('li.met')).map((li) => li.getAttribute('data-rule'));
      expect(met()).to.deep.equal([]);
      const input = byLabel(el, 'Mật khẩu');
      await typeInto(input, 'm');
      expect(met()).to.deep.equal(['lower']);
      await typeInto(input, 'M');
      expect(met()).to.deep.equal(['lower', 'upper']);
      await typeInto(input, '7');
      expect(met()).to.deep.equal(['lower', 'upper', 'digit']);
      await typeInto(input, '#');
      expect(met()).to.deep.equal(['lower', 'upper', 'digit', 'special']);
      await typeInto(input, 'abcd');
      expect(met()).to.deep.equal(['min_length', 'lower', 'upper', 'digit', 'special']);
      expect(textOf(el)).to.contain('Đã đạt: Ít nhất 8 ký tự');
    });

    it('refuses, before sending, a password made of the citizen’s own data, and a confirmation that differs', async () => {
      const { el, scenario } = await register();
      await toPassword(el);
      await typeInto(byLabel(el, 'Mật khẩu'), 'Ngoc@1995x');
      await typeInto(byLabel(el, 'Nhập lại mật khẩu'), 'Ngoc@1995y');
      await press('Enter');
      await shows(el, `Mật khẩu: ${ruleMessage('password_personal_data', 'vi')}`);
      expect(summary(el)).to.contain(`Nhập lại mật khẩu: ${ruleMessage('password_mismatch', 'vi')}`);
      expect(descriptionOf(byLabel(el, 'Nhập lại mật khẩu'))).to.contain(ruleMessage('password_mismatch', 'vi'));
      expect(scenario.requests.some((r) => r.operation === 'completeRegistration')).to.be.false;
      await expect(el).to.be.accessible();
      byLink(el, `Nhập lại mật khẩu: ${ruleMessage('password_mismatch', 'vi')}`).click();
      expect(focused()).to.equal(byLabel(el, 'Nhập lại mật khẩu'));
    });

    it('names the converted number of an old 11-digit phone, before sending', async () => {
      const { el, scenario } = await register();
      await toDetails(el);
      await fillDetails(el, { ...NGOC, phone: '0162 123 4567' });
      byButton(el, 'Tiếp tục').click();
      await shows(el, `Số điện thoại: ${ruleMessage('phone_converted', 'vi', { suggestion: '0321234567' })}`);
      expect(scenario.requests.some((r) => r.operation === 'startRegistration')).to.be.false;
    });

    it('shows the service’s verdict on a password it finds guessable on the password field', async () => {
      const { el, scenario } = await register();
      await toPassword(el);
      await typeInto(byLabel(el, 'Mật khẩu'), 'Hoabinh@2024');
      await typeInto(byLabel(el, 'Nhập lại mật khẩu'), 'Hoabinh@2024');
      expect(textOf(el)).not.to.contain(ruleMessage('password_common', 'vi'));
      await press('Enter');
      await shows(el, `Mật khẩu: ${ruleMessage('password_guessable', 'vi')}`);
      expect(descriptionOf(byLabel(el, 'Mật khẩu'))).to.contain(ruleMessage('password_guessable', 'vi'));
      expect(scenario.requests.some((r) => r.operation === 'completeRegistration')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('fills the policy’s numbers into the rule texts, in English too', async () => {
      const { el } = await register({ config: { passwordPolicy: { minLength: 12 } } }, 'en');
      await shows(el, 'Mobile subscriber');
      byButton(el, 'Continue').click();
      await shows(el, 'Your details');
      await typeInto(byLabel(el, 'Personal ID number'), NGOC.idNumber);
      await typeInto(byLabel(el, 'Full name'), NGOC.fullName);
      await typeInto(byLabel(el, 'Date of birth'), NGOC.birthDate);
      await typeInto(byLabel(el, 'Mobile phone number'), NGOC.phone);
      byLabel(el, 'Decree 13/2023').click();
      byButton(el, 'Continue').click();
      await shows(el, 'A code has been sent to 091****678');
      await typeInto(byLabel(el, 'Code'), '123456');
      await press('Enter');
      await shows(el, 'Set a password');
      expect(textOf(el)).to.contain('Not yet: At least 12 characters');
      await typeInto(byLabel(el, 'Password'), 'Short#1a');
      await press('Enter');
      await shows(el, `Password: ${ruleMessage('password_min_length', 'en', { min: 12 })}`);
    });
  });

  describe('loading', () => {
    it('says when the configuration cannot be loaded, and “Thử lại” recovers', async () => {
      const service = testService();
      service.scenario.failNext('getConfig', 'registry_unavailable');
      const errors: DvcErrorDetail[] = [];
      document.addEventListener('dvc-error', (event) => errors.push((event as CustomEvent<DvcErrorDetail>).detail), { once: true });
      const el = await fixture<DvcRegister>(html`<dvc-register .client=${service.client}></dvc-register>`);
      await shows(el, problemMessage('registry_unavailable', 'vi'));
      expect(errors.map((e) => e.code)).to.deep.equal(['registry_unavailable']);
      await expect(el).to.be.accessible();
      byButton(el, 'Thử lại').click();
      await shows(el, 'Thuê bao di động');
    });
  });
});
