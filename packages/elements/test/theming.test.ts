import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../src/define.js';
import type { DvcLogin } from '../src/login/login.js';
import { byButton, byLabel, textOf } from './support/dom.js';
import { press, typeInto } from './support/keyboard.js';
import { AN, testService } from './support/service.js';

// A strict policy for the whole page: any inline style or <style> element a widget created would be refused.
const csp = document.createElement('meta');
csp.httpEquiv = 'Content-Security-Policy';
csp.content = "style-src 'self'";
document.head.append(csp);
const violations: SecurityPolicyViolationEvent[] = [];
document.addEventListener('securitypolicyviolation', (event) => violations.push(event));

const portalStyles = new CSSStyleSheet();
portalStyles.replaceSync(`
  dvc-login.branded { --dvc-color-primary: rgb(10, 20, 30); --dvc-font-family: serif; --dvc-radius: 0px; }
  dvc-login.branded::part(input) { border-color: rgb(200, 0, 0); }
  dvc-login.branded::part(heading) { color: rgb(0, 90, 0); }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, portalStyles];

describe('theming and Content-Security-Policy', () => {
  it('takes the portal’s colours, font and radius from --dvc-* custom properties and ::part, to the nested parts', async () => {
    const { client, clock } = testService();
    const el = await fixture<DvcLogin>(html`<dvc-login class="branded" .client=${client} .clock=${clock}></dvc-login>`);
    await waitUntil(() => textOf(el).includes('Số định danh cá nhân'));
    const signIn = getComputedStyle(byButton(el, 'Đăng nhập'));
    expect(signIn.backgroundColor).to.equal('rgb(10, 20, 30)');
    expect(signIn.borderRadius).to.equal('0px');
    expect(getComputedStyle(el).fontFamily).to.equal('serif');
    expect(getComputedStyle(byLabel(el, 'Số định danh cá nhân')).borderColor).to.equal('rgb(200, 0, 0)');
    await typeInto(byLabel(el, 'Số định danh cá nhân'), AN.idNumber);
    await typeInto(byLabel(el, 'Mật khẩu'), MOCK_PASSWORD);
    await press('Enter');
    await waitUntil(() => textOf(el).includes('Mã OTP đã được gửi tới số'));
    expect(getComputedStyle(byLabel(el, 'Mã OTP')).borderColor, 'the OTP input inside <dvc-otp-input>').to.equal('rgb(200, 0, 0)');
    expect(getComputedStyle(byButton(el, 'Xác nhận')).backgroundColor).to.equal('rgb(10, 20, 30)');
  });

  it('renders every step under style-src without unsafe-inline: no inline style is ever refused', async () => {
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await waitUntil(() => violations.some((v) => v.target === probe), 'the policy is not in force');
    expect(violations.filter((v) => v.target !== probe).map((v) => `${v.violatedDirective} on ${String(v.target)}`)).to.deep.equal([]);
    probe.remove();
  });
});
