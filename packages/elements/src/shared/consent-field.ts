import { html, nothing, type TemplateResult } from 'lit';
import type { Catalogue } from '../i18n/catalogue.js';
import type { FieldTarget } from './controllers/feedback-controller.js';
import { fieldError } from './field.js';

/** The consent checkbox in an error summary: the request's `consentVersion`, focused at `#consent`. */
export const CONSENT_TARGET: FieldTarget = { name: 'consentVersion', id: 'consent', label: 'consentLegend' };

/**
 * The consent to personal-data processing (Decree 13/2023) a form that collects ID numbers and phones
 * asks for, as registration's details step shows it: a fieldset "Xử lý dữ liệu cá nhân", its error, and
 * an unticked checkbox `consent` whose label names the text's `version` (from `GET /v1/config`). Reading
 * it is `readDetails`' (`consent_required` on `consentVersion` when unticked).
 */
export function consentField(t: Catalogue, version: string, error: string | undefined): TemplateResult {
  return html`<fieldset class=${error ? 'field--error' : ''} part="fieldset">
    <legend part="legend">${t.consentLegend}</legend>
    ${fieldError('consent', error, t.errorPrefix)}
    <div class="choice">
      <input id="consent" name="consent" type="checkbox" part="checkbox" aria-describedby=${error ? 'consent-error' : nothing} aria-invalid=${error ? 'true' : 'false'} />
      <label for="consent" part="label">${t.consentLabel(version)}</label>
    </div>
  </fieldset>`;
}
