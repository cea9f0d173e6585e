import { html, nothing, type TemplateResult } from 'lit';
import { addPasskey, listPasskeys, removePasskey, startPasskeyRegistration, type CallOptions, type DvcClientCore, type DvcErrorCore } from '@dvc-kit/sdk';
import type { Passkey } from '@dvc-kit/sdk/contract';
import type { Catalogue } from '../i18n/catalogue.js';
import { createPasskey, passkeysSupported } from '../passkey/ceremony.js';
import type { FeedbackController, FieldTarget } from '../shared/controllers/feedback-controller.js';
import type { ServiceController } from '../shared/controllers/service-controller.js';
import { textField } from '../shared/field.js';
import type { AccountEvent } from './machine.js';
import type { AccountState } from './state.js';

/** What the passkey steps of `<dvc-account>` use of it. */
export interface PasskeySteps {
  readonly calls: ServiceController;
  readonly feedback: FeedbackController;
  /** The step on screen: an answer that comes once it has changed is dropped. */
  readonly state: () => AccountState;
  readonly accessToken: () => string;
  readonly t: Catalogue;
  /** The locale dates are written in (`vi-VN`, `en-GB`). */
  readonly locale: string;
  readonly heading: (text: string) => TemplateResult;
  readonly send: (event: AccountEvent) => void;
  /** The account's own handling of a refusal (the session gone, a wrong current password, the rest on the step). */
  readonly refused: (error: DvcErrorCore) => void;
  /** "Hủy", back to the overview. */
  readonly cancel: TemplateResult;
}

type Call<T> = (client: DvcClientCore, token: string, options: CallOptions) => Promise<T>;

/** Calls the service with the citizen's token; its answer, or `undefined` when refused (said) or the step moved on. */
async function call<T>(steps: PasskeySteps, run: Call<T>): Promise<{ readonly value: T } | undefined> {
  const state = steps.state();
  const result = await steps.calls.call((client, signal) => run(client, steps.accessToken(), { signal }), 'saving');
  if (steps.state() !== state) return undefined;
  if (!result.ok) return void steps.refused(result.error);
  return result;
}

/** The list again after an addition or a removal, back on the overview with what was done. */
async function changed(steps: PasskeySteps, done: 'passkeyAdded' | 'passkeyRemoved'): Promise<void> {
  const list = await call(steps, listPasskeys);
  if (list) steps.send({ type: 'passkeysChanged', passkeys: list.value.passkeys, done });
}

/** The account's passkeys, named by the service. */
export async function readPasskeys(client: DvcClientCore, token: string, options: CallOptions): Promise<readonly Passkey[]> {
  return (await listPasskeys(client, token, options)).passkeys;
}

const TARGETS: readonly FieldTarget[] = [
  { name: 'currentPassword', id: 'currentPassword', label: (t) => t.account.currentPasswordLabel },
  { name: 'name', id: 'passkeyName', label: (t) => t.passkey.nameLabel },
  { name: 'passkey', id: 'add-passkey', label: (t) => t.passkey.name },
];

/**
 * Adds a passkey: the current password (the service also asks for a recent sign-in, and says so when it
 * is too old), the browser's ceremony, then the passkey to the service with its name.
 */
async function add(steps: PasskeySteps, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  if (steps.calls.busy) return;
  const data = new FormData(event.currentTarget as HTMLFormElement);
  const currentPassword = String(data.get('currentPassword'));
  const name = String(data.get('name')).trim() || undefined;
  if (!currentPassword) return steps.feedback.show({ fields: { currentPassword: { rule: 'required' } } });
  const answer = await call(steps, (client, token, options) => startPasskeyRegistration(client, token, { currentPassword }, options));
  if (!answer) return;
  const started = answer.value;
  const state = steps.state();
  const ceremony = await steps.calls.call((_client, signal) => createPasskey(started.options, signal));
  if (steps.state() !== state || !ceremony.ok) return;
  const made = ceremony.value;
  if (!made.ok) {
    const reason = made.reason;
    if (reason !== 'aborted') steps.feedback.show({ fields: { passkey: { text: (t) => t.passkey.failure[reason] } } });
    return;
  }
  const body = { registrationId: started.registrationId, credential: made.credential, name };
  if (await call(steps, (client, token, options) => addPasskey(client, token, body, options))) await changed(steps, 'passkeyAdded');
}

/** The overview's passkey section: each passkey (name, added, last used) with "Xóa …", and "Thêm khóa truy cập". */
export function renderPasskeySection(steps: PasskeySteps, passkeys: readonly Passkey[]): TemplateResult {
  const { t, locale } = steps;
  const date = (iso: string | null) => iso && new Date(iso).toLocaleDateString(locale);
  return html`<h3>${t.passkey.heading}</h3>
    <ul class="passkeys">
      ${passkeys.length
        ? passkeys.map(
            (passkey) =>
              html`<li>
                <strong>${passkey.name ?? t.passkey.name}</strong> <span class="hint">${t.passkey.details(date(passkey.createdAt)!, date(passkey.lastUsedAt))}</span>
                <button type="button" class="secondary" part="button button-secondary" @click=${() => steps.send({ type: 'passkeyChosen', remove: passkey })}>
                  ${t.passkey.remove(passkey.name ?? t.passkey.name)}
                </button>
              </li>`,
          )
        : html`<li>${t.account.none}</li>`}
    </ul>
    ${passkeysSupported()
      ? html`<button type="button" class="secondary" part="button button-secondary" @click=${() => steps.send({ type: 'passkeyChosen' })}>${t.passkey.add}</button>`
      : html`<p class="hint">${t.passkey.failure.failed}</p>`}`;
}

/** "Thêm khóa truy cập": the current password and an optional name, then the browser's prompt. */
export function renderAddPasskey(steps: PasskeySteps): TemplateResult {
  const { t, feedback } = steps;
  const field = (id: string, name: string, label: string, type: 'text' | 'password', autocomplete: string) =>
    textField({ id, name, label, type, autocomplete, error: feedback.fieldError(name), errorPrefix: t.errorPrefix });
  const error = feedback.fieldError('passkey');
  return html`${steps.heading(t.passkey.add)} ${feedback.renderSummary(TARGETS)}
    <form part="form" novalidate @submit=${(event: SubmitEvent) => void add(steps, event)} aria-busy=${steps.calls.busy}>
      ${field('currentPassword', 'currentPassword', t.account.currentPasswordLabel, 'password', 'current-password')}
      ${field('passkeyName', 'name', t.passkey.nameLabel, 'text', 'off')}
      ${error ? html`<p id="add-passkey-error" class="error-message" part="error"><span class="visually-hidden">${t.errorPrefix}</span> ${error}</p>` : nothing}
      <button type="submit" id="add-passkey" part="button" aria-disabled=${steps.calls.busy} aria-describedby=${error ? 'add-passkey-error' : nothing}>${t.passkey.add}</button>
      ${steps.cancel}
    </form>`;
}

/** "Xóa …": what removing means, the confirming button and "Hủy". */
export function renderRemovePasskey(steps: PasskeySteps, passkey: Passkey): TemplateResult {
  const { t } = steps;
  const name = passkey.name ?? t.passkey.name;
  const remove = async () => {
    if (steps.calls.busy) return;
    if (await call(steps, (client, token, options) => removePasskey(client, token, passkey.id, options))) await changed(steps, 'passkeyRemoved');
  };
  return html`${steps.heading(`${t.passkey.remove(name)}?`)} ${steps.feedback.renderSummary([])}
    <p>${t.passkey.confirmRemove}</p>
    <button type="button" part="button" aria-disabled=${steps.calls.busy} @click=${() => void remove()}>${t.passkey.remove(name)}</button>
    ${steps.cancel}`;
}
