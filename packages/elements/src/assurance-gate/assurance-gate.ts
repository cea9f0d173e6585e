import { css, html, LitElement } from 'lit';
import { meets, type Assurance, type AssuranceRequirement } from '@dvc-kit/sdk';
import { LocalizeController } from '../i18n/localize.js';
import { baseStyles } from '../shared/styles.js';
import { claimedAssurance } from './read-token.js';

/**
 * Shows its content only to a session at a high enough assurance level: the default slot when the
 * assurance (given directly, or read from an ID token's `acr` claim with `parseAcr`) `meets` the
 * `ial` / `aal` asked for, otherwise the `fallback` slot (by default a short notice).
 *
 * This is presentation only: the token is not verified here, so never rely on it to protect data —
 * the portal's backend verifies the token (`@dvc-kit/sdk/tokens`) before serving anything behind it.
 *
 * @slot - Shown when the assurance meets the requirement.
 * @slot fallback - Shown otherwise.
 * @csspart fallback - The default notice in the fallback slot.
 * @example
 * ```html
 * <dvc-assurance-gate ial="2" aal="2">
 *   <a href="/ho-so">Nộp hồ sơ trực tuyến</a>
 *   <p slot="fallback">Vui lòng đăng nhập bằng tài khoản mức xác minh 2.</p>
 * </dvc-assurance-gate>
 * <script type="module">
 *   login.addEventListener('dvc-signed-in', (event) => {
 *     document.querySelector('dvc-assurance-gate').idToken = event.detail.tokens.idToken;
 *   });
 * </script>
 * ```
 */
export class DvcAssuranceGate extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .fallback {
        margin: 0;
      }
    `,
  ];

  static override properties = {
    ial: { type: Number },
    aal: { type: Number },
    idToken: { type: String, attribute: 'id-token' },
    assurance: { attribute: false },
  };

  /** Lowest identity assurance level to show the content (attribute `ial`). */
  declare ial: AssuranceRequirement['ial'];
  /** Lowest authenticator assurance level to show the content (attribute `aal`). */
  declare aal: AssuranceRequirement['aal'];
  /** An ID token whose `acr` claim tells the session's assurance (attribute `id-token`). */
  declare idToken: string | undefined;
  /** The session's assurance, when known without a token; wins over `idToken`. */
  declare assurance: Assurance | undefined;

  readonly #localize = new LocalizeController(this);

  /** Renders once the strings of the citizen's language are in. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#localize.whenReady(() => super.scheduleUpdate());
  }

  /** Whether the session's assurance meets the requirement. */
  get met(): boolean {
    const session = this.assurance ?? claimedAssurance(this.idToken);
    // The element is its own requirement: `meets` reads its `ial` and `aal`, a level not set asks for nothing.
    return !!session && meets(session, this);
  }

  protected override render() {
    return this.met
      ? html`<slot></slot>`
      : html`<slot name="fallback"><p class="fallback" part="fallback">${this.#localize.t.assuranceNeeded}</p></slot>`;
  }
}
