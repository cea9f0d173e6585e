import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { DvcRegister } from '../../src/register/register.js';
import { byButton, byLabel } from '../support/dom.js';
import { shows } from '../support/flows.js';
import { testService } from '../support/service.js';

/** The sRGB relative luminance of `rgb(r, g, b)` (WCAG 2). */
function luminance(colour: string): number {
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The page's background colour: the first opaque one from the body up, white when none is set. */
function pageBackground(): string {
  for (const node of [document.body, document.documentElement]) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && colour !== 'transparent' && !colour.startsWith('rgba(0, 0, 0, 0')) return colour;
  }
  return 'rgb(255, 255, 255)';
}

function ringContrast(control: HTMLElement): number {
  control.focus();
  const style = getComputedStyle(control);
  expect(style.outlineStyle).to.not.equal('none');
  expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  return contrast(style.outlineColor, pageBackground());
}

// WCAG 1.4.11: the audit measured the checkbox and radio focus ring at 1.25:1 against the page.
describe('focus ring of checkboxes and radios (WCAG 1.4.11)', () => {
  it('has at least 3:1 against the page for the method radio, the consent checkbox and the human check', async () => {
    const service = testService({ config: { humanCheck: { required: true } } });
    const el = await fixture<DvcRegister>(html`<dvc-register lang="vi" .client=${service.client} .clock=${service.clock}></dvc-register>`);
    await shows(el, 'Thuê bao di động');
    expect(ringContrast(byLabel(el, 'Thuê bao di động'))).to.be.at.least(3);
    byButton(el, 'Tiếp tục').click();
    await shows(el, 'Thông tin công dân');
    expect(ringContrast(byLabel(el, 'Nghị định 13/2023'))).to.be.at.least(3);
    expect(ringContrast(byLabel(el, 'Tôi không phải là người máy'))).to.be.at.least(3);
  });

  it('measures the old ring (the focus yellow) as failing, so the check can catch it', () => {
    expect(contrast('rgb(255, 221, 0)', 'rgb(255, 255, 255)')).to.be.below(3);
  });
});
