import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { problemMessage, ruleMessage } from '@dvc-kit/sdk';
import { MOCK_PASSWORD, type MockOptions } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcErrorDetail, DvcSignedInDetail } from '../../src/shared/events.js';
import { byButton, byLabel, byLink, deep, descriptionOf, focused, stepHeading, textOf, unavailable } from '../support/dom.js';
import { press, typeInto } from '../support/keyboard.js';
import { AN, testService } from '../support/service.js';

async function login(options: MockOptions = {}, lang = 'vi') {
  const service = testService(options);
  const el = await fixture<DvcLogin>(
    html`<dvc-login
      lang=${lang}
      .client=${service.client}
      .clock=${service.clock}
      forgot-password-href="/quen-mat-khau"
      lost-phone-href="/mat-so-dien-thoai"
    ></dvc-login>`,
  );
  await waitUntil(() => textOf(el).includes(lang === 'en' ? 'Personal ID number' : 'Số định danh cá nhân'), 'the credentials step never showed');
  return { el, ...service };
}

const shows = (el: Element, text: string, timeout = 5000) =>
  waitUntil(() => textOf(el).includes(text), `never showed “${text}”; shows “${textOf(el)}”`, { timeout });

async function signIn(el: DvcLogin, password: string, idNumber: string = AN.idNumber) {
  const id = byLabel(el, 'Số định danh cá nhân');
  id.value = '';
  await typeInto(id, idNumber);
  const field = byLabel(el, 'Mật khẩu');
  field.value = '';
  await typeInto(field, password);
  await press('Enter');
}

describe('<dvc-login>', () => {
  it('leaves the page its own focus on load, and takes it on its first step with the autofocus attribute', async () => {
    const plain = await login();
    expect(focused()).not.to.equal(stepHeading(plain.el));
    const service = testService();
    const el = await fixture<DvcLogin>(html`<dvc-login autofocus .client=${service.client} .clock=${service.clock}></dvc-login>`);
    await waitUntil(() => textOf(el).includes('Số định danh cá nhân'), 'the credentials step never showed');
    await el.updateComplete;
    expect(focused()).to.equal(stepHeading(el));
  });

  it('asks for the ID number and password, with links for a forgotten password and a lost phone', async () => {
    const { el } = await login();
    expect(byLabel(el, 'Mật khẩu').type).to.equal('password');
    expect(byLabel(el, 'Mật khẩu').autocomplete).to.equal('current-password');
    expect(byLink(el, 'Quên mật khẩu').getAttribute('href')).to.equal('/quen-mat-khau');
    expect(byLink(el, 'Mất số điện thoại nhận OTP').getAttribute('href')).to.equal('/mat-so-dien-thoai');
    await expect(el).to.be.accessible();
  });

  it('signs a citizen in with the keyboard only and fires dvc-signed-in with the account and tokens', async () => {
    const { el } = await login();
    await signIn(el, MOCK_PASSWORD);
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
    await press('Tab');
    await typeInto(focused() as HTMLElement, '123456');
    const signedIn = oneEvent(el, 'dvc-signed-in');
    await press('Enter');
    const { detail, bubbles, composed } = (await signedIn) as CustomEvent<DvcSignedInDetail>;
    expect(bubbles && composed).to.be.true;
    expect(detail.account.fullName).to.equal(AN.fullName);
    expect(detail.tokens).to.include.keys('idToken', 'accessToken', 'refreshToken', 'expiresIn');
    expect(detail.tokens.idToken.split('.')).to.have.length(3);
    await shows(el, 'Đã đăng nhập: Nguyễn Văn An — Mức xác minh 2');
    expect(focused()).to.equal(stepHeading(el));
    await expect(el).to.be.accessible();
  });

  it('sends the code with an Idempotency-Key and the same key again when the citizen repeats after a lost answer', async () => {
    const { el, scenario } = await login();
    await signIn(el, MOCK_PASSWORD);
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
    scenario.failNext('verifySignInCode', 'network');
    await typeInto(byLabel(el, 'Mã OTP'), '123456');
    await press('Enter');
    await shows(el, problemMessage('network', 'vi'));
    const signedIn = oneEvent(el, 'dvc-signed-in');
    byLabel(el, 'Mã OTP').focus();
    await press('Enter');
    await signedIn;
    const keys = scenario.requests.filter((r) => r.operation === 'verifySignInCode').map((r) => r.headers['idempotency-key']);
    expect(keys).to.have.length(2);
    expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('lets the citizen see the password they typed', async () => {
    const { el } = await login();
    byButton(el, 'Hiện mật khẩu').click();
    await el.updateComplete;
    expect(byLabel(el, 'Mật khẩu').type).to.equal('text');
    expect(byButton(el, 'Hiện mật khẩu').getAttribute('aria-pressed')).to.equal('true');
  });

  it('checks the ID number and that a password was typed before sending anything', async () => {
    const { el, scenario } = await login();
    await typeInto(byLabel(el, 'Số định danh cá nhân'), '0010900012');
    await press('Enter');
    await shows(el, 'Có lỗi cần sửa');
    expect(textOf(deep(el, '.error-summary')!)).to.contain(`Số định danh cá nhân: ${ruleMessage('id_number_format', 'vi')}`);
    expect(textOf(deep(el, '.error-summary')!)).to.contain(`Mật khẩu: ${ruleMessage('required', 'vi')}`);
    expect(descriptionOf(byLabel(el, 'Số định danh cá nhân'))).to.contain(ruleMessage('id_number_format', 'vi'));
    expect(scenario.requests.some((r) => r.operation === 'startSignIn')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('shows invalid_credentials in the service’s words; after a live switch to English they stay until the next answer, which comes in English', async () => {
    const { el, scenario } = await login();
    const failed = oneEvent(el, 'dvc-error');
    await signIn(el, 'Sai-Mat-Khau-1');
    expect(((await failed) as CustomEvent<DvcErrorDetail>).detail).to.deep.equal({ code: 'invalid_credentials', message: problemMessage('invalid_credentials', 'vi') });
    await shows(el, problemMessage('invalid_credentials', 'vi'));
    expect(scenario.requests.at(-1)!.operation).to.equal('startSignIn');
    el.setAttribute('lang', 'en');
    // The widget's own strings switch at once; what the service said is not asked again (that would
    // count as another attempt), so it stays as it came.
    await shows(el, 'There is a problem');
    expect(byLink(el, 'Forgot password')).to.exist;
    expect(textOf(el)).to.contain(problemMessage('invalid_credentials', 'vi'));
    const again = oneEvent(el, 'dvc-error');
    byButton(el, 'Sign in').click();
    expect(((await again) as CustomEvent<DvcErrorDetail>).detail.message).to.equal(problemMessage('invalid_credentials', 'en'));
    await shows(el, problemMessage('invalid_credentials', 'en'));
    expect(textOf(el)).not.to.contain(problemMessage('invalid_credentials', 'vi'));
  });

  it('tells the citizen how long to wait after too many wrong passwords (Retry-After)', async () => {
    const { el } = await login();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn(el, `Sai-Mat-Khau-${attempt}`);
      await waitUntil(() => !unavailable(byButton(el, 'Đăng nhập')) && textOf(el).includes(problemMessage('invalid_credentials', 'vi')));
    }
    const failed = oneEvent(el, 'dvc-error');
    await signIn(el, MOCK_PASSWORD);
    const { detail } = (await failed) as CustomEvent<DvcErrorDetail>;
    expect(detail).to.deep.equal({ code: 'too_many_attempts', message: 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 60 giây.' });
    await shows(el, 'Bạn đã thử quá nhiều lần. Vui lòng thử lại sau 60 giây.');
    el.setAttribute('lang', 'en');
    await shows(el, 'There is a problem');
    const english = oneEvent(el, 'dvc-error');
    byButton(el, 'Sign in').click();
    expect(((await english) as CustomEvent<DvcErrorDetail>).detail.code).to.equal('too_many_attempts');
    await shows(el, 'Too many attempts. Please try again in');
  });

  it('asks for the human check when the service requires it and sends the solution', async () => {
    const { el, scenario } = await login({ config: { humanCheck: { required: true } }, humanCheck: { number: 3, maxnumber: 10 } });
    await signIn(el, MOCK_PASSWORD);
    await shows(el, 'Tôi không phải là người máy: Vui lòng đánh dấu “Tôi không phải là người máy”.');
    byLabel(el, 'Tôi không phải là người máy').click();
    await shows(el, 'Đã xác minh bạn không phải là người máy');
    byButton(el, 'Đăng nhập').click();
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
    const sent = scenario.requests.filter((r) => r.operation === 'startSignIn').at(-1)!;
    expect(sent.body).to.have.property('humanCheck').that.is.a('string');
  });

  it('shows a wrong code on the code field and a refused resend with its wait', async () => {
    const { el, clock, scenario } = await login();
    await signIn(el, MOCK_PASSWORD);
    await shows(el, 'Mã OTP đã được gửi tới số 097****398');
    await typeInto(byLabel(el, 'Mã OTP'), '654321');
    await press('Enter');
    await shows(el, `Mã OTP: ${problemMessage('otp_invalid', 'vi')}`);
    expect(byLabel(el, 'Mã OTP').getAttribute('aria-invalid')).to.equal('true');
    clock.advance(60_000);
    await waitUntil(() => !unavailable(byButton(el, 'Gửi lại OTP')));
    scenario.failNext('resendSignInCode', { code: 'otp_rate_limited', retryAfter: 45 });
    byButton(el, 'Gửi lại OTP').click();
    await shows(el, 'Đã gửi quá nhiều mã tới số điện thoại này. Vui lòng thử lại sau 45 giây.');
    byButton(el, 'Gửi lại OTP').click();
    await waitUntil(() => scenario.outbox.length === 2);
    await typeInto(byLabel(el, 'Mã OTP'), '123456');
    await press('Enter');
    await shows(el, 'Đã đăng nhập: Nguyễn Văn An — Mức xác minh 2');
  });

  it('speaks English with lang="en"', async () => {
    const { el } = await login({}, 'en');
    expect(textOf(stepHeading(el))).to.equal('Step 1 of 2 Sign in');
    expect(byLink(el, 'Lost the phone that receives codes')).to.exist;
    await typeInto(byLabel(el, 'Personal ID number'), AN.idNumber);
    await typeInto(byLabel(el, 'Password'), MOCK_PASSWORD);
    await press('Enter');
    await shows(el, 'A code has been sent to 097****398');
    await typeInto(byLabel(el, 'Code'), '123456');
    await press('Enter');
    await shows(el, 'Signed in: Nguyễn Văn An — Assurance level 2');
  });

  it('builds its own client from the service and client-id attributes', async () => {
    const el = await fixture<DvcLogin>(html`<dvc-login service="http://127.0.0.1:9/" client-id="provincial-portal"></dvc-login>`);
    await shows(el, problemMessage('network', 'vi'));
    expect(byButton(el, 'Thử lại')).to.exist;
  });
});
