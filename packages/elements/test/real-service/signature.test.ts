import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { DevelopmentSigner } from '@dvc-kit/sdk/signer';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcAssuranceUpgradedDetail } from '../../src/signature/events.js';
import type { DvcSignature } from '../../src/signature/signature.js';
import type { DvcSignedInDetail } from '../../src/shared/events.js';
import { byButton, byLabel, deep, focused, stepHeading, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';
import { identityService, type TestIdentityService } from '../support/real-service.js';

// <dvc-signature> against the real identity service the test runner starts (test/support/wtr-identity-service.mjs;
// the `signatures` service, shared with assurance-gate-step-up.test.ts),
// in development with every signature method: the development CA issues the DevelopmentSigner's certificates
// (real X.509, real ECDSA signatures the service verifies), and the sandbox signing provider answers for the
// holders of test/support/sandbox-signers.json after a second — Ngọc signs, Bình refuses, Hạnh never answers.

/** Trần Thị Bích Ngọc: registered here at IAL2, then raised to IAL3 and signed in by her SIM signature. */
const NGOC = { idNumber: '079195004321', fullName: 'Trần Thị Bích Ngọc', birthDate: '1995-03-12', phone: '+84912345678', national: '0912345678' };
/** Mai Thị Hồng Nhung: registered here; a certificate of another person is refused for her account. */
const NHUNG = { idNumber: '052179001122', fullName: 'Mai Thị Hồng Nhung', birthDate: '1979-12-01', phone: '+84562345678' };
/** Ngô Văn Bình, the sandbox holder who refuses on the phone (no account here: the passkey tests register him). */
const BINH_PHONE = '0977123456';
const HANH_PHONE = '0912003344';
const PASSWORD = 'Sông-Cầu-Nước-Chảy-1995';

const shows = (el: Element, text: string, timeout = 10_000) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout });

const claimsOf = (jwt: string) => JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { acr: string; amr: string[] };

describe('<dvc-signature> against a running identity service', () => {
  let service: TestIdentityService;
  let client: TestIdentityService['client'];
  const codes: Record<string, string> = {};

  before(async function (this: MochaContext) {
    this.timeout(90_000);
    service = await identityService('signatures');
    client = service.client;
    for (const citizen of [NGOC, NHUNG]) codes[citizen.idNumber] = await service.register(citizen, PASSWORD);
  });

  const signIn = async (citizen: typeof NGOC | typeof NHUNG) => (await service.signIn(citizen, PASSWORD, codes[citizen.idNumber]!)).accessToken;

  it('refuses a USB-token certificate of another person with subject mismatch on screen, and the account stays at level 2', async function (this: MochaContext) {
    this.timeout(30_000);
    const token = await signIn(NHUNG);
    const signer = await DevelopmentSigner.fromService(client, [{ holder: 'Lê Văn Khác', idNumber: '001099009999' }]);
    const el = await fixture<DvcSignature>(html`<dvc-signature service=${service.url} client-id=${service.clientId} methods="usb_token" .signer=${signer} .accessToken=${token}></dvc-signature>`);
    await shows(el, 'Xác nhận ký');
    expect(textOf(el)).to.contain('Chủ sở hữu Lê Văn Khác');
    byButton(el, 'Xác nhận ký').click();
    await shows(el, 'không khớp');
    expect(deep(el, '.error-summary')?.getAttribute('role')).to.equal('alert');
    expect((await client.getSessionAssurance(token)).ial).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('upgrades by USB token by keyboard alone: the certificate shown (holder, ID number, CA, validity) before “Xác nhận ký”, then the service says IAL3; axe clean', async function (this: MochaContext) {
    this.timeout(30_000);
    const token = await signIn(NGOC);
    const signer = await DevelopmentSigner.fromService(client, [{ holder: NGOC.fullName, idNumber: NGOC.idNumber }]);
    const el = await fixture<DvcSignature>(html`<dvc-signature service=${service.url} client-id=${service.clientId} .signer=${signer} .accessToken=${token}></dvc-signature>`);
    await shows(el, 'Chọn cách ký số');
    await expect(el).to.be.accessible();
    byButton(el, 'USB ký số').focus();
    await press('Enter');
    await shows(el, 'Kiểm tra chứng thư số');
    expect(focused()).to.equal(stepHeading(el));
    const text = textOf(el);
    for (const shown of [`Chủ sở hữu ${NGOC.fullName}`, `Số định danh ${NGOC.idNumber}`, 'NOT FOR PRODUCTION', 'Hiệu lực Từ ']) expect(text).to.contain(shown);
    await expect(el).to.be.accessible();
    const upgraded = oneEvent(el, 'dvc-assurance-upgraded') as Promise<CustomEvent<DvcAssuranceUpgradedDetail>>;
    await press('Tab');
    expect(textOf(focused()!)).to.equal('Xác nhận ký');
    await press('Enter');
    expect((await upgraded).detail.upgrade.account.ial).to.equal(3);
    await shows(el, 'mức xác minh 3');
    const assurance = await client.getSessionAssurance(token);
    expect([assurance.ial, assurance.ialMethod]).to.deep.equal([3, 'usb_token']);
    await expect(el).to.be.accessible();
  });

  it('waits for the SIM signature with a count-down, and “Huỷ” withdraws the request', async function (this: MochaContext) {
    this.timeout(30_000);
    const el = await fixture<DvcSignature>(html`<dvc-signature service=${service.url} client-id=${service.clientId} operation="sign-in" methods="sim_signature"></dvc-signature>`);
    await shows(el, 'Số điện thoại có SIM ký số');
    await typeInto(byLabel(el, 'Số điện thoại có SIM ký số'), HANH_PHONE);
    await press('Enter');
    await shows(el, 'Xác nhận trên điện thoại');
    await shows(el, 'Thời gian còn lại: 1:5');
    const left = textOf(el).match(/Thời gian còn lại: (\d+):(\d\d)/)!;
    await waitUntil(() => !textOf(el).includes(left[0]), 'the count-down does not move', { timeout: 3000 });
    await expect(el).to.be.accessible();
    const cancelled = oneEvent(el, 'dvc-signature-cancelled');
    byButton(el, 'Huỷ').click();
    await cancelled;
    await shows(el, 'Bạn đã huỷ yêu cầu ký.');
  });

  it('shows a refused SIM-signature request’s message', async function (this: MochaContext) {
    this.timeout(30_000);
    const el = await fixture<DvcSignature>(html`<dvc-signature service=${service.url} client-id=${service.clientId} operation="sign-in" methods="sim_signature"></dvc-signature>`);
    await shows(el, 'Số điện thoại có SIM ký số');
    await typeInto(byLabel(el, 'Số điện thoại có SIM ký số'), BINH_PHONE);
    await press('Enter');
    await shows(el, 'Xác nhận trên điện thoại');
    await shows(el, 'Yêu cầu ký đã bị từ chối trên điện thoại');
    expect(deep(el, '.error-summary')?.getAttribute('role')).to.equal('alert');
  });

  it('<dvc-login> signs in by SIM signature and ends in dvc-signed-in with AAL3 tokens', async function (this: MochaContext) {
    this.timeout(30_000);
    const login = await fixture<DvcLogin>(html`<dvc-login service=${service.url} client-id=${service.clientId}></dvc-login>`);
    await shows(login, 'Đăng nhập bằng chữ ký số');
    byButton(login, 'Đăng nhập bằng chữ ký số').click();
    await shows(login, 'Chọn cách ký số');
    byButton(login, 'SIM ký số').click();
    await shows(login, 'Số điện thoại có SIM ký số');
    await typeInto(byLabel(login, 'Số điện thoại có SIM ký số'), NGOC.national);
    const signedIn = oneEvent(login, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    await press('Enter');
    const { tokens, account } = (await signedIn).detail;
    expect(account.fullName).to.equal(NGOC.fullName);
    const claims = claimsOf(tokens.idToken);
    expect(claims.acr).to.match(/aal3/);
    expect(claims.amr).to.include('hwk');
    const assurance = await client.getSessionAssurance(tokens.accessToken);
    expect(assurance.aal).to.equal(3);
    await shows(login, `Đã đăng nhập: ${NGOC.fullName}`);
  });
});
