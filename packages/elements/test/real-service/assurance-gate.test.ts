import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define.js';
import type { DvcAssuranceGate } from '../../src/assurance-gate/assurance-gate.js';
import type { DvcAssuranceMetDetail } from '../../src/assurance-gate/events.js';
import type { DvcSignedInDetail } from '../../src/shared/events.js';
import { byButton, byLabel, deep, focused, textOf } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';

// <dvc-assurance-gate> against the real identity service the test runner starts
// (test/support/wtr-identity-service.mjs): the service's POST /v1/session/assurance/check decides, the
// sign-in inside the gate solves the service's human check and reads the code from its development outbox.

/**
 * Vũ Minh Tuấn, a fictional citizen of the sandbox carrier whom no other browser test registers: registered, then
 * signed in twice inside the gate (the service sends a phone at most three codes a minute).
 */
const TUAN = { idNumber: '036085003141', fullName: 'Vũ Minh Tuấn', birthDate: '1985-03-08', phone: '+84931234560' };
const PASSWORD = 'Sông-Đáy-Chảy-2468!';
const CONTENT = 'Hồ sơ sức khỏe điện tử';

interface IdentityService {
  readonly url: string;
  readonly clientId: string;
}

const shows = (el: Element, text: string, timeout = 8000) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout });

async function command<T>(name: string, payload?: unknown): Promise<T> {
  const answer = await executeServerCommand<T, unknown>(name, payload);
  if (!answer) throw new Error('The test runner has no identity service plugin');
  return answer;
}

async function newCode(previous: string | undefined): Promise<string> {
  let code: string | undefined;
  await waitUntil(async () => (code = await command<string>('dvc-outbox-code', { phone: TUAN.phone })) !== previous, 'no new code reached the phone', { timeout: 8000 });
  return code!;
}

describe('<dvc-assurance-gate> against a running identity service', () => {
  let service: IdentityService;
  let lastCode: string | undefined;
  let tokens: DvcSignedInDetail['tokens'];

  before(async function (this: MochaContext) {
    this.timeout(60_000);
    service = await command<IdentityService>('dvc-identity-service');
    lastCode = (await command<{ code: string }>('dvc-register-citizen', { citizen: TUAN, password: PASSWORD })).code;
  });

  const gate = (attributes: { ial?: number; aal?: number; maxAge?: number; service?: string; token?: string }) =>
    fixture<DvcAssuranceGate>(html`<dvc-assurance-gate
      min-ial=${attributes.ial ?? 2}
      min-aal=${attributes.aal ?? 2}
      max-age=${attributes.maxAge ?? 600}
      service=${attributes.service ?? service.url}
      client-id=${service.clientId}
      .accessToken=${attributes.token}
      ><p>${CONTENT}</p></dvc-assurance-gate
    >`);

  /** The sign-in inside the gate, keyboard only: ID number, password, the human check (Space), the code. */
  async function signInInside(el: DvcAssuranceGate): Promise<void> {
    await shows(el, 'Số định danh cá nhân');
    await typeInto(byLabel(el, 'Số định danh cá nhân'), TUAN.idNumber);
    await typeInto(byLabel(el, 'Mật khẩu'), PASSWORD);
    byLabel(el, 'Tôi không phải là người máy').focus();
    await press('Space');
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    await press('Tab');
    expect(focused() === byButton(el, 'Đăng nhập')).to.be.true;
    await press('Enter');
    await shows(el, 'Mã OTP đã được gửi tới số');
    lastCode = await newCode(lastCode);
    await press('Tab');
    await typeInto(focused() as HTMLElement, lastCode);
    await press('Enter');
  }

  it('without a session: the sign-in inside the gate, then the content, once the service says the session meets it; axe clean', async function (this: MochaContext) {
    this.timeout(30_000);
    const el = await gate({});
    await shows(el, 'Vui lòng đăng nhập để sử dụng dịch vụ này.');
    await shows(el, 'Số định danh cá nhân');
    await expect(el).to.be.accessible();
    const signedIn = oneEvent(el, 'dvc-signed-in') as Promise<CustomEvent<DvcSignedInDetail>>;
    const met = oneEvent(el, 'dvc-assurance-met') as Promise<CustomEvent<DvcAssuranceMetDetail>>;
    await signInInside(el);
    tokens = (await signedIn).detail.tokens;
    const { assurance } = (await met).detail;
    expect([assurance.ial, assurance.aal, assurance.amr]).to.deep.equal([2, 2, ['pwd', 'otp', 'sms', 'mfa']]);
    await shows(el, CONTENT);
    expect(textOf(el)).to.equal(CONTENT);
    await expect(el).to.be.accessible();
  });

  it('a session older than max-age: sign in again inside the gate, then the content', async function (this: MochaContext) {
    this.timeout(30_000);
    // The service counts seconds from auth_time: wait until the session is older than 3 s.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const el = await gate({ maxAge: 3, token: tokens.accessToken });
    await shows(el, 'Dịch vụ này yêu cầu bạn đăng nhập trong vòng 1 phút gần nhất; vui lòng đăng nhập lại.');
    expect(textOf(el)).not.to.contain(CONTENT);
    const met = oneEvent(el, 'dvc-assurance-met');
    await signInInside(el);
    await met;
    await shows(el, CONTENT);
  });

  it('an identity below min-ial 3: <dvc-signature operation="upgrade"> with the token; min-aal 3: <dvc-signature operation="sign-in">', async () => {
    const upgrade = await gate({ ial: 3, token: tokens.accessToken });
    await shows(upgrade, 'Dịch vụ này yêu cầu tài khoản xác minh mức 3');
    const signature = deep<HTMLElement & { accessToken?: string }>(upgrade, 'dvc-signature')!;
    expect([signature.getAttribute('operation'), signature.accessToken]).to.deep.equal(['upgrade', tokens.accessToken]);
    const aal3 = await gate({ aal: 3, token: tokens.accessToken });
    await shows(aal3, 'Dịch vụ này yêu cầu đăng nhập bằng chữ ký số');
    expect(deep(aal3, 'dvc-signature')!.getAttribute('operation')).to.equal('sign-in');
    expect(textOf(upgrade) + textOf(aal3)).not.to.contain(CONTENT);
  });

  it('a service that cannot be reached: the failure and "Thử lại", never the content; axe clean', async function (this: MochaContext) {
    this.timeout(20_000);
    // Nothing listens on the discard port of the loopback address: every call fails as a network error.
    const el = await gate({ service: 'http://127.0.0.1:9', token: tokens.accessToken });
    await shows(el, 'Chưa thể tiếp tục');
    expect(textOf(el)).not.to.contain(CONTENT);
    await expect(el).to.be.accessible();
    const error = oneEvent(el, 'dvc-error');
    byButton(el, 'Thử lại').focus();
    await press('Enter');
    expect((await error as CustomEvent<{ code: string }>).detail.code).to.equal('network');
    await shows(el, 'Thử lại');
    expect(textOf(el)).not.to.contain(CONTENT);
    // The service back (the page points the gate at it): the content.
    el.service = service.url;
    await shows(el, CONTENT);
  });
});
