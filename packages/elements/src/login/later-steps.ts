import { html, type TemplateResult } from 'lit';
import { resendSignInCode, verifySignInCode, type SignedIn } from '@dvc-kit/sdk';
import type { Signer } from '@dvc-kit/sdk/signer';
import type { Catalogue } from '../i18n/catalogue.js';
import { renderCodeStep, type CodeStepHost } from '../shared/code-step.js';
import { emit, type DvcSignedInDetail } from '../shared/events.js';
import { renderInPlace, type InPlaceHost } from '../shared/in-place.js';
import { passkeyOption } from './passkey-option.js';
import { renderSignatureInPlace } from '../shared/signature-in-place.js';
import type { LoginEvent } from './machine.js';
import type { LoginState } from './state.js';

/** `<dvc-login>` as the steps after the credentials see it: the code step's host, which fires the events. */
export type SignInLaterHost = CodeStepHost & InPlaceHost & Element & { readonly signer: Signer | undefined };

/** What those steps do through `<dvc-login>`'s own (protected) means. */
export interface SignInLaterSteps {
  readonly t: Catalogue;
  /** The step heading, with "Bước n/m" when `step` is given. */
  readonly heading: (text: string, step?: readonly [number, number]) => TemplateResult;
  /** Moves the sign-in's machine on. */
  readonly send: (event: LoginEvent) => void;
}

/**
 * The steps of `<dvc-login>` after the credentials — the code or a passkey (then `dvc-signed-in` with the tokens),
 * signed in, and "Quên mật khẩu", "Mất số điện thoại nhận OTP" or "Đăng nhập bằng chữ ký số" (whose
 * `dvc-signed-in` bubbles out as the sign-in's own) opened in place — with the later
 * steps, so the sign-in page's core carries only the first step.
 */
export function renderSignInLater(host: SignInLaterHost, steps: SignInLaterSteps, state: Exclude<LoginState, { step: 'loading' | 'credentials' | 'error' }>): TemplateResult {
  const { t, heading, send } = steps;
  switch (state.step) {
    case 'code': {
      const verified = ({ account, tokens }: SignedIn) => {
        send({ type: 'signedIn', account });
        emit<DvcSignedInDetail>(host, 'dvc-signed-in', { account, tokens });
      };
      return renderCodeStep(host, {
        heading: heading(t.codeHeading, [2, 2]),
        otp: state.otp,
        id: state.signInId,
        verify: verifySignInCode,
        verified,
        resend: resendSignInCode,
        resent: (otp) => send({ type: 'codeResent', otp }),
        alternative: passkeyOption(host, steps, state, verified),
      });
    }
    case 'done':
      return html`<div class="panel" part="done">
        ${heading(t.signedIn(state.account.fullName, state.account.ial))}
        <p>${t.signedInAccount(state.account.idNumberMasked)}</p>
      </div>`;
    case 'signature':
      return html`<div
        @dvc-signed-in=${({ detail }: CustomEvent<DvcSignedInDetail>) => send({ type: 'signedIn', account: detail.account })}
      >
        ${renderSignatureInPlace(host, {
          operation: 'sign-in',
          // An enterprise's or agency's portal signs its own in (read here, so the sign-in page's core carries nothing of it).
          subjectType: host.getAttribute('subject-type') ?? undefined,
          signer: host.signer,
          cancelled: (event) => {
            event.stopPropagation();
            send({ type: 'recoveryClosed' });
          },
        })}
      </div>`;
    default:
      return renderInPlace(state.step, host, state.idNumber, (event) => {
        // Sign-in is right here: the page's own link for it (if any) is not followed.
        event.preventDefault();
        event.stopPropagation();
        send({ type: 'recoveryClosed' });
      });
  }
}
