import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { problemMessage, ruleMessage } from '@dvc-kit/sdk';
import { MOCK_SIGNATURE_CERTIFICATES, MOCK_SIGNING_HOLDERS, type MockOptions } from '@dvc-kit/sdk/mock';
import { DevelopmentSigner, type DevelopmentHolder } from '@dvc-kit/sdk/signer';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcRegister } from '../../src/register/register.js';
import type { DvcRegisteredDetail } from '../../src/shared/events.js';
import { byButton, byLabel, deep, descriptionOf, focused, stepHeading, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { SIGNING, testService } from '../support/service.js';

// <dvc-register> for an enterprise (by its tax code) and an agency officer (by the ID number), each by
// signature, against the SDK mock: the mock's development CA issues the DevelopmentSigner's certificates.

const PASSWORD = 'Sông-Hồng-Đỏ-Nặng-1995';
/** The enterprise the mock's signing provider signs for (MOCK_SIGNATURE_CERTIFICATES.enterprise says the same). */
const VIDU = { holder: 'Công ty TNHH Ví Dụ', organisation: 'Công ty TNHH Ví Dụ', taxCode: '0101234567' } as const;
/** A fictional officer of a provincial people's committee. */
const OFFICER = { holder: 'Trần Thị Bình', organisation: 'UBND tỉnh Bắc Ninh', idNumber: '027195004321' } as const;
const PHONE = '0912000001';

/** `<dvc-register>` on a service that offers every signature method, with a development signer holding `holders`' certificates. */
async function register(holders: DevelopmentHolder[], options: MockOptions = {}, lang = 'vi') {
  const service = testService({ ...SIGNING, ...options });
  const signer = await DevelopmentSigner.fromService(service.client, holders);
  const el = await fixture<DvcRegister>(html`<dvc-register lang=${lang} .client=${service.client} .clock=${service.clock} .signer=${signer}></dvc-register>`);
  await shows(el, lang === 'en' ? 'USB signing token' : 'USB ký số');
  return { el, signer, ...service };
}

/** Presses Tab until focus is on an element whose accessible text or label contains `text`. */
async function tabTo(text: string, limit = 15): Promise<HTMLElement> {
  for (let i = 0; i < limit; i++) {
    await press('Tab');
    const now = focused() as HTMLElement | null;
    const label = now instanceof HTMLInputElement ? Array.from(now.labels ?? []).map((l) => l.textContent ?? '').join(' ') : textOf(now ?? document.body);
    if (now && label.includes(text)) return now;
  }
  throw new Error(`Tab never reached “${text}”; focus is on ${focused()?.outerHTML.slice(0, 120)}`);
}

/** From the choice (subject type by its radio, then the method) to the details of that subject type, with the mouse. */
async function toDetails(el: DvcRegister, subjectType: string, method = 'USB ký số') {
  byLabel(el, subjectType).click();
  await shows(el, method);
  byLabel(el, method).click();
  byButton(el, 'Tiếp tục').click();
}

/** The details of an enterprise, typed, then "Tiếp tục". */
async function enterpriseDetails(el: DvcRegister, taxCode: string = VIDU.taxCode) {
  await shows(el, 'Thông tin doanh nghiệp');
  await typeInto(byLabel(el, 'Mã số thuế'), taxCode);
  await typeInto(byLabel(el, 'Số điện thoại'), PHONE);
  byLabel(el, 'Nghị định 13/2023').click();
  byButton(el, 'Tiếp tục').click();
}

/** The code and the password, as for a citizen: the account the widget announces. */
async function finish(el: DvcRegister) {
  await shows(el, 'Mã OTP đã được gửi tới số');
  await typeInto(byLabel(el, 'Mã OTP'), '123456');
  await press('Enter');
  await shows(el, 'Đặt mật khẩu');
  await typeInto(byLabel(el, 'Mật khẩu'), PASSWORD);
  await typeInto(byLabel(el, 'Nhập lại mật khẩu'), PASSWORD);
  const registered = oneEvent(el, 'dvc-registered') as Promise<CustomEvent<DvcRegisteredDetail>>;
  byButton(el, 'Hoàn tất đăng ký').click();
  return (await registered).detail.account;
}

describe('<dvc-register> for an enterprise and an agency officer', () => {
  it('registers an enterprise by USB token with the keyboard alone: its tax code and phone, the organisation read from the certificate, an account at IAL3 named by it; axe clean', async () => {
    const { el, scenario } = await register([VIDU]);
    await tabTo('Công dân');
    await press('ArrowDown');
    await shows(el, 'Doanh nghiệp');
    expect(byLabel(el, 'Doanh nghiệp').checked).to.be.true;
    await tabTo('USB ký số');
    await press('Space');
    await tabTo('Tiếp tục');
    await press('Enter');
    await shows(el, 'Thông tin doanh nghiệp');
    expect(focused()).to.equal(stepHeading(el));
    // No personal ID number, birth date or name: the tax code, and the organisation's name from the certificate.
    for (const absent of ['Số định danh cá nhân', 'Ngày sinh', 'Họ và tên']) expect(() => byLabel(el, absent), absent).to.throw();
    expect(descriptionOf(byLabel(el, 'Mã số thuế'))).to.contain('0101234567-001');
    await expect(el).to.be.accessible();
    for (const [label, value] of [
      ['Mã số thuế', VIDU.taxCode],
      ['Số điện thoại', PHONE],
      ['Email', 'ketoan@vidu.vn'],
    ] as const) {
      await tabTo(label);
      await sendKeys({ type: value });
    }
    await tabTo('Nghị định 13/2023');
    await press('Space');
    await tabTo('Tiếp tục');
    await press('Enter');

    await shows(el, 'Kiểm tra chứng thư số');
    const text = textOf(el);
    for (const shown of [`Chủ sở hữu ${VIDU.holder}`, `Tổ chức ${VIDU.organisation}`, `Mã số thuế ${VIDU.taxCode}`]) expect(text).to.contain(shown);
    expect(text).not.to.contain('Số định danh');
    await expect(el).to.be.accessible();
    await tabTo('Xác nhận ký');
    await press('Enter');

    await shows(el, 'Mã OTP đã được gửi tới số 091****001');
    await tabTo('Mã OTP');
    await sendKeys({ type: '123456' });
    await press('Enter');
    await shows(el, 'Đặt mật khẩu');
    await expect(el).to.be.accessible();
    await tabTo('Mật khẩu');
    await sendKeys({ type: PASSWORD });
    await tabTo('Nhập lại mật khẩu');
    await sendKeys({ type: PASSWORD });
    await waitUntil(() => textOf(el).includes('Mật khẩu đã đạt'));
    const registered = oneEvent(el, 'dvc-registered') as Promise<CustomEvent<DvcRegisteredDetail>>;
    await press('Enter');
    const { account } = (await registered).detail;
    expect([account.subjectType, account.fullName, account.organisationName, account.taxCode, account.ial, account.verificationMethod]).to.deep.equal([
      'enterprise', VIDU.organisation, VIDU.organisation, VIDU.taxCode, 3, 'usb_token',
    ]);
    await shows(el, `Tài khoản: ${VIDU.organisation} (${VIDU.taxCode})`);
    await expect(el).to.be.accessible();
    // The challenge the certificate signed was an enterprise's.
    expect([...scenario.signatureChallenges.values()].map(({ challenge }) => [challenge.operation, challenge.subjectType])).to.deep.equal([['register', 'enterprise']]);
  });

  it('registers an enterprise by SIM signature, signed on the phone', async () => {
    const { el, clock } = await register([]);
    await toDetails(el, 'Doanh nghiệp', 'SIM ký số');
    // The mock's signing provider signs with the enterprise certificate of Công ty TNHH Ví Dụ.
    await enterpriseDetails(el);
    await shows(el, 'Số điện thoại có SIM ký số');
    await typeInto(byLabel(el, 'Số điện thoại có SIM ký số'), MOCK_SIGNING_HOLDERS.signs.phone);
    byButton(el, 'Gửi yêu cầu ký').click();
    await shows(el, 'Xác nhận trên điện thoại');
    clock.advance(4000);
    const account = await finish(el);
    expect([account.subjectType, account.taxCode, account.ial, account.verificationMethod]).to.deep.equal(['enterprise', VIDU.taxCode, 3, 'sim_signature']);
  });

  it('registers a branch by its 10-3 tax code, typed with spaces around the dash', async () => {
    const branch = { ...VIDU, holder: 'Công ty TNHH Ví Dụ – Chi nhánh Huế', organisation: 'Công ty TNHH Ví Dụ – Chi nhánh Huế', taxCode: '0101234567-001' };
    const { el } = await register([branch]);
    await toDetails(el, 'Doanh nghiệp');
    await enterpriseDetails(el, '0101234567 - 001');
    await shows(el, 'Kiểm tra chứng thư số');
    expect(textOf(el)).to.contain('Mã số thuế 0101234567-001');
    byButton(el, 'Xác nhận ký').click();
    const account = await finish(el);
    expect([account.taxCode, account.organisationName]).to.deep.equal(['0101234567-001', branch.organisation]);
  });

  it('refuses a tax code of the wrong shape on its field, in Vietnamese and in English, before anything is signed', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const { el, scenario } = await register([VIDU], {}, lang);
      byLabel(el, lang === 'en' ? 'Enterprise' : 'Doanh nghiệp').click();
      byLabel(el, lang === 'en' ? 'USB signing token' : 'USB ký số').click();
      byButton(el, lang === 'en' ? 'Continue' : 'Tiếp tục').click();
      const label = lang === 'en' ? 'Tax code (MST)' : 'Mã số thuế';
      await shows(el, label);
      await typeInto(byLabel(el, label), '01012345');
      byButton(el, lang === 'en' ? 'Continue' : 'Tiếp tục').click();
      const message = ruleMessage('tax_code_format', lang);
      await shows(el, message);
      expect(descriptionOf(byLabel(el, label))).to.contain(message);
      expect(byLabel(el, label).getAttribute('aria-invalid')).to.equal('true');
      expect(scenario.signatureChallenges.size).to.equal(0);
      await expect(el).to.be.accessible();
    }
  });

  it('refuses a certificate without the enterprise’s tax code (cert_no_tax_code) or with another one (subject_mismatch) on the certificate step; “Huỷ” leads back to the details as typed', async () => {
    const { el } = await register([{ holder: 'Nguyễn Văn An', idNumber: '001090001234' }]);
    await toDetails(el, 'Doanh nghiệp');
    await enterpriseDetails(el);
    await shows(el, problemMessage('cert_no_tax_code', 'vi'));
    expect(deep(el, '.error-summary')?.getAttribute('role')).to.equal('alert');
    expect(textOf(el)).not.to.contain('Xác nhận ký');
    await expect(el).to.be.accessible();
    byButton(el, 'Huỷ').click();
    await shows(el, 'Thông tin doanh nghiệp');
    expect(byLabel(el, 'Mã số thuế').value).to.equal(VIDU.taxCode);
    expect(byLabel(el, 'Số điện thoại').value).to.equal(PHONE);

    const other = await register([{ ...VIDU, taxCode: '0109999999' }], {}, 'en');
    byLabel(other.el, 'Enterprise').click();
    byLabel(other.el, 'USB signing token').click();
    byButton(other.el, 'Continue').click();
    await shows(other.el, 'Tax code (MST)');
    await typeInto(byLabel(other.el, 'Tax code (MST)'), VIDU.taxCode);
    await typeInto(byLabel(other.el, 'Mobile phone number'), PHONE);
    byLabel(other.el, 'Decree 13/2023').click();
    byButton(other.el, 'Continue').click();
    await shows(other.el, problemMessage('subject_mismatch', 'en'));
    expect(textOf(other.el)).not.to.contain('Confirm and sign');
  });

  it('tells an enterprise whose tax code has an account so, with “Đăng nhập” and no “Quên mật khẩu” (it signs in by signature)', async () => {
    const { el, scenario } = await register([VIDU]);
    await toDetails(el, 'Doanh nghiệp');
    await enterpriseDetails(el);
    await shows(el, 'Kiểm tra chứng thư số');
    byButton(el, 'Xác nhận ký').click();
    await finish(el);
    expect(scenario.accounts.has(`mst:${VIDU.taxCode}`)).to.be.true;

    const again = await fixture<DvcRegister>(html`<dvc-register .client=${el.client} .clock=${el.clock} .signer=${el.signer} sign-in-href="/dang-nhap"></dvc-register>`);
    await shows(again, 'USB ký số');
    await toDetails(again, 'Doanh nghiệp');
    await enterpriseDetails(again);
    await shows(again, 'Kiểm tra chứng thư số');
    byButton(again, 'Xác nhận ký').click();
    await shows(again, 'Mã OTP đã được gửi tới số');
    await typeInto(byLabel(again, 'Mã OTP'), '123456');
    await press('Enter');
    await shows(again, 'Mã số thuế này đã có tài khoản');
    expect(textOf(again)).to.contain('Vui lòng đăng nhập bằng chữ ký số đã dùng để đăng ký.');
    expect(textOf(again)).not.to.contain('Quên mật khẩu');
    expect(textOf(again)).to.contain('Đăng nhập');
    await expect(again).to.be.accessible();
  });

  it('registers an agency officer by USB token under the government CA: the ID number and phone, no birth date or name, the agency from the certificate', async () => {
    const { el, scenario } = await register([OFFICER]);
    await toDetails(el, 'Cơ quan nhà nước');
    await shows(el, 'Thông tin cán bộ, công chức');
    for (const absent of ['Mã số thuế', 'Ngày sinh', 'Họ và tên']) expect(() => byLabel(el, absent), absent).to.throw();
    await expect(el).to.be.accessible();
    await typeInto(byLabel(el, 'Số định danh cá nhân'), OFFICER.idNumber);
    await typeInto(byLabel(el, 'Số điện thoại'), '0961000002');
    byLabel(el, 'Nghị định 13/2023').click();
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Kiểm tra chứng thư số');
    for (const shown of [`Chủ sở hữu ${OFFICER.holder}`, `Tổ chức ${OFFICER.organisation}`, `Số định danh ${OFFICER.idNumber}`]) expect(textOf(el)).to.contain(shown);
    byButton(el, 'Xác nhận ký').click();
    const account = await finish(el);
    expect([account.subjectType, account.fullName, account.organisationName, account.ial]).to.deep.equal(['agency', OFFICER.holder, OFFICER.organisation, 3]);
    expect([...scenario.signatureChallenges.values()].map(({ challenge }) => challenge.subjectType)).to.deep.equal(['agency']);
  });

  it('refuses an officer’s certificate of a public CA (cert_wrong_subject_type) or without an ID number (cert_no_id_number), in Vietnamese and in English', async () => {
    // A certificate of the mock's public CA (a citizen's), as a signing plugin would hand it over.
    const pair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const publicCa = new DevelopmentSigner([
      {
        certificate: MOCK_SIGNATURE_CERTIFICATES.citizen,
        privateKey: pair.privateKey,
        details: { holder: 'Nguyễn Văn An', idNumber: '001090001234', validFrom: '2026-01-01T00:00:00.000Z', validUntil: '2028-01-01T00:00:00.000Z', serialNumber: '1001', issuer: 'Mock Public CA' },
      },
    ]);
    const service = testService(SIGNING);
    const el = await fixture<DvcRegister>(html`<dvc-register .client=${service.client} .clock=${service.clock} .signer=${publicCa}></dvc-register>`);
    await shows(el, 'USB ký số');
    await toDetails(el, 'Cơ quan nhà nước');
    await shows(el, 'Thông tin cán bộ, công chức');
    await typeInto(byLabel(el, 'Số định danh cá nhân'), '001090001234');
    await typeInto(byLabel(el, 'Số điện thoại'), '0961000002');
    byLabel(el, 'Nghị định 13/2023').click();
    byButton(el, 'Tiếp tục').click();
    await shows(el, problemMessage('cert_wrong_subject_type', 'vi'));
    expect(deep(el, '.error-summary')?.getAttribute('role')).to.equal('alert');

    const { el: english } = await register([{ holder: VIDU.holder, taxCode: VIDU.taxCode }], {}, 'en');
    byLabel(english, 'State agency').click();
    byLabel(english, 'USB signing token').click();
    byButton(english, 'Continue').click();
    await shows(english, 'Personal ID number');
    await typeInto(byLabel(english, 'Personal ID number'), OFFICER.idNumber);
    await typeInto(byLabel(english, 'Mobile phone number'), '0961000002');
    byLabel(english, 'Decree 13/2023').click();
    byButton(english, 'Continue').click();
    await shows(english, problemMessage('cert_no_id_number', 'en'));
    await expect(english).to.be.accessible();
  });

  it('shows a detail the service refuses at the registration on its field of the details, as typed', async () => {
    const { el, scenario } = await register([VIDU]);
    await toDetails(el, 'Doanh nghiệp');
    await enterpriseDetails(el);
    await shows(el, 'Kiểm tra chứng thư số');
    // The portal's consent text changed while the enterprise signed: the service refuses the version agreed to.
    scenario.config.consentVersion = '2026-12';
    byButton(el, 'Xác nhận ký').click();
    await shows(el, 'Thông tin doanh nghiệp');
    await shows(el, ruleMessage('consent_required', 'vi'));
    expect(deep(el, '.error-summary')).to.exist;
    expect(byLabel(el, 'Mã số thuế').value).to.equal(VIDU.taxCode);
  });
});
