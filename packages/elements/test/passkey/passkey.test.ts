import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcAccount } from '../../src/account/account.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcSignedInDetail } from '../../src/shared/events.js';
import { byButton, byLabel, deep, focused, stepHeading, textOf } from '../support/dom.js';
import { shows, signIn } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, testService, type TestService } from '../support/service.js';

// Passkeys against the SDK mock (which keeps passkeys and challenges but checks no signature) with
// Chromium's virtual authenticator: the ceremonies are the browser's own, with real keys.

const authenticator = <T>(action: string) => executeServerCommand<T, { action: string }>('dvc-authenticator', { action });
const heldPasskeys = async () => (await authenticator<{ credentials: { rpId: string }[] }>('credentials')).credentials;
const summary = (el: Element) => textOf(deep(el, '.error-summary') ?? document.createElement('p'));

/** `<dvc-account>` for a citizen who signed in with password and code a minute ago. */
async function account(service: TestService) {
  const { signInId } = await service.client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD });
  const { tokens } = await service.client.verifySignInCode(signInId, { code: '123456' });
  service.clock.advance(60_000);
  const el = await fixture<DvcAccount>(html`<dvc-account .client=${service.client} .clock=${service.clock} .accessToken=${tokens.accessToken}></dvc-account>`);
  await shows(el, 'Khóa truy cập (passkey)');
  return el;
}

/** Adds a passkey named `name` from the overview, with the keyboard only. */
async function addPasskey(el: DvcAccount, name: string): Promise<void> {
  byButton(el, 'Thêm khóa truy cập').focus();
  await press('Enter');
  await shows(el, 'Tên gợi nhớ');
  await press('Tab');
  await typeInto(focused() as HTMLElement, MOCK_PASSWORD);
  await press('Tab');
  await typeInto(focused() as HTMLElement, name);
  await press('Enter');
}

/** `<dvc-login>` on the code step after the ID number and password. */
async function loginToCode(service: TestService) {
  const el = await fixture<DvcLogin>(html`<dvc-login .client=${service.client} .clock=${service.clock}></dvc-login>`);
  await shows(el, 'Số định danh cá nhân');
  await signIn(el, AN.idNumber, MOCK_PASSWORD);
  await shows(el, 'Mã OTP đã được gửi tới số');
  return el;
}

describe('passkeys in <dvc-account> and <dvc-login> (mock service, virtual authenticator)', () => {
  beforeEach(async () => {
    await authenticator('add');
  });
  afterEach(async () => {
    await authenticator('remove');
  });

  it('adds a passkey with the current password, lists it, then signs in with it instead of the code, keyboard only, axe clean', async () => {
    const service = testService();
    const el = await account(service);
    expect(textOf(el)).to.include('Chưa có');
    await expect(el).to.be.accessible();
    await addPasskey(el, 'Điện thoại của tôi');
    await shows(el, 'Đã thêm khóa truy cập');
    expect(textOf(el)).to.include('Điện thoại của tôi').and.include('chưa dùng');
    expect((await heldPasskeys()).map((c) => c.rpId)).to.deep.equal(['localhost']);
    await expect(el).to.be.accessible();

    const login = await loginToCode(service);
    expect(focused()).to.equal(stepHeading(login));
    await press('Tab');
    expect(textOf(focused()!)).to.equal('Dùng khóa truy cập (passkey)');
    await expect(login).to.be.accessible();
    const signedIn = oneEvent(login, 'dvc-signed-in');
    await press('Enter');
    const { detail } = (await signedIn) as CustomEvent<DvcSignedInDetail>;
    expect(detail.account.fullName).to.equal(AN.fullName);
    const amr = JSON.parse(atob(detail.tokens.idToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))).amr as string[];
    expect(amr.some((method) => method === 'hwk' || method === 'swk')).to.be.true;
    await shows(login, 'Đã đăng nhập: Nguyễn Văn An');
  });

  it('says so when the citizen cancels the passkey prompt, and the code still signs in', async () => {
    const service = testService();
    const el = await account(service);
    await addPasskey(el, 'Máy tính');
    await shows(el, 'Đã thêm khóa truy cập');
    const login = await loginToCode(service);
    // The citizen closes the browser's prompt: the browser rejects with NotAllowedError (a virtual authenticator
    // cannot press "Cancel", so the prompt's answer is played here, once).
    const get = navigator.credentials.get;
    navigator.credentials.get = () => ((navigator.credentials.get = get), Promise.reject(new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError')));
    byButton(login, 'Dùng khóa truy cập (passkey)').click();
    await shows(login, 'Chưa dùng được khóa truy cập (đã hủy hoặc hết thời gian)');
    expect(summary(login)).to.include('Khóa truy cập: Chưa dùng được khóa truy cập');
    expect(focused()).to.equal(deep(login, '.error-summary'));
    await expect(login).to.be.accessible();
    await typeInto(byLabel(login, 'Mã OTP'), '123456');
    const signedIn = oneEvent(login, 'dvc-signed-in');
    await press('Enter');
    expect(((await signedIn) as CustomEvent<DvcSignedInDetail>).detail.account.fullName).to.equal(AN.fullName);
  });

  it('tries again after a cancelled prompt with the same challenge, and signs in', async () => {
    const service = testService();
    const el = await account(service);
    await addPasskey(el, 'Máy tính');
    await shows(el, 'Đã thêm khóa truy cập');
    const login = await loginToCode(service);
    const get = navigator.credentials.get;
    navigator.credentials.get = () => ((navigator.credentials.get = get), Promise.reject(new DOMException('cancelled', 'NotAllowedError')));
    byButton(login, 'Dùng khóa truy cập (passkey)').click();
    await shows(login, 'Chưa dùng được khóa truy cập');
    const signedIn = oneEvent(login, 'dvc-signed-in');
    byButton(login, 'Dùng khóa truy cập (passkey)').click();
    expect(((await signedIn) as CustomEvent<DvcSignedInDetail>).detail.account.fullName).to.equal(AN.fullName);
  });

  it('shows the service’s word when the sign-in is too old to add a passkey', async () => {
    const service = testService();
    const el = await account(service);
    service.clock.advance(11 * 60_000);
    await addPasskey(el, 'Điện thoại');
    await shows(el, 'hãy đăng xuất, đăng nhập lại bằng mật khẩu và mã OTP, rồi thêm khóa ngay');
    expect(await heldPasskeys()).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('removes a passkey after a confirmation; the next sign-in offers only the code', async () => {
    const service = testService();
    const el = await account(service);
    await addPasskey(el, 'Điện thoại');
    await shows(el, 'Đã thêm khóa truy cập');
    byButton(el, 'Xóa Điện thoại').click();
    await shows(el, 'Xóa Điện thoại?');
    await expect(el).to.be.accessible();
    byButton(el, 'Xóa Điện thoại').click();
    await shows(el, 'Đã xóa khóa truy cập.');
    expect(textOf(el)).to.include('Chưa có');
    const login = await loginToCode(service);
    expect(textOf(login)).not.to.include('Dùng khóa truy cập');
  });

  it('shows no passkey section when the service does not offer passkeys', async () => {
    const service = testService({ config: { passkeys: { offered: false } } });
    const { signInId } = await service.client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD });
    const { tokens } = await service.client.verifySignInCode(signInId, { code: '123456' });
    const el = await fixture<DvcAccount>(html`<dvc-account .client=${service.client} .clock=${service.clock} .accessToken=${tokens.accessToken}></dvc-account>`);
    await shows(el, 'Đổi mật khẩu');
    expect(textOf(el)).not.to.include('Khóa truy cập');
  });
});
