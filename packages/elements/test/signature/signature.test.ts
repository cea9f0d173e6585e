import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { problemMessage } from '@dvc-kit/sdk';
import { MOCK_PASSWORD, MOCK_SIGNING_HOLDERS, type MockOptions } from '@dvc-kit/sdk/mock';
import { DevelopmentSigner, signerMessage, type DevelopmentHolder, type DevelopmentSignerOptions } from '@dvc-kit/sdk/signer';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/define.js';
import type { DvcSignature } from '../../src/signature/signature.js';
import type { DvcAssuranceUpgradedDetail } from '../../src/signature/events.js';
import type { DvcSignedInDetail } from '../../src/shared/events.js';
import { announcements, byButton, byLabel, deep, focused, stepHeading, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, NGOC, SIGNING, testService } from '../support/service.js';

const AN_HOLDER: DevelopmentHolder = { holder: AN.fullName, idNumber: AN.idNumber };

/** An signed in on the mock (IAL2), a development signer from the mock's development CA, and `<dvc-signature>` for them. */
async function signature(options: { operation?: 'upgrade' | 'sign-in'; holders?: DevelopmentHolder[]; signer?: DevelopmentSignerOptions; methods?: string; lang?: string; mock?: MockOptions } = {}) {
  const service = testService({ ...SIGNING, ...options.mock });
  const { signInId } = await service.client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD });
  const { tokens } = await service.client.verifySignInCode(signInId, { code: '123456' });
  const signer = await DevelopmentSigner.fromService(service.client, options.holders ?? [AN_HOLDER], options.signer);
  const el = await fixture<DvcSignature>(
    html`<dvc-signature
      lang=${options.lang ?? 'vi'}
      operation=${options.operation ?? 'upgrade'}
      methods=${ifDefined(options.methods)}
      .client=${service.client}
      .clock=${service.clock}
      .signer=${signer}
      .accessToken=${tokens.accessToken}
    ></dvc-signature>`,
  );
  return { el, tokens, signer, ...service };
}

const summary = (el: Element) => textOf(deep(el, '.error-summary') ?? document.createElement('p'));

describe('<dvc-signature>', () => {
  it('upgrades by USB token: the choice of method, the service’s reading of the certificate before “Xác nhận ký”, then IAL3 from the service; axe clean at every step', async () => {
    const { el, client, tokens } = await signature();
    await shows(el, 'Chọn cách ký số');
    expect(textOf(el)).to.contain('USB ký số SIM ký số Ký số từ xa');
    await expect(el).to.be.accessible();
    byButton(el, 'USB ký số').click();
    await shows(el, 'Kiểm tra chứng thư số');
    const text = textOf(el);
    for (const shown of ['Chủ sở hữu Nguyễn Văn An', `Số định danh ${AN.idNumber}`, 'Tổ chức cấp DVC Kit Development CA - NOT FOR PRODUCTION', 'Hiệu lực Từ ']) expect(text).to.contain(shown);
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    expect((await client.getAccount(tokens.accessToken)).ial, 'nothing is signed before the citizen confirms').to.equal(2);

    const upgraded = oneEvent(el, 'dvc-assurance-upgraded') as Promise<CustomEvent<DvcAssuranceUpgradedDetail>>;
    byButton(el, 'Xác nhận ký').click();
    const { upgrade } = (await upgraded).detail;
    expect([upgrade.account.ial, upgrade.account.verificationMethod, upgrade.previous.ial]).to.deep.equal([3, 'usb_token', 2]);
    await shows(el, 'Tài khoản của bạn đã được nâng lên mức xác minh 3.');
    expect((await client.getAccount(tokens.accessToken)).ial).to.equal(3);
    await expect(el).to.be.accessible();
  });

  it('refuses a certificate of another person with the service’s subject mismatch on screen, announced, and upgrades nothing', async () => {
    const { el, client, tokens } = await signature({ holders: [{ holder: NGOC.fullName, idNumber: NGOC.idNumber }], methods: 'usb_token' });
    await shows(el, 'Xác nhận ký');
    expect(textOf(el)).to.contain(NGOC.fullName);
    let upgraded = false;
    el.addEventListener('dvc-assurance-upgraded', () => (upgraded = true));
    byButton(el, 'Xác nhận ký').click();
    await shows(el, problemMessage('subject_mismatch', 'vi'));
    expect(deep(el, '.error-summary')?.getAttribute('role')).to.equal('alert');
    expect(focused()).to.equal(deep(el, '.error-summary'));
    expect(upgraded).to.be.false;
    expect((await client.getAccount(tokens.accessToken)).ial).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('lets the citizen choose among several certificates, by keyboard alone, focus on each step’s heading', async () => {
    const { el } = await signature({ holders: [{ holder: 'Nguyễn Văn An (cũ)', idNumber: NGOC.idNumber }, AN_HOLDER], methods: 'usb_token' });
    await shows(el, 'Chọn chứng thư số để ký');
    await expect(el).to.be.accessible();
    const first = byLabel(el, 'Nguyễn Văn An (cũ)');
    first.focus();
    await press('ArrowDown');
    expect(byLabel(el, `${AN.fullName} — DVC Kit Development CA`).checked).to.be.true;
    await press('Enter');
    await shows(el, 'Kiểm tra chứng thư số');
    expect(focused()).to.equal(stepHeading(el));
    expect(textOf(el)).to.contain(`Số định danh ${AN.idNumber}`);
    const upgraded = oneEvent(el, 'dvc-assurance-upgraded');
    await press('Tab');
    expect(textOf(focused()!)).to.equal('Xác nhận ký');
    await press('Enter');
    await upgraded;
    await shows(el, 'mức xác minh 3');
    expect(focused()).to.equal(stepHeading(el));
  });

  it('shows the signer’s refusal in the citizen’s language, and “Huỷ” fires dvc-signature-cancelled without signing', async () => {
    const { el } = await signature({ signer: { respond: () => 'pin_locked' }, methods: 'usb_token' });
    await shows(el, 'Xác nhận ký');
    byButton(el, 'Xác nhận ký').click();
    await shows(el, signerMessage('pin_locked', 'vi'));
    expect(deep(el, '.error-summary')?.getAttribute('role')).to.equal('alert');
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Xác nhận ký');
    const cancelled = oneEvent(el, 'dvc-signature-cancelled');
    byButton(el, 'Huỷ').click();
    await cancelled;
    await shows(el, 'Chọn chứng thư số để ký');
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await signature({ lang: 'en', methods: 'usb_token' });
    await shows(el, 'Check the certificate');
    expect(textOf(el)).to.contain('Holder Nguyễn Văn An');
    expect(byButton(el, 'Confirm and sign')).to.exist;
  });

  it('does not offer the USB token without a signer, nor what the service does not offer', async () => {
    const service = testService({ config: { registrationMethods: ['mobile', 'usb_token'], signInMethods: ['password', 'usb_token'] } });
    const el = await fixture<DvcSignature>(html`<dvc-signature operation="sign-in" .client=${service.client} .clock=${service.clock}></dvc-signature>`);
    await shows(el, 'Dịch vụ này chưa hỗ trợ ký số cho việc này.');
    await expect(el).to.be.accessible();
  });

  describe('by SIM signature', () => {
    async function waiting(phone: string, operation: 'upgrade' | 'sign-in' = 'upgrade') {
      const made = await signature({ operation, methods: 'sim_signature' });
      await shows(made.el, 'Số điện thoại có SIM ký số');
      await typeInto(byLabel(made.el, 'Số điện thoại có SIM ký số'), phone);
      await press('Enter');
      await shows(made.el, 'Xác nhận trên điện thoại');
      return made;
    }

    it('shows “Xác nhận trên điện thoại” with the time left counting down from the request’s expiry, polls, then upgrades with the signed request', async () => {
      const { el, clock, client, tokens } = await waiting(MOCK_SIGNING_HOLDERS.signs.phone);
      expect(focused()).to.equal(stepHeading(el));
      expect(textOf(el)).to.contain('Thời gian còn lại: 2:00');
      await expect(el).to.be.accessible();
      clock.advance(1000);
      await shows(el, 'Thời gian còn lại: 1:59');
      const upgraded = oneEvent(el, 'dvc-assurance-upgraded') as Promise<CustomEvent<DvcAssuranceUpgradedDetail>>;
      clock.advance(3000);
      expect((await upgraded).detail.upgrade.account.verificationMethod).to.equal('sim_signature');
      await shows(el, 'mức xác minh 3');
      expect((await client.getAccount(tokens.accessToken)).ial).to.equal(3);
    });

    it('cancels: the request is withdrawn on the service, dvc-signature-cancelled fires and the step says so', async () => {
      const { el, clock, scenario } = await waiting(MOCK_SIGNING_HOLDERS.ignores.phone);
      const cancelled = oneEvent(el, 'dvc-signature-cancelled');
      byButton(el, 'Huỷ').click();
      await cancelled;
      await shows(el, 'Bạn đã huỷ yêu cầu ký.');
      expect([...scenario.signatureRequests.values()].map((request) => request.state)).to.deep.equal(['cancelled']);
      clock.advance(5000);
      expect(textOf(el)).to.contain('Số điện thoại có SIM ký số');
    });

    it('shows a refused request’s own message, announced, and lets the citizen send another', async () => {
      const { el, clock } = await waiting(MOCK_SIGNING_HOLDERS.refuses.phone);
      clock.advance(4000);
      await shows(el, 'Yêu cầu ký đã bị từ chối trên điện thoại');
      expect(deep(el, '.error-summary')?.getAttribute('role')).to.equal('alert');
      expect(byButton(el, 'Gửi yêu cầu ký')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('says when the time to confirm ran out, and when the provider failed, each in its own words', async () => {
      const silent = await waiting(MOCK_SIGNING_HOLDERS.ignores.phone);
      silent.clock.advance(121_000);
      await shows(silent.el, 'Đã hết thời gian xác nhận trên điện thoại.');
      const failing = await waiting(MOCK_SIGNING_HOLDERS.fails.phone);
      failing.clock.advance(4000);
      await shows(failing.el, 'nhà cung cấp dịch vụ ký số gặp sự cố');
    });

    it('signs in: dvc-signed-in with AAL3 tokens', async () => {
      const { el, clock } = await waiting(MOCK_SIGNING_HOLDERS.signs.phone, 'sign-in');
      const signedIn = oneEvent(el, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
      clock.advance(4000);
      const { tokens, account } = (await signedIn).detail;
      expect(account.fullName).to.equal(AN.fullName);
      const claims = JSON.parse(atob(tokens.idToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { acr: string; amr: string[] };
      expect(claims.acr).to.match(/aal3/);
      await shows(el, 'Đã đăng nhập: Nguyễn Văn An');
      expect(announcements(el).join(' ')).to.contain('Đã đăng nhập');
    });

    it('checks the phone before asking the provider', async () => {
      const made = await signature({ methods: 'sim_signature' });
      await shows(made.el, 'Số điện thoại có SIM ký số');
      await typeInto(byLabel(made.el, 'Số điện thoại có SIM ký số'), '12345');
      await press('Enter');
      await shows(made.el, 'Có lỗi cần sửa');
      expect(summary(made.el)).to.contain('Số điện thoại di động gồm 10 chữ số');
      expect(made.scenario.signatureRequests.size).to.equal(0);
    });
  });
});
