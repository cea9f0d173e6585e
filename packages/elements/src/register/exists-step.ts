import { html, type TemplateResult } from 'lit';
import type { Catalogue } from '../i18n/catalogue.js';
import type { DvcActionRequestedDetail } from '../shared/events.js';

/** The page's links for the two ways on (`sign-in-href`, `forgot-password-href`), and the element that fires their events. */
export interface ExistsStepHost extends HTMLElement {
  readonly signInHref: string | undefined;
  readonly forgotPasswordHref: string | undefined;
}

/**
 * The final step when the ID number already has an account (the service's `account_exists`): no code
 * field, no countdown, a message, and two ways on — "Đăng nhập" and "Quên mật khẩu". Each is the page's
 * slot of that name, or its link (`sign-in-href`, `forgot-password-href`), or without one a button; each
 * fires `dvc-sign-in-requested` or `dvc-forgot-password-requested` first.
 */
export function renderExistsStep(host: ExistsStepHost, t: Catalogue, heading: TemplateResult, message: string): TemplateResult {
  const action = (slot: 'sign-in' | 'forgot-password', text: string, href: string | undefined) => {
    // Cancelable: a page that routes itself calls preventDefault() and the link does not navigate.
    const fire = (event: Event) => {
      const detail: DvcActionRequestedDetail = { href: href || undefined };
      if (!host.dispatchEvent(new CustomEvent(`dvc-${slot}-requested`, { bubbles: true, composed: true, cancelable: true, detail }))) event.preventDefault();
    };
    return html`<li>
      <slot name=${slot}>
        ${href
          ? html`<a part="link" href=${href} @click=${fire}>${text}</a>`
          : html`<button type="button" part="button" class=${slot === 'sign-in' ? '' : 'secondary'} @click=${fire}>${text}</button>`}
      </slot>
    </li>`;
  };
  return html`<div part="exists">
    ${heading}
    <p>${message}</p>
    <ul class="links actions">
      ${action('sign-in', t.signIn, host.signInHref)} ${action('forgot-password', t.forgotPassword, host.forgotPasswordHref)}
    </ul>
  </div>`;
}
