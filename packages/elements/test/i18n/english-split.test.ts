import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LocalizeController } from '../../src/i18n/localize.js';

// English comes in two parts, as Vietnamese does: a widget on its first step fetches only the English strings
// of the first step; the rest (with the SDK's English rule and problem texts) when a later step needs them.
// This file imports no English catalogue itself, so what the page fetched is what the controller asked for.

/** The English modules the page has fetched so far. */
const fetched = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\/src\/i18n\/en(-first-step|-later)?\.ts$/.test(path))
    .map((path) => path.slice(path.lastIndexOf('/') + 1));

/** A widget-like probe: a first step (loading) until `later` is set, then a step that shows a later string. */
class StepProbe extends LitElement {
  static override properties = { later: { type: Boolean } };
  declare later: boolean;
  /** Every text it rendered, in order: a moment of the wrong language would show here. */
  readonly rendered: string[] = [];
  readonly localize = new LocalizeController(this, { firstStepOnly: () => !this.later });
  constructor() {
    super();
    this.later = false;
  }
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.localize.whenReady(() => super.scheduleUpdate());
  }
  override render() {
    const text = this.later ? this.localize.t.errorSummaryTitle : this.localize.t.loading;
    this.rendered.push(text);
    return text;
  }
}
customElements.define('step-probe', StepProbe);

describe('English in two parts', () => {
  afterEach(() => document.documentElement.removeAttribute('lang'));

  it('a first step in English fetches only the first step’s strings and shows English from its first render', async () => {
    const el = await fixture<StepProbe>(html`<step-probe lang="en"></step-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('Loading…');
    expect(el.rendered).to.deep.equal(['Loading…']);
    expect(fetched()).to.deep.equal(['en-first-step.ts']);
  });

  it('a later step waits for the rest of the English strings and never shows a moment of Vietnamese or nothing', async () => {
    const el = await fixture<StepProbe>(html`<step-probe lang="en"></step-probe>`);
    el.later = true;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.equal('There is a problem');
    expect(el.rendered).to.deep.equal(['Loading…', 'There is a problem']);
    expect(fetched()).to.include.members(['en-first-step.ts', 'en.ts', 'en-later.ts']);
    // The SDK's English problem texts came with them.
    expect(el.localize.problem('network')).to.equal('Cannot reach the identity service. Please check your connection.');
  });

  it('switches live between the languages on a first step and on a later one', async () => {
    const el = await fixture<StepProbe>(html`<step-probe></step-probe>`);
    expect(el.shadowRoot!.textContent).to.equal('Đang tải…');
    document.documentElement.setAttribute('lang', 'en');
    await waitUntil(() => el.shadowRoot!.textContent === 'Loading…');
    el.later = true;
    await waitUntil(() => el.shadowRoot!.textContent === 'There is a problem');
    document.documentElement.setAttribute('lang', 'vi');
    await waitUntil(() => el.shadowRoot!.textContent === 'Có lỗi cần sửa');
    expect(el.rendered.filter((text) => !text)).to.deep.equal([]);
  });
});
