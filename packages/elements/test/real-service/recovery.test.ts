import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcRecovery } from '../../src/recovery/recovery.js';
import type { DvcRecoveredDetail } from '../../src/shared/events.js';
import { byButton, byLabel, focused, stepHeading, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

// "Quên mật khẩu" against a running identity service (test/support/wtr-identity-service.mjs): the code
// is read from the service's development outbox. The test registers the account it recovers.

/** Bùi Thị Lan, a fictional subscriber of the sandbox carrier, registered through the API by this test. */
const LAN = { idNumber: '026194005555', fullName: 'Bùi Thị Lan', birthDate: '1994-07-07', phone: '+84981234567', maskedPhone: '098****567' };
const FIRST_PASSWORD = 'Chùa-Một-Cột-1049';
const NEW_PASSWORD = 'Văn-Miếu-Quốc-Tử-Giám-1070';

interface IdentityService {
  readonly url: string;
  readonly clientId: string;
}

const shows = (el: Element, text: string) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout: 8000 });

async function readCodeFromOutbox(phone: string): Promise<string> {
  const code = await executeServerCommand<string, { phone: string }>('dvc-outbox-code', { phone });
  if (!code) throw new Error('The test runner has no identity service plugin');
  return code;
}

describe('<dvc-recovery> against a running identity service', () => {
  let service: IdentityService;

  before(async function (this: MochaContext) {
    this.timeout(60_000);
    const answer = await executeServerCommand<IdentityService | undefined, undefined>('dvc-identity-service');
    if (!answer) throw new Error('The test runner has no identity service plugin');
    service = answer;
  });

  it('sets a new password with the code from the registered phone, refuses the last one, and says every other session ended', async function (this: MochaContext) {
    this.timeout(30_000);
    const answer = await executeServerCommand<{ code: string }, { citizen: typeof LAN; password: string }>('dvc-register-citizen', { citizen: LAN, password: FIRST_PASSWORD });
    if (!answer) throw new Error('The test runner has no identity service plugin');
    const el = await fixture<DvcRecovery>(html`<dvc-recovery lang="vi" service=${service.url} client-id=${service.clientId} sign-in-href="/dang-nhap"></dvc-recovery>`);
    await shows(el, 'Quên mật khẩu');
    await expect(el).to.be.accessible();
    await typeInto(byLabel(el, 'Số định danh cá nhân'), LAN.idNumber);
    await press('Tab');
    await press('Space');
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    await press('Tab');
    expect(textOf(focused()!)).to.equal('Gửi mã OTP');
    await press('Enter');

    await shows(el, 'Nếu số định danh này có tài khoản, mã OTP đã được gửi tới số điện thoại đã đăng ký.');
    expect(textOf(el)).not.to.include(LAN.maskedPhone);
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    let code = answer.code;
    await waitUntil(async () => (code = await readCodeFromOutbox(LAN.phone)) !== answer.code, 'no recovery code reached the outbox', { timeout: 8000 });
    await typeInto(byLabel(el, 'Mã OTP'), code);
    await press('Enter');

    await shows(el, 'Đặt mật khẩu mới');
    await typeInto(byLabel(el, 'Mật khẩu'), FIRST_PASSWORD);
    await typeInto(byLabel(el, 'Nhập lại mật khẩu'), FIRST_PASSWORD);
    await press('Enter');
    await shows(el, 'Mật khẩu mới không được trùng với 5 mật khẩu gần nhất.');
    await expect(el).to.be.accessible();

    const password = byLabel(el, 'Mật khẩu');
    password.value = '';
    await typeInto(password, NEW_PASSWORD);
    const confirmation = byLabel(el, 'Nhập lại mật khẩu');
    confirmation.value = '';
    await typeInto(confirmation, NEW_PASSWORD);
    const recovered = oneEvent(el, 'dvc-recovered') as Promise<CustomEvent<DvcRecoveredDetail>>;
    byButton(el, 'Đổi mật khẩu').click();
    expect((await recovered).detail).to.deep.equal({ next: 'sign_in' });
    await shows(el, 'Mọi phiên đăng nhập khác của tài khoản đã kết thúc');
    await expect(el).to.be.accessible();
  });
});
