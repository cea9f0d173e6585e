import { html, nothing, type TemplateResult } from 'lit';
import type { CertificateDetails } from '@dvc-kit/sdk/contract';
import type { SignerCertificate } from '@dvc-kit/sdk/signer';
import type { SignatureCatalogue } from './catalogue.js';

/**
 * The USB token's certificates as radio buttons, the first checked, each named by what the signer reads
 * (holder, issuer, valid until): the citizen picks one and goes on with `submitText`.
 */
export function renderCertificatePicker(
  s: SignatureCatalogue,
  certificates: readonly SignerCertificate[],
  view: { readonly busy: string; readonly submitText: string; readonly date: (iso: string) => string; readonly onSubmit: (event: SubmitEvent) => void },
): TemplateResult {
  return html`<form part="form" novalidate aria-busy=${view.busy} @submit=${view.onSubmit}>
    <fieldset part="fieldset">
      <legend part="legend">${s.certificateLegend}</legend>
      ${certificates.map(
        ({ id, details }, index) => html`<div class="choice">
          <input id="c${index}" type="radio" name="certificate" value=${id} part="radio" ?checked=${index === 0} />
          <label for="c${index}" part="label">${s.certificateOption(details.holder, details.issuer ?? '', details.validUntil ? view.date(details.validUntil) : '')}</label>
        </div>`,
      )}
    </fieldset>
    <button type="submit" part="button" aria-disabled=${view.busy}>${view.submitText}</button>
  </form>`;
}

/**
 * What the service read from a certificate, before "Xác nhận ký": holder, organisation (an enterprise's
 * name, an officer's agency), the ID number or the tax code (`taxCodeTerm`) found, validity, issuing CA.
 */
export function renderCertificate(s: SignatureCatalogue, preview: CertificateDetails, date: (iso: string) => string, taxCodeTerm: string): TemplateResult {
  const row = (term: string, value: string | undefined) => (value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing);
  return html`<dl part="details">
    ${row(s.holderTerm, preview.holder)} ${row(s.organisationTerm, preview.organisation)} ${row(s.idNumberTerm, preview.idNumber)} ${row(taxCodeTerm, preview.taxCode)}
    ${row(s.validityTerm, s.validity(date(preview.validFrom), date(preview.validUntil)))} ${row(s.issuerTerm, preview.issuer)}
  </dl>`;
}
