import { html, nothing, type TemplateResult } from 'lit';
import { isEmail, parseIdNumber, parsePhone } from '@dvc-kit/sdk';
import type { Catalogue } from '../i18n/catalogue.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import type { FieldProblem } from '../shared/feedback.js';
import { textField } from '../shared/field.js';
import type { AccountAction } from './state.js';

/** The field of each change's new detail, named as in its request body. */
const NEW_FIELD: Readonly<Record<Exclude<AccountAction, 'password'>, FieldTarget>> = {
  email: { name: 'email', id: 'new-email', label: (t) => t.account.newEmailLabel },
  phone: { name: 'phone', id: 'new-phone', label: (t) => t.newPhoneLabel },
  cccd: { name: 'cccd', id: 'cccd', label: (t) => t.account.cccdLabel },
};

/** The fields of a change's first step, in order, with the id each error summary link leads to. */
export function changeFields(action: AccountAction): readonly FieldTarget[] {
  const current: FieldTarget = { name: 'currentPassword', id: 'current-password', label: (t) => t.account.currentPasswordLabel };
  return action === 'password' ? [current] : [NEW_FIELD[action], current];
}

/** What a change's first step sends: the current password, the new detail of an email, phone or CCCD change, and whether to sign out elsewhere. */
export interface ChangeBody {
  readonly currentPassword: string;
  readonly endOtherSessions?: boolean;
  readonly email?: string;
  readonly phone?: string;
  readonly cccd?: string;
}

/** The start of a change, read: the request body, or each field's problem. */
export type ChangeReading = { readonly ok: true; readonly body: ChangeBody } | { readonly ok: false; readonly fields: Record<string, FieldProblem> };

/**
 * Reads a change's first step with the SDK's checks (the service's rules): the new email, phone or
 * CCCD, the current password, and for a password, email or phone change whether to sign out elsewhere.
 */
export function readChange(action: AccountAction, data: FormData, today: Date): ChangeReading {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const fields: Record<string, FieldProblem> = {};
  const body: { -readonly [K in keyof ChangeBody]?: ChangeBody[K] } = {};
  if (action === 'email') {
    const email = text('email');
    if (!isEmail(email)) fields.email = { rule: email ? 'email_format' : 'required' };
    body.email = email;
  } else if (action === 'phone') {
    const phone = parsePhone(text('phone'));
    if (!phone.ok) fields.phone = 'params' in phone ? { rule: phone.rule, params: phone.params } : { rule: phone.rule };
    else body.phone = phone.national;
  } else if (action === 'cccd') {
    const cccd = parseIdNumber(text('cccd'), today);
    if (!cccd.ok) fields.cccd = { rule: cccd.rule };
    else if (cccd.kind !== 'cccd') fields.cccd = { rule: 'id_number_cccd' };
    else body.cccd = cccd.value;
  }
  const currentPassword = String(data.get('currentPassword') ?? '');
  if (!currentPassword) fields.currentPassword = { rule: 'required' };
  if (Object.keys(fields).length) return { ok: false, fields };
  if (action !== 'cccd') body.endOtherSessions = data.has('endOtherSessions');
  return { ok: true, body: { ...body, currentPassword } };
}

/** What a change's first step needs from the element around it. */
export interface ChangeStepView {
  readonly t: Catalogue;
  readonly action: AccountAction;
  readonly heading: TemplateResult;
  readonly summary: TemplateResult | typeof nothing;
  readonly busy: boolean;
  readonly error: (field: string) => string | undefined;
  readonly onSubmit: (event: SubmitEvent) => void;
  readonly onCancel: () => void;
}

/**
 * A change's first step: the new email, phone or CCCD (nothing for a password), the current password
 * (`autocomplete="current-password"`), "Đăng xuất khỏi các thiết bị khác" (ticked for a password
 * change, as the service's default), "Tiếp tục" and "Hủy".
 */
export function renderChangeStep(view: ChangeStepView): TemplateResult {
  const { t, action, error } = view;
  const a = t.account;
  const common = { errorPrefix: t.errorPrefix };
  const field =
    action === 'email'
      ? textField({ ...common, id: 'new-email', name: 'email', label: a.newEmailLabel, error: error('email'), type: 'email', autocomplete: 'email' })
      : action === 'phone'
        ? textField({ ...common, id: 'new-phone', name: 'phone', label: t.newPhoneLabel, hint: a.newPhoneHint, error: error('phone'), type: 'tel', autocomplete: 'tel', short: true })
        : action === 'cccd'
          ? textField({ ...common, id: 'cccd', name: 'cccd', label: a.cccdLabel, hint: a.cccdHint, error: error('cccd'), inputmode: 'numeric', short: true })
          : nothing;
  return html`${view.heading} ${view.summary}
    <form part="form" novalidate @submit=${view.onSubmit} aria-busy=${view.busy ? 'true' : 'false'}>
      ${field}
      ${textField({ ...common, id: 'current-password', name: 'currentPassword', label: a.currentPasswordLabel, error: error('currentPassword'), type: 'password', autocomplete: 'current-password' })}
      ${action === 'cccd'
        ? nothing
        : html`<div class="choice field">
            <input id="end-other-sessions" name="endOtherSessions" type="checkbox" part="checkbox" ?checked=${action === 'password'} />
            <label for="end-other-sessions" part="label">${a.endOtherSessions}</label>
          </div>`}
      <button type="submit" part="button" aria-disabled=${view.busy ? 'true' : 'false'}>${t.continue}</button>
      <button type="button" class="secondary" part="button button-secondary" @click=${view.onCancel}>${a.cancel}</button>
    </form>`;
}
