import { html, nothing, type TemplateResult } from 'lit';
import type { Catalogue } from '../i18n/catalogue.js';
import type { DvcActionRequestedDetail } from '../shared/events.js';

/** One way on from the `exists` step: where it leads and the event it fires first. */
export interface ExistsAction {
  /** The slot the page can fill instead. */
  readonly slot: 'sign-in' | 'forgot-password';
  readonly text: string;
  /** The page's link (`sign-in-href`, `forgot-password-href`); without one, a button that only fires the event. */
  readonly href: string | undefined;
  /** `dvc-sign-in-requested` or `dvc-forgot-password-requested`. */
  readonly event: string;
}

/** The two ways on: "Đăng nhập" (`sign-in-href`) and "Quên mật khẩu" (`forgot-password-href`). */
export function existsActions(t: Catalogue, signInHref: string | undefined, forgotPasswordHref: string | undefined): readonly ExistsAction[] {
  return [
    { slot: 'sign-in', text: t.signIn, href: signInHref, event: 'dvc-sign-in-requested' },
    { slot: 'forgot-password', text: t.forgotPassword, href: forgotPasswordHref, event: 'dvc-forgot-password-requested' },
  ];
}

/** What the `exists` step needs from the widget around it. */
export interface ExistsStepView {
  readonly heading: TemplateResult;
  /** What the service said (`account_exists`), in the citizen's language. */
  readonly message: string;
  readonly host: HTMLElement;
  readonly actions: readonly ExistsAction[];
}

function renderAction(host: HTMLElement, action: ExistsAction): TemplateResult {
  // Cancelable: a page that routes itself calls preventDefault() and the link does not navigate.
  const fire = (event: Event) => {
    const go = host.dispatchEvent(new CustomEvent<DvcActionRequestedDetail>(action.event, { bubbles: true, composed: true, cancelable: true, detail: { href: action.href || undefined } }));
    if (!go) event.preventDefault();
  };
  const fallback = action.href
    ? html`<a part="link" href=${action.href} @click=${fire}>${action.text}</a>`
    : html`<button type="button" part="button" class=${action.slot === 'sign-in' ? '' : 'secondary'} @click=${fire}>${action.text}</button>`;
  return html`<li><slot name=${action.slot}>${fallback}</slot></li>`;
}

/**
 * The final step when the ID number already has an account (the service's `account_exists`): no code
 * field, no countdown, a message, and two ways on — "Đăng nhập" and "Quên mật khẩu".
 */
export function renderExistsStep(view: ExistsStepView): TemplateResult {
  return html`<div part="exists">
    ${view.heading}
    <p>${view.message}</p>
    <ul class="links actions">
      ${view.actions.length ? view.actions.map((action) => renderAction(view.host, action)) : nothing}
    </ul>
  </div>`;
}

