import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { problemMessage, ruleMessage } from '@dvc-kit/sdk';
import { MOCK_PASSWORD, type MockOptions } from '@dvc-kit/sdk/mock';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcAccount } from '../../src/account/account.js';
import type { DvcAccountChangedDetail, DvcSignedOutDetail } from '../../src/account/events.js';
import { byButton, byLabel, deep, focused, stepHeading, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, testService } from '../support/service.js';

const NEW_PASSWORD = 'Hồ-Tây-mùa-thu-2025';
/** Ngô Văn Bình, registered with his 9-digit CMND; the carrier also knows him by this CCCD. */
const BINH = { idNumber: '013456789', cccd: '001075012345' };
const WITH_BINH: MockOptions = { accounts: [{ idNumber: AN.idNumber, password: MOCK_PASSWORD }, { idNumber: BINH.idNumber, password: MOCK_PASSWORD }] };

/** A citizen signed in on the mock service (a minute ago), and `<dvc-account>` given the session. */
async function account(options: MockOptions = {}, idNumber: string = AN.idNumber, lang = 'vi') {
  const service = testService(options);
  const { signInId } = await service.client.startSignIn({ idNumber, password: MOCK_PASSWORD });
  const { tokens } = await service.client.verifySignInCode(signInId, { code: '123456' });
  service.clock.advance(61_000);
  const el = await fixture<DvcAccount>(html`<dvc-account lang=${lang} .client=${service.client} .clock=${service.clock} .accessToken=${tokens.accessToken}></dvc-account>`);
  await shows(el, lang === 'en' ? 'Your account' : 'Tài khoản của bạn');
  return { el, tokens, ...service };
}

/** Presses Tab until focus is on an element whose text or label contains `text`. */
async function tabTo(text: string, limit = 15): Promise<HTMLElement> {
  for (let i = 0; i < limit; i++) {
    await press('Tab');
    const now = focused() as HTMLElement | null;
    const label = now instanceof HTMLInputElement ? Array.from(now.labels ?? []).map((l) => l.textContent ?? '').join(' ') : textOf(now ?? document.body);
    if (now && label.includes(text)) return now;
  }
  throw new Error(`Tab never reached “${text}”; focus is on ${focused()?.outerHTML.slice(0, 120)}`);
}

const summary = (el: Element) => textOf(deep(el, '.error-summary') ?? document.createElement('p'));

/** From the overview to the code step of one change (mouse and typing). */
async function startChange(el: DvcAccount, action: string, fields: Record<string, string> = {}, password = MOCK_PASSWORD): Promise<void> {
  byButton(el, action).click();
  await shows(el, 'Mật khẩu hiện tại');
  for (const [label, value] of Object.entries(fields)) await typeInto(byLabel(el, label), value);
  await typeInto(byLabel(el, 'Mật khẩu hiện tại'), password);
  await press('Enter');
}

async function enterCode(el: DvcAccount, code = '123456'): Promise<void> {
  await typeInto(byLabel(el, 'Mã OTP'), code);
  await press('Enter');
}

describe('<dvc-account>', () => {
  it('shows the account masked as the service gives it — numbers, level and method, phone, email — without taking the page’s focus, axe clean', async () => {
    const { el } = await account();
    const text = textOf(el);
    for (const shown of [AN.fullName, '001******234 (CCCD 12 số)', 'Mức xác minh 2 · Thuê bao di động', AN.maskedPhone, 'a***@example.vn', 'Đổi mật khẩu', 'Đổi email', 'Đổi số điện thoại', 'Đăng xuất khỏi mọi thiết bị']) {
      expect(text).to.contain(shown);
    }
    expect(text).not.to.contain('Bổ sung số CCCD');
    expect(text).not.to.contain(AN.phone);
    expect(focused()).to.equal(document.body);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await account({}, AN.idNumber, 'en');
    expect(textOf(el)).to.contain('Change phone number');
    expect(textOf(el)).to.contain('Assurance level 2');
  });

  it('changes the password by keyboard alone: current password → code → new password, focus on each step’s heading, axe clean at every step', async () => {
    const { el, scenario } = await account();
    await tabTo('Đổi mật khẩu');
    await press('Enter');
    await shows(el, 'Bước 1/3');
    expect(focused()).to.equal(stepHeading(el));
    expect(byLabel(el, 'Mật khẩu hiện tại').autocomplete).to.equal('current-password');
    await expect(el).to.be.accessible();
    await tabTo('Mật khẩu hiện tại');
    await sendKeys({ type: MOCK_PASSWORD });
    await press('Enter');
    await shows(el, `Mã OTP đã được gửi tới số ${AN.maskedPhone}`);
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    await tabTo('Mã OTP');
    await sendKeys({ type: scenario.lastCode()! });
    await press('Enter');
    await shows(el, 'Đặt mật khẩu mới');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    await tabTo('Mật khẩu');
    await sendKeys({ type: NEW_PASSWORD });
    await tabTo('Nhập lại mật khẩu');
    await sendKeys({ type: NEW_PASSWORD });
    const changed = oneEvent(el, 'dvc-account-changed');
    await press('Enter');
    const { detail } = (await changed) as CustomEvent<DvcAccountChangedDetail>;
    expect([detail.change, detail.account.fullName]).to.deep.equal(['password', AN.fullName]);
    await shows(el, 'Đã đổi mật khẩu.');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
  });

  it('changes the phone: the carrier must have the new SIM in the citizen’s name, the code goes to the new phone, the page shows it masked', async () => {
    const { el, scenario, clock } = await account();
    await startChange(el, 'Đổi số điện thoại', { 'Số điện thoại mới': '0912345678' });
    await shows(el, problemMessage('carrier_mismatch', 'vi'));
    expect(focused()).to.equal(deep(el, '.error-summary'));
    const field = byLabel(el, 'Số điện thoại mới');
    field.value = '';
    clock.advance(1000);
    await typeInto(field, '0961234398');
    await typeInto(byLabel(el, 'Mật khẩu hiện tại'), '');
    await press('Enter');
    await shows(el, 'Mã OTP đã được gửi tới số 096****398');
    expect(scenario.outbox.at(-1)?.phone).to.equal('+84961234398');
    const changed = oneEvent(el, 'dvc-account-changed');
    await enterCode(el);
    const { detail } = (await changed) as CustomEvent<DvcAccountChangedDetail>;
    expect([detail.change, detail.account.phoneMasked]).to.deep.equal(['phone', '096****398']);
    await shows(el, 'Đã đổi số điện thoại');
    expect(textOf(el)).to.contain('096****398');
  });

  it('changes the email, and refuses the same email as now on its field', async () => {
    const { el } = await account();
    await startChange(el, 'Đổi email', { 'Email mới': 'an.nguyen@example.vn' });
    await shows(el, ruleMessage('unchanged', 'vi'));
    expect(summary(el)).to.contain(`Email mới: ${ruleMessage('unchanged', 'vi')}`);
    const field = byLabel(el, 'Email mới');
    field.value = '';
    await typeInto(field, 'binh.an@example.vn');
    await typeInto(byLabel(el, 'Mật khẩu hiện tại'), '');
    await press('Enter');
    await shows(el, 'Mã OTP đã được gửi tới số');
    await enterCode(el);
    await shows(el, 'Đã đổi email.');
    await shows(el, 'b***@example.vn');
  });

  it('adds the CCCD to a CMND account, which then shows both numbers and no longer offers it', async () => {
    const { el } = await account(WITH_BINH, BINH.idNumber);
    expect(textOf(el)).to.contain('013***789 (CMND 9 số)');
    await startChange(el, 'Bổ sung số CCCD', { 'Số CCCD': '013456789' });
    await shows(el, ruleMessage('id_number_cccd', 'vi'));
    const field = byLabel(el, 'Số CCCD');
    field.value = '';
    await typeInto(field, BINH.cccd);
    await press('Enter');
    await shows(el, 'Mã OTP đã được gửi tới số 097****456');
    const changed = oneEvent(el, 'dvc-account-changed');
    await enterCode(el);
    expect(((await changed) as CustomEvent<DvcAccountChangedDetail>).detail.change).to.equal('cccd');
    await shows(el, '013***789, 001******345');
    expect(textOf(el)).not.to.contain('Bổ sung số CCCD');
  });

  it('checks the form before sending: the new detail and the current password are required', async () => {
    const { el, scenario } = await account();
    const requests = scenario.requests.length;
    byButton(el, 'Đổi số điện thoại').click();
    await shows(el, 'Số điện thoại mới');
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Có lỗi cần sửa');
    expect(summary(el)).to.contain(`Số điện thoại mới: ${ruleMessage('required', 'vi')}`);
    expect(summary(el)).to.contain(`Mật khẩu hiện tại: ${ruleMessage('required', 'vi')}`);
    expect(scenario.requests.length).to.equal(requests);
  });

  it('a wrong current password is said on its field and in the summary, which takes focus', async () => {
    const { el } = await account();
    await startChange(el, 'Đổi mật khẩu', {}, 'Sai-Mật-Khẩu-1');
    await shows(el, 'Mật khẩu hiện tại không đúng.');
    expect(summary(el)).to.contain('Mật khẩu hiện tại: Mật khẩu hiện tại không đúng.');
    expect(focused()).to.equal(deep(el, '.error-summary'));
    expect(byLabel(el, 'Mật khẩu hiện tại').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('a wrong code is said on the code field; the change can still be confirmed with the right one', async () => {
    const { el } = await account();
    await startChange(el, 'Đổi email', { 'Email mới': 'moi@example.vn' });
    await shows(el, 'Mã OTP đã được gửi tới số');
    await enterCode(el, '000000');
    await shows(el, problemMessage('otp_invalid', 'vi'));
    const field = byLabel(el, 'Mã OTP');
    field.value = '';
    await enterCode(el);
    await shows(el, 'Đã đổi email.');
  });

  it('a slowed-down account is told when to try again', async () => {
    const { el, scenario } = await account();
    scenario.failNext('startPasswordChange', { code: 'too_many_attempts', retryAfter: 120 });
    await startChange(el, 'Đổi mật khẩu');
    await shows(el, problemMessage('too_many_attempts', 'vi', { seconds: 120 }));
    expect(focused()).to.equal(deep(el, '.error-summary'));
  });

  it('a session that ended elsewhere is said, and fires dvc-signed-out with session_ended', async () => {
    const { el, client, tokens } = await account();
    await client.signOutEverywhere(tokens.accessToken);
    byButton(el, 'Đổi mật khẩu').click();
    await shows(el, 'Mật khẩu hiện tại');
    await typeInto(byLabel(el, 'Mật khẩu hiện tại'), MOCK_PASSWORD);
    const out = oneEvent(el, 'dvc-signed-out');
    await press('Enter');
    expect(((await out) as CustomEvent<DvcSignedOutDetail>).detail).to.deep.equal({ reason: 'session_ended' });
    await shows(el, 'Phiên đăng nhập đã kết thúc');
    expect(focused()).to.equal(stepHeading(el));
  });

  it('reads a dead token at once as a session that ended', async () => {
    const service = testService();
    const el = await fixture<DvcAccount>(html`<dvc-account lang="vi" .client=${service.client} .clock=${service.clock} .accessToken=${'not-a-token'}></dvc-account>`);
    await shows(el, 'Phiên đăng nhập đã kết thúc');
  });

  it('without a token says the session has ended (no dvc-signed-out: nothing ended here), and shows the account once the portal gives one', async () => {
    const service = testService();
    const signedOut: Event[] = [];
    const listen = (event: Event) => signedOut.push(event);
    document.addEventListener('dvc-signed-out', listen);
    const el = await fixture<DvcAccount>(html`<dvc-account lang="vi" .client=${service.client} .clock=${service.clock}></dvc-account>`);
    await shows(el, 'Phiên đăng nhập đã kết thúc');
    document.removeEventListener('dvc-signed-out', listen);
    expect(signedOut).to.have.length(0);
    const { signInId } = await service.client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD });
    const { tokens } = await service.client.verifySignInCode(signInId, { code: '123456' });
    el.accessToken = tokens.accessToken;
    await shows(el, 'Đổi số điện thoại');
    expect(textOf(el)).to.contain(AN.maskedPhone);
  });

  it('signs out everywhere only after a confirmation; “Hủy” goes back with nothing ended', async () => {
    const { el, client, tokens } = await account();
    byButton(el, 'Đăng xuất khỏi mọi thiết bị').click();
    await shows(el, 'Đăng xuất khỏi mọi thiết bị?');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    byButton(el, 'Hủy').click();
    await shows(el, 'Tài khoản của bạn');
    expect(focused()).to.equal(stepHeading(el));
    expect((await client.getAccount(tokens.accessToken)).fullName).to.equal(AN.fullName);
    byButton(el, 'Đăng xuất khỏi mọi thiết bị').click();
    await shows(el, 'Đăng xuất khỏi mọi thiết bị?');
    const out = oneEvent(el, 'dvc-signed-out');
    byButton(el, 'Đăng xuất khỏi mọi thiết bị').click();
    expect(((await out) as CustomEvent<DvcSignedOutDetail>).detail).to.deep.equal({ reason: 'signed_out_everywhere', sessionsEnded: 1 });
    await shows(el, 'Đã kết thúc 1 phiên đăng nhập');
    await expect(el).to.be.accessible();
  });
});
