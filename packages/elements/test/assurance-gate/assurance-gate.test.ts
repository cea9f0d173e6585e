import { expect, fixture, html } from '@open-wc/testing';
import { acrFor } from '@dvc-kit/sdk';
import { MOCK_PASSWORD } from '@dvc-kit/sdk/mock';
import '../../src/define.js';
import type { DvcAssuranceGate } from '../../src/assurance-gate/assurance-gate.js';
import { textOf } from '../support/dom.js';
import { AN, testService } from '../support/service.js';

const base64url = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const token = (claims: object) => `${base64url({ alg: 'ES256' })}.${base64url(claims)}.signature`;

function gate(ial: number, aal: number) {
  return fixture<DvcAssuranceGate>(html`<dvc-assurance-gate ial=${ial} aal=${aal}>
    <p>Nộp hồ sơ trực tuyến</p>
    <p slot="fallback">Vui lòng đăng nhập bằng tài khoản mức xác minh 3.</p>
  </dvc-assurance-gate>`);
}

describe('<dvc-assurance-gate>', () => {
  it('shows the fallback while no session is known', async () => {
    const el = await gate(2, 2);
    expect(textOf(el)).to.equal('Vui lòng đăng nhập bằng tài khoản mức xác minh 3.');
  });

  it('shows its content to an ID token whose acr meets the levels asked for', async () => {
    const el = await gate(2, 2);
    el.idToken = token({ acr: acrFor({ ial: 2, aal: 2 }) });
    await el.updateComplete;
    expect(textOf(el)).to.equal('Nộp hồ sơ trực tuyến');
    await expect(el).to.be.accessible();
  });

  it('keeps the fallback for a level below the one asked for', async () => {
    const el = await gate(3, 2);
    el.idToken = token({ acr: acrFor({ ial: 2, aal: 2 }) });
    await el.updateComplete;
    expect(textOf(el)).to.contain('mức xác minh 3');
    el.assurance = { ial: 3, aal: 2, vneidLevel: 2 };
    await el.updateComplete;
    expect(textOf(el)).to.equal('Nộp hồ sơ trực tuyến');
  });

  it('reads the ID token a sign-in returns, from the id-token attribute too', async () => {
    const { client } = testService();
    const { signInId } = await client.startSignIn({ idNumber: AN.idNumber, password: MOCK_PASSWORD });
    const { tokens } = await client.verifySignInCode(signInId, { code: '123456' });
    const el = await fixture<DvcAssuranceGate>(html`<dvc-assurance-gate ial="2" id-token=${tokens.idToken}><p>Hồ sơ</p></dvc-assurance-gate>`);
    expect(textOf(el)).to.equal('Hồ sơ');
  });

  it('treats a malformed token as no session, with a default notice in the citizen’s language', async () => {
    const el = await fixture<DvcAssuranceGate>(html`<dvc-assurance-gate lang="en" ial="1" id-token="not-a-token"><p>Hồ sơ</p></dvc-assurance-gate>`);
    expect(textOf(el)).to.equal('This content needs an account with a higher assurance level.');
  });
});
