import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcPhoneRecovery } from '../../src/phone-recovery/phone-recovery.js';
import type { DvcPhoneRecoveredDetail } from '../../src/shared/events.js';
import { allElements, byLabel, focused, stepHeading, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

// "Mất số điện thoại nhận OTP" against a running identity service (test/support/wtr-identity-service.mjs)
// with the sandbox social-insurance and carrier registers: the code is read from the service's
// development outbox. The test registers, by social insurance, the account whose phone it replaces.

/** Võ Thị Ánh Tuyết, a fictional citizen of both sandbox registers; her carrier record's SIM is the new phone. */
const TUYET = { idNumber: '092199002468', fullName: 'Võ Thị Ánh Tuyết', birthDate: '1999-12-24', bhxhCode: '9201234567', phone: '+84781234567', maskedPhone: '078****567' };
/** The phone Tuyết registered with and then lost (registration by social insurance does not ask the carrier). */
const LOST_PHONE = '+84987650011';
/** Lê Hoàng Minh is in both registers but has no account on this service. */
const MINH = { idNumber: '048203007788', fullName: 'Lê Hoàng Minh', birthDate: '20/11/2003', bhxhCode: '4801234567', phone: '0901234567' };
const PASSWORD = 'Sông-Hương-Núi-Ngự-1802';

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

/** Types the details, ticks the consent and the human check by keyboard and sends them. */
async function submitDetails(el: Element, details: { idNumber: string; bhxhCode: string; fullName: string; birthDate: string; phone: string }): Promise<void> {
  await typeInto(byLabel(el, 'Số định danh cá nhân'), details.idNumber);
  await typeInto(byLabel(el, 'Mã số bảo hiểm xã hội'), details.bhxhCode);
  await typeInto(byLabel(el, 'Họ và tên'), details.fullName);
  await typeInto(byLabel(el, 'Ngày sinh'), details.birthDate);
  await typeInto(byLabel(el, 'Số điện thoại mới'), details.phone);
  await press('Tab');
  expect(focused(), 'the consent after the new phone').to.equal(byLabel(el, 'Tôi đồng ý'));
  await press('Space');
  await press('Tab');
  await press('Space');
  await shows(el, 'Đã xác minh bạn không phải là người máy');
  await press('Tab');
  expect(textOf(focused()!)).to.equal('Gửi mã OTP');
  await press('Enter');
}

describe('<dvc-phone-recovery> against a running identity service', () => {
  let service: IdentityService;

  before(async function (this: MochaContext) {
    this.timeout(60_000);
    const answer = await executeServerCommand<IdentityService | undefined, undefined>('dvc-identity-service');
    if (!answer) throw new Error('The test runner has no identity service plugin');
    service = answer;
  });

  it('replaces a lost phone after a fresh social-insurance and carrier match, with the code sent to the new phone', async function (this: MochaContext) {
    this.timeout(30_000);
    const registered = await executeServerCommand<{ code: string }, { citizen: Omit<typeof TUYET, 'maskedPhone'>; password: string }>('dvc-register-citizen', {
      citizen: { ...TUYET, phone: LOST_PHONE },
      password: PASSWORD,
    });
    if (!registered) throw new Error('The test runner has no identity service plugin');
    const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="vi" service=${service.url} client-id=${service.clientId} sign-in-href="/dang-nhap"></dvc-phone-recovery>`);
    await shows(el, 'Mã số bảo hiểm xã hội');
    await expect(el).to.be.accessible();
    await submitDetails(el, { ...TUYET, birthDate: '24/12/1999', phone: '0781234567' });

    await shows(el, `Mã OTP đã được gửi tới số ${TUYET.maskedPhone}`);
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    const code = await readCodeFromOutbox(TUYET.phone);
    await typeInto(byLabel(el, 'Mã OTP'), code);
    const recovered = oneEvent(el, 'dvc-phone-recovered') as Promise<CustomEvent<DvcPhoneRecoveredDetail>>;
    await press('Enter');
    expect((await recovered).detail).to.deep.equal({ next: 'sign_in', sessionsEnded: 0 });
    await shows(el, 'Đã đổi số điện thoại nhận OTP');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
  });

  it('sends a citizen without an account to a one-stop counter, with nothing left to type', async function (this: MochaContext) {
    this.timeout(30_000);
    const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="vi" service=${service.url} client-id=${service.clientId}></dvc-phone-recovery>`);
    await shows(el, 'Mã số bảo hiểm xã hội');
    await submitDetails(el, MINH);
    await shows(el, 'Đổi số điện thoại tại bộ phận một cửa');
    expect(textOf(el)).to.include('Không xác nhận được thông tin bạn đã nhập');
    expect(focused()).to.equal(stepHeading(el));
    expect(allElements(el).filter((e) => e instanceof HTMLInputElement)).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
