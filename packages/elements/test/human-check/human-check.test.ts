import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { problemMessage } from '@dvc-kit/sdk';
import '../../src/define.js';
import type { DvcHumanCheck, HumanCheckSolvedDetail } from '../../src/human-check/human-check.js';
import type { DvcErrorDetail } from '../../src/shared/events.js';
import { byLabel, textOf } from '../support/dom.js';
import { press } from '../support/keyboard.js';
import { testService } from '../support/service.js';

async function humanCheck(number = 11, maxnumber = 30) {
  const service = testService({ humanCheck: { number, maxnumber } });
  const el = await fixture<DvcHumanCheck>(html`<dvc-human-check .client=${service.client}></dvc-human-check>`);
  return { el, ...service };
}

describe('<dvc-human-check>', () => {
  it('is a labelled checkbox, unticked until the citizen ticks it', async () => {
    const { el } = await humanCheck();
    const checkbox = byLabel(el, 'Tôi không phải là người máy');
    expect(checkbox.type).to.equal('checkbox');
    expect(checkbox.checked).to.be.false;
    expect(el.payload).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('solves the service’s puzzle in the browser when ticked with the keyboard, and the service accepts it', async () => {
    const { el, scenario } = await humanCheck(11, 30);
    byLabel(el, 'Tôi không phải là người máy').focus();
    const solved = oneEvent(el, 'dvc-human-check-solved');
    await press('Space');
    const { detail } = (await solved) as CustomEvent<HumanCheckSolvedDetail>;
    const solution = JSON.parse(atob(detail.payload)) as { algorithm: string; number: number; challenge: string; salt: string; signature: string };
    expect(solution.algorithm).to.equal('SHA-256');
    expect(solution.number).to.equal(11);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${solution.salt}${solution.number}`)));
    expect(Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')).to.equal(solution.challenge);
    await el.updateComplete;
    expect(byLabel(el, 'Tôi không phải là người máy').checked).to.be.true;
    expect(textOf(el)).to.contain('Đã xác minh bạn không phải là người máy');
    expect(el.payload).to.equal(detail.payload);
    expect(await scenario.humanCheck.verify(detail.payload)).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('stays ticked and says it is working while it solves', async () => {
    const { el } = await humanCheck(400_000, 500_000);
    byLabel(el, 'Tôi không phải là người máy').click();
    await el.updateComplete;
    expect(textOf(el)).to.contain('Đang xác minh…');
    expect(el.payload).to.equal(undefined);
    expect(byLabel(el, 'Tôi không phải là người máy').checked).to.be.true;
    expect(byLabel(el, 'Tôi không phải là người máy').getAttribute('aria-busy')).to.equal('true');
    el.reset();
    await el.updateComplete;
    expect(textOf(el)).not.to.contain('Đang xác minh');
  });

  it('forgets the solution on reset, so the citizen ticks again for the next request', async () => {
    const { el } = await humanCheck();
    byLabel(el, 'Tôi không phải là người máy').click();
    await waitUntil(() => el.solved);
    el.reset();
    await el.updateComplete;
    expect(el.payload).to.equal(undefined);
    expect(byLabel(el, 'Tôi không phải là người máy').checked).to.be.false;
  });

  it('says so, in the citizen’s words, when the puzzle cannot be fetched', async () => {
    const { el, scenario } = await humanCheck();
    scenario.failNext('getHumanCheckChallenge', 'network');
    const failed = oneEvent(el, 'dvc-error');
    byLabel(el, 'Tôi không phải là người máy').click();
    expect(((await failed) as CustomEvent<DvcErrorDetail>).detail.code).to.equal('network');
    await waitUntil(() => textOf(el).includes(problemMessage('network', 'vi')));
    expect(byLabel(el, 'Tôi không phải là người máy').checked).to.be.false;
    expect(await el.ready()).to.equal(undefined);
  });

  it('speaks English with lang="en"', async () => {
    const service = testService();
    const el = await fixture<DvcHumanCheck>(html`<dvc-human-check lang="en" .client=${service.client}></dvc-human-check>`);
    expect(byLabel(el, 'I am not a robot')).to.exist;
  });
});
