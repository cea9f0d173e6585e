import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createTokenVerifier } from '@dvc-kit/sdk/tokens';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcRegister } from '../../src/register/register.js';
import type { DvcRegisteredDetail, DvcSignedInDetail } from '../../src/shared/events.js';
import { byButton, byLabel, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

// The widgets against a real identity service (in-memory PGlite, sandbox carrier, SMS outbox) that
// the test runner starts (test/support/wtr-identity-service.mjs): no mock between the widget and the
// service. Codes are read from the service's development outbox, as a developer reads them. Each
// test makes the account it needs, so a failed registration cannot turn the sign-in into a pass.

/** Hoàng Đức Thắng, a fictional subscriber of the sandbox carrier who has no account yet. */
const THANG = { idNumber: '040088001357', fullName: 'Hoàng Đức Thắng', birthDate: '30/06/1988', phone: '0861234567', maskedPhone: '086****567' };
const PASSWORD = 'Cầu-Long-Biên-1902';
/** Đặng Quốc Bảo, another fictional subscriber, registered through the API by the sign-in test itself. */
const BAO = { idNumber: '038201009999', fullName: 'Đặng Quốc Bảo', birthDate: '2001-02-14', phone: '+84941234567', maskedPhone: '094****567' };
const BAO_PASSWORD = 'Phố-Cổ-Hà-Nội-2001';

interface IdentityService {
  readonly url: string;
  readonly clientId: string;
}

const shows = (el: Element, text: string) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout: 8000 });

/** The newest code in the outbox for a phone, once it is not `previous` (the sign-in code arrives after the registration code). */
/** The newest code texted to a phone, read by the test runner from the service's outbox (no CORS there). */
async function readCodeFromOutbox(phone: string): Promise<string> {
  const code = await executeServerCommand<string, { phone: string }>('dvc-outbox-code', { phone });
  if (!code) throw new Error('The test runner has no identity service plugin');
  return code;
}

/** Registers a citizen through the service's API, run by the test runner in Node; returns the code it was sent. */
async function registerCitizen(citizen: typeof BAO, password: string): Promise<string> {
  const answer = await executeServerCommand<{ code: string }, { citizen: typeof BAO; password: string }>('dvc-register-citizen', { citizen, password });
  if (!answer) throw new Error('The test runner has no identity service plugin');
  return answer.code;
}

async function waitUntilNewCode(phone: string, previous: string): Promise<string> {
  let code = previous;
  await waitUntil(async () => (code = await readCodeFromOutbox(phone)) !== previous, 'no new code reached the outbox', { timeout: 8000 });
  return code;
}

async function passHumanCheck(el: Element, label: string, done: string) {
  byLabel(el, label).click();
  await shows(el, done);
}

describe('the widgets against a running identity service', () => {
  let service: IdentityService;

  before(async function (this: MochaContext) {
    // Starting the service (PGlite, migrations, keys) takes more than a test's 10 s on a busy machine.
    this.timeout(60_000);
    const answer = await executeServerCommand<IdentityService | undefined, undefined>('dvc-identity-service');
    if (!answer) throw new Error('The test runner has no identity service plugin');
    service = answer;
  });

  it('<dvc-register> creates an account at level 2 by mobile subscriber, checked by axe at every step', async () => {
    const el = await fixture<DvcRegister>(html`<dvc-register service=${service.url} client-id=${service.clientId}></dvc-register>`);
    await shows(el, 'Thuê bao di động');
    await expect(el).to.be.accessible();
    // The service offers the IAL3 signature methods too: the citizen chooses the mobile subscriber.
    byLabel(el, 'Thuê bao di động').click();
    byButton(el, 'Tiếp tục').click();

    await shows(el, 'Thông tin công dân');
    await typeInto(byLabel(el, 'Số định danh cá nhân'), THANG.idNumber);
    await typeInto(byLabel(el, 'Họ và tên'), THANG.fullName);
    await typeInto(byLabel(el, 'Ngày sinh'), THANG.birthDate);
    await typeInto(byLabel(el, 'Số điện thoại'), THANG.phone);
    byLabel(el, 'Nghị định 13/2023').click();
    await passHumanCheck(el, 'Tôi không phải là người máy', 'Đã xác minh bạn không phải là người máy');
    await expect(el).to.be.accessible();
    byButton(el, 'Tiếp tục').click();

    await shows(el, `Mã OTP đã được gửi tới số ${THANG.maskedPhone}`);
    await expect(el).to.be.accessible();
    const registrationCode = await readCodeFromOutbox(THANG.phone);
    await typeInto(byLabel(el, 'Mã OTP'), registrationCode);
    await press('Enter');

    await shows(el, 'Đặt mật khẩu');
    await typeInto(byLabel(el, 'Mật khẩu'), PASSWORD);
    await typeInto(byLabel(el, 'Nhập lại mật khẩu'), PASSWORD);
    await expect(el).to.be.accessible();
    const registered = oneEvent(el, 'dvc-registered') as Promise<CustomEvent<DvcRegisteredDetail>>;
    byButton(el, 'Hoàn tất đăng ký').click();

    const { detail } = await registered;
    expect(detail.account.fullName).to.equal(THANG.fullName);
    expect(detail.account.ial).to.equal(2);
    expect(detail.account.verificationMethod).to.equal('mobile');
    await shows(el, 'Đăng ký tài khoản thành công');
    await expect(el).to.be.accessible();
  });

  it('<dvc-login lang="en"> signs a registered citizen in with a code and hands over tokens the SDK verifies against the JWKS', async () => {
    const registrationCode = await registerCitizen(BAO, BAO_PASSWORD);
    const el = await fixture<DvcLogin>(html`<dvc-login lang="en" service=${service.url} client-id=${service.clientId}></dvc-login>`);
    await shows(el, 'Personal ID number');
    await typeInto(byLabel(el, 'Personal ID number'), BAO.idNumber);
    await typeInto(byLabel(el, 'Password'), BAO_PASSWORD);
    await passHumanCheck(el, 'I am not a robot', 'Checked: you are not a robot');
    await expect(el).to.be.accessible();
    byButton(el, 'Sign in').click();

    await shows(el, `A code has been sent to ${BAO.maskedPhone}`);
    await expect(el).to.be.accessible();
    const code = await waitUntilNewCode(BAO.phone, registrationCode);
    await typeInto(byLabel(el, 'Code'), code);
    const signedIn = oneEvent(el, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    await press('Enter');

    const { detail } = await signedIn;
    await shows(el, `Signed in: ${BAO.fullName} — Assurance level 2`);
    await expect(el).to.be.accessible();
    const verifier = createTokenVerifier({ issuer: service.url, audience: service.clientId });
    const { claims, assurance } = await verifier.verifyIdToken(detail.tokens.idToken);
    expect(claims.name).to.equal(BAO.fullName);
    expect(assurance.ial).to.equal(2);
    expect(claims.amr).to.include('pwd');
  });
});
