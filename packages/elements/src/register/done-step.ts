import { html, type TemplateResult } from 'lit';
import type { Account } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';

/** The last step of registration: the account exists, at its level, usable on every portal. */
export function renderRegisteredStep(t: Catalogue, heading: TemplateResult, account: Account): TemplateResult {
  return html`<div class="panel" part="done">
    ${heading}
    <p>${t.registeredAccount(account.fullName, account.idNumberMasked)}</p>
    <p><strong>${t.assuranceLevel(account.ial)}</strong></p>
    <p>${t.registeredEverywhere}</p>
  </div>`;
}
