import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { problemMessage } from '@dvc-kit/sdk';
import { MOCK_SIGNING_HOLDERS, type MockOptions } from '@dvc-kit/sdk/mock';
import { DevelopmentSigner, type DevelopmentHolder } from '@dvc-kit/sdk/signer';
import '../../src/define.js';
import type { DvcRegister } from '../../src/register/register.js';
import type { DvcRegisteredDetail } from '../../src/shared/events.js';
import { byButton, byLabel, deep, stepHeading, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, NGOC, SIGNING, testService } from '../support/service.js';

const PASSWORD = 'Sông-Hồng-Đỏ-Nặng-1995';

/** `<dvc-register>` on a service that offers every signature method, with a development signer holding `holders`' certificates. */
async function register(holders: DevelopmentHolder[] = [{ holder: NGOC.fullName, idNumber: NGOC.idNumber }], options: MockOptions = {}) {
  const service = testService({ ...SIGNING, ...options });
  const signer = await DevelopmentSigner.fromService(service.client, holders);
  const el = await fixture<DvcRegister>(html`<dvc-register .client=${service.client} .clock=${service.clock} .signer=${signer}></dvc-register>`);
  await shows(el, 'USB ký số');
  return { el, ...service };
}

/** From the choice of an IAL3 method to its signature: the details without a name (the certificate gives it). */
async function toSignature(el: DvcRegister, method: string, citizen: { idNumber: string; birthDate: string; phone: string } = NGOC) {
  byLabel(el, method).click();
  byButton(el, 'Tiếp tục').click();
  await shows(el, 'Số định danh cá nhân');
  expect(() => byLabel(el, 'Họ và tên'), 'the certificate names the holder').to.throw();
  await typeInto(byLabel(el, 'Số định danh cá nhân'), citizen.idNumber);
  await typeInto(byLabel(el, 'Ngày sinh'), citizen.birthDate);
  await typeInto(byLabel(el, 'Số điện thoại'), citizen.phone);
  byLabel(el, 'Nghị định 13/2023').click();
  byButton(el, 'Tiếp tục').click();
}

async function finish(el: DvcRegister) {
  await shows(el, 'Mã OTP đã được gửi tới số');
  await typeInto(byLabel(el, 'Mã OTP'), '123456');
  await press('Enter');
  await shows(el, 'Đặt mật khẩu');
  await typeInto(byLabel(el, 'Mật khẩu'), PASSWORD);
  await typeInto(byLabel(el, 'Nhập lại mật khẩu'), PASSWORD);
  const registered = oneEvent(el, 'dvc-registered') as Promise<CustomEvent<DvcRegisteredDetail>>;
  byButton(el, 'Hoàn tất đăng ký').click();
  return (await registered).detail.account;
}

describe('<dvc-register> at IAL3 by signature', () => {
  it('offers the IAL3 methods the service offers; the USB token only with a signer', async () => {
    const { el } = await register();
    for (const name of ['USB ký số', 'SIM ký số', 'Ký số từ xa']) expect(byLabel(el, name).disabled, name).to.be.false;
    const plain = testService(SIGNING);
    const without = await fixture<DvcRegister>(html`<dvc-register .client=${plain.client} .clock=${plain.clock}></dvc-register>`);
    await shows(without, 'SIM ký số');
    expect(byLabel(without, 'USB ký số').disabled).to.be.true;
    expect(byLabel(without, 'SIM ký số').disabled).to.be.false;
  });

  it('registers by USB token: the certificate shown before “Xác nhận ký”, then the code and the password as for IAL2, an account at IAL3 named by the certificate', async () => {
    const { el } = await register();
    await toSignature(el, 'USB ký số');
    await shows(el, 'Kiểm tra chứng thư số');
    expect(textOf(el)).to.contain(`Số định danh ${NGOC.idNumber}`);
    await expect(el).to.be.accessible();
    byButton(el, 'Xác nhận ký').click();
    const account = await finish(el);
    expect([account.ial, account.verificationMethod, account.fullName]).to.deep.equal([3, 'usb_token', NGOC.fullName]);
  });

  it('counts the signature among the steps: “Bước n/5” from the choice of an IAL3 method to the password, the signature being step 3', async () => {
    const { el } = await register();
    expect(textOf(stepHeading(el))).to.equal('Bước 1/4 Chọn đối tượng và phương thức xác minh');
    byLabel(el, 'USB ký số').click();
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Số định danh cá nhân');
    expect(textOf(stepHeading(el))).to.match(/^Bước 2\/5 /);
    await typeInto(byLabel(el, 'Số định danh cá nhân'), NGOC.idNumber);
    await typeInto(byLabel(el, 'Ngày sinh'), NGOC.birthDate);
    await typeInto(byLabel(el, 'Số điện thoại'), NGOC.phone);
    byLabel(el, 'Nghị định 13/2023').click();
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Kiểm tra chứng thư số');
    const signature = deep(el, 'dvc-signature')!;
    expect(textOf(stepHeading(signature))).to.equal('Bước 3/5 Kiểm tra chứng thư số');
    byButton(el, 'Xác nhận ký').click();
    await shows(el, 'Mã OTP đã được gửi tới số');
    expect(textOf(stepHeading(el))).to.equal('Bước 4/5 Nhập mã OTP');
    await typeInto(byLabel(el, 'Mã OTP'), '123456');
    await press('Enter');
    await shows(el, 'Đặt mật khẩu');
    expect(textOf(stepHeading(el))).to.equal('Bước 5/5 Đặt mật khẩu');
    await expect(el).to.be.accessible();
  });

  it('refuses a certificate that does not carry the typed ID number before anything is signed', async () => {
    const { el } = await register([{ holder: 'Người Khác', idNumber: '001099009999' }]);
    await toSignature(el, 'USB ký số');
    await shows(el, problemMessage('subject_mismatch', 'vi'));
    expect(deep(el, '.error-summary')?.getAttribute('role')).to.equal('alert');
    expect(textOf(el)).not.to.contain('Xác nhận ký');
  });

  it('registers by SIM signature after the holder confirms on the phone, at IAL3', async () => {
    // Nguyễn Văn An, the mock signing provider's holder who signs, without an account yet.
    const { el, clock } = await register([], { accounts: [] });
    await toSignature(el, 'SIM ký số', AN);
    await shows(el, 'Số điện thoại có SIM ký số');
    await typeInto(byLabel(el, 'Số điện thoại có SIM ký số'), MOCK_SIGNING_HOLDERS.signs.phone);
    byButton(el, 'Gửi yêu cầu ký').click();
    await shows(el, 'Xác nhận trên điện thoại');
    clock.advance(4000);
    const account = await finish(el);
    expect([account.ial, account.verificationMethod, account.fullName]).to.deep.equal([3, 'sim_signature', AN.fullName]);
  });

  it('refuses a SIM signature whose certificate carries another ID number, and starts no registration', async () => {
    const { el, clock, scenario } = await register();
    await toSignature(el, 'SIM ký số');
    await shows(el, 'Số điện thoại có SIM ký số');
    await typeInto(byLabel(el, 'Số điện thoại có SIM ký số'), MOCK_SIGNING_HOLDERS.signs.phone);
    byButton(el, 'Gửi yêu cầu ký').click();
    await shows(el, 'Xác nhận trên điện thoại');
    clock.advance(4000);
    await shows(el, problemMessage('subject_mismatch', 'vi'));
    expect([...scenario.flows.values()].filter((flow) => flow.purpose === 'registration')).to.have.length(0);
  });
});
