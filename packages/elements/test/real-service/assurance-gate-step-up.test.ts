import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { DevelopmentSigner, type Signer } from '@dvc-kit/sdk/signer';
import '../../src/define.js';
import type { DvcAssuranceGate } from '../../src/assurance-gate/assurance-gate.js';
import type { DvcAssuranceMetDetail } from '../../src/assurance-gate/events.js';
import type { DvcSignedInDetail } from '../../src/shared/events.js';
import { byLabel, focused, stepHeading, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';
import { identityService, type TestIdentityService } from '../support/real-service.js';

// <dvc-assurance-gate>'s IAL3 and AAL3 paths end to end, against the real identity service the test runner
// starts (test/support/wtr-identity-service.mjs; the `signatures` service, shared with signature.test.ts): the upgrade by USB token (the development CA's certificate
// in a DevelopmentSigner: real X.509, a real ECDSA signature the service verifies) and by SIM signature (the
// sandbox provider's holder confirms after a second), the sign-in by signature for min-aal 3, and "Huỷ".
// Keyboard only; the service's POST /v1/session/assurance/check decides when the content shows.

/** Lý Thị Mai: IAL2 by phone, raised to IAL3 by USB token inside the gate, then signs in by it for AAL3. */
const MAI = { idNumber: '027192006677', fullName: 'Lý Thị Mai', birthDate: '1992-05-18', phone: '+84886123456' };
/** Trương Quang Hiếu: IAL2 by phone, raised to IAL3 by SIM signature (a holder of test/support/sandbox-signers.json who signs). */
const HIEU = { idNumber: '046200008899', fullName: 'Trương Quang Hiếu', birthDate: '2000-10-02', phone: '+84703456789', national: '0703456789' };
const PASSWORD = 'Kinh-Bắc-Quan-Họ-47';
const CONTENT = 'Hồ sơ đất đai trực tuyến';
const WHY_IAL3 = 'Dịch vụ này yêu cầu tài khoản xác minh mức 3; hãy ký số để nâng mức xác minh.';
const WHY_AAL3 = 'Dịch vụ này yêu cầu đăng nhập bằng chữ ký số (USB ký số hoặc SIM ký số).';

const shows = (el: Element, text: string, timeout = 10_000) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout });

/** Presses Tab until the focused control's text is `name` (at most `limit` presses): what a keyboard user does. */
async function tabTo(name: string, limit = 6): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await press('Tab');
    if (textOf(focused()!) === name) return;
  }
  throw new Error(`“${name}” was not reached by Tab; focus is on “${textOf(focused()!)}”`);
}

describe('<dvc-assurance-gate> stepping up by signature against a running identity service', () => {
  let service: TestIdentityService;
  let client: TestIdentityService['client'];
  const codes: Record<string, string> = {};

  before(async function (this: MochaContext) {
    this.timeout(60_000);
    service = await identityService('signatures');
    client = service.client;
    for (const citizen of [MAI, HIEU]) codes[citizen.idNumber] = await service.register(citizen, PASSWORD);
  });

  const gate = (attributes: { ial?: number; aal?: number; token?: string; signer?: Signer }) =>
    fixture<DvcAssuranceGate>(html`<dvc-assurance-gate
      min-ial=${attributes.ial ?? 2}
      min-aal=${attributes.aal ?? 2}
      service=${service.url}
      client-id=${service.clientId}
      .accessToken=${attributes.token}
      .signer=${attributes.signer}
      ><p>${CONTENT}</p></dvc-assurance-gate
    >`);

  it('an IAL2 citizen at min-ial 3 upgrades by USB token, keyboard only: why, the certificate, “Huỷ” keeps the content hidden and the gate usable, “Xác nhận ký” → IAL3 → the content; axe clean', async function (this: MochaContext) {
    this.timeout(40_000);
    const { accessToken } = await service.signIn(MAI, PASSWORD, codes[MAI.idNumber]!);
    const signer = await DevelopmentSigner.fromService(client, [{ holder: MAI.fullName, idNumber: MAI.idNumber }]);
    const el = await gate({ ial: 3, token: accessToken, signer });
    await shows(el, WHY_IAL3);
    await shows(el, 'Chọn cách ký số');
    await expect(el).to.be.accessible();

    await tabTo('USB ký số');
    await press('Enter');
    await shows(el, 'Kiểm tra chứng thư số');
    expect(focused()).to.equal(stepHeading(el.shadowRoot!.querySelector('dvc-signature')!));
    for (const shown of [`Chủ sở hữu ${MAI.fullName}`, `Số định danh ${MAI.idNumber}`, 'NOT FOR PRODUCTION']) expect(textOf(el)).to.contain(shown);
    await expect(el).to.be.accessible();

    // "Huỷ": nothing is signed, the content stays hidden, and the citizen can sign from where they are.
    let cancelled = false;
    el.addEventListener('dvc-signature-cancelled', () => (cancelled = true));
    await tabTo('Huỷ');
    await press('Enter');
    await waitUntil(() => cancelled, 'the signature never said it was cancelled');
    await shows(el, 'Chọn chứng thư số để ký');
    expect(textOf(el)).to.contain(WHY_IAL3);
    expect(textOf(el)).not.to.contain(CONTENT);
    expect((await client.getSessionAssurance(accessToken)).ial).to.equal(2);
    await expect(el).to.be.accessible();

    const met = oneEvent(el, 'dvc-assurance-met') as Promise<CustomEvent<DvcAssuranceMetDetail>>;
    await tabTo('Tiếp tục');
    await press('Enter');
    await shows(el, 'Kiểm tra chứng thư số');
    await tabTo('Xác nhận ký');
    await press('Enter');
    const { assurance } = (await met).detail;
    expect([assurance.ial, assurance.ialMethod, assurance.aal]).to.deep.equal([3, 'usb_token', 2]);
    await shows(el, CONTENT);
    expect(textOf(el)).to.equal(CONTENT);
    expect(focused()?.getAttribute('part')).to.equal('content');
    const seen = await client.getSessionAssurance(accessToken);
    expect([seen.ial, seen.ialMethod]).to.deep.equal([3, 'usb_token']);
    await expect(el).to.be.accessible();
  });

  it('an IAL2 citizen at min-ial 3 upgrades by SIM signature: the count-down while the sandbox holder confirms, then IAL3 and the content', async function (this: MochaContext) {
    this.timeout(40_000);
    const { accessToken } = await service.signIn(HIEU, PASSWORD, codes[HIEU.idNumber]!);
    // No signer on this page: the USB token is not offered, the SIM signature and remote signing are.
    const el = await gate({ ial: 3, token: accessToken });
    await shows(el, WHY_IAL3);
    await shows(el, 'Chọn cách ký số');
    expect(textOf(el)).not.to.contain('USB ký số');
    await tabTo('SIM ký số');
    await press('Enter');
    await shows(el, 'Số điện thoại có SIM ký số');
    await typeInto(byLabel(el, 'Số điện thoại có SIM ký số'), HIEU.national);
    const met = oneEvent(el, 'dvc-assurance-met') as Promise<CustomEvent<DvcAssuranceMetDetail>>;
    await press('Enter');
    await shows(el, 'Xác nhận trên điện thoại');
    expect(textOf(el)).to.match(/Thời gian còn lại: \d+:\d\d/);
    expect(textOf(el)).not.to.contain(CONTENT);
    await expect(el).to.be.accessible();
    const { assurance } = (await met).detail;
    expect([assurance.ial, assurance.ialMethod]).to.deep.equal([3, 'sim_signature']);
    await shows(el, CONTENT);
    expect(textOf(el)).to.equal(CONTENT);
  });

  it('min-aal 3 without a session: the sign-in by signature inside the gate (only the methods that give AAL3), then AAL3 and the content, with the tokens for the page', async function (this: MochaContext) {
    this.timeout(40_000);
    const signer = await DevelopmentSigner.fromService(client, [{ holder: MAI.fullName, idNumber: MAI.idNumber }]);
    const el = await gate({ ial: 3, aal: 3, signer });
    await shows(el, WHY_AAL3);
    await shows(el, 'Chọn cách ký số');
    // Remote signing gives AAL2 (the provider holds the key): it could never open this gate.
    expect(textOf(el)).not.to.contain('Ký số từ xa');
    await expect(el).to.be.accessible();
    const signedIn = oneEvent(el, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    const met = oneEvent(el, 'dvc-assurance-met') as Promise<CustomEvent<DvcAssuranceMetDetail>>;
    await tabTo('USB ký số');
    await press('Enter');
    await shows(el, 'Kiểm tra chứng thư số');
    await tabTo('Xác nhận ký');
    await press('Enter');
    const { assurance } = (await met).detail;
    expect([assurance.ial, assurance.aal]).to.deep.equal([3, 3]);
    expect(assurance.amr).to.include('hwk');
    const { tokens, account } = (await signedIn).detail;
    expect(account.fullName).to.equal(MAI.fullName);
    expect((await client.getSessionAssurance(tokens.accessToken)).aal).to.equal(3);
    await shows(el, CONTENT);
    await expect(el).to.be.accessible();
  });
});
