import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { readStepUpChallenge, SIGN_IN_METHODS, stepUpChallenge } from '@dvc-kit/sdk';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import { AAL3_METHODS, type DvcAssuranceGate } from '../../src/assurance-gate/assurance-gate.js';
import type { DvcAssuranceMetDetail } from '../../src/assurance-gate/events.js';
import type { DvcSignedInDetail } from '../../src/shared/events.js';
import { announcements, byButton, deep, focused, textOf } from '../support/dom.js';
import { shows, signIn } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, testService, type TestService } from '../support/service.js';

// <dvc-assurance-gate> against the SDK's mock service: the gate shows its content only when the mock's
// POST /v1/session/assurance/check says the session meets the requirement, and otherwise walks the
// citizen up in place. <dvc-signature> is another widget's: here the gate is only seen to render it, and
// its events are dispatched by hand.

const CONTENT = 'Hồ sơ sức khỏe điện tử';

async function gate(service: TestService, attributes: { ial?: number; aal?: number; maxAge?: number; token?: string; lang?: string } = {}) {
  const el = await fixture<DvcAssuranceGate>(html`<dvc-assurance-gate
    lang=${attributes.lang ?? 'vi'}
    min-ial=${attributes.ial ?? 2}
    min-aal=${attributes.aal ?? 2}
    max-age=${attributes.maxAge ?? 600}
    .client=${service.client}
    .accessToken=${attributes.token}
    ><p>${CONTENT}</p></dvc-assurance-gate
  >`);
  return el;
}

/** The code step of the <dvc-login> inside the gate, answered with the keyboard. */
async function enterCode(el: Element): Promise<void> {
  await shows(el, 'Mã OTP đã được gửi tới số');
  await press('Tab');
  await typeInto(focused() as HTMLElement, '123456');
  await press('Enter');
}

describe('<dvc-assurance-gate>', () => {
  it('without a session, signs the citizen in inside the gate (keyboard only), then shows the content and hands the page the tokens', async () => {
    const service = testService();
    const el = await gate(service);
    await shows(el, 'Vui lòng đăng nhập để sử dụng dịch vụ này.');
    expect(textOf(el)).not.to.contain(CONTENT);
    await shows(el, 'Số định danh cá nhân');
    await expect(el).to.be.accessible();

    const signedIn = oneEvent(el, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    const met = oneEvent(el, 'dvc-assurance-met') as Promise<CustomEvent<DvcAssuranceMetDetail>>;
    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    await enterCode(el);
    const { detail, bubbles, composed, target } = await signedIn;
    expect([bubbles, composed, target]).to.deep.equal([true, true, el]);
    expect(detail.account.fullName).to.equal(AN.fullName);
    const assurance = (await met).detail.assurance;
    expect([assurance.ial, assurance.aal, assurance.ialMethod]).to.deep.equal([2, 2, 'mobile']);
    await shows(el, CONTENT);
    expect(textOf(el)).to.equal(CONTENT);
    // The service, not the page, said so: the check went with the new session's token and the gate's requirement.
    const check = service.scenario.requests.filter((r) => r.operation === 'checkSessionAssurance').at(-1)!;
    expect(check.headers.authorization).to.equal(`Bearer ${detail.tokens.accessToken}`);
    expect(check.body).to.deep.equal({ ial: 2, aal: 2, maxAge: 600 });
    await el.updateComplete;
    expect(focused() === deep(el, '[part="content"]'), 'focus moves to the content it opened, not to the page').to.be.true;
    await expect(el).to.be.accessible();
  });

  it('the page handing back the token it got from the gate does not check again', async () => {
    const service = testService();
    const el = await gate(service);
    const signedIn = oneEvent(el, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    await shows(el, 'Số định danh cá nhân');
    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    await enterCode(el);
    const { tokens } = (await signedIn).detail;
    await shows(el, CONTENT);
    const checks = service.scenario.requests.length;
    el.accessToken = tokens.accessToken;
    await el.updateComplete;
    expect(service.scenario.requests.length).to.equal(checks);
    expect(textOf(el)).to.equal(CONTENT);
  });

  it('shows the content at once to a session the service says meets the requirement, with "Đang kiểm tra…" read politely meanwhile', async () => {
    const service = testService();
    const { tokens } = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'password_sms');
    const release = service.pause();
    const el = await gate(service, { token: tokens.accessToken });
    expect(announcements(el)).to.deep.equal(['Đang kiểm tra…']);
    expect(textOf(el)).not.to.contain(CONTENT);
    const met = oneEvent(el, 'dvc-assurance-met');
    release();
    await met;
    await shows(el, CONTENT);
    expect(announcements(el)).to.deep.equal([]);
    expect(focused() === deep(el, '[part="content"]'), 'a gate that opens on load leaves the page its focus').to.be.false;
  });

  it('asks an AAL1 session (password only) to sign in again with the code, then shows the content', async () => {
    const service = testService();
    const { tokens } = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'password');
    const el = await gate(service, { token: tokens.accessToken });
    await shows(el, 'Dịch vụ này yêu cầu đăng nhập bằng mật khẩu kèm mã OTP hoặc passkey; vui lòng đăng nhập lại.');
    await shows(el, 'Số định danh cá nhân');
    expect(textOf(el)).not.to.contain(CONTENT);
    await expect(el).to.be.accessible();
    const met = oneEvent(el, 'dvc-assurance-met') as Promise<CustomEvent<DvcAssuranceMetDetail>>;
    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    await enterCode(el);
    expect((await met).detail.assurance.aal).to.equal(2);
    await shows(el, CONTENT);
  });

  it('asks a session older than max-age to sign in again, by the service\'s clock', async () => {
    const service = testService();
    const { tokens } = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'password_sms');
    service.clock.advance(601_000);
    const el = await gate(service, { token: tokens.accessToken });
    await shows(el, 'Dịch vụ này yêu cầu bạn đăng nhập trong vòng 10 phút gần nhất; vui lòng đăng nhập lại.');
    await shows(el, 'Số định danh cá nhân');
    expect(textOf(el)).not.to.contain(CONTENT);
    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    await enterCode(el);
    await shows(el, CONTENT);
  });

  it('tells a session that ended it has, and signs in again', async () => {
    const service = testService();
    const { tokens } = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'password_sms');
    await service.client.signOut(tokens.refreshToken);
    const el = await gate(service, { token: tokens.accessToken });
    await shows(el, 'Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.');
    await shows(el, 'Số định danh cá nhân');
    expect(textOf(el)).not.to.contain(CONTENT);
  });

  it('shows a service that cannot answer, never the content, and asks again on "Thử lại" (keyboard)', async () => {
    const service = testService();
    const { tokens } = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'password_sms');
    service.scenario.failNext('checkSessionAssurance', 'network');
    service.scenario.failNext('checkSessionAssurance', 'internal');
    const el = await gate(service, { token: tokens.accessToken });
    await shows(el, 'Chưa thể tiếp tục');
    expect(textOf(el)).not.to.contain(CONTENT);
    expect(deep(el, '[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
    byButton(el, 'Thử lại').focus();
    await press('Enter');
    await waitUntil(() => service.scenario.requests.filter((r) => r.operation === 'checkSessionAssurance').length === 2, 'no second check');
    await shows(el, 'Chưa thể tiếp tục');
    expect(textOf(el)).not.to.contain(CONTENT);
    await el.updateComplete;
    expect(focused() === deep(el, '[part="heading"]'), 'focus moves to what went wrong').to.be.true;
    await press('Tab');
    expect(focused() === byButton(el, 'Thử lại')).to.be.true;
    await press('Enter');
    await shows(el, CONTENT);
  });

  it('for an identity below min-ial renders <dvc-signature operation="upgrade"> with the session\'s token, and shows the content once the upgrade is made', async () => {
    const service = testService();
    const { tokens } = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'password_sms');
    const el = await gate(service, { ial: 3, token: tokens.accessToken });
    await shows(el, 'Dịch vụ này yêu cầu tài khoản xác minh mức 3; hãy ký số để nâng mức xác minh.');
    const signature = deep<HTMLElement & { accessToken?: string; client?: unknown }>(el, 'dvc-signature')!;
    expect(signature.getAttribute('operation')).to.equal('upgrade');
    expect(signature.accessToken).to.equal(tokens.accessToken);
    expect(signature.client).to.equal(service.client);
    expect(textOf(el)).not.to.contain(CONTENT);
    // What <dvc-signature> does when the service upgraded the account.
    service.scenario.raiseIal(AN.idNumber, 'usb_token');
    const met = oneEvent(el, 'dvc-assurance-met') as Promise<CustomEvent<DvcAssuranceMetDetail>>;
    signature.dispatchEvent(new CustomEvent('dvc-assurance-upgraded', { bubbles: true, composed: true, detail: {} }));
    expect((await met).detail.assurance).to.include({ ial: 3, ialMethod: 'usb_token' });
    await shows(el, CONTENT);
  });

  it('for min-aal 3 renders <dvc-signature operation="sign-in">, and takes its dvc-signed-in like the sign-in\'s', async () => {
    const service = testService();
    const { tokens } = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'password_sms');
    const el = await gate(service, { aal: 3, token: tokens.accessToken });
    await shows(el, 'Dịch vụ này yêu cầu đăng nhập bằng chữ ký số (USB ký số hoặc SIM ký số).');
    const signature = deep(el, 'dvc-signature')!;
    expect(signature.getAttribute('operation')).to.equal('sign-in');
    // Only the methods whose sign-in is AAL3 by the SDK's table: remote signing (AAL2) could never open the gate.
    const aal3 = (['usb_token', 'sim_signature', 'remote_signing'] as const).filter((method) => SIGN_IN_METHODS[method].aal === 3);
    expect(AAL3_METHODS).to.equal(aal3.join(','));
    expect(signature.getAttribute('methods')).to.equal(AAL3_METHODS);
    const signedInHere = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'usb_token');
    const heard: Event[] = [];
    document.addEventListener('dvc-signed-in', (event) => heard.push(event));
    const met = oneEvent(el, 'dvc-assurance-met');
    signature.dispatchEvent(new CustomEvent('dvc-signed-in', { bubbles: true, composed: true, detail: signedInHere }));
    expect(heard, 'the page hears nothing before the service said the session meets the requirement').to.have.length(0);
    await met;
    expect(heard.map((e) => (e as CustomEvent<DvcSignedInDetail>).detail.tokens.accessToken)).to.deep.equal([signedInHere.tokens.accessToken]);
    await shows(el, CONTENT);
  });

  it('for min-aal 3 without a session goes straight to the sign-in by signature, not to a password sign-in that could not open it', async () => {
    const service = testService();
    const el = await gate(service, { aal: 3 });
    await shows(el, 'Dịch vụ này yêu cầu đăng nhập bằng chữ ký số (USB ký số hoặc SIM ký số).');
    expect(deep(el, 'dvc-signature')!.getAttribute('operation')).to.equal('sign-in');
    expect(deep(el, 'dvc-login')).to.equal(undefined);
  });

  it('stepUp takes a portal backend\'s RFC 9470 challenge: the content hides, and the citizen is taken up to exactly that', async () => {
    const service = testService();
    const { tokens } = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'password_sms');
    const el = await gate(service, { token: tokens.accessToken });
    await shows(el, CONTENT);
    service.clock.advance(120_000);
    el.stepUp(readStepUpChallenge(stepUpChallenge({ ial: 3, aal: 2, maxAge: 60 })));
    await shows(el, 'Dịch vụ này yêu cầu bạn đăng nhập trong vòng 1 phút gần nhất; vui lòng đăng nhập lại.');
    expect(textOf(el)).not.to.contain(CONTENT);
    const check = service.scenario.requests.filter((r) => r.operation === 'checkSessionAssurance').at(-1)!;
    expect(check.body).to.deep.equal({ ial: 3, aal: 2, maxAge: 60 });
    await el.updateComplete;
    expect(focused() === deep(el, '[part="reason"]'), 'focus moves to why the step is asked').to.be.true;
    await signIn(el, AN.idNumber, MOCK_PASSWORD);
    await enterCode(el);
    // Signed in again, the identity is still below the challenge's: the upgrade comes next.
    await shows(el, 'Dịch vụ này yêu cầu tài khoản xác minh mức 3');
    expect(deep(el, 'dvc-signature')!.getAttribute('operation')).to.equal('upgrade');
  });

  it('speaks English with lang="en", and tells a page that set neither service nor client what is missing', async () => {
    const service = testService();
    const { tokens } = await service.scenario.openSession(AN.idNumber, 'ministry-portal', 'password');
    const el = await gate(service, { token: tokens.accessToken, lang: 'en' });
    await shows(el, 'This service needs a sign-in with a code or a passkey; please sign in again.');
    const bare = await fixture<DvcAssuranceGate>(html`<dvc-assurance-gate min-ial="2"><p>${CONTENT}</p></dvc-assurance-gate>`);
    await shows(bare, 'Biểu mẫu này chưa được cài đặt đầy đủ trên trang');
    expect(textOf(bare)).not.to.contain(CONTENT);
  });
});
