import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ruleMessage, solveHumanCheck } from '@dvc-kit/sdk';
import { MOCK_CITIZENS } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcPhoneRecovery } from '../../src/phone-recovery/phone-recovery.js';
import { phoneRecoveryTransition } from '../../src/phone-recovery/machine.js';
import type { DvcPhoneRecoveredDetail, DvcPhoneRecoveryUnconfirmedDetail } from '../../src/shared/events.js';
import { allElements, byButton, byLabel, deep, focused, stepHeading, textOf } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, NGOC, testService, type TestService } from '../support/service.js';

/** The service offers registration, and so lost-phone recovery, by social insurance. */
const BHXH = { registrationMethods: ['mobile', 'bhxh'] };
const WITH_HUMAN_CHECK = { config: { ...BHXH, humanCheck: { required: true } }, humanCheck: { number: 4, maxnumber: 10 } };
const NGOC_BHXH = MOCK_CITIZENS.find((c) => c.idNumber === NGOC.idNumber)!.bhxhCode!;
const NGOC_PASSWORD = 'Mây-Trắng-77';
/** The phone Ngọc registered with and then lost; her carrier record's number ({@link NGOC}.phone) is the new one. */
const LOST_PHONE = '0987654321';

/** Registers Ngọc by social insurance with {@link LOST_PHONE} and signs her in once (a session the recovery ends). */
async function registerNgoc(service: TestService): Promise<void> {
  const { client } = service;
  const config = await client.getConfig();
  const humanCheck = async () => (config.humanCheck.required ? { humanCheck: await solveHumanCheck(await client.getHumanCheckChallenge()) } : {});
  const details = { idNumber: NGOC.idNumber, bhxhCode: NGOC_BHXH, fullName: NGOC.fullName, birthDate: NGOC.birthDate, phone: LOST_PHONE };
  const started = await client.startRegistration({ subjectType: 'citizen', method: 'bhxh', ...details, consentVersion: config.consentVersion, ...(await humanCheck()) });
  await client.verifyRegistrationCode(started.registrationId, { code: '123456' });
  await client.completeRegistration(started.registrationId, { password: NGOC_PASSWORD, passwordConfirmation: NGOC_PASSWORD });
  const { signInId } = await client.startSignIn({ idNumber: NGOC.idNumber, password: NGOC_PASSWORD, ...(await humanCheck()) });
  await client.verifySignInCode(signInId, { code: '123456' });
}

/** Presses Tab until focus is on an element whose accessible text or label contains `text`. */
async function tabTo(text: string, limit = 16): Promise<HTMLElement> {
  for (let i = 0; i < limit; i++) {
    await press('Tab');
    const now = focused() as HTMLElement | null;
    const label = now instanceof HTMLInputElement ? Array.from(now.labels ?? []).map((l) => l.textContent ?? '').join(' ') : textOf(now ?? document.body);
    if (now && label.includes(text)) return now;
  }
  throw new Error(`Tab never reached “${text}”; focus is on ${focused()?.outerHTML.slice(0, 120)}`);
}

const type = (text: string) => sendKeys({ type: text });

/** The start of the consent checkbox's label, as registration shows it. */
const CONSENT = 'Tôi đồng ý để thông tin cá nhân của tôi được xử lý';

/** Fills the details form of a `<dvc-phone-recovery>` (Vietnamese), ticks the consent unless told not to, and presses Enter. */
async function submitDetails(el: Element, details: { idNumber?: string; bhxhCode: string; fullName: string; birthDate: string; phone: string }, consent = true): Promise<void> {
  if (details.idNumber !== undefined) await typeInto(byLabel(el, 'Số định danh cá nhân'), details.idNumber);
  await typeInto(byLabel(el, 'Mã số bảo hiểm xã hội'), details.bhxhCode);
  await typeInto(byLabel(el, 'Họ và tên'), details.fullName);
  await typeInto(byLabel(el, 'Ngày sinh'), details.birthDate);
  await typeInto(byLabel(el, 'Số điện thoại mới'), details.phone);
  // A click does not move focus: Enter still submits from the phone field.
  if (consent) byLabel(el, CONSENT).click();
  await press('Enter');
}

/** The inputs a citizen could still type into. */
const liveInputs = (el: Element) => allElements(el).filter((e) => e instanceof HTMLInputElement && e.type !== 'hidden');

describe('<dvc-phone-recovery>', () => {
  it('opens from the sign-in form in place and replaces the phone by keyboard alone: code to the new phone, sessions ended, back to sign in', async () => {
    const service = testService(WITH_HUMAN_CHECK);
    await registerNgoc(service);
    const el = await fixture<DvcLogin>(html`<dvc-login lang="vi" .client=${service.client} .clock=${service.clock}></dvc-login>`);
    await shows(el, 'Số định danh cá nhân');
    await tabTo('Số định danh cá nhân');
    await type(NGOC.idNumber);
    await tabTo('Mất số điện thoại nhận OTP');
    await press('Enter');
    await shows(el, 'mã số bảo hiểm xã hội');
    const recovery = deep<DvcPhoneRecovery>(el, 'dvc-phone-recovery')!;
    expect(focused(), 'focus moves to the lost-phone heading').to.equal(stepHeading(recovery));
    expect(textOf(stepHeading(recovery))).to.include('Mất số điện thoại nhận OTP');
    expect(byLabel(recovery, 'Số định danh cá nhân').value, 'starts from the ID number typed').to.equal(NGOC.idNumber);
    expect(byLabel(recovery, 'Số điện thoại mới').autocomplete, 'the browser does not offer the lost number').to.equal('off');
    await expect(el).to.be.accessible();

    await tabTo('Mã số bảo hiểm xã hội');
    await type(NGOC_BHXH);
    await tabTo('Họ và tên');
    await type(NGOC.fullName);
    await tabTo('Ngày sinh');
    await type(NGOC.birthDate);
    await tabTo('Số điện thoại mới');
    await type(NGOC.phone);
    const consent = await tabTo(CONSENT);
    await press('Space');
    expect((consent as HTMLInputElement).checked, 'the consent ticked from the keyboard').to.equal(true);
    await tabTo('Tôi không phải là người máy');
    await press('Space');
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    await tabTo('Gửi mã OTP');
    await press('Enter');
    await shows(el, `Mã OTP đã được gửi tới số ${NGOC.maskedPhone}`);
    expect(service.scenario.outbox.at(-1)!.phone, 'the code goes to the new phone').to.equal('+84912345678');
    expect((service.scenario.requests.at(-1)!.body as { consentVersion?: string }).consentVersion, 'the consent version agreed to').to.equal('2025-01');
    expect(focused()).to.equal(stepHeading(recovery));
    await expect(el).to.be.accessible();

    await tabTo('Mã OTP');
    await type('123456');
    const recovered = oneEvent(el, 'dvc-phone-recovered') as Promise<CustomEvent<DvcPhoneRecoveredDetail>>;
    await press('Enter');
    expect((await recovered).detail).to.deep.equal({ next: 'sign_in', sessionsEnded: 1 });
    await shows(el, 'Đã đổi số điện thoại nhận OTP');
    expect(textOf(el)).to.include('vui lòng đăng nhập lại');
    expect(focused()).to.equal(stepHeading(recovery));
    expect(liveInputs(recovery), 'a final state').to.have.length(0);
    await expect(el).to.be.accessible();

    // The way back: sign in again; the code now goes to the new phone.
    await tabTo('Đăng nhập');
    await press('Enter');
    await shows(el, 'Mật khẩu');
    expect(deep(el, 'dvc-phone-recovery')).to.equal(undefined);
    expect(focused()).to.equal(stepHeading(el));
    await service.client.startSignIn({ idNumber: NGOC.idNumber, password: NGOC_PASSWORD, humanCheck: await solveHumanCheck(await service.client.getHumanCheckChallenge()) });
    expect(service.scenario.outbox.at(-1)!.phone).to.equal('+84912345678');
  });

  it('sends the citizen to a one-stop counter with the same words whether or not the ID number has an account, with no live field', async () => {
    const texts: string[] = [];
    // Ngọc has no account here; An has one, registered by mobile subscriber (no BHXH code on it).
    for (const citizen of [NGOC, AN]) {
      const service = testService({ config: BHXH });
      const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="vi" back-to-sign-in .client=${service.client} .clock=${service.clock}></dvc-phone-recovery>`);
      await shows(el, 'Mã số bảo hiểm xã hội');
      const bhxhCode = MOCK_CITIZENS.find((c) => c.idNumber === citizen.idNumber)!.bhxhCode!;
      const unconfirmed = oneEvent(el, 'dvc-phone-recovery-unconfirmed') as Promise<CustomEvent<DvcPhoneRecoveryUnconfirmedDetail>>;
      await submitDetails(el, { idNumber: citizen.idNumber, bhxhCode, fullName: citizen.fullName, birthDate: citizen.birthDate, phone: citizen.phone });
      expect((await unconfirmed).detail).to.deep.equal({ reason: 'unconfirmed' });
      await shows(el, 'bộ phận một cửa');
      expect(textOf(el)).to.include('thẻ Căn cước (CCCD)');
      expect(focused(), 'focus on the final heading').to.equal(stepHeading(el));
      expect(liveInputs(el), 'no code field, nothing to type').to.have.length(0);
      expect(service.scenario.outbox, 'no code sent').to.have.length(0);
      await expect(el).to.be.accessible();
      texts.push(textOf(el));
    }
    expect(texts[1]).to.equal(texts[0]);
  });

  it('keeps the code step after a wrong code, saying so on the field and in the announced summary', async () => {
    const service = testService({ config: BHXH });
    await registerNgoc(service);
    const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="vi" .client=${service.client} .clock=${service.clock}></dvc-phone-recovery>`);
    await shows(el, 'Mã số bảo hiểm xã hội');
    await submitDetails(el, { idNumber: NGOC.idNumber, bhxhCode: NGOC_BHXH, fullName: NGOC.fullName, birthDate: NGOC.birthDate, phone: NGOC.phone });
    await shows(el, `Mã OTP đã được gửi tới số ${NGOC.maskedPhone}`);
    await typeInto(byLabel(el, 'Mã OTP'), '654321');
    await press('Enter');
    await shows(el, 'Mã OTP không đúng');
    const summary = deep<HTMLElement>(el, '.error-summary')!;
    expect(summary.getAttribute('role')).to.equal('alert');
    expect(focused()).to.equal(summary);
    expect(byLabel(el, 'Mã OTP').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('says how long to wait when the service has been asked too often about an ID number, and stays on the form', async () => {
    const service = testService({ config: BHXH });
    // Five look-ups of the registers for Ngọc's ID number this hour (the mock's limit) …
    const wrong = { idNumber: NGOC.idNumber, bhxhCode: '0000000000', fullName: NGOC.fullName, birthDate: '1995-03-12', phone: NGOC.phone, consentVersion: '2025-01' };
    for (let i = 0; i < 5; i++) await service.client.startPhoneRecovery(wrong).catch(() => undefined);
    const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="vi" .client=${service.client} .clock=${service.clock}></dvc-phone-recovery>`);
    await shows(el, 'Mã số bảo hiểm xã hội');
    await submitDetails(el, { idNumber: NGOC.idNumber, bhxhCode: NGOC_BHXH, fullName: NGOC.fullName, birthDate: NGOC.birthDate, phone: NGOC.phone });
    const summary = await (async () => {
      await shows(el, 'Có lỗi cần sửa');
      return deep<HTMLElement>(el, '.error-summary')!;
    })();
    expect(textOf(summary)).to.match(/\d+ (giây|phút)/);
    expect(focused()).to.equal(summary);
    expect(byLabel(el, 'Mã số bảo hiểm xã hội'), 'still the form').to.exist;
    await expect(el).to.be.accessible();
  });

  it('asks for the consent to the processing of these details as registration does: required, its error announced and linked, reached and ticked by keyboard', async () => {
    const service = testService({ config: { ...BHXH, consentVersion: '2026-02' } });
    await registerNgoc(service);
    const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="vi" .client=${service.client} .clock=${service.clock}></dvc-phone-recovery>`);
    await shows(el, 'Mã số bảo hiểm xã hội');
    const box = byLabel(el, CONSENT);
    expect(box.type).to.equal('checkbox');
    expect(box.checked, 'never ticked for the citizen').to.equal(false);
    expect(textOf(box.labels![0]!), 'the version the service names').to.include('(phiên bản 2026-02)');
    expect(textOf(box.closest('fieldset')!)).to.include('Xử lý dữ liệu cá nhân');
    const asked = service.scenario.requests.length;
    await submitDetails(el, { idNumber: NGOC.idNumber, bhxhCode: NGOC_BHXH, fullName: NGOC.fullName, birthDate: NGOC.birthDate, phone: NGOC.phone }, false);
    await shows(el, 'Có lỗi cần sửa');
    const summary = deep<HTMLElement>(el, '.error-summary')!;
    expect(summary.getAttribute('role'), 'announced').to.equal('alert');
    expect(focused()).to.equal(summary);
    expect(textOf(summary)).to.include(`Xử lý dữ liệu cá nhân: ${ruleMessage('consent_required', 'vi')}`);
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(box.getAttribute('aria-describedby')).to.equal('consent-error');
    expect(textOf(deep<HTMLElement>(el, '#consent-error')!)).to.include(ruleMessage('consent_required', 'vi'));
    expect(service.scenario.requests.length, 'the service was not asked').to.equal(asked);
    await expect(el).to.be.accessible();

    // The summary's link leads to the box; Space ticks it; Enter is on the button.
    await tabTo('Xử lý dữ liệu cá nhân');
    await press('Enter');
    expect(focused(), 'the link moves focus to the checkbox').to.equal(box);
    await press('Space');
    expect(box.checked).to.equal(true);
    await tabTo('Gửi mã OTP');
    await press('Enter');
    await shows(el, `Mã OTP đã được gửi tới số ${NGOC.maskedPhone}`);
    const sent = service.scenario.requests.filter((request) => request.operation === 'startPhoneRecovery').at(-1)!;
    expect((sent.body as { consentVersion?: string }).consentVersion, 'the version the citizen read').to.equal('2026-02');
  });

  it('shows the service’s refusal of a consent version gone stale on the consent box, in English too', async () => {
    const service = testService({ config: BHXH });
    await registerNgoc(service);
    const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="en" .client=${service.client} .clock=${service.clock}></dvc-phone-recovery>`);
    await shows(el, 'Social insurance code');
    // A new consent text came into force after the page loaded the configuration.
    service.scenario.config.consentVersion = '2026-02';
    await typeInto(byLabel(el, 'Personal ID number'), NGOC.idNumber);
    await typeInto(byLabel(el, 'Social insurance code'), NGOC_BHXH);
    await typeInto(byLabel(el, 'Full name'), NGOC.fullName);
    await typeInto(byLabel(el, 'Date of birth'), NGOC.birthDate);
    await typeInto(byLabel(el, 'New mobile phone number'), NGOC.phone);
    byLabel(el, 'I agree to my personal data being processed').click();
    await press('Enter');
    await shows(el, ruleMessage('consent_required', 'en'));
    const summary = deep<HTMLElement>(el, '.error-summary')!;
    expect(focused()).to.equal(summary);
    expect(textOf(summary)).to.include(`Personal data processing: ${ruleMessage('consent_required', 'en')}`);
    expect(byLabel(el, 'I agree to my personal data being processed').getAttribute('aria-invalid')).to.equal('true');
    expect(service.scenario.outbox.filter((sms) => sms.phone === '+84912345678'), 'no code').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('checks every field with the SDK’s rules before asking the service, the summary linking to each', async () => {
    const service = testService({ config: BHXH });
    const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="vi" .client=${service.client} .clock=${service.clock}></dvc-phone-recovery>`);
    await shows(el, 'Mã số bảo hiểm xã hội');
    await submitDetails(el, { idNumber: '12', bhxhCode: '123', fullName: '', birthDate: '31/02/1990', phone: '12345' });
    await shows(el, 'Có lỗi cần sửa');
    const summary = deep<HTMLElement>(el, '.error-summary')!;
    expect(focused()).to.equal(summary);
    const text = textOf(summary);
    for (const label of ['Số định danh cá nhân', 'Mã số bảo hiểm xã hội', 'Họ và tên', 'Ngày sinh', 'Số điện thoại mới']) expect(text).to.include(`${label}`);
    expect(text, 'the consent was ticked').not.to.include('Xử lý dữ liệu cá nhân');
    expect(text).to.include('Mã số BHXH gồm 10 chữ số.');
    expect(service.scenario.registerLookups.size, 'the service was not asked').to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows the counter advice at once, in English too, when the service offers no self-service way', async () => {
    const service = testService();
    const el = await fixture<DvcPhoneRecovery>(html`<dvc-phone-recovery lang="en" sign-in-href="/sign-in" .client=${service.client} .clock=${service.clock}></dvc-phone-recovery>`);
    await shows(el, 'Change your phone at a one-stop counter');
    expect(textOf(el)).to.include('This portal cannot change the phone that receives codes online yet.');
    expect(textOf(el)).to.include('citizen identity card (CCCD)');
    expect(liveInputs(el)).to.have.length(0);
    const requested = oneEvent(el, 'dvc-sign-in-requested') as Promise<CustomEvent<{ href: string | undefined }>>;
    const link = allElements(el).find((e): e is HTMLAnchorElement => e instanceof HTMLAnchorElement && textOf(e) === 'Back to sign in')!;
    link.addEventListener('click', (event) => event.preventDefault());
    link.click();
    expect((await requested).detail).to.deep.equal({ href: '/sign-in' });
    await expect(el).to.be.accessible();
  });

  it('opens from <dvc-login> with the counter advice, and goes back to sign in from it', async () => {
    const service = testService();
    const el = await fixture<DvcLogin>(html`<dvc-login lang="vi" .client=${service.client} .clock=${service.clock}></dvc-login>`);
    await shows(el, 'Mất số điện thoại nhận OTP');
    byButton(el, 'Mất số điện thoại nhận OTP').click();
    await shows(el, 'Đổi số điện thoại tại bộ phận một cửa');
    byButton(el, 'Quay lại đăng nhập').click();
    await shows(el, 'Mật khẩu');
    expect(deep(el, 'dvc-phone-recovery')).to.equal(undefined);
    expect(focused()).to.equal(stepHeading(el));
  });

  it('moves through its steps as a pure state machine', () => {
    const offered = { lostPhoneRecovery: true } as never;
    const otp = { maskedPhone: '091****678', length: 6, expiresAt: '2026-01-01T00:03:00Z', resendAt: '2026-01-01T00:01:00Z' };
    expect(phoneRecoveryTransition({ step: 'loading' }, { type: 'configured', config: { lostPhoneRecovery: false } as never })).to.include({ step: 'counter', reason: 'not_offered' });
    let state = phoneRecoveryTransition({ step: 'loading' }, { type: 'configured', config: offered });
    expect(state.step).to.equal('identify');
    expect(phoneRecoveryTransition(state, { type: 'recovered', sessionsEnded: 1 })).to.equal(state);
    expect(phoneRecoveryTransition(state, { type: 'unconfirmed' })).to.include({ step: 'counter', reason: 'unconfirmed' });
    state = phoneRecoveryTransition(state, { type: 'started', phoneRecoveryId: 'p1', otp, at: 5 });
    expect(state).to.include({ step: 'code', phoneRecoveryId: 'p1', startedAt: 5 });
    expect(phoneRecoveryTransition(state, { type: 'unconfirmed' }), 'only the details step can be unconfirmed').to.equal(state);
    state = phoneRecoveryTransition(state, { type: 'recovered', sessionsEnded: 2 });
    expect(state).to.include({ step: 'done', sessionsEnded: 2 });
    expect(phoneRecoveryTransition(state, { type: 'restarted' })).to.deep.equal({ step: 'loading' });
  });
});
