import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { checkPassword, DEFAULT_PASSWORD_POLICY, policyRules, type PasswordContext, type PasswordPolicy, type PasswordRule } from '@dvc-kit/sdk';
import { LocalizeController } from '../i18n/localize.js';
import { fieldError } from '../shared/field.js';
import { baseStyles } from '../shared/styles.js';

/**
 * A new password and its confirmation, with a show/hide toggle and a live checklist of the portal's
 * rules (`policyRules(policy)`) ticked off as the citizen types. The check is the SDK's
 * `checkPassword`, given the citizen's own data (`context`) so a password containing the ID number,
 * phone, birth date or name, a decorated common base from the SDK's short list (`Matkhau@2024`), or a
 * pasted line break is flagged before the service refuses it; the service's own guessability verdict
 * (`password_guessable`) arrives on submit through `error`. Screen readers hear how many
 * rules are met, politely, only when that number changes.
 *
 * Pressing Enter in either input submits the surrounding form.
 *
 * @csspart field - Each of the two fields.
 * @csspart label - Their labels.
 * @csspart input - Both inputs.
 * @csspart error - Their error messages.
 * @csspart toggle - The "Hiện mật khẩu" button.
 * @csspart checklist - The list of rules.
 * @csspart rule - One rule; also `rule-met` or `rule-unmet`.
 * @cssprop --dvc-color-success - A met rule's tick.
 * @example
 * ```html
 * <form>
 *   <dvc-password-field></dvc-password-field>
 *   <button>Hoàn tất đăng ký</button>
 * </form>
 * <script type="module">
 *   const field = document.querySelector('dvc-password-field');
 *   field.policy = config.passwordPolicy;
 *   field.context = { idNumber: '079195004321', fullName: 'Trần Thị Bích Ngọc' };
 * </script>
 * ```
 */
export class DvcPasswordField extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    baseStyles,
    css`.checklist,.warning{margin:0 0 var(--_space)}.checklist p{margin:0 0 .3em}ul{margin:0;padding:0;list-style:none}li{display:flex;gap:.5em;margin:0 0 .2em}.mark{flex:none;width:1.2em;text-align:center;font-weight:700}.met .mark{color:var(--_success)}.warning{color:var(--_error)}`,
  ];

  static override properties = {
    policy: { attribute: false },
    context: { attribute: false },
    error: { type: String },
    confirmationError: { type: String, attribute: 'confirmation-error' },
    value: { state: true },
    confirmation: { state: true },
    visible: { state: true },
  };

  /** The rules in force, from the service's configuration. */
  declare policy: PasswordPolicy;
  /** The citizen's own data a password must not contain. */
  declare context: PasswordContext;
  /** Error of the password, already in the citizen's language. */
  declare error: string | undefined;
  /** Error of the confirmation, already in the citizen's language. */
  declare confirmationError: string | undefined;
  /** The password as typed. */
  declare value: string;
  /** The confirmation as typed. */
  declare confirmation: string;
  private declare visible: boolean;

  readonly #localize = new LocalizeController(this);
  /** How many rules were met at the last update: the count is announced when it changes. */
  #met: number | undefined;
  #announcement = '';

  constructor() {
    super();
    this.policy = DEFAULT_PASSWORD_POLICY;
    this.context = {};
    this.value = this.confirmation = '';
    this.visible = false;
  }

  /** Renders once the strings of the citizen's language are in. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#localize.whenReady(() => super.scheduleUpdate());
  }

  /** Every rule the password does not meet yet (the confirmation included), as `checkPassword` says. */
  get unmet(): readonly PasswordRule[] {
    return checkPassword(this.value, this.policy, this.context, this.confirmation).unmet;
  }

  /** Moves focus to the confirmation input. */
  focusConfirmation(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#password-confirmation')?.focus();
  }

  #enter(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.closest('form')?.requestSubmit();
    }
  }

  /**
   * One of the two inputs (`key` the property it types into) under its label and error, shown or hidden
   * with the toggle, described by its error and then `more`; Enter in it submits the form.
   */
  #input(id: string, name: string, key: 'value' | 'confirmation', label: string, error: string | undefined, more = ''): TemplateResult {
    return html`<div class="field ${error ? 'field--error' : ''}" part="field">
      <label for=${id} part="label">${label}</label>
      ${fieldError(id, error, this.#localize.t.errorPrefix)}
      <input
        id=${id}
        name=${name}
        type=${this.visible ? 'text' : 'password'}
        part="input"
        autocomplete="new-password"
        spellcheck="false"
        .value=${this[key]}
        aria-describedby=${(error ? `${id}-error ${more}` : more) || nothing}
        aria-invalid=${!!error}
        @input=${(event: InputEvent) => (this[key] = (event.target as HTMLInputElement).value)}
        @keydown=${this.#enter}
      />
    </div>`;
  }

  #ruleText(rule: PasswordRule): string {
    return this.#localize.rule(`password_${rule}`, { min: this.policy.minLength, max: this.policy.maxLength });
  }

  protected override render() {
    const t = this.#localize.t;
    const rules = policyRules(this.policy);
    const unmet = new Set(checkPassword(this.value, this.policy, this.context).unmet);
    const met = rules.filter((rule) => !unmet.has(rule)).length;
    // Announced when the count changes, not at first.
    if (this.#met !== undefined && met !== this.#met) this.#announcement = t.rulesProgress(met, rules.length);
    this.#met = met;
    const warning = this.value && !this.error ? (['control', 'max_length', 'common', 'personal_data'] as const).find((rule) => unmet.has(rule)) : undefined;
    return html`
      ${this.#input('password', 'password', 'value', t.newPasswordLabel, this.error, `password-rules${warning ? ' password-warning' : ''}`)}
      <button type="button" class="link" part="toggle" aria-pressed=${this.visible} @click=${() => (this.visible = !this.visible)}>${t.showPassword}</button>
      <div id="password-rules" class="checklist" part="checklist">
        <p>${t.passwordNeeds}</p>
        <ul>
          ${rules.map((rule) => {
            const met = unmet.has(rule) ? 'unmet' : 'met';
            return html`<li class=${met} part="rule rule-${met}" data-rule=${rule}>
              <span class="mark" aria-hidden="true">${unmet.has(rule) ? '–' : '✓'}</span>
              <span><span class="visually-hidden">${unmet.has(rule) ? t.ruleUnmet : t.ruleMet}</span> ${this.#ruleText(rule)}</span>
            </li>`;
          })}
        </ul>
      </div>
      ${warning ? html`<p id="password-warning" class="warning" part="warning">${this.#ruleText(warning)}</p>` : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</p>
      ${this.#input('password-confirmation', 'passwordConfirmation', 'confirmation', t.confirmPasswordLabel, this.confirmationError)}
    `;
  }
}
