import { html, nothing, type TemplateResult } from 'lit';
import type { VerificationMethod } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';
import type { AccountAction, AccountState } from './state.js';

/** The overview's state: the account, and the change just made with how many other sessions ended with it. */
type OverviewState = Extract<AccountState, { readonly step: 'overview' }>;

/**
 * The account page, under its heading and error summary: after a change a notice read out politely;
 * name, every ID number it signs in with and its kind, level and method, the phone and email (masked as
 * the service gives them), whether a BHXH code is kept; then one button per change (adding a CCCD only
 * for a CMND account that may) and "Đăng xuất khỏi mọi thiết bị", each calling `choose`.
 */
export function renderOverview(t: Catalogue, state: OverviewState, choose: (action: AccountAction | 'signOut') => void): TemplateResult {
  const { account, done } = state;
  const a = t.account;
  const row = (term: string, value: string) => html`<dt>${term}</dt><dd>${value}</dd>`;
  return html`${done ? html`<div class="panel" part="done" role="status"><p>${a.done(done, state.otherSessionsEnded ?? 0)}</p></div>` : nothing}
    <dl part="details">
      ${row(t.fullNameLabel, account.fullName)}
      ${row(a.idNumbersTerm, `${(account.idNumbersMasked ?? [account.idNumberMasked]).join(', ')} (${a.idNumberKind(account.idNumberKind)})`)}
      ${row(a.levelTerm, `${t.assuranceLevel(account.ial)} · ${t.methodNames[account.verificationMethod as VerificationMethod] ?? account.verificationMethod}`)}
      ${row(a.phoneTerm, account.phoneMasked)} ${row(a.emailTerm, account.emailMasked ?? a.none)}
      ${row(a.bhxhTerm, account.hasBhxhCode ? a.bhxhKept : a.none)}
    </dl>
    <h3 class="subheading">${a.actionsHeading}</h3>
    <ul class="actions">
      ${(['password', 'email', 'phone', 'cccd', 'signOut'] as const)
        .filter((action) => action !== 'cccd' || account.canAddCccd)
        .map((action) => html`<li><button type="button" class="secondary" part="button button-secondary" @click=${() => choose(action)}>${a.actions[action]}</button></li>`)}
    </ul>`;
}
