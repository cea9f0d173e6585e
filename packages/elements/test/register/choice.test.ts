import { expect, fixture, html } from '@open-wc/testing';
import type { MockOptions } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import { registerChoices } from '../../src/register/choices.js';
import type { DvcRegister } from '../../src/register/register.js';
import { byButton, byLabel, byLink, descriptionOf, focused, stepHeading, textOf } from '../support/dom.js';
import { registerToCode, shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { NGOC, testService } from '../support/service.js';

const BOTH: MockOptions = { config: { registrationMethods: ['mobile', 'bhxh'] } };

async function register(options: MockOptions = {}, attributes: { methods?: string; subjectType?: string } = {}, lang = 'vi') {
  const service = testService(options);
  const el = await fixture<DvcRegister>(
    html`<dvc-register lang=${lang} .client=${service.client} .clock=${service.clock} .methods=${attributes.methods} .subjectType=${attributes.subjectType}></dvc-register>`,
  );
  return { el, ...service };
}

const UNAVAILABLE = 'Chưa hỗ trợ trên dịch vụ này';

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard user would reach it. */
async function tabTo(target: Element, limit = 20): Promise<void> {
  for (let i = 0; i < limit && focused() !== target; i++) await press('Tab');
  expect(focused()).to.equal(target);
}

describe('<dvc-register> first step: who registers, and how', () => {
  it('is chosen with the keyboard alone: arrows move between subject types, each showing its own methods', async () => {
    const { el } = await register(BOTH);
    await shows(el, 'Thuê bao di động');
    await press('Tab');
    expect(focused()).to.equal(byLabel(el, 'Công dân'));
    expect(byLabel(el, 'Công dân').checked).to.be.true;
    await expect(el).to.be.accessible();

    await press('ArrowDown');
    await shows(el, 'Dịch vụ này chưa hỗ trợ phương thức đăng ký nào cho đối tượng này.');
    expect(focused()).to.equal(byLabel(el, 'Doanh nghiệp'));
    expect(byLabel(el, 'Doanh nghiệp').checked).to.be.true;
    expect(textOf(el)).not.to.contain('Thuê bao di động');
    for (const name of ['USB ký số', 'SIM ký số', 'Ký số từ xa']) expect(byLabel(el, name).disabled, name).to.be.true;
    expect(() => byButton(el, 'Tiếp tục')).to.throw('No button');
    await expect(el).to.be.accessible();

    await press('ArrowDown');
    await shows(el, 'Cơ quan nhà nước');
    expect(byLabel(el, 'Cơ quan nhà nước').checked).to.be.true;
    expect(textOf(el)).not.to.contain('SIM ký số');
    expect(byLabel(el, 'USB ký số').disabled).to.be.true;

    await press('ArrowDown');
    await shows(el, 'Bảo hiểm xã hội');
    expect(byLabel(el, 'Công dân').checked).to.be.true;
    // Two methods can be chosen: neither is chosen for the citizen.
    expect(byLabel(el, 'Thuê bao di động').checked).to.be.false;
    await press('Tab');
    expect(focused()).to.equal(byLabel(el, 'Thuê bao di động'));
    await press('ArrowDown');
    expect(byLabel(el, 'Bảo hiểm xã hội').checked).to.be.true;
    expect(focused()).to.equal(byLabel(el, 'Bảo hiểm xã hội'));
    await press('Tab');
    expect(focused()).to.equal(byButton(el, 'Tiếp tục'));
    await press('Enter');
    await shows(el, 'Mã số bảo hiểm xã hội');
    expect(focused()).to.equal(stepHeading(el));
    expect(textOf(stepHeading(el))).to.equal('Bước 2/4 Thông tin công dân');
    expect(textOf(el)).to.contain('Phương thức xác minh: Bảo hiểm xã hội');
    await expect(el).to.be.accessible();
  });

  it('asks for a method when the citizen continues without one, and the summary link leads to the methods', async () => {
    const { el } = await register(BOTH);
    await shows(el, 'Bảo hiểm xã hội');
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Phương thức xác minh: Chọn một phương thức xác minh.');
    await expect(el).to.be.accessible();
    byLink(el, 'Phương thức xác minh: Chọn một phương thức xác minh.').click();
    expect(focused()).to.equal(byLabel(el, 'Thuê bao di động'));
  });

  it('shows every IAL3 method disabled with “Chưa hỗ trợ trên dịch vụ này”, in English “Not yet available on this service”', async () => {
    const { el } = await register(BOTH);
    await shows(el, 'Mức độ 3 – xác minh mức độ cao');
    for (const name of ['USB ký số', 'SIM ký số', 'Ký số từ xa', 'Bưu điện Việt Nam']) {
      const input = byLabel(el, name);
      expect(input.disabled, name).to.be.true;
      expect(descriptionOf(input), name).to.equal(UNAVAILABLE);
    }
    expect(byLabel(el, 'Thuê bao di động').disabled).to.be.false;
    expect(descriptionOf(byLabel(el, 'Bảo hiểm xã hội'))).to.equal('Mã số bảo hiểm xã hội gồm 10 chữ số');
    el.setAttribute('lang', 'en');
    await shows(el, 'Level 3 – high assurance');
    expect(descriptionOf(byLabel(el, 'USB signing token'))).to.equal('Not yet available on this service');
    expect(textOf(el)).to.contain('Citizen Enterprise State agency');
    await expect(el).to.be.accessible();
  });

  it('starts at the details when the portal’s methods leave one subject type and one method (methods="mobile")', async () => {
    const { el, scenario } = await register(BOTH, { methods: 'mobile' });
    await shows(el, 'Thông tin công dân');
    expect(textOf(stepHeading(el))).to.equal('Bước 1/3 Thông tin công dân');
    expect(textOf(el)).not.to.contain('Đối tượng đăng ký');
    expect(textOf(el)).not.to.contain('Mã số bảo hiểm xã hội');
    await expect(el).to.be.accessible();
    expect(scenario.requests.map((r) => r.operation)).to.deep.equal(['getConfig']);
  });

  it('starts at the social-insurance details with methods="bhxh"', async () => {
    const { el } = await register(BOTH, { methods: 'bhxh' });
    await shows(el, 'Mã số bảo hiểm xã hội');
    expect(textOf(stepHeading(el))).to.equal('Bước 1/3 Thông tin công dân');
  });

  it('keeps the choice when a narrowed method is one the service does not offer: shown, disabled', async () => {
    const { el } = await register({}, { methods: 'mobile, usb_token' });
    await shows(el, 'Thuê bao di động');
    expect(textOf(el)).not.to.contain('Bảo hiểm xã hội');
    expect(byLabel(el, 'USB ký số').disabled).to.be.true;
    expect(textOf(el)).to.contain('Công dân Doanh nghiệp Cơ quan nhà nước');
  });

  it('shows only the subject type fixed by subject-type="citizen"', async () => {
    const { el } = await register(BOTH, { subjectType: 'citizen' });
    await shows(el, 'Bảo hiểm xã hội');
    expect(textOf(el)).to.contain('Đối tượng đăng ký Công dân Phương thức xác minh');
    expect(textOf(el)).not.to.contain('Doanh nghiệp');
    expect(textOf(el)).not.to.contain('Cơ quan nhà nước');
    await expect(el).to.be.accessible();
  });

  it('starts at the details when subject-type="citizen" leaves one method the service offers', async () => {
    const { el } = await register({}, { subjectType: 'citizen' });
    await shows(el, 'Thông tin công dân');
    expect(textOf(el)).not.to.contain('Đối tượng đăng ký');
  });

  it('says so, and offers nothing to press, for a subject type with no method on this service', async () => {
    const { el } = await register(BOTH, { subjectType: 'enterprise' });
    await shows(el, 'Doanh nghiệp');
    expect(textOf(el)).to.contain('Cổng này chưa cung cấp phương thức đăng ký trực tuyến.');
    expect(el.shadowRoot!.querySelector('dvc-method-picker')!.shadowRoot!.querySelectorAll('button, input:enabled:not([name="subjectType"])')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('offers an enterprise and an agency officer the signature methods the service offers them (the USB token with a signer), and nothing it does not', async () => {
    const { client } = testService({ config: { registrationMethods: ['mobile', 'usb_token', 'sim_signature'] } });
    const config = await client.getConfig();
    const available = (choices: ReturnType<typeof registerChoices>, subjectType: string) =>
      choices.find((c) => c.subjectType === subjectType)!.methods.filter((m) => m.available).map((m) => m.method);
    const withSigner = registerChoices(config, { signer: true });
    expect(available(withSigner, 'enterprise')).to.deep.equal(['usb_token', 'sim_signature']);
    expect(available(withSigner, 'agency')).to.deep.equal(['usb_token']);
    expect(available(withSigner, 'citizen')).to.deep.equal(['mobile', 'usb_token', 'sim_signature']);
    const withoutSigner = registerChoices(config);
    expect(available(withoutSigner, 'enterprise')).to.deep.equal(['sim_signature']);
    expect(available(withoutSigner, 'agency')).to.deep.equal([]);
    // Where the service offers no signature method, an enterprise and an officer have nothing to press.
    const ial2Only = registerChoices(await testService(BOTH).client.getConfig(), { signer: true });
    for (const subjectType of ['enterprise', 'agency']) expect(available(ial2Only, subjectType), subjectType).to.deep.equal([]);
    // `subject-type` narrows to one of them.
    expect(registerChoices(config, { signer: true, subjectType: 'enterprise' }).map((c) => c.subjectType)).to.deep.equal(['enterprise']);
  });

  it('goes back from the details to the choice by keyboard, the choice still selected and what was typed kept', async () => {
    const { el, scenario } = await register(BOTH);
    await shows(el, 'Bảo hiểm xã hội');
    await tabTo(byLabel(el, 'Thuê bao di động'));
    await press('ArrowDown');
    expect(byLabel(el, 'Bảo hiểm xã hội').checked).to.be.true;
    await press('Tab');
    await press('Enter');
    await shows(el, 'Mã số bảo hiểm xã hội');
    // Chosen by mistake: the citizen has typed a little, then goes back with the secondary action.
    await press('Tab');
    expect(focused()).to.equal(byLabel(el, 'Số định danh cá nhân'));
    await typeInto(byLabel(el, 'Số định danh cá nhân'), NGOC.idNumber);
    await typeInto(byLabel(el, 'Mã số bảo hiểm xã hội'), '0123456789');
    await typeInto(byLabel(el, 'Họ và tên'), NGOC.fullName);
    const back = byButton(el, 'Quay lại');
    expect(back.type).to.equal('button');
    expect(back.getAttribute('part')).to.equal('button button-secondary');
    await tabTo(back);
    await press('Enter');
    await shows(el, 'Đối tượng đăng ký');
    // Focus as on entering any step: the heading of the first step, which says where the citizen is.
    expect(focused()).to.equal(stepHeading(el));
    expect(textOf(stepHeading(el))).to.equal('Bước 1/4 Chọn đối tượng và phương thức xác minh');
    expect(byLabel(el, 'Công dân').checked).to.be.true;
    expect(byLabel(el, 'Bảo hiểm xã hội').checked).to.be.true;
    expect(byLabel(el, 'Thuê bao di động').checked).to.be.false;
    await expect(el).to.be.accessible();

    // The right method this time: what was typed is still there; the BHXH code is not asked.
    await tabTo(byLabel(el, 'Bảo hiểm xã hội'));
    await press('ArrowUp');
    expect(byLabel(el, 'Thuê bao di động').checked).to.be.true;
    await press('Tab');
    await press('Enter');
    await shows(el, 'Phương thức xác minh: Thuê bao di động');
    expect(focused()).to.equal(stepHeading(el));
    expect(textOf(el)).not.to.contain('Mã số bảo hiểm xã hội');
    expect(byLabel(el, 'Số định danh cá nhân').value).to.equal(NGOC.idNumber);
    expect(byLabel(el, 'Họ và tên').value).to.equal(NGOC.fullName);
    await expect(el).to.be.accessible();

    // And back once more to social insurance: the code typed the first time is there again.
    byButton(el, 'Quay lại').click();
    await shows(el, 'Đối tượng đăng ký');
    byLabel(el, 'Bảo hiểm xã hội').click();
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Mã số bảo hiểm xã hội');
    expect(byLabel(el, 'Mã số bảo hiểm xã hội').value).to.equal('0123456789');
    // Nothing was sent on the way: going back opens nothing on the service.
    expect(scenario.requests.map((r) => r.operation)).to.deep.equal(['getConfig']);
  });

  it('reads “Back” in English', async () => {
    const { el } = await register(BOTH, {}, 'en');
    await shows(el, 'Social insurance');
    byLabel(el, 'Mobile subscriber').click();
    byButton(el, 'Continue').click();
    await shows(el, 'Your details');
    byButton(el, 'Back').click();
    await shows(el, 'Verification method');
    expect(byLabel(el, 'Mobile subscriber').checked).to.be.true;
  });

  it('offers no way back when the choice was skipped, nor once a code was sent', async () => {
    const { el: narrowed } = await register(BOTH, { methods: 'mobile' });
    await shows(narrowed, 'Thông tin công dân');
    expect(() => byButton(narrowed, 'Quay lại')).to.throw('No button');

    const { el } = await register();
    await registerToCode(el, NGOC);
    expect(() => byButton(el, 'Quay lại')).to.throw('No button');
  });
});
