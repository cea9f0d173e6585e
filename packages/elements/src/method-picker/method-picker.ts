import { css, html, LitElement, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
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

const isMethod = (method: string): method is VerificationMethod => Object.hasOwn(METHOD_IAL, method);

/**
 * The first step of registration: who is registering ("Công dân") and how they will be verified, the
 * methods grouped by the assurance level they give (Thuê bao di động: mức độ 2). It offers only the
 * methods it is given (the service's configuration decides); with a single method that one is chosen.
 *
 * @fires {MethodSelectDetail} dvc-method-select - "Tiếp tục" was pressed; `detail` is `{ subjectType, method }`.
 * @csspart form - The form.
 * @csspart fieldset - Each group of choices.
 * @csspart legend - Their legends.
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
 *   picker.methods = ['mobile'];
 *   picker.addEventListener('dvc-method-select', (event) => console.log(event.detail.method));
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
    methods: { attribute: false },
    value: { type: String },
    error: { type: String },
  };

  /** Verification methods to offer, in display order (from `config.registrationMethods`). */
  declare methods: readonly string[];
  /** The chosen method. */
  declare value: string | undefined;
  /** Error text shown on the method group, already in the citizen's language. */
  declare error: string | undefined;

  readonly #localize = new LocalizeController(this);

  constructor() {
    super();
    this.methods = [];
    this.value = undefined;
    this.error = undefined;
  }

  /** Renders once the strings of the citizen's language are in. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#localize.whenReady(() => super.scheduleUpdate());
  }

  /** The methods offered that this version of the widgets knows how to name. */
  get offered(): readonly VerificationMethod[] {
    return this.methods.filter(isMethod);
  }

  /** Moves focus to the first verification method. */
  focusMethod(): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[name="method"]')?.focus();
  }

  #submit(event: SubmitEvent): void {
    event.preventDefault();
    const offered = this.offered;
    const method = offered.find((m) => m === this.value) ?? (offered.length === 1 ? offered[0] : undefined);
    emit<MethodSelectDetail>(this, 'dvc-method-select', { subjectType: 'citizen', method });
  }

  protected override render() {
    const t = this.#localize.t;
    const offered = this.offered;
    const chosen = offered.find((m) => m === this.value) ?? (offered.length === 1 ? offered[0] : undefined);
    const levels = [...new Set(offered.map((m) => METHOD_IAL[m]))].sort();
    return html`<form part="form" novalidate @submit=${this.#submit}>
      <fieldset part="fieldset">
        <legend part="legend">${t.subjectLegend}</legend>
        <div class="choice">
          <input id="subject-citizen" type="radio" name="subjectType" value="citizen" part="radio" checked />
          <label for="subject-citizen" part="label">${t.subjectCitizen}</label>
        </div>
      </fieldset>
      <fieldset part="fieldset" class=${this.error ? 'field--error' : ''} aria-describedby=${ifDefined(this.error ? 'method-error' : undefined)}>
        <legend part="legend">${t.methodLegend}</legend>
        ${fieldError('method', this.error, t.errorPrefix)}
        ${offered.length ? nothing : html`<p class="hint" part="hint">${t.noMethods}</p>`}
        ${levels.map(
          (level) => html`<p class="group" part="group">${t.methodGroup(level)}</p>
            ${offered
              .filter((m) => METHOD_IAL[m] === level)
              .map((method) => {
                const hint = t.methodHints[method];
                return html`<div class="choice">
                  <input
                    id="method-${method}"
                    type="radio"
                    name="method"
                    value=${method}
                    part="radio"
                    .checked=${method === chosen}
                    aria-describedby=${ifDefined(hint ? `method-${method}-hint` : undefined)}
                    @change=${() => (this.value = method)}
                  />
                  <div>
                    <label for="method-${method}" part="label">${t.methodNames[method]}</label>
                    ${hint ? html`<p id="method-${method}-hint" class="hint" part="hint">${hint}</p>` : nothing}
                  </div>
                </div>`;
              })}`,
        )}
      </fieldset>
      <button type="submit" part="button" ?disabled=${!offered.length}>${t.continue}</button>
    </form>`;
  }
}
