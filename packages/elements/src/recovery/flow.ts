import { html, nothing, type TemplateResult } from 'lit';
import type { CallOptions, DvcClientCore, DvcErrorCore, OtpChallenge, ServiceConfig } from '@dvc-kit/sdk';
import type { ProgressKey, TextKey } from '../i18n/catalogue.js';
import { renderCodeStep } from '../shared/code-step.js';
import type { FieldProblem } from '../shared/feedback.js';
import { textField, type TextFieldOptions } from '../shared/field.js';
import { CONSENT_TARGET, consentField } from '../shared/consent-field.js';
import { FlowElement } from '../shared/flow-element.js';
import { flowTransition, type FlowState } from '../shared/flow-machine.js';
import { humanCheckField, type FormStepView } from '../shared/form-step.js';
import { refusal } from '../shared/refusal.js';
import { emit, type DvcActionRequestedDetail } from '../shared/events.js';

/** One text field of a recovery's first step: its name in the request body (also its id), its label and hint, how it is typed. */
export type IdentifyField = readonly [name: string, label: TextKey, hint: TextKey, input: Pick<TextFieldOptions, 'type' | 'inputmode' | 'autocomplete' | 'short'>];

/** The ID number, the first field of both recoveries (it starts from the widget's `id-number`). */
export const ID_NUMBER_FIELD: IdentifyField = ['idNumber', 'idNumberLabel', 'idNumberHint', { inputmode: 'numeric', autocomplete: 'username', short: true }];

/** A first step's form, read: the request when every field passes the SDK's checks, else each field's problem. */
export type IdentifyReading<B> = { readonly ok: true; readonly body: B } | { readonly ok: false; readonly fields: Record<string, FieldProblem> };

/**
 * What sets one recovery apart from the other, in order (a tuple: the bundle carries no names for it): how
 * many steps the captions count ("Bước n/3"); the first step's heading (the flow's name), the text under
 * it and its text fields; the reader of its form (the SDK's parsers; `today` bounds the dates, `config` names
 * the consent version); the call that opens the flow on the service and what the widget says while it
 * waits; the state's key of the flow's id on the service (`recoveryId` …); the calls that check a code and
 * send a new one; the final panel's heading and text; whether the first step asks for consent to
 * personal-data processing (the checkbox registration shows, after the text fields).
 */
export type RecoverySpec<B extends { readonly idNumber: string }, V> = readonly [
  steps: number,
  title: TextKey,
  intro: TextKey,
  fields: readonly IdentifyField[],
  read: (data: FormData, today: Date, config: ServiceConfig) => IdentifyReading<B>,
  start: (client: DvcClientCore, body: B & { readonly humanCheck?: string }, options: CallOptions) => Promise<{ readonly otp: unknown }>,
  progress: ProgressKey,
  id: string,
  verify: (client: DvcClientCore, id: string, body: { code: string }, options: CallOptions) => Promise<V>,
  resend: (client: DvcClientCore, id: string, options: CallOptions) => Promise<{ readonly otp: OtpChallenge }>,
  doneHeading: TextKey,
  doneText: TextKey,
  consent?: boolean,
];

/** A recovery's state as the shared steps read it. */
type AnyStep = FlowState & { readonly config: ServiceConfig; readonly otp: OtpChallenge; readonly [key: string]: unknown };

/**
 * The transitions both recoveries share: `identify → code` (`started`, the event's flow id, ID number and
 * code carried on), `identify → counter` (`unconfirmed`), a new code (`codeResent`), `code → password`
 * (`codeVerified`), and `last → done` (`recovered`, with what the event carries), besides the
 * {@link flowTransition}s. An event that does not apply to the step on screen leaves the state as it is.
 */
export function recoveryFlowTransition<S extends FlowState>(state: S, event: { readonly type: string }, first: (config: ServiceConfig) => S, last: string): S {
  const common = flowTransition(state, event, first);
  if (common) return common;
  const { type, at, ...data } = event as { readonly type: string; readonly at?: number; readonly otp?: unknown };
  const { step, otp, ...rest } = state as unknown as AnyStep;
  const next =
    step === 'identify' && type === 'started'
      ? { ...rest, step: 'code', ...data, startedAt: at }
      : step === 'identify' && type === 'unconfirmed'
        ? { ...rest, step: 'counter', reason: type }
        : step === 'code' && type === 'codeResent'
          ? { ...state, otp: data.otp }
          : step === 'code' && type === 'codeVerified'
            ? { ...rest, step: 'password' }
            : step === last && type === 'recovered'
              ? { step: 'done', config: rest.config, ...data }
              : state;
  return next as S;
}

/**
 * What `<dvc-recovery>` and `<dvc-phone-recovery>` share: the attributes `id-number`, `sign-in-href` and
 * `back-to-sign-in`, the way back to sign-in, and the steps `identify → code → … → done` — the first
 * step's form read and sent the same way, the code step, the final panel. `spec` says what differs.
 */
export abstract class RecoveryFlow<S extends FlowState, E extends { readonly type: string }, B extends { readonly idNumber: string }, V> extends FlowElement<S, E> {
  static override properties = {
    ...FlowElement.properties,
    idNumber: { type: String, attribute: 'id-number' },
    signInHref: { type: String, attribute: 'sign-in-href' },
    backToSignIn: { type: Boolean, attribute: 'back-to-sign-in' },
  };

  /** The ID number to start from, e.g. what the citizen typed on the sign-in form (attribute `id-number`). */
  declare idNumber: string;
  /** Where "Quay lại đăng nhập" and, at the end, "Đăng nhập" lead (attribute `sign-in-href`). */
  declare signInHref: string | undefined;
  /**
   * Offers "Quay lại đăng nhập" as a button that only fires `dvc-sign-in-requested`, for a page (or
   * `<dvc-login>`) that shows sign-in itself (attribute `back-to-sign-in`).
   */
  declare backToSignIn: boolean;
  /** What this recovery does its own way. */
  protected abstract readonly spec: RecoverySpec<B, V>;

  constructor() {
    super();
    this.idNumber = '';
    this.signInHref = undefined;
    this.backToSignIn = false;
  }

  /** The code was right: the flow moves on (`value` is the service's answer). */
  protected abstract verified(value: V): void;

  /** The service refused the first step: on the form, unless the flow has its own way. */
  protected refused(error: DvcErrorCore): void {
    this.feedback.show(refusal(error));
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const state = this.state;
    if (state.step !== 'identify' || this.busy) return;
    const [, , , , read, start, progress] = this.spec;
    const { config } = state as AnyStep;
    const reading = read(new FormData(event.currentTarget as HTMLFormElement), new Date(this.clock.now()), config);
    const humanCheck = await this.humanCheck(config);
    if (!humanCheck) return;
    if (!reading.ok || humanCheck.problem) {
      const fields = reading.ok ? {} : reading.fields;
      this.feedback.show({ fields: humanCheck.problem ? { ...fields, humanCheck: humanCheck.problem } : fields });
      return;
    }
    const body = { ...reading.body, ...humanCheck.body };
    const result = await this.calls.call((client, signal) => start(client, body, { signal }), progress);
    if (result.ok) {
      this.send({ type: 'started', ...result.value, idNumber: body.idNumber, at: this.clock.now() } as unknown as E);
      return;
    }
    humanCheck.answered(result.error);
    if (result.error.code !== 'aborted') this.refused(result.error);
  }

  /**
   * "Quay lại đăng nhập" (or "Đăng nhập" at the end): the page's link, or a button that fires
   * `dvc-sign-in-requested`, inside the `sign-in` slot; nothing when neither is wanted. The event is
   * cancelable: a page that routes itself (or `<dvc-login>`) calls `preventDefault()` and the link does
   * not navigate.
   */
  protected renderSignIn(text: string, primary: boolean): TemplateResult | typeof nothing {
    const href = this.signInHref || undefined;
    if (!href && !this.backToSignIn && !this.slots.has('sign-in')) return nothing;
    const fire = (event: Event) => requestSignIn(this, event, href);
    return html`<ul class="links actions">
      <li>
        <slot name="sign-in">
          ${href
            ? html`<a part="link" href=${href} @click=${fire}>${text}</a>`
            : html`<button type="button" part="button ${primary ? '' : 'button-secondary'}" class=${primary ? '' : 'secondary'} @click=${fire}>${text}</button>`}
        </slot>
      </li>
    </ul>`;
  }

  /** The step on screen: loading, error, the first step's form, the code step, else the final panel. */
  protected override renderStep(): TemplateResult {
    const t = this.localize.t;
    const [steps, title, intro, fields, , , , id, verify, resend, doneHeading, doneText, consent] = this.spec;
    const state = this.state as unknown as AnyStep;
    const error = this.feedback.fieldError;
    const busy = this.busy ? 'true' : 'false';
    switch (state.step) {
      case 'loading':
        return this.setup.renderLoading(html`<p class="hint" role="status">${t.loading}</p>`);
      case 'error':
        return this.renderFailure(state as never, state.code === 'flow_not_found');
      case 'identify':
        // The ID number's field starts from `id-number`; the error summary links to each field, the consent, then the human check.
        return html`${this.renderHeading(t[title], [1, steps])}
          ${this.feedback.renderSummary([...fields.map(([name, label]) => ({ name, id: name, label })), ...(consent ? [CONSENT_TARGET] : []), { name: 'humanCheck', id: 'human-check', label: 'humanCheckLabel' }])}
          <p class="hint">${t[intro]}</p>
          <form part="form" novalidate @submit=${this.#submit} aria-busy=${busy}>
            ${fields.map(([name, label, hint, input], i) =>
              textField({ id: name, name, label: t[label], hint: t[hint], error: error(name), errorPrefix: t.errorPrefix, initial: (!i && this.idNumber) || undefined, ...input }),
            )}
            ${consent ? consentField(t, state.config.consentVersion, error('consentVersion')) : nothing}
            ${humanCheckField({ config: state.config, client: this.calls.client, error } as FormStepView)}
            <button type="submit" part="button" aria-disabled=${busy}>${t.sendCode}</button>
          </form>
          ${this.renderSignIn(t.backToSignIn, false)}`;
      case 'code':
        return renderCodeStep<V>(this, {
          heading: this.renderHeading(t.codeHeading, [2, steps]),
          otp: state.otp,
          id: state[id] as string,
          verify,
          verified: (value) => {
            this.keys.reset();
            this.verified(value);
          },
          resend,
          resent: (otp) => this.send({ type: 'codeResent', otp } as unknown as E),
        });
      default:
        return html`<div class="panel" part="done">
            ${this.renderHeading(t[doneHeading])}
            <p>${t[doneText]}</p>
          </div>
          ${this.renderSignIn(t.signIn, true)}`;
    }
  }
}

/**
 * Fires the cancelable `dvc-sign-in-requested` from `host`: a page that routes itself (or `<dvc-login>`) calls
 * `preventDefault()` and the link's own navigation (`event`) is cancelled. Outside the class so the elements'
 * manifest takes the event's detail type from the widgets' `@fires` tags.
 */
function requestSignIn(host: HTMLElement, event: Event, href: string | undefined): void {
  if (!emit<DvcActionRequestedDetail>(host, 'dvc-sign-in-requested', { href }, true)) event.preventDefault();
}
