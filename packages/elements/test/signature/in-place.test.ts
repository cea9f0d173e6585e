import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { MOCK_PASSWORD, MOCK_SIGNING_HOLDERS } from '@dvc-kit/sdk/mock';
import { DevelopmentSigner, signChallenge } from '@dvc-kit/sdk/signer';
import '../../src/define.js';
import type { DvcAccount } from '../../src/account/account.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcSignedInDetail } from '../../src/shared/events.js';
import { byButton, byLabel, focused, stepHeading, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, SIGNING, testService } from '../support/service.js';

describe('signing from <dvc-login> and <dvc-account>', () => {
  it('<dvc-login> offers “Đăng nhập bằng chữ ký số” only when the service offers a signature sign-in', async () => {
    const plain = testService();
    const without = await fixture<DvcLogin>(html`<dvc-login .client=${plain.client} .clock=${plain.clock}></dvc-login>`);
    await shows(without, 'Quên mật khẩu');
    expect(textOf(without)).not.to.contain('Đăng nhập bằng chữ ký số');
    // A USB token alone needs the page's signer.
    const usbOnly = testService({ config: { registrationMethods: ['mobile', 'usb_token'], signInMethods: ['password', 'usb_token'] } });
    const noSigner = await fixture<DvcLogin>(html`<dvc-login .client=${usbOnly.client} .clock=${usbOnly.clock}></dvc-login>`);
    await shows(noSigner, 'Quên mật khẩu');
    expect(textOf(noSigner)).not.to.contain('Đăng nhập bằng chữ ký số');
  });

  it('<dvc-login> signs in by SIM signature in place and ends in the same dvc-signed-in as a password sign-in, by keyboard', async () => {
    const { client, clock } = testService(SIGNING);
    const login = await fixture<DvcLogin>(html`<dvc-login .client=${client} .clock=${clock}></dvc-login>`);
    await shows(login, 'Đăng nhập bằng chữ ký số');
    byButton(login, 'Đăng nhập bằng chữ ký số').focus();
    await press('Enter');
    await shows(login, 'Chọn cách ký số');
    expect(focused()).to.equal(stepHeading(login));
    expect(textOf(login), 'no signer: no USB token').not.to.contain('USB ký số');
    await expect(login).to.be.accessible();
    byButton(login, 'SIM ký số').focus();
    await press('Enter');
    await shows(login, 'Số điện thoại có SIM ký số');
    await typeInto(byLabel(login, 'Số điện thoại có SIM ký số'), MOCK_SIGNING_HOLDERS.signs.phone);
    await press('Enter');
    await shows(login, 'Xác nhận trên điện thoại');
    const signedIn = oneEvent(login, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    clock.advance(4000);
    const event = await signedIn;
    expect(event.target).to.equal(login);
    expect(event.detail.account.fullName).to.equal(AN.fullName);
    await shows(login, `Đã đăng nhập: ${AN.fullName}`);
    expect(textOf(login)).to.contain(AN.idNumber.replace(/^(\d{3})\d{6}(\d{3})$/, '$1******$2'));
  });

  it('<dvc-login>: “Huỷ” on the phone step goes back to the sign-in form', async () => {
    const { client, clock } = testService(SIGNING);
    const login = await fixture<DvcLogin>(html`<dvc-login .client=${client} .clock=${clock}></dvc-login>`);
    let heard = false;
    login.addEventListener('dvc-signature-cancelled', () => (heard = true));
    await shows(login, 'Đăng nhập bằng chữ ký số');
    byButton(login, 'Đăng nhập bằng chữ ký số').click();
    await shows(login, 'Chọn cách ký số');
    byButton(login, 'Ký số từ xa').click();
    await shows(login, 'Tài khoản ký số từ xa hoặc số định danh');
    await typeInto(byLabel(login, 'Tài khoản ký số từ xa hoặc số định danh'), MOCK_SIGNING_HOLDERS.signsByAccount.account);
    await press('Enter');
    await shows(login, 'Xác nhận trên điện thoại');
    byButton(login, 'Huỷ').click();
    await shows(login, 'Mật khẩu');
    expect(byLabel(login, 'Số định danh cá nhân')).to.exist;
    expect(heard, 'the sign-in took the cancellation as its own').to.be.false;
  });

  it('<dvc-login subject-type="enterprise"> signs an enterprise in by its USB token, with an enterprise’s challenge; “Huỷ” before a method goes back to the form', async () => {
    const { client, clock, scenario } = testService(SIGNING);
    const vidu = { holder: 'Công ty TNHH Ví Dụ', organisation: 'Công ty TNHH Ví Dụ', taxCode: '0101234567' };
    const signer = await DevelopmentSigner.fromService(client, [vidu]);
    // The enterprise registered through the API.
    const signature = await signChallenge(client, signer, { operation: 'register', subjectType: 'enterprise' });
    const { registrationId } = await client.startSignatureRegistration({ subjectType: 'enterprise', method: 'usb_token', taxCode: vidu.taxCode, phone: '0912000001', consentVersion: '2025-01', signature });
    await client.verifyRegistrationCode(registrationId, { code: '123456' });
    await client.completeRegistration(registrationId, { password: 'Sông-Hồng-Đỏ-Nặng-1995', passwordConfirmation: 'Sông-Hồng-Đỏ-Nặng-1995' });

    const login = await fixture<DvcLogin>(html`<dvc-login subject-type="enterprise" .client=${client} .clock=${clock} .signer=${signer}></dvc-login>`);
    await shows(login, 'Đăng nhập bằng chữ ký số');
    byButton(login, 'Đăng nhập bằng chữ ký số').click();
    await shows(login, 'Chọn cách ký số');
    byButton(login, 'Huỷ').click();
    await shows(login, 'Mật khẩu');
    byButton(login, 'Đăng nhập bằng chữ ký số').click();
    await shows(login, 'Chọn cách ký số');
    byButton(login, 'USB ký số').click();
    await shows(login, 'Kiểm tra chứng thư số');
    expect(textOf(login)).to.contain(`Mã số thuế ${vidu.taxCode}`);
    await expect(login).to.be.accessible();
    const signedIn = oneEvent(login, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    byButton(login, 'Xác nhận ký').click();
    const { account } = (await signedIn).detail;
    expect([account.subjectType, account.taxCode, account.fullName]).to.deep.equal(['enterprise', vidu.taxCode, vidu.organisation]);
    const signIns = [...scenario.signatureChallenges.values()].filter(({ challenge }) => challenge.operation === 'sign_in');
    expect(signIns.map(({ challenge }) => challenge.subjectType)).to.deep.equal(['enterprise']);
    await shows(login, `Đã đăng nhập: ${vidu.organisation}`);
  });

  it('<dvc-account> raises an IAL2 account to IAL3 with “Nâng lên mức 3 bằng chữ ký số”, then shows level 3', async () => {
    const service = testService(SIGNING);
    const { signInId } = await service.client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD });
    const { tokens } = await service.client.verifySignInCode(signInId, { code: '123456' });
    const signer = await DevelopmentSigner.fromService(service.client, [{ holder: AN.fullName, idNumber: AN.idNumber }]);
    const el = await fixture<DvcAccount>(html`<dvc-account .client=${service.client} .clock=${service.clock} .signer=${signer} .accessToken=${tokens.accessToken}></dvc-account>`);
    await shows(el, 'Mức xác minh 2');
    byButton(el, 'Nâng lên mức 3 bằng chữ ký số').click();
    await shows(el, 'Chọn cách ký số');
    byButton(el, 'USB ký số').click();
    await shows(el, 'Xác nhận ký');
    const upgraded = oneEvent(el, 'dvc-assurance-upgraded');
    byButton(el, 'Xác nhận ký').click();
    await upgraded;
    await shows(el, 'Tài khoản đã được nâng lên mức xác minh 3.');
    await shows(el, 'Mức xác minh 3 · USB ký số');
    expect(textOf(el)).not.to.contain('Nâng lên mức 3 bằng chữ ký số');
    await expect(el).to.be.accessible();
  });

  it('<dvc-account> offers no upgrade when the service offers no signature', async () => {
    const service = testService();
    const { signInId } = await service.client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD });
    const { tokens } = await service.client.verifySignInCode(signInId, { code: '123456' });
    const el = await fixture<DvcAccount>(html`<dvc-account .client=${service.client} .clock=${service.clock} .accessToken=${tokens.accessToken}></dvc-account>`);
    await shows(el, 'Mức xác minh 2');
    expect(textOf(el)).not.to.contain('Nâng lên mức 3');
  });
});
