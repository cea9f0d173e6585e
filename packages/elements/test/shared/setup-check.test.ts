import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { problemMessage } from '@dvc-kit/sdk';
import '../../src/define.js';
import type { DvcLogin } from '../../src/login/login.js';
import type { DvcRegister } from '../../src/register/register.js';
import type { DvcErrorDetail } from '../../src/shared/events.js';
import { textOf } from '../support/dom.js';
import { testService } from '../support/service.js';

// A widget that cannot reach the service says why — to the page (`dvc-error`), to the portal team
// (the console) and to the citizen (a short message) — instead of "Đang tải…" for ever or "check
// your network".

const consoleError = console.error;
let logged: string[] = [];
let errors: DvcErrorDetail[] = [];
const collect = (event: Event) => errors.push((event as CustomEvent<DvcErrorDetail>).detail);

beforeEach(() => {
  logged = [];
  errors = [];
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  document.addEventListener('dvc-error', collect);
});

afterEach(() => {
  console.error = consoleError;
  document.removeEventListener('dvc-error', collect);
});

/** Puts a widget in the page the way a portal's markup does, the listeners already there. */
async function place<T extends HTMLElement>(tag: string, attributes: Record<string, string>): Promise<T> {
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return fixture<T>(el);
}

describe('a widget that is not set up to reach the service', () => {
  it('without service and client-id fires dvc-error widget_misconfigured naming both, tells the console, and shows a message instead of loading', async () => {
    const el = await place<DvcLogin>('dvc-login', {});
    await waitUntil(() => errors.length === 1, 'no dvc-error');
    expect(errors[0]).to.deep.equal({
      code: 'widget_misconfigured',
      message: 'Biểu mẫu này chưa được cài đặt đầy đủ trên trang. Vui lòng báo cho đơn vị quản lý cổng dịch vụ công.',
      missing: ['service', 'client-id'],
    });
    // The console's text comes with the later strings.
    await waitUntil(() => logged.length > 0, 'nothing in the console');
    expect(logged).to.have.length(1);
    expect(logged[0]).to.contain('<dvc-login>').and.to.contain('service, client-id').and.to.contain('client-id="…"');
    expect(textOf(el)).to.contain('Biểu mẫu này chưa được cài đặt đầy đủ trên trang.');
    expect(textOf(el)).not.to.contain('Đang tải');
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('names only the attribute that is missing, in the widget’s language', async () => {
    const el = await place<DvcRegister>('dvc-register', { lang: 'en', service: 'https://id.dichvucong.example' });
    await waitUntil(() => errors.length === 1, 'no dvc-error');
    expect(errors[0]!.code).to.equal('widget_misconfigured');
    expect(errors[0]!.missing).to.deep.equal(['client-id']);
    expect(errors[0]!.message).to.equal('This form is not fully set up on this page. Please tell the team that runs this portal.');
    await waitUntil(() => logged.length > 0, 'nothing in the console');
    expect(logged[0]).to.contain('<dvc-register> is missing client-id.');
    expect(textOf(el)).to.contain('This form is not fully set up');
  });

  it('loads as usual once it is given a way to reach the service, and reports nothing more', async () => {
    const el = await place<DvcLogin>('dvc-login', {});
    await waitUntil(() => errors.length === 1 && logged.length === 1, 'no dvc-error, or nothing in the console');
    el.client = testService().client;
    await waitUntil(() => textOf(el).includes('Số định danh cá nhân'), 'the credentials step never showed');
    expect(errors).to.have.length(1);
    expect(logged).to.have.length(1);
  });
});

describe('a widget on a page whose origin the portal does not list', () => {
  it('fires dvc-error origin_not_allowed, tells the console which origin to add to which client, and says so on screen', async () => {
    const { client } = testService({ origins: ['https://dichvucong.bocongan.example'] });
    const el = await fixture<DvcRegister>(html`<dvc-register .client=${client}></dvc-register>`);
    await waitUntil(() => errors.length === 1, 'no dvc-error');
    expect(errors[0]).to.deep.equal({ code: 'origin_not_allowed', message: problemMessage('origin_not_allowed', 'vi') });
    expect(logged).to.have.length(1);
    expect(logged[0]).to.contain(`"${location.origin}"`).and.to.contain('clients[].origins').and.to.contain('"ministry-portal"').and.to.contain('http://127.0.0.1:4000');
    await waitUntil(() => textOf(el).includes(problemMessage('origin_not_allowed', 'vi')), 'the refusal never showed');
    expect(textOf(el)).not.to.contain(problemMessage('network', 'vi'));
  });

  it('writes nothing to the console when its origin is listed', async () => {
    const { client } = testService({ origins: [location.origin] });
    const el = await fixture<DvcLogin>(html`<dvc-login .client=${client}></dvc-login>`);
    await waitUntil(() => textOf(el).includes('Số định danh cá nhân'), 'the credentials step never showed');
    expect(errors).to.deep.equal([]);
    expect(logged).to.deep.equal([]);
  });
});
