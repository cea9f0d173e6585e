import type { PasskeyAssertion, PasskeyAttestation, PasskeyCreationOptions, PasskeyRequestOptions } from '@dvc-kit/sdk/contract';

// The browser does the WebAuthn JSON conversions itself (WebAuthn Level 3: `parse…OptionsFromJSON`, `toJSON()`),
// in Chromium 129+, Firefox 119+ and Safari 18.4+. @simplewebauthn/browser 14 does the same in JavaScript for
// 2.8 kB gzip, a tenth of the widgets' budget; a browser without them is not offered passkeys and the citizen
// types the code, which always works.

/** Why a passkey ceremony gave nothing: the citizen cancelled it (or let it time out), the authenticator already holds a passkey of the account, or anything else. */
export type CeremonyFailure = 'cancelled' | 'exists' | 'failed';

/** What a ceremony gave: the browser's answer as JSON, or why none. `aborted` when the widget stopped it (nothing to say). */
export type CeremonyResult<T> = { readonly ok: true; readonly credential: T } | { readonly ok: false; readonly reason: CeremonyFailure | 'aborted' };

/** Whether this browser can run a passkey ceremony from the service's JSON options (else the widgets do not offer one). */
export function passkeysSupported(): boolean {
  const api = globalThis.PublicKeyCredential;
  return typeof api?.parseRequestOptionsFromJSON === 'function' && typeof api.parseCreationOptionsFromJSON === 'function' && typeof navigator.credentials?.get === 'function';
}

/** A DOMException of the ceremony as a failure: `NotAllowedError` is both "cancelled" and "timed out" (browsers do not tell them apart, on purpose). */
function failureOf(error: unknown): CeremonyFailure | 'aborted' {
  const name = error instanceof DOMException ? error.name : '';
  return name === 'NotAllowedError' ? 'cancelled' : name === 'InvalidStateError' ? 'exists' : name === 'AbortError' ? 'aborted' : 'failed';
}

async function run<T>(ceremony: () => Promise<Credential | null>): Promise<CeremonyResult<T>> {
  try {
    const credential = (await ceremony()) as PublicKeyCredential | null;
    // The JSON forms the service reads (binary values as base64url), as the contract's schemas describe them.
    return credential ? { ok: true, credential: credential.toJSON() as T } : { ok: false, reason: 'failed' };
  } catch (error) {
    return { ok: false, reason: failureOf(error) };
  }
}

/**
 * Asks the browser for a passkey of the account to answer the sign-in's challenge (`navigator.credentials.get()`).
 *
 * @example
 * ```ts
 * const result = await getPasskey(started.passkey, signal);
 * if (result.ok) await verifySignInPasskey(client, started.signInId, result.credential);
 * ```
 */
export function getPasskey(options: PasskeyRequestOptions, signal: AbortSignal): Promise<CeremonyResult<PasskeyAssertion>> {
  // The options as the contract gives them are the JSON form the browser parses (its enums are plain strings there).
  return run(() => navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options as PublicKeyCredentialRequestOptionsJSON), signal }));
}

/** Asks the browser to make a passkey for the account (`navigator.credentials.create()`). */
export function createPasskey(options: PasskeyCreationOptions, signal: AbortSignal): Promise<CeremonyResult<PasskeyAttestation>> {
  return run(() => navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options as PublicKeyCredentialCreationOptionsJSON), signal }));
}
