import { css, html, LitElement, nothing } from 'lit';
import { METHOD_IAL, type SubjectType, type VerificationMethod } from '@dvc-kit/sdk';
import { LocalizeController } from '../i18n/localize.js';
import { emit } from '../shared/events.js';
import { fieldError } from '../shared/field.js';
import { baseStyles } from '../shared/styles.js';

/** Detail of `dvc-method-select`: who registers and how they will be verified (none chosen yet: `undefined`). */
export interface MethodSelectDetail {
  readonly subjectType: SubjectType;
  readonly method: VerificationMethod | undefined;
}

/** One method of a subject type: the level it gives and whether it can be chosen here. */
export interface MethodOffer {
  readonly method: string;
  readonly ial: number;
  /** `false`: shown disabled, "Chưa hỗ trợ trên dịch vụ này". */
  readonly available: boolean;
}

/** One subject type the picker offers with its methods, as `GET /v1/config` lists them in `subjectTypes`. */
export interface SubjectTypeOffer {
  readonly subjectType: SubjectType;
  readonly methods: readonly MethodOffer[];
}

type KnownOffer = MethodOffer & { readonly method: VerificationMethod };

const isMethod = (method: string): method is VerificationMethod => Object.hasOwn(METHOD_IAL, method);
const known = (offer: MethodOffer): offer is KnownOffer => isMethod(offer.method);

/**
 * The first step of registration, as the national portal shows it: who is registering (Công dân,
 * Doanh nghiệp, Cơ quan nhà nước), then that subject type's verification methods grouped by the level
 * they give (mức độ 2: Thuê bao di động, Bảo hiểm xã hội; mức độ 3: USB ký số, SIM ký số, Ký số từ
 * xa). A method that is not available is shown disabled with "Chưa hỗ trợ trên dịch vụ này"; a
 * subject type with no available method says so and offers no button. The first subject type that
 * has an available method is chosen at the start, and a type's only available method is chosen for it.
 * Given only `methods`, it offers those to citizens.
 *
 * @fires {MethodSelectDetail} dvc-method-select - "Tiếp tục" was pressed; `detail` is `{ subjectType, method }`.
 * @csspart form - The form.
 * @csspart fieldset - Each group of choices.
 * @csspart legend - Their legends.
 * @csspart group - The heading of a level's methods.
 * @csspart radio - Each radio button.
 * @csspart label - Each choice's label.
 * @csspart hint - A choice's hint.
 * @csspart error - The error message.
 * @csspart button - "Tiếp tục".
 * @example
 * ```html
 * <dvc-method-picker></dvc-method-picker>
 * <script type="module">
 *   const picker = document.querySelector('dvc-method-picker');
 *   const config = await (await fetch('https://id.example.gov.vn/v1/config?client_id=provincial-portal')).json();
 *   picker.choices = config.subjectTypes;
 *   picker.addEventListener('dvc-method-select', (event) => console.log(event.detail.subjectType, event.detail.method));
 * </script>
 * ```
 */
export class DvcMethodPicker extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    baseStyles,
    css`
      .group {
        margin: 0.6em 0 0.4em;
        font-weight: 600;
        color: var(--_muted);
      }
    `,
  ];

  static override properties = {
    choices: { attribute: false },
    methods: { attribute: false },
    subjectType: { type: String, attribute: 'subject-type' },
    value: { type: String },
    error: { type: String },
  };

  /** Subject types with their methods, in display order (from `config.subjectTypes`); when empty, {@link methods} for citizens. */
  declare choices: readonly SubjectTypeOffer[];
  /** Without `choices`: verification methods to offer citizens, all available, in display order. */
  declare methods: readonly string[];
  /** The chosen subject type (attribute `subject-type`). */
  declare subjectType: string | undefined;
  /** The chosen method. */
  declare value: string | undefined;
  /** Error text shown on the method group, already in the citizen's language. */
  declare error: string | undefined;

  readonly #localize = new LocalizeController(this);

  constructor() {
    super();
    this.choices = [];
    this.methods = [];
  }

  /** Renders once the strings of the citizen's language are in. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#localize.whenReady(() => super.scheduleUpdate());
  }

  /** The subject types on offer, each with the methods this version of the widgets knows how to name. */
  get offers(): readonly { readonly subjectType: SubjectType; readonly methods: readonly KnownOffer[] }[] {
    if (!this.choices.length) return [{ subjectType: 'citizen', methods: this.methods.filter(isMethod).map((method) => ({ method, ial: METHOD_IAL[method], available: true })) }];
    return this.choices.map(({ subjectType, methods }) => ({ subjectType, methods: methods.filter(known) }));
  }

  /** Moves focus to the first verification method that can be chosen (the error asks for one: none is chosen). */
  focusMethod(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="method"]:enabled')?.focus();
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    // What the form shows checked: the subject type on screen and the method chosen (or the only one), if any.
    const data = new FormData(event.currentTarget as HTMLFormElement);
    emit<MethodSelectDetail>(this, 'dvc-method-select', { subjectType: data.get('subjectType') as SubjectType, method: (data.get('method') ?? undefined) as VerificationMethod | undefined });
  }

  protected override render() {
    const t = this.#localize.t;
    // The subject type on screen, its methods, those that can be chosen, and the chosen one.
    const offers = this.offers;
    const open = (offer: (typeof offers)[number]) => offer.methods.filter((m) => m.available);
    const type = offers.find((o) => o.subjectType === this.subjectType) ?? offers.find((o) => open(o).length) ?? offers[0];
    const available = type ? open(type) : [];
    const chosen = available.find((m) => m.method === this.value) ?? (available.length === 1 ? available[0] : undefined);
    const shown = type?.methods ?? [];
    const levels = [...new Set(shown.map((m) => m.ial))].sort();
    // One choice: a radio button with its label, and the hint under the label tied to the button.
    const radio = (name: string, value: string, label: string, checked: boolean, change: () => void, hint?: string, enabled = true) => {
      const id = `${name}-${value}`;
      return html`<div class="choice">
        <input id=${id} type="radio" name=${name} value=${value} part="radio" ?disabled=${!enabled} .checked=${checked} aria-describedby=${hint ? `${id}-hint` : nothing} @change=${change} />
        <div>
          <label for=${id} part="label">${label}</label>
          ${hint ? html`<p id="${id}-hint" class="hint" part="hint">${hint}</p>` : nothing}
        </div>
      </div>`;
    };
    return html`<form part="form" novalidate @submit=${this.#submit}>
      <fieldset part="fieldset">
        <legend part="legend">${t.subjectLegend}</legend>
        ${offers.map(({ subjectType }) =>
          radio('subjectType', subjectType, t.subjectNames[subjectType], subjectType === type?.subjectType, () => {
            this.subjectType = subjectType;
            this.value = undefined;
          }),
        )}
      </fieldset>
      <fieldset part="fieldset" class=${this.error ? 'field--error' : ''} aria-describedby=${this.error ? 'method-error' : nothing}>
        <legend part="legend">${t.methodLegend}</legend>
        ${fieldError('method', this.error, t.errorPrefix)}
        ${available.length ? nothing : html`<p class="hint" part="hint">${offers.some((o) => open(o).length) ? t.noMethodsForType : t.noMethods}</p>`}
        ${levels.map(
          (level) => html`<div role="group" aria-labelledby="level-${level}">
            <p id="level-${level}" class="group" part="group">${t.methodGroup(level)}</p>
            ${shown
              .filter((m) => m.ial === level)
              .map(({ method, available }) =>
                radio('method', method, t.methodNames[method], method === chosen?.method, () => (this.value = method), available ? t.methodHints[method] : t.methodUnavailable, available),
              )}
          </div>`,
        )}
      </fieldset>
      ${available.length ? html`<button type="submit" part="button">${t.continue}</button>` : nothing}
    </form>`;
  }
}
