import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcRegister } from '../../src/register/register.js';
import type { DvcRegisteredDetail } from '../../src/shared/events.js';
import { byButton, byLabel, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

// <dvc-register> against a real identity service (in-memory PGlite, sandbox social-insurance register
// over packages/server/fixtures/sandbox-citizens.json, SMS outbox) that the test runner starts
// (test/support/wtr-identity-service.mjs), on a portal that offers registration by social insurance.

/**
 * Phạm Thị Thu Hà, a fictional insured person of the sandbox register who has no account yet (no other
 * test of this service registers her: the real-service suites share one service).
 */
const HA = { idNumber: '031187000042', bhxhCode: '3101234567', fullName: 'Phạm Thị Thu Hà', birthDate: '01/01/1987', phone: '0321234567', maskedPhone: '032****567' };
const PASSWORD = 'Hồ-Gươm-Xanh-1994';

interface IdentityService {
  readonly url: string;
  readonly bhxhClientId: string;
}

const shows = (el: Element, text: string) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout: 8000 });

describe('<dvc-register> by social insurance against a running identity service', () => {
  let service: IdentityService;

  before(async function (this: MochaContext) {
    // Starting the service (PGlite, migrations, keys) takes more than a test's 10 s on a busy machine.
    this.timeout(60_000);
    const answer = await executeServerCommand<IdentityService | undefined, undefined>('dvc-identity-service');
    if (!answer?.bhxhClientId) throw new Error('The test runner has no identity service plugin with a social-insurance client');
    service = answer;
  });

  it('offers the chooser from the service’s configuration and registers at level 2 by BHXH code, axe clean at every step', async () => {
    const el = await fixture<DvcRegister>(html`<dvc-register service=${service.url} client-id=${service.bhxhClientId}></dvc-register>`);
    await shows(el, 'Bảo hiểm xã hội');
    expect(textOf(el)).to.contain('Công dân Doanh nghiệp Cơ quan nhà nước');
    expect(byLabel(el, 'USB ký số').disabled).to.be.true;
    await expect(el).to.be.accessible();
    byLabel(el, 'Bảo hiểm xã hội').click();
    byButton(el, 'Tiếp tục').click();

    await shows(el, 'Mã số bảo hiểm xã hội');
    await typeInto(byLabel(el, 'Số định danh cá nhân'), HA.idNumber);
    await typeInto(byLabel(el, 'Mã số bảo hiểm xã hội'), HA.bhxhCode.replace(/(\d{2})(\d{4})(\d{4})/, '$1 $2 $3'));
    await typeInto(byLabel(el, 'Họ và tên'), HA.fullName);
    await typeInto(byLabel(el, 'Ngày sinh'), HA.birthDate);
    await typeInto(byLabel(el, 'Số điện thoại'), HA.phone);
    byLabel(el, 'Nghị định 13/2023').click();
    byLabel(el, 'Tôi không phải là người máy').click();
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    await expect(el).to.be.accessible();
    byButton(el, 'Tiếp tục').click();

    await shows(el, `Mã OTP đã được gửi tới số ${HA.maskedPhone}`);
    await expect(el).to.be.accessible();
    const code = await executeServerCommand<string, { phone: string }>('dvc-outbox-code', { phone: HA.phone });
    await typeInto(byLabel(el, 'Mã OTP'), code!);
    await press('Enter');

    await shows(el, 'Đặt mật khẩu');
    await typeInto(byLabel(el, 'Mật khẩu'), PASSWORD);
    await typeInto(byLabel(el, 'Nhập lại mật khẩu'), PASSWORD);
    await expect(el).to.be.accessible();
    const registered = oneEvent(el, 'dvc-registered') as Promise<CustomEvent<DvcRegisteredDetail>>;
    byButton(el, 'Hoàn tất đăng ký').click();

    const { detail } = await registered;
    expect(detail.account.fullName).to.equal(HA.fullName);
    expect(detail.account.ial).to.equal(2);
    expect(detail.account.verificationMethod).to.equal('bhxh');
    await shows(el, 'Đăng ký tài khoản thành công');
    await expect(el).to.be.accessible();
  });

  it('answers a BHXH code the register does not hold for that person with the portal’s mismatch message on the code', async () => {
    const el = await fixture<DvcRegister>(html`<dvc-register service=${service.url} client-id=${service.bhxhClientId} methods="bhxh"></dvc-register>`);
    await shows(el, 'Mã số bảo hiểm xã hội');
    // Trần Thị Bích Ngọc, whom no other suite on this service looks up (Tuyết is the lost-phone test's, An the account test's).
    await typeInto(byLabel(el, 'Số định danh cá nhân'), '079195004321');
    await typeInto(byLabel(el, 'Mã số bảo hiểm xã hội'), '7901234568');
    await typeInto(byLabel(el, 'Họ và tên'), 'Trần Thị Bích Ngọc');
    await typeInto(byLabel(el, 'Ngày sinh'), '12/03/1995');
    await typeInto(byLabel(el, 'Số điện thoại'), '0912345678');
    byLabel(el, 'Nghị định 13/2023').click();
    byLabel(el, 'Tôi không phải là người máy').click();
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Mã số bảo hiểm xã hội: Thông tin kê khai không khớp với thông tin trong Cơ sở dữ liệu Bảo hiểm xã hội');
    expect(byLabel(el, 'Mã số bảo hiểm xã hội').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});
