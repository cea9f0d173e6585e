import { html, nothing, type TemplateResult } from 'lit';
import type { AccountDetails, VerificationMethod } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';
import type { AccountAction } from './state.js';

/** What the overview needs from the element around it. */
export interface OverviewView {
  readonly t: Catalogue;
  readonly heading: TemplateResult;
  /** The error summary, when reading the account again after a change failed. */
  readonly summary: TemplateResult | typeof nothing;
  readonly account: AccountDetails;
  /** The change just made, for the notice, and how many other sessions ended with it. */
  readonly done: AccountAction | undefined;
  readonly otherSessionsEnded: number;
  readonly choose: (action: AccountAction | 'signOut') => void;
}

/**
 * The account page: name, every ID number it signs in with and its kind, level and method, the
 * phone and email (masked as the service gives them), whether a BHXH code is kept; after a change a
 * notice read out politely; then one button per change (adding a CCCD only for a CMND account that may)
 * and "Đăng xuất khỏi mọi thiết bị".
 */
export function renderOverview(view: OverviewView): TemplateResult {
  const { t, account } = view;
  const a = t.account;
  const actions: AccountAction[] = ['password', 'email', 'phone', ...(account.canAddCccd ? (['cccd'] as const) : [])];
  const row = (term: string, value: string) => html`<dt>${term}</dt><dd>${value}</dd>`;
  return html`${view.heading} ${view.summary}
    ${view.done ? html`<div class="panel" part="done" role="status"><p>${a.done(view.done, view.otherSessionsEnded)}</p></div>` : nothing}
    <dl part="details">
      ${row(t.fullNameLabel, account.fullName)}
      ${row(a.idNumbersTerm, `${(account.idNumbersMasked ?? [account.idNumberMasked]).join(', ')} (${a.idNumberKind(account.idNumberKind)})`)}
      ${row(a.levelTerm, `${t.assuranceLevel(account.ial)} · ${t.methodNames[account.verificationMethod as VerificationMethod] ?? account.verificationMethod}`)}
      ${row(a.phoneTerm, account.phoneMasked)} ${row(a.emailTerm, account.emailMasked ?? a.none)}
      ${row(a.bhxhTerm, account.hasBhxhCode ? a.bhxhKept : a.none)}
    </dl>
    <h3 class="subheading">${a.actionsHeading}</h3>
    <ul class="actions">
      ${actions.map((action) => html`<li><button type="button" class="secondary" part="button button-secondary" @click=${() => view.choose(action)}>${a.actions[action]}</button></li>`)}
      <li><button type="button" class="secondary" part="button button-secondary" @click=${() => view.choose('signOut')}>${a.actions.signOut}</button></li>
    </ul>`;
}
