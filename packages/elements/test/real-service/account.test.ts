import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcAccount } from '../../src/account/account.js';
import type { DvcAccountChangedDetail } from '../../src/account/events.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcSignedInDetail } from '../../src/shared/events.js';
import { byButton, byLabel, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

// <dvc-account> against the real identity service the test runner starts (test/support/wtr-identity-service.mjs):
// the session from <dvc-login>, the new phone asked of the sandbox carrier, the code read from the
// service's development outbox where the new phone's texts arrive.

/** Nguyễn Văn An: the sandbox carrier also has a second SIM in his name (`otherPhones` in the fixture). */
const AN = { idNumber: '001090001234', fullName: 'Nguyễn Văn An', birthDate: '1990-09-05', phone: '+84971234398' };
const AN_NEW_PHONE = { e164: '+84961234398', national: '0961234398', masked: '096****398' };
const PASSWORD = 'Hồ-Gươm-Xanh-1990';

interface IdentityService {
  readonly url: string;
  readonly clientId: string;
}

const shows = (el: Element, text: string) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout: 8000 });

async function command<T>(name: string, payload?: unknown): Promise<T> {
  const answer = await executeServerCommand<T, unknown>(name, payload);
  if (!answer) throw new Error('The test runner has no identity service plugin');
  return answer;
}

async function newCode(phone: string, previous: string | undefined): Promise<string> {
  let code: string | undefined;
  await waitUntil(async () => (code = await command<string>('dvc-outbox-code', { phone })) !== previous, `no new code reached ${phone}`, { timeout: 8000 });
  return code!;
}

describe('<dvc-account> against a running identity service', () => {
  let service: IdentityService;

  before(async function (this: MochaContext) {
    this.timeout(60_000);
    service = await command<IdentityService>('dvc-identity-service');
  });

  it('changes the phone: carrier match for the new SIM, code to the new phone, the account then shows it masked, axe clean', async function (this: MochaContext) {
    this.timeout(30_000);
    const registered = await command<{ code: string }>('dvc-register-citizen', { citizen: AN, password: PASSWORD });
    const login = await fixture<DvcLogin>(html`<dvc-login service=${service.url} client-id=${service.clientId}></dvc-login>`);
    await shows(login, 'Số định danh cá nhân');
    await typeInto(byLabel(login, 'Số định danh cá nhân'), AN.idNumber);
    await typeInto(byLabel(login, 'Mật khẩu'), PASSWORD);
    byLabel(login, 'Tôi không phải là người máy').click();
    await shows(login, 'Đã xác minh bạn không phải là người máy');
    byButton(login, 'Đăng nhập').click();
    await shows(login, 'Mã OTP đã được gửi tới số');
    await typeInto(byLabel(login, 'Mã OTP'), await newCode(AN.phone, registered.code));
    const signedIn = oneEvent(login, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    await press('Enter');
    const { tokens } = (await signedIn).detail;

    const el = await fixture<DvcAccount>(html`<dvc-account service=${service.url} client-id=${service.clientId} .accessToken=${tokens.accessToken}></dvc-account>`);
    await shows(el, 'Tài khoản của bạn');
    expect(textOf(el)).to.contain('097****398');
    await expect(el).to.be.accessible();
    byButton(el, 'Đổi số điện thoại').click();
    await shows(el, 'Số điện thoại mới');
    await typeInto(byLabel(el, 'Số điện thoại mới'), AN_NEW_PHONE.national);
    await typeInto(byLabel(el, 'Mật khẩu hiện tại'), PASSWORD);
    await press('Enter');
    await shows(el, `Mã OTP đã được gửi tới số ${AN_NEW_PHONE.masked}`);
    await expect(el).to.be.accessible();
    const changed = oneEvent(el, 'dvc-account-changed') as Promise<CustomEvent<DvcAccountChangedDetail>>;
    await typeInto(byLabel(el, 'Mã OTP'), await newCode(AN_NEW_PHONE.e164, undefined));
    await press('Enter');
    const { detail } = await changed;
    expect([detail.change, detail.account.phoneMasked]).to.deep.equal(['phone', AN_NEW_PHONE.masked]);
    await shows(el, 'Đã đổi số điện thoại');
    expect(textOf(el)).to.contain(AN_NEW_PHONE.masked);
    await expect(el).to.be.accessible();
  });
});
