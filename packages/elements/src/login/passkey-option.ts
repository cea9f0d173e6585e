import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { newSignInPasskeyOptions, verifySignInPasskey, type DvcErrorCore, type SignedIn } from '@dvc-kit/sdk';
import type { PasskeyRequestOptions } from '@dvc-kit/sdk/contract';
import { getPasskey, passkeysSupported } from '../passkey/ceremony.js';
import type { FieldTarget } from '../shared/controllers/feedback-controller.js';
import { problemOf } from '../shared/feedback.js';
import { describedBy, fieldError } from '../shared/field.js';
import type { SignInLaterHost, SignInLaterSteps } from './later-steps.js';
import type { LoginState } from './state.js';

type CodeState = Extract<LoginState, { step: 'code' }>;

/** The passkey button in the error summary. */
const TARGETS: readonly FieldTarget[] = [{ name: 'passkey', id: 'passkey', label: (t) => t.passkey.name }];
/** Challenges an answer went to the service with: each is taken once, right or wrong, so the next try asks for another. */
const spent = new WeakSet<PasskeyRequestOptions>();
/** The newest challenge of each sign-in, once the one it started with is spent. */
const renewed = new Map<string, PasskeyRequestOptions>();

/**
 * A passkey of the account answers the sign-in's challenge: the options the sign-in gave (or new ones once
 * an answer spent them), the browser's ceremony, then the service. A cancelled or failed ceremony or a
 * refused answer is said on the passkey button and in the summary; the code stays as it was, so the citizen
 * can always type it instead.
 */
async function usePasskey(host: SignInLaterHost, state: CodeState, signedIn: (value: SignedIn) => void): Promise<void> {
  if (host.calls.busy || host.state !== state) return;
  const refused = (error: DvcErrorCore) => {
    if (error.code === 'flow_not_found') host.fail(error);
    else if (error.code !== 'aborted') host.feedback.show({ fields: { passkey: problemOf(error) } });
  };
  const id = state.signInId;
  let options = renewed.get(id) ?? state.passkey;
  if (!options || spent.has(options)) {
    const fresh = await host.calls.call((client, signal) => newSignInPasskeyOptions(client, id, { signal }));
    if (host.state !== state) return;
    if (!fresh.ok) return refused(fresh.error);
    renewed.set(id, (options = fresh.value.passkey));
  }
  const challenge = options;
  // The ceremony runs as one of the widget's calls: busy meanwhile, stopped when the widget goes away.
  const ceremony = await host.calls.call((_client, signal) => getPasskey(challenge, signal));
  if (host.state !== state || !ceremony.ok) return;
  const answer = ceremony.value;
  if (!answer.ok) {
    // Nothing reached the service: the challenge is still good for another try.
    const reason = answer.reason;
    if (reason !== 'aborted') host.feedback.show({ fields: { passkey: { text: (t) => t.passkey.failure[reason] } } });
    return;
  }
  spent.add(challenge);
  const result = await host.calls.call((client, signal) => verifySignInPasskey(client, id, answer.credential, { signal }), 'checkingCredentials');
  if (host.state !== state) return;
  if (!result.ok) return refused(result.error);
  renewed.delete(id);
  signedIn(result.value);
}

/**
 * The code step's other way through when the account has passkeys and the browser can use them: "Dùng khóa
 * truy cập (passkey)" before the code field (the first thing after the heading, one Tab away), with its
 * error; `undefined` otherwise.
 */
export function passkeyOption(
  host: SignInLaterHost,
  steps: SignInLaterSteps,
  state: CodeState,
  signedIn: (value: SignedIn) => void,
): { readonly content: TemplateResult; readonly targets: readonly FieldTarget[] } | undefined {
  if (!state.passkey || !passkeysSupported()) return undefined;
  const t = steps.t;
  const error = host.feedback.fieldError('passkey');
  return {
    targets: TARGETS,
    content: html`<div class="field ${error ? 'field--error' : ''}" part="field">
      ${fieldError('passkey', error, t.errorPrefix)}
      <button
        type="button"
        id="passkey"
        part="button"
        aria-describedby=${ifDefined(describedBy('passkey', false, error))}
        aria-disabled=${host.calls.busy}
        @click=${() => void usePasskey(host, state, signedIn)}
      >
        ${t.passkey.use}
      </button>
    </div>`,
  };
}
