import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { DvcClient } from '@dvc-kit/sdk';
import { DevelopmentSigner } from '@dvc-kit/sdk/signer';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcRegister } from '../../src/register/register.js';
import type { DvcRegisteredDetail, DvcSignedInDetail } from '../../src/shared/events.js';
import { byButton, byLabel, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

// <dvc-register> registers an enterprise against the real identity service the test runner starts
// (test/support/wtr-identity-service.mjs): the development CA issues the DevelopmentSigner's enterprise
// certificate (real X.509 with `MST:` in its UID, a real ECDSA signature the service verifies under the
// enterprise's trust anchors), and <dvc-login subject-type="enterprise"> then signs it in by that token.

/** A fictional enterprise no other test registers, and the phone its codes go to. */
const PHUONG_NAM = { holder: 'Công ty Cổ phần Phương Nam', organisation: 'Công ty Cổ phần Phương Nam', taxCode: '0312345678' } as const;
const PHONE = { national: '0912000777', e164: '+84912000777', masked: '091****777' };
const PASSWORD = 'Mê-Kông-Chín-Rồng-2026';

interface IdentityService {
  readonly url: string;
  readonly clientId: string;
}

const shows = (el: Element, text: string, timeout = 10_000) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout });

async function command<T>(name: string, payload?: unknown): Promise<T> {
  const answer = await executeServerCommand<T, unknown>(name, payload);
  if (!answer) throw new Error('The test runner has no identity service plugin');
  return answer;
}

describe('<dvc-register> for an enterprise against a running identity service', () => {
  let service: IdentityService;
  let client: DvcClient;

  before(async function (this: MochaContext) {
    this.timeout(90_000);
    service = await command<IdentityService>('dvc-identity-service');
    client = new DvcClient({ baseUrl: service.url, clientId: service.clientId });
  });

  it('registers an enterprise by its USB token (tax code, phone; the organisation from the certificate) at IAL3, which then signs in by it', async function (this: MochaContext) {
    this.timeout(60_000);
    const signer = await DevelopmentSigner.fromService(client, [PHUONG_NAM]);
    const el = await fixture<DvcRegister>(html`<dvc-register service=${service.url} client-id=${service.clientId} subject-type="enterprise" .signer=${signer}></dvc-register>`);
    await shows(el, 'USB ký số');
    byLabel(el, 'USB ký số').click();
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Thông tin doanh nghiệp');
    await typeInto(byLabel(el, 'Mã số thuế'), PHUONG_NAM.taxCode);
    await typeInto(byLabel(el, 'Số điện thoại'), PHONE.national);
    byLabel(el, 'Nghị định 13/2023').click();
    byLabel(el, 'Tôi không phải là người máy').click();
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    await expect(el).to.be.accessible();
    byButton(el, 'Tiếp tục').click();

    await shows(el, 'Kiểm tra chứng thư số');
    for (const shown of [`Tổ chức ${PHUONG_NAM.organisation}`, `Mã số thuế ${PHUONG_NAM.taxCode}`, 'NOT FOR PRODUCTION']) expect(textOf(el)).to.contain(shown);
    await expect(el).to.be.accessible();
    byButton(el, 'Xác nhận ký').click();

    await shows(el, `Mã OTP đã được gửi tới số ${PHONE.masked}`);
    await typeInto(byLabel(el, 'Mã OTP'), await command<string>('dvc-outbox-code', { phone: PHONE.e164 }));
    await press('Enter');
    await shows(el, 'Đặt mật khẩu');
    await typeInto(byLabel(el, 'Mật khẩu'), PASSWORD);
    await typeInto(byLabel(el, 'Nhập lại mật khẩu'), PASSWORD);
    const registered = oneEvent(el, 'dvc-registered') as Promise<CustomEvent<DvcRegisteredDetail>>;
    byButton(el, 'Hoàn tất đăng ký').click();
    const { account } = (await registered).detail;
    expect([account.subjectType, account.fullName, account.organisationName, account.taxCode, account.ial, account.verificationMethod]).to.deep.equal([
      'enterprise', PHUONG_NAM.organisation, PHUONG_NAM.organisation, PHUONG_NAM.taxCode, 3, 'usb_token',
    ]);
    await shows(el, `Tài khoản: ${PHUONG_NAM.organisation} (${PHUONG_NAM.taxCode})`);
    await expect(el).to.be.accessible();

    const login = await fixture<DvcLogin>(html`<dvc-login service=${service.url} client-id=${service.clientId} subject-type="enterprise" .signer=${signer}></dvc-login>`);
    await shows(login, 'Đăng nhập bằng chữ ký số');
    byButton(login, 'Đăng nhập bằng chữ ký số').click();
    await shows(login, 'Chọn cách ký số');
    byButton(login, 'USB ký số').click();
    await shows(login, 'Xác nhận ký');
    const signedIn = oneEvent(login, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    byButton(login, 'Xác nhận ký').click();
    const detail = (await signedIn).detail;
    expect([detail.account.sub, detail.account.subjectType]).to.deep.equal([account.sub, 'enterprise']);
    const payload = atob(detail.tokens.idToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(payload, (char) => char.charCodeAt(0)))) as Record<string, unknown>;
    expect([claims.subject_type, claims.tax_code, claims.org_name]).to.deep.equal(['enterprise', PHUONG_NAM.taxCode, PHUONG_NAM.organisation]);
  });
});
