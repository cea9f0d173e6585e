import { html, nothing, type TemplateResult } from 'lit';
import type { DvcActionRequestedDetail } from './events.js';

/** Where a way back to sign-in leads, as a widget opened beside sign-in knows it. */
export interface SignInAction {
  /** The widget that fires `dvc-sign-in-requested`. */
  readonly host: HTMLElement;
  /** The page's sign-in address (`sign-in-href`), if any. */
  readonly href: string | undefined;
  /** The page (or `<dvc-login>`) shows sign-in itself: a button that only fires the event (`back-to-sign-in`). */
  readonly button: boolean;
  /** The page fills the `sign-in` slot. */
  readonly slotted: boolean;
}

/**
 * "Quay lại đăng nhập" (or "Đăng nhập" at the end of a flow): the page's link, or a button that fires
 * `dvc-sign-in-requested`, inside the `sign-in` slot; nothing when neither is wanted. The event is
 * cancelable: a page that routes itself (or `<dvc-login>`) calls `preventDefault()` and the link does
 * not navigate.
 */
export function renderSignInAction(action: SignInAction, text: string, primary: boolean): TemplateResult | typeof nothing {
  const { host, href } = action;
  if (!href && !action.button && !action.slotted) return nothing;
  const fire = (event: Event) => {
    const detail: DvcActionRequestedDetail = { href };
    if (!host.dispatchEvent(new CustomEvent('dvc-sign-in-requested', { detail, bubbles: true, composed: true, cancelable: true }))) event.preventDefault();
  };
  const fallback = href
    ? html`<a part="link" href=${href} @click=${fire}>${text}</a>`
    : html`<button type="button" part=${primary ? 'button' : 'button button-secondary'} class=${primary ? '' : 'secondary'} @click=${fire}>${text}</button>`;
  return html`<ul class="links actions"><li><slot name="sign-in">${fallback}</slot></li></ul>`;
}
