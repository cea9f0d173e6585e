import { html, nothing, type TemplateResult } from 'lit';
import {
  isEmail,
  parseIdNumber,
  parsePhone,
  startCccdAddition,
  startEmailChange,
  startPasswordChange,
  startPhoneChange,
  type AccountChangeStarted,
  type CallOptions,
  type DvcClientCore,
} from '@dvc-kit/sdk';
import type { Catalogue, ProgressKey } from '../i18n/catalogue.js';
import type { FeedbackController, FieldTarget } from '../shared/controllers/feedback-controller.js';
import type { ServiceController } from '../shared/controllers/service-controller.js';
import type { FieldProblem } from '../shared/feedback.js';
import { textField, type TextFieldOptions } from '../shared/field.js';
import type { AccountAction } from './state.js';

/** A change that asks for a new detail: its field is named as in the request body, and has that id. */
type DetailAction = Exclude<AccountAction, 'password'>;

/** What a change asks besides the current password: the new detail's field, and how the SDK's checks read it (the value to send, or why not). */
interface NewDetail {
  readonly label: (t: Catalogue) => string;
  readonly field: Pick<TextFieldOptions, 'type' | 'autocomplete' | 'inputmode' | 'short'>;
  readonly hint?: (t: Catalogue) => string;
  readonly read: (text: string, today: Date) => string | FieldProblem;
}

/** Each change's new detail, in one table: the first step renders, checks and sends it from here. */
const NEW_DETAIL: Readonly<Record<DetailAction, NewDetail>> = {
  email: {
    label: (t) => t.account.newEmailLabel,
    field: { type: 'email', autocomplete: 'email' },
    read: (email) => (isEmail(email) ? email : { rule: email ? 'email_format' : 'required' }),
  },
  phone: {
    label: (t) => t.newPhoneLabel,
    hint: (t) => t.account.newPhoneHint,
    field: { type: 'tel', autocomplete: 'tel', short: true },
    read: (text) => {
      const phone = parsePhone(text);
      return phone.ok ? phone.national : phone;
    },
  },
  cccd: {
    label: (t) => t.account.cccdLabel,
    hint: (t) => t.account.cccdHint,
    field: { inputmode: 'numeric', short: true },
    read: (text, today) => {
      const cccd = parseIdNumber(text, today);
      return !cccd.ok ? cccd : cccd.kind === 'cccd' ? cccd.value : { rule: 'id_number_cccd' };
    },
  },
};

/** The SDK call that starts each change (each takes the body {@link readChange} read for its action). */
const START = {
  password: startPasswordChange,
  email: startEmailChange,
  phone: startPhoneChange,
  cccd: startCccdAddition,
} as const;

/** One change's start, for a body {@link readChange} read for that change. */
type StartCall = (client: DvcClientCore, token: string, body: ChangeBody, options: CallOptions) => Promise<AccountChangeStarted>;

const CURRENT: FieldTarget = { name: 'currentPassword', id: 'currentPassword', label: (t) => t.account.currentPasswordLabel };

/** The fields of a change's first step, in order, with the id each error summary link leads to. */
export function changeFields(action: AccountAction): readonly FieldTarget[] {
  return action === 'password' ? [CURRENT] : [{ name: action, id: action, label: NEW_DETAIL[action].label }, CURRENT];
}

/** What a change's first step sends: the current password, the new email, phone or CCCD, and (but for a CCCD) whether to sign out elsewhere. */
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
  const fields: Record<string, FieldProblem> = {};
  const body: { -readonly [K in keyof ChangeBody]: ChangeBody[K] } = { currentPassword: String(data.get('currentPassword') ?? '') };
  if (action !== 'password') {
    const read = NEW_DETAIL[action].read(String(data.get(action) ?? '').trim(), today);
    if (typeof read === 'string') body[action] = read;
    else fields[action] = read;
  }
  if (!body.currentPassword) fields.currentPassword = { rule: 'required' };
  if (action !== 'cccd') body.endOtherSessions = data.has('endOtherSessions');
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, body };
}

/** Starts a change on the service with its first step's body. */
export function startChange(client: DvcClientCore, token: string, action: AccountAction, body: ChangeBody, options: CallOptions): Promise<AccountChangeStarted> {
  // The body was read for this action (readChange), so it is the request of the call named for it.
  return (START[action] as StartCall)(client, token, body, options);
}

/** The slow step a change's start waits for: the carrier (or the register, for a CCCD) is asked first. */
export const startProgress = (action: AccountAction): ProgressKey => (action === 'phone' || action === 'cccd' ? 'checkingCarrier' : 'sendingCode');

/** What a change's first step reads from the element around it. */
export interface ChangeStepHost {
  readonly calls: ServiceController;
  readonly feedback: FeedbackController;
}

/**
 * A change's first step, under its heading and error summary: the new email, phone or CCCD (nothing for
 * a password), the current password (`autocomplete="current-password"`), "Đăng xuất khỏi các thiết bị
 * khác" (ticked for a password change, as the service's default; none for a CCCD), "Tiếp tục" and `cancel`.
 */
export function renderChangeStep(host: ChangeStepHost, t: Catalogue, action: AccountAction, onSubmit: (event: SubmitEvent) => void, cancel: TemplateResult): TemplateResult {
  const { fieldError } = host.feedback;
  const busy = host.calls.busy ? 'true' : 'false';
  const field = (name: string, label: string, options: Partial<TextFieldOptions>) => textField({ id: name, name, label, error: fieldError(name), errorPrefix: t.errorPrefix, ...options });
  const detail = action === 'password' ? undefined : NEW_DETAIL[action];
  return html`<form part="form" novalidate @submit=${onSubmit} aria-busy=${busy}>
    ${detail ? field(action, detail.label(t), { ...detail.field, hint: detail.hint?.(t) }) : nothing}
    ${field('currentPassword', t.account.currentPasswordLabel, { type: 'password', autocomplete: 'current-password' })}
    ${action === 'cccd'
      ? nothing
      : html`<div class="choice field">
          <input id="endOtherSessions" name="endOtherSessions" type="checkbox" part="checkbox" ?checked=${action === 'password'} />
          <label for="endOtherSessions" part="label">${t.account.endOtherSessions}</label>
        </div>`}
    <button type="submit" part="button" aria-disabled=${busy}>${t.continue}</button>
    ${cancel}
  </form>`;
}
