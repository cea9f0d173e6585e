import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ruleMessage } from '@dvc-kit/sdk';
import { en } from '../../src/i18n/en.js';
import { LocalizeController, languageOf } from '../../src/i18n/localize.js';
import { vi } from '../../src/i18n/vi.js';

class LocalizedProbe extends LitElement {
  readonly localize = new LocalizeController(this);
  override render() {
    return this.localize.t.loading;
  }
}
customElements.define('localized-probe', LocalizedProbe);

/** A probe that renders only once its language's strings are in, as the widgets do. */
class WaitingProbe extends LocalizedProbe {
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.localize.whenReady(() => super.scheduleUpdate());
  }
}
customElements.define('waiting-probe', WaitingProbe);

describe('LocalizeController', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('speaks Vietnamese when no lang attribute says otherwise', async () => {
    const el = await fixture<LocalizedProbe>(html`<localized-probe></localized-probe>`);
    expect(el.localize.lang).to.equal('vi');
    expect(el.shadowRoot!.textContent).to.equal('Đang tải…');
  });

  it('reads the closest lang attribute, through shadow roots, regional tags included', async () => {
    const host = await fixture<HTMLElement>(html`<section lang="en-GB"><div></div></section>`);
    const root = host.querySelector('div')!.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    expect(languageOf(inner)).to.equal('en');
    expect(languageOf(document.body)).to.equal('vi');
    // One language tag, any case; Vietnamese for anything but English.
    for (const [tag, lang] of [['EN', 'en'], ['en-US', 'en'], ['vi-VN', 'vi'], ['fr', 'vi'], ['', 'vi']] as const) {
      host.setAttribute('lang', tag);
      expect(languageOf(inner), tag).to.equal(lang);
    }
  });

  it('switches live when the page changes its language', async () => {
    const el = await fixture<LocalizedProbe>(html`<localized-probe></localized-probe>`);
    document.documentElement.setAttribute('lang', 'en');
    await waitUntil(() => el.shadowRoot!.textContent === 'Loading…');
    document.documentElement.setAttribute('lang', 'vi');
    await waitUntil(() => el.shadowRoot!.textContent === 'Đang tải…');
  });

  it('a widget that waits for its strings shows English at its first render, never Vietnamese first', async () => {
    const el = await fixture<WaitingProbe>(html`<waiting-probe lang="en"></waiting-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('Loading…');
  });

  it('gives rule texts from the SDK catalogue, and a problem in the service’s words or, without them, its own', async () => {
    const el = await fixture<LocalizedProbe>(html`<localized-probe lang="en"></localized-probe>`);
    await el.localize.ready();
    expect(el.localize.rule('password_min_length', { min: 8 })).to.equal('At least 8 characters');
    // A rule only the service applies comes in its words (its field error's message), as it came.
    expect(el.localize.rule('password_reused', {}, 'Mật khẩu mới phải khác 5 mật khẩu gần nhất.')).to.equal('Mật khẩu mới phải khác 5 mật khẩu gần nhất.');
    // Without them (a proxy's bare answer): the generic text; the widget carries only the rules it checks itself.
    expect(el.localize.rule('password_reused')).to.equal(ruleMessage('invalid_type', 'en'));
    // The service's detail, as it came (the wait already filled in), whatever the page speaks now.
    expect(el.localize.problem('too_many_attempts', 'Quá nhiều lần thử. Vui lòng thử lại sau 30 giây.')).to.equal('Quá nhiều lần thử. Vui lòng thử lại sau 30 giây.');
    // No answer from the service: the widget's own text, in the page's language.
    expect(el.localize.problem('network')).to.equal('Cannot reach the identity service. Please check your connection.');
    expect(el.localize.problem('flow_not_found')).to.equal('This session has expired or does not exist. Please start again.');
    // A service code that came without its words (a proxy's bare 502): the generic text.
    expect(el.localize.problem('registry_unavailable')).to.equal('Something went wrong. Please try again later.');
    el.setAttribute('lang', 'vi');
    await el.localize.ready();
    expect(el.localize.problem('network')).to.equal('Không kết nối được tới dịch vụ định danh. Vui lòng kiểm tra kết nối mạng.');
  });
});

describe('the catalogues', () => {
  it('have every string in both languages, none empty', () => {
    expect(Object.keys(en).sort()).to.deep.equal(Object.keys(vi).sort());
    for (const catalogue of [vi, en]) {
      for (const [key, value] of Object.entries(catalogue)) {
        const text = typeof value === 'function' ? (value as (...args: unknown[]) => string)('x', 2) : typeof value === 'string' ? value : Object.values(value).join('');
        expect(text.trim(), key).not.to.equal('');
      }
    }
    expect(Object.keys(en.methodNames).sort()).to.deep.equal(Object.keys(vi.methodNames).sort());
  });
});
