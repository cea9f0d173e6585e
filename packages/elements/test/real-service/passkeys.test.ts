import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcAccount } from '../../src/account/account.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcSignedInDetail } from '../../src/shared/events.js';
import { byButton, byLabel, deep, focused, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

// Passkeys against the real identity service the test runner starts (RP ID `localhost`, the test page's host)
// with Chromium's virtual authenticator: real key pairs, real attestation and assertion checked by the service.

/**
 * Ngô Văn Bình and Đỗ Thị Hạnh, by the CCCDs the sandbox carrier also knows them by; no other suite on this
 * service uses them. Each test signs one of them in at most three times in a minute with its registration: the
 * service sends at most three codes a minute to a phone, and every sign-in sends one (the fallback).
 */
const BINH = { idNumber: '001075012345', fullName: 'Ngô Văn Bình', birthDate: '1975-04-10', phone: '+84977123456' };
const HANH = { idNumber: '031182004567', fullName: 'Đỗ Thị Hạnh', birthDate: '1982-08-15', phone: '+84912003344' };
const PASSWORD = 'Hồ-Gươm-Xanh-1975';
type Citizen = typeof BINH;

interface IdentityService {
  readonly url: string;
  readonly clientId: string;
}

const shows = (el: Element, text: string) => waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout: 8000 });

async function command<T>(name: string, payload?: unknown): Promise<T> {
  const answer = await executeServerCommand<T, unknown>(name, payload);
  if (!answer) throw new Error(`The test runner has no plugin for ${name}`);
  return answer;
}

const lastCodes = new Map<string, string>();
async function newCode(phone: string): Promise<string> {
  let code: string | undefined;
  await waitUntil(async () => (code = await command<string>('dvc-outbox-code', { phone })) !== lastCodes.get(phone), `no new code reached ${phone}`, { timeout: 8000 });
  lastCodes.set(phone, code!);
  return code!;
}

const claims = (jwt: string) => JSON.parse(atob(jwt.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { amr: string[] };

describe('passkeys against a running identity service (virtual authenticator)', () => {
  let service: IdentityService;

  before(async function (this: MochaContext) {
    this.timeout(60_000);
    service = await command<IdentityService>('dvc-identity-service');
    for (const citizen of [BINH, HANH]) lastCodes.set(citizen.phone, (await command<{ code: string }>('dvc-register-citizen', { citizen, password: PASSWORD })).code);
    await command('dvc-authenticator', { action: 'add' });
  });

  after(async () => {
    await command('dvc-authenticator', { action: 'remove' });
  });

  /** `<dvc-login>` to the code step, keyboard only. */
  async function toCode(citizen: Citizen): Promise<DvcLogin> {
    const login = await fixture<DvcLogin>(html`<dvc-login service=${service.url} client-id=${service.clientId}></dvc-login>`);
    await shows(login, 'Số định danh cá nhân');
    await typeInto(byLabel(login, 'Số định danh cá nhân'), citizen.idNumber);
    await typeInto(byLabel(login, 'Mật khẩu'), PASSWORD);
    byLabel(login, 'Tôi không phải là người máy').click();
    await shows(login, 'Đã xác minh bạn không phải là người máy');
    byButton(login, 'Đăng nhập').focus();
    await press('Enter');
    await shows(login, 'Mã OTP đã được gửi tới số');
    return login;
  }

  async function withCode(login: DvcLogin, citizen: Citizen): Promise<DvcSignedInDetail> {
    const signedIn = oneEvent(login, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    await typeInto(byLabel(login, 'Mã OTP'), await newCode(citizen.phone));
    await press('Enter');
    return (await signedIn).detail;
  }

  /** `<dvc-account>` for a citizen signed in with password and code, with a passkey added there (keyboard only, axe clean). */
  async function addPasskey(citizen: Citizen, name: string): Promise<DvcAccount> {
    const first = await withCode(await toCode(citizen), citizen);
    const el = await fixture<DvcAccount>(html`<dvc-account service=${service.url} client-id=${service.clientId} .accessToken=${first.tokens.accessToken}></dvc-account>`);
    await shows(el, 'Khóa truy cập (passkey)');
    expect(textOf(el)).to.include('Chưa có');
    byButton(el, 'Thêm khóa truy cập').focus();
    await press('Enter');
    await shows(el, 'Tên gợi nhớ');
    await press('Tab');
    await typeInto(focused() as HTMLElement, PASSWORD);
    await press('Tab');
    await typeInto(focused() as HTMLElement, name);
    await press('Enter');
    await shows(el, 'Đã thêm khóa truy cập');
    expect(textOf(el)).to.include(name).and.include('chưa dùng');
    await expect(el).to.be.accessible();
    return el;
  }

  it('adds a passkey, then signs in with password and passkey (no code) — after a cancelled prompt said — with amr hwk/swk; axe clean', async function (this: MochaContext) {
    this.timeout(60_000);
    await addPasskey(BINH, 'Máy tính cơ quan');
    const login = await toCode(BINH);
    await press('Tab');
    expect(textOf(focused()!)).to.equal('Dùng khóa truy cập (passkey)');
    await expect(login).to.be.accessible();
    // A virtual authenticator cannot press "Cancel": the browser's answer to a closed prompt is played once.
    const get = navigator.credentials.get;
    navigator.credentials.get = () => ((navigator.credentials.get = get), Promise.reject(new DOMException('cancelled', 'NotAllowedError')));
    await press('Enter');
    await shows(login, 'Chưa dùng được khóa truy cập (đã hủy hoặc hết thời gian). Hãy thử lại hoặc nhập mã OTP.');
    expect(focused()).to.equal(deep(login, '.error-summary'));
    expect(byLabel(login, 'Mã OTP').disabled).to.be.false;
    await expect(login).to.be.accessible();
    const signedIn = oneEvent(login, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    byButton(login, 'Dùng khóa truy cập (passkey)').focus();
    await press('Enter');
    const { amr } = claims((await signedIn).detail.tokens.idToken);
    expect(amr).to.include('pwd');
    expect(amr.some((method) => method === 'hwk' || method === 'swk')).to.be.true;
  });

  it('removes a passkey after a confirmation; the next sign-in asks the code only', async function (this: MochaContext) {
    this.timeout(60_000);
    const el = await addPasskey(HANH, 'Điện thoại');
    byButton(el, 'Xóa Điện thoại').click();
    await shows(el, 'Xóa Điện thoại?');
    await expect(el).to.be.accessible();
    byButton(el, 'Xóa Điện thoại').click();
    await shows(el, 'Đã xóa khóa truy cập.');
    expect(textOf(el)).to.include('Chưa có');
    const codeOnly = await toCode(HANH);
    expect(textOf(codeOnly)).not.to.include('Dùng khóa truy cập');
    const { amr } = claims((await withCode(codeOnly, HANH)).tokens.idToken);
    expect(amr).to.include('pwd').and.not.include('hwk').and.not.include('swk');
  });
});
