import { expect, waitUntil } from '@open-wc/testing';
import { ELEMENT_LOADERS, loadElement } from '../src/autoload.js';
import { ELEMENTS } from '../src/registry.js';
import type { DvcLogin } from '../src/login/login.js';
import { testService } from './support/service.js';
import { shows } from './support/flows.js';

describe('autoload (the bundle’s entry)', () => {
  it('knows every element define.js registers', () => {
    expect(Object.keys(ELEMENT_LOADERS)).to.deep.equal(Object.keys(ELEMENTS));
  });

  it('defines a tag when it appears on the page, keeping a property set before its module arrived', async () => {
    expect(customElements.get('dvc-register')).to.equal(undefined);
    const el = document.createElement('dvc-register') as HTMLElement & { forgotPasswordHref?: string };
    el.forgotPasswordHref = '/quen-mat-khau';
    document.body.append(el);
    await customElements.whenDefined('dvc-register');
    expect(customElements.get('dvc-register')).to.equal(ELEMENTS['dvc-register']);
    expect(el).to.be.instanceOf(ELEMENTS['dvc-register']);
    await (el as unknown as { updateComplete: Promise<boolean> }).updateComplete;
    expect(el.forgotPasswordHref).to.equal('/quen-mat-khau');
    el.remove();
  });

  it('defines the parts a widget renders when it renders them', async () => {
    const service = testService({ config: { humanCheck: { required: true } }, humanCheck: { number: 3, maxnumber: 10 } });
    const el = document.createElement('dvc-login') as DvcLogin;
    el.client = service.client;
    el.clock = service.clock;
    document.body.append(el);
    await customElements.whenDefined('dvc-login');
    await shows(el, 'Đăng nhập');
    await waitUntil(() => customElements.get('dvc-human-check') !== undefined, 'the human check was never defined');
    el.remove();
  });

  it('loads an element on request, and nothing for a tag that is not one', async () => {
    expect(await loadElement('dvc-password-field')).to.equal(ELEMENTS['dvc-password-field']);
    expect(await loadElement('x-not-ours')).to.equal(undefined);
  });
});
