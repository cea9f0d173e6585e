import type { ServiceConfig, HumanCheckChallenge } from '../contract/config.js';
import type {
  CodeResent,
  CompleteRegistrationRequest,
  RegistrationCodeVerified,
  RegistrationCompleted,
  RegistrationStarted,
  StartRegistrationRequest,
} from '../contract/registration.js';
import type { SignedIn, SignInStarted, StartSignInRequest, TokenSet } from '../contract/sign-in.js';
import type {
  CompleteRecoveryRequest,
  RecoveryCodeResent,
  RecoveryCodeVerified,
  RecoveryCompleted,
  RecoveryStarted,
  StartRecoveryRequest,
} from '../contract/recovery.js';
import type {
  AccountChangeCodeResent,
  AccountDetails,
  AccountChangeCodeVerified,
  AccountChangeStarted,
  CompletePasswordChangeRequest,
  PasswordChanged,
  SignedOutEverywhere,
  StartEmailChangeRequest,
  StartPasswordChangeRequest,
  StartPhoneChangeRequest,
  StartCccdAdditionRequest,
} from '../contract/account.js';
import type {
  AddPasskeyRequest,
  PasskeyAdded,
  PasskeyAssertion,
  PasskeyList,
  PasskeyRegistrationStarted,
  SignInPasskeyOptions,
  StartPasskeyRegistrationRequest,
} from '../contract/passkeys.js';
import type { PhoneRecovered, PhoneRecoveryCodeResent, PhoneRecoveryStarted, StartPhoneRecoveryRequest } from '../contract/phone-recovery.js';
import type { CertificatePreview, CertificatePreviewRequest, SignatureChallenge, StartSignatureChallengeRequest } from '../contract/signatures.js';
import { CLIENT_HEADER } from '../contract/paths.js';
import type { Language } from '../messages/codes.js';
import { getConfig, getHumanCheckChallenge, startSignIn } from './sign-in.js';
import { resendSignInCode, verifySignInCode } from './sign-in-code.js';
import { completeRegistration, resendRegistrationCode, startRegistration, verifyRegistrationCode } from './registration.js';
import { completeRecovery, resendRecoveryCode, startRecovery, verifyRecoveryCode } from './recovery.js';
import { resendPhoneRecoveryCode, startPhoneRecovery, verifyPhoneRecoveryCode } from './phone-recovery.js';
import {
  completePasswordChange,
  getAccount,
  refresh,
  resendAccountChangeCode,
  signOut,
  signOutEverywhere,
  startCccdAddition,
  startEmailChange,
  startPasswordChange,
  startPhoneChange,
  verifyAccountChangeCode,
} from './account.js';
import { addPasskey, listPasskeys, newSignInPasskeyOptions, removePasskey, startPasskeyRegistration, verifySignInPasskey } from './passkeys.js';
import { checkSessionAssurance, getSessionAssurance } from './assurance.js';
import type { AssuranceRequirement } from '../assurance/levels.js';
import type { AssuranceCheck, SessionAssuranceView } from '../contract/assurance.js';
import { DvcError, type DvcErrorClass } from './error.js';
import { createSignatureChallenge, previewSignatureCertificate } from './signatures.js';
import { cancelSignatureRequest, getSignatureRequest, startSignatureRequest } from './signature-requests.js';
import { signInWithSignature, startSignatureRegistration, upgradeAssurance } from './signature-flows.js';
import type { AssuranceUpgraded, AssuranceUpgradeRequest, SignatureSignInRequest, StartSignatureRegistrationRequest } from '../contract/signature-flows.js';
import type { SignatureRequestStarted, SignatureRequestState, StartSignatureRequest } from '../contract/signature-requests.js';
import { Transport } from './transport.js';

/** Options of a {@link DvcClient}. */
export interface DvcClientOptions {
  /** Base URL of the identity service, e.g. `https://id.example.gov.vn`. */
  readonly baseUrl: string;
  /** This portal's client id, as registered with the service. */
  readonly clientId: string;
  /** Language of problem texts; Vietnamese by default. */
  readonly lang?: Language;
  /** Milliseconds before a call is given up with `timeout`. Default 15000. */
  readonly timeoutMs?: number;
  /** Extra tries of idempotent calls after a network failure or a 502/503/504. Default 2. */
  readonly retries?: number;
  /** A `fetch` to use instead of the global one (tests, proxies). */
  readonly fetch?: typeof fetch;
}

/** Options of one call. */
export interface CallOptions {
  /** Cancels the call; it then fails with code `aborted`. */
  readonly signal?: AbortSignal;
  /** Makes a state-changing call safe to retry; the service answers a repeat with the first answer. */
  readonly idempotencyKey?: string;
}


/**
 * One call of the service's API, as {@link DvcClientCore.request} sends it: a GET without `body`, a POST
 * with one.
 */
export interface ServiceRequest {
  /** Path and query, relative to the base URL (one of {@link PATHS}). */
  readonly path: string;
  /** The JSON body of a POST; none for a GET. */
  readonly body?: unknown;
  /** The citizen's access token, for the calls of a signed-in account. */
  readonly bearer?: string;
  /** The HTTP method when it is neither a GET without `body` nor a POST with one (a `DELETE`). */
  readonly method?: 'GET' | 'POST' | 'DELETE';
  /**
   * Whether the call may be sent again after a network failure or a 502/503/504: by default a GET may,
   * and a POST when it carries an `Idempotency-Key`.
   */
  readonly idempotent?: boolean;
}

/**
 * What every client of the service stands on — its address, the portal's client id, the language of
 * problem texts, time limits and retries — without the operations: each is a function of one flow's
 * module ({@link startSignIn}, {@link startRecovery} …), so a bundle carries only the calls it makes,
 * and its errors are of the class it is given: {@link DvcErrorCore} (no texts of the codes: the widgets'
 * bundle, where the service words its problems) or {@link DvcError}. {@link DvcClient} is one with every
 * operation as a method and `DvcError`s; use it unless you count bytes.
 *
 * @example
 * ```ts
 * const client = new DvcClientCore({ baseUrl: 'https://id.example.gov.vn', clientId: 'provincial-portal' }, DvcErrorCore);
 * const config = await getConfig(client);
 * const { signInId, otp } = await startSignIn(client, { idNumber: '001203004567', password });
 * ```
 */
export class DvcClientCore {
  readonly baseUrl: string;
  readonly clientId: string;
  lang: Language;
  readonly #transport: Transport;

  constructor(options: DvcClientOptions, errors: DvcErrorClass) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.clientId = options.clientId;
    this.lang = options.lang ?? 'vi';
    this.#transport = new Transport({
      baseUrl: this.baseUrl,
      timeoutMs: options.timeoutMs ?? 15_000,
      retries: options.retries ?? 2,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      headers: () => ({ 'Accept-Language': this.lang, [CLIENT_HEADER]: this.clientId }),
      errors,
    });
  }

  /**
   * Sends one call in the client's language, with the portal's client id, its time limit and (when safe)
   * its retries; the parsed answer, or an error of the client's class. The operations' functions are
   * made of it.
   */
  request<T>(request: ServiceRequest, options: CallOptions = {}): Promise<T> {
    const get = request.body === undefined;
    return this.#transport.call({ ...request, method: request.method ?? (get ? 'GET' : 'POST'), idempotent: request.idempotent ?? (get || Boolean(options.idempotencyKey)) }, options);
  }
}

/**
 * A typed client of the DVC Kit identity service, for browsers and Node ≥ 20. One method per
 * operation; every failure is a {@link DvcError} with a stable `code`.
 *
 * @example
 * ```ts
 * import { DvcClient } from '@dvc-kit/sdk';
 * const client = new DvcClient({ baseUrl: 'http://127.0.0.1:4000', clientId: 'provincial-portal' });
 * const { signInId, otp } = await client.startSignIn({ idNumber: '001203004567', password });
 * console.log(`Code sent to ${otp.maskedPhone}`);
 * const { tokens, account } = await client.verifySignInCode(signInId, { code: '123456' });
 * ```
 */
export class DvcClient extends DvcClientCore {
  constructor(options: DvcClientOptions) {
    super(options, DvcError);
  }

  /** The rules and options a widget renders from for this portal. */
  getConfig(options?: CallOptions): Promise<ServiceConfig> {
    return getConfig(this, options);
  }

  /** A fresh proof-of-work puzzle for the human check. */
  getHumanCheckChallenge(options?: CallOptions): Promise<HumanCheckChallenge> {
    return getHumanCheckChallenge(this, options);
  }

  /**
   * Starts registration by mobile subscriber (`method: 'mobile'`: the carrier's check) or by social
   * insurance (`method: 'bhxh'` with `bhxhCode`: the social-insurance register's check), then a code
   * to the declared phone.
   */
  startRegistration(body: StartRegistrationRequest, options?: CallOptions): Promise<RegistrationStarted> {
    return startRegistration(this, body, options);
  }

  /**
   * Checks the code sent at registration. With an `idempotencyKey` (one per registration and code), a
   * network failure is retried safely: a repeat gets the first answer instead of `flow_step`.
   */
  verifyRegistrationCode(registrationId: string, body: { code: string }, options?: CallOptions): Promise<RegistrationCodeVerified> {
    return verifyRegistrationCode(this, registrationId, body, options);
  }

  /** Sends a new registration code ("Gửi lại OTP"); the previous one stops working. */
  resendRegistrationCode(registrationId: string, options?: CallOptions): Promise<CodeResent> {
    return resendRegistrationCode(this, registrationId, options);
  }

  /** Sets the password and creates the account at IAL2. */
  completeRegistration(registrationId: string, body: CompleteRegistrationRequest, options?: CallOptions): Promise<RegistrationCompleted> {
    return completeRegistration(this, registrationId, body, options);
  }

  /**
   * A challenge for a certificate to sign (IAL3 by USB token, SIM signature or remote signing): give
   * `toBeSigned` to the signing plugin, which signs those bytes, before `expiresAt`. Fails with
   * `not_found` when the service offers no signature method, `validation_failed` (`method_not_offered`
   * on `subjectType`) when it trusts no CA for the subject type, `too_many_attempts` with `retryAfter`.
   *
   * @example
   * ```ts
   * const challenge = await client.createSignatureChallenge({ operation: 'register', subjectType: 'enterprise' });
   * const signature = await signer.sign(challenge.toBeSigned); // the portal's signing plugin
   * ```
   */
  createSignatureChallenge(body: StartSignatureChallengeRequest, options?: CallOptions): Promise<SignatureChallenge> {
    return createSignatureChallenge(this, body, options);
  }

  /**
   * What the chosen certificate says — holder, organisation, validity, issuing CA, the ID number or
   * tax code found — after the service checked it as it will check the signature: show it before the
   * citizen confirms. The challenge is not used up. Each refusal has its own code: `cert_expired`,
   * `cert_not_yet_valid`, `cert_revoked`, `cert_untrusted`, `cert_key_usage`, `subject_mismatch` (with
   * `idNumber` / `taxCode`: not the number the certificate carries), `revocation_unavailable`,
   * `challenge_expired`, `challenge_used`, `not_found`.
   *
   * @example
   * ```ts
   * const { certificate } = await client.previewSignatureCertificate(challenge.challengeId, { certificate: pem, taxCode: '0101234567' });
   * show(`${certificate.holder} — ${certificate.organisation}, ${certificate.issuer}`);
   * ```
   */
  previewSignatureCertificate(challengeId: string, body: CertificatePreviewRequest, options?: CallOptions): Promise<CertificatePreview> {
    return previewSignatureCertificate(this, challengeId, body, options);
  }

  /**
   * Asks the service's SIM-signature or remote-signing provider to have the holder sign the challenge on
   * their phone ("Xác nhận trên điện thoại"); then poll {@link DvcClient.getSignatureRequest} every
   * `pollAfterSeconds` until `expiresAt`. Name the holder by one of `phone`, `idNumber` or `account`
   * (their account at the provider). One request per challenge. Fails with `not_found` (no provider, or
   * no such challenge for this portal), `validation_failed` (`method_not_offered` on `method`),
   * `challenge_used`, `challenge_expired`, `too_many_attempts` with `retryAfter` (per address and per
   * holder), `provider_unavailable`.
   *
   * @example
   * ```ts
   * const challenge = await client.createSignatureChallenge({ operation: 'sign_in', subjectType: 'citizen' });
   * const { requestId } = await client.startSignatureRequest({ challengeId: challenge.challengeId, method: 'sim_signature', holder: { phone: '0971234398' } });
   * ```
   */
  startSignatureRequest(body: StartSignatureRequest, options?: CallOptions): Promise<SignatureRequestStarted> {
    return startSignatureRequest(this, body, options);
  }

  /**
   * Where a signature request stands (a short poll, answered at once): `pending`, then `signed` with the
   * certificate's details to show, or `refused` / `timed_out` / `failed` with the problem `code` whose
   * text explains it (`provider_refused`, `provider_timeout`, `provider_unavailable`, `cert_revoked` …),
   * or `cancelled`. A signed request's id is what the signing flow takes.
   *
   * @example
   * ```ts
   * let state = await client.getSignatureRequest(requestId);
   * while (state.state === 'pending') {
   *   await new Promise((resolve) => setTimeout(resolve, (state.pollAfterSeconds ?? 2) * 1000));
   *   state = await client.getSignatureRequest(requestId);
   * }
   * ```
   */
  getSignatureRequest(requestId: string, options?: CallOptions): Promise<SignatureRequestState> {
    return getSignatureRequest(this, requestId, options);
  }

  /**
   * Cancels a pending signature request (the citizen pressed "Hủy"); one already settled keeps its state.
   * Answers where it stands.
   */
  cancelSignatureRequest(requestId: string, options?: CallOptions): Promise<SignatureRequestState> {
    return cancelSignatureRequest(this, requestId, options);
  }

  /**
   * Registers at IAL3 with a USB token: the signed `register` challenge, the ID number the certificate
   * must carry, the date of birth, the phone for codes and notices, consent. The account's name is the
   * certificate's holder. A code then goes to the phone, and the registration goes on with
   * {@link DvcClient.verifyRegistrationCode} and {@link DvcClient.completeRegistration}. Fails with the
   * certificate's and challenge's own codes (`subject_mismatch` when the certificate carries another ID
   * number, `challenge_used`, …), `not_found` when the service does not offer it.
   *
   * By SIM signature or remote signing, name the `signed` request of a `register` challenge
   * ({@link DvcClient.startSignatureRequest}) as `signatureRequestId`, with its method as `method`;
   * a request not signed yet fails with `signature_pending`, one declined or timed out with
   * `provider_refused` / `provider_timeout`.
   *
   * An enterprise registers with `subjectType: 'enterprise'` and its `taxCode` (no ID number or birth
   * date; the account is named by the certificate's organisation, `cert_no_tax_code` for a certificate
   * without one); an agency officer with `subjectType: 'agency'` and the officer's `idNumber` (no birth
   * date; a government CA's certificate, `cert_wrong_subject_type` for another) — each with a challenge
   * issued for that subject type.
   *
   * @example
   * ```ts
   * const forEnterprise = await client.createSignatureChallenge({ operation: 'register', subjectType: 'enterprise' });
   * await client.startSignatureRegistration({ subjectType: 'enterprise', method: 'usb_token', taxCode: '0101234567', phone, consentVersion, signature: await signer.sign(forEnterprise) });
   * const challenge = await client.createSignatureChallenge({ operation: 'register', subjectType: 'citizen' });
   * const signature = await signer.sign(challenge); // { challengeId, certificate, intermediates, algorithm, signature }
   * const { registrationId, otp } = await client.startSignatureRegistration({
   *   subjectType: 'citizen', method: 'usb_token', idNumber, birthDate: '15/03/1990', phone, consentVersion, signature,
   * });
   * // Or by SIM signature, once GET /v1/signature-requests/{requestId} says `signed`:
   * await client.startSignatureRegistration({ subjectType: 'citizen', method: 'sim_signature', idNumber, birthDate, phone, consentVersion, signatureRequestId: requestId });
   * ```
   */
  startSignatureRegistration(body: StartSignatureRegistrationRequest, options?: CallOptions): Promise<RegistrationStarted> {
    return startSignatureRegistration(this, body, options);
  }

  /**
   * Signs in with a signature instead of a password and SMS code: a signed challenge (USB token: AAL3
   * tokens), or `{ signatureRequestId }` of a signed SIM-signature (AAL3) or remote-signing (AAL2)
   * request for a `sign_in` challenge. The account is the one of the challenge's subject type whose
   * number the certificate carries (a citizen's or an officer's ID number, an enterprise's tax code);
   * a certificate without an account gets `invalid_credentials`, as a wrong password does. A request not
   * signed yet fails with `signature_pending`. With an `idempotencyKey`, a repeat gets the same tokens
   * while their refresh token is live.
   *
   * @example
   * ```ts
   * const challenge = await client.createSignatureChallenge({ operation: 'sign_in', subjectType: 'citizen' });
   * const { tokens } = await client.signInWithSignature(await signer.sign(challenge), { idempotencyKey: crypto.randomUUID() });
   * // By SIM signature: the holder confirmed on the phone (the request's state is `signed`).
   * const { requestId } = await client.startSignatureRequest({ challengeId: challenge.challengeId, method: 'sim_signature', holder: { phone: '0971234398' } });
   * // … poll client.getSignatureRequest(requestId) until `signed` …
   * const signedIn = await client.signInWithSignature({ signatureRequestId: requestId });
   * ```
   */
  signInWithSignature(body: SignatureSignInRequest, options?: CallOptions): Promise<SignedIn> {
    return signInWithSignature(this, body, options);
  }

  /**
   * Raises the signed-in citizen's account to IAL3 by signing an `upgrade` challenge with a
   * certificate that carries the account's ID number. Every portal sees it at once
   * ({@link DvcClient.getSessionAssurance}), and tokens from the next refresh carry it. Fails with
   * `already_ial3` for an account at IAL3, `subject_mismatch`, and the certificate's own codes. By SIM
   * signature or remote signing, pass `{ signatureRequestId }` of a signed request for an `upgrade`
   * challenge: the account's `verificationMethod` becomes the request's method.
   *
   * @example
   * ```ts
   * const challenge = await client.createSignatureChallenge({ operation: 'upgrade', subjectType: 'citizen' });
   * const { account } = await client.upgradeAssurance(accessToken, await signer.sign(challenge));
   * account.ial; // 3
   * // or: await client.upgradeAssurance(accessToken, { signatureRequestId: requestId });
   * ```
   */
  upgradeAssurance(accessToken: string, body: AssuranceUpgradeRequest, options?: CallOptions): Promise<AssuranceUpgraded> {
    return upgradeAssurance(this, accessToken, body, options);
  }

  /** ID number and password; on success a code goes to the registered phone. */
  startSignIn(body: StartSignInRequest, options?: CallOptions): Promise<SignInStarted> {
    return startSignIn(this, body, options);
  }

  /**
   * Checks the sign-in code and returns the tokens. With an `idempotencyKey` (one per sign-in and
   * code), a network failure is retried safely: a repeat gets the same tokens instead of `flow_step`.
   */
  verifySignInCode(signInId: string, body: { code: string }, options?: CallOptions): Promise<SignedIn> {
    return verifySignInCode(this, signInId, body, options);
  }

  /** Sends a new sign-in code; the previous one stops working. */
  resendSignInCode(signInId: string, options?: CallOptions): Promise<CodeResent> {
    return resendSignInCode(this, signInId, options);
  }

  /**
   * Starts password recovery ("Quên mật khẩu") with the ID number and a solved human check. If the ID
   * number has an account, a code goes to its registered phone; the answer is the same either way
   * (it never shows where the code went), so say "if this ID number has an account, a code was sent
   * to its registered phone".
   *
   * @example
   * ```ts
   * const { recoveryId, otp } = await client.startRecovery({ idNumber: '001090001234', humanCheck });
   * console.log(`Enter the ${otp.length}-digit code; a new one from ${otp.resendAt}`);
   * await client.verifyRecoveryCode(recoveryId, { code: '123456' }, { idempotencyKey: crypto.randomUUID() });
   * await client.completeRecovery(recoveryId, { password, passwordConfirmation: password }, { idempotencyKey: crypto.randomUUID() });
   * // Every session of the account has ended: sign in again with the new password.
   * ```
   */
  startRecovery(body: StartRecoveryRequest, options?: CallOptions): Promise<RecoveryStarted> {
    return startRecovery(this, body, options);
  }

  /**
   * Checks the recovery code. With an `idempotencyKey` (one per recovery and code), a network failure
   * is retried safely: a repeat gets the first answer instead of `flow_step`.
   *
   * @example
   * ```ts
   * try {
   *   await client.verifyRecoveryCode(recoveryId, { code }, { idempotencyKey });
   * } catch (error) {
   *   if (error instanceof DvcError && error.code === 'otp_invalid') console.log(`${error.remainingAttempts} tries left`);
   * }
   * ```
   */
  verifyRecoveryCode(recoveryId: string, body: { code: string }, options?: CallOptions): Promise<RecoveryCodeVerified> {
    return verifyRecoveryCode(this, recoveryId, body, options);
  }

  /**
   * Sends a new recovery code ("Gửi lại OTP"); the previous one stops working.
   *
   * @example
   * ```ts
   * const { otp } = await client.resendRecoveryCode(recoveryId);
   * ```
   */
  resendRecoveryCode(recoveryId: string, options?: CallOptions): Promise<RecoveryCodeResent> {
    return resendRecoveryCode(this, recoveryId, options);
  }

  /**
   * Sets the new password after the code: the portal's policy, and not one of the account's last 5
   * passwords (`password_reused` on `password`). Every session of the account ends, on every portal.
   *
   * @example
   * ```ts
   * const { next } = await client.completeRecovery(recoveryId, { password, passwordConfirmation: password }, { idempotencyKey });
   * if (next === 'sign_in') showSignIn();
   * ```
   */
  completeRecovery(recoveryId: string, body: CompleteRecoveryRequest, options?: CallOptions): Promise<RecoveryCompleted> {
    return completeRecovery(this, recoveryId, body, options);
  }

  /**
   * "Mất số điện thoại nhận OTP": replaces the phone of an account registered with a BHXH code,
   * without signing in (offered when `getConfig()` says `lostPhoneRecovery: true`). The service asks
   * the social-insurance register afresh and the carrier whether the NEW phone is the holder's; then
   * a code goes to the new phone. Whatever does not match — the ID number has no account, the account
   * has no BHXH code, a detail differs — fails the same way, `phone_recovery_unconfirmed`, whose text
   * tells the citizen to bring their ID card to a one-stop counter ("bộ phận một cửa"). The citizen
   * agrees to the processing of these personal data as at registration: `consentVersion` is the
   * version `getConfig()` names (another is refused on `consentVersion` as `consent_required`).
   *
   * @example
   * ```ts
   * const { consentVersion } = await client.getConfig();
   * try {
   *   const { phoneRecoveryId, otp } = await client.startPhoneRecovery({
   *     idNumber: '001090001234', bhxhCode: '0101234567', fullName: 'Nguyễn Văn An', birthDate: '1990-09-05', phone: '0961234398', consentVersion, humanCheck,
   *   });
   *   console.log(`Code sent to the new phone ${otp.maskedPhone}`);
   *   await client.verifyPhoneRecoveryCode(phoneRecoveryId, { code: '123456' }, { idempotencyKey: crypto.randomUUID() });
   *   // The phone is replaced and every session has ended: sign in again.
   * } catch (error) {
   *   if (error instanceof DvcError && error.code === 'phone_recovery_unconfirmed') showCounterAdvice(error.localizedMessage('vi'));
   * }
   * ```
   */
  startPhoneRecovery(body: StartPhoneRecoveryRequest, options?: CallOptions): Promise<PhoneRecoveryStarted> {
    return startPhoneRecovery(this, body, options);
  }

  /**
   * Checks the code sent to the new phone: the phone is replaced, every session of the account ends
   * (on every portal) and the old number gets a notice. With an `idempotencyKey` (one per recovery and
   * code), a network failure is retried safely.
   *
   * @example
   * ```ts
   * const { sessionsEnded } = await client.verifyPhoneRecoveryCode(phoneRecoveryId, { code }, { idempotencyKey });
   * ```
   */
  verifyPhoneRecoveryCode(phoneRecoveryId: string, body: { code: string }, options?: CallOptions): Promise<PhoneRecovered> {
    return verifyPhoneRecoveryCode(this, phoneRecoveryId, body, options);
  }

  /**
   * Sends a new code to the new phone ("Gửi lại OTP"); the previous one stops working.
   *
   * @example
   * ```ts
   * const { otp } = await client.resendPhoneRecoveryCode(phoneRecoveryId);
   * ```
   */
  resendPhoneRecoveryCode(phoneRecoveryId: string, options?: CallOptions): Promise<PhoneRecoveryCodeResent> {
    return resendPhoneRecoveryCode(this, phoneRecoveryId, options);
  }

  /**
   * Starts changing the signed-in citizen's password: the current password (a wrong one is
   * `invalid_credentials` and slows the ID number down as at sign-in), then a code to the registered
   * phone. Every other session of the account ends when the new password is set, unless
   * `endOtherSessions: false`. An access token alone changes nothing.
   *
   * @param accessToken - the citizen's access token (its session must be live).
   * @example
   * ```ts
   * const { changeId, otp } = await client.startPasswordChange(tokens.accessToken, { currentPassword });
   * console.log(`Code sent to ${otp.maskedPhone}`);
   * await client.verifyAccountChangeCode(tokens.accessToken, changeId, { code: '123456' }, { idempotencyKey: crypto.randomUUID() });
   * await client.completePasswordChange(tokens.accessToken, changeId, { password, passwordConfirmation: password }, { idempotencyKey: crypto.randomUUID() });
   * ```
   */
  startPasswordChange(accessToken: string, body: StartPasswordChangeRequest, options?: CallOptions): Promise<AccountChangeStarted> {
    return startPasswordChange(this, accessToken, body, options);
  }

  /**
   * Starts changing the signed-in citizen's email: the current password and the new address, then a
   * code to the registered phone; the email is replaced when the code is confirmed
   * ({@link DvcClient.verifyAccountChangeCode} answers `next: 'done'`). The same address as now is
   * `validation_failed` with `unchanged` on `email`.
   *
   * @param accessToken - the citizen's access token (its session must be live).
   * @example
   * ```ts
   * const { changeId } = await client.startEmailChange(tokens.accessToken, { currentPassword, email: 'an.nguyen@example.vn' });
   * const { next } = await client.verifyAccountChangeCode(tokens.accessToken, changeId, { code }, { idempotencyKey });
   * // next === 'done': the email is replaced
   * ```
   */
  startEmailChange(accessToken: string, body: StartEmailChangeRequest, options?: CallOptions): Promise<AccountChangeStarted> {
    return startEmailChange(this, accessToken, body, options);
  }

  /**
   * Starts changing the signed-in citizen's phone: the current password and the new number; the
   * carrier must confirm the new SIM is registered to the account's holder (`carrier_mismatch`
   * otherwise), and the code goes to the NEW phone. Once confirmed the phone is replaced and the old
   * number gets a notice. Ask for `endOtherSessions: true` to sign out every other device too.
   *
   * @param accessToken - the citizen's access token (its session must be live).
   * @example
   * ```ts
   * try {
   *   const { changeId, otp } = await client.startPhoneChange(tokens.accessToken, { currentPassword, phone: '0912345678', endOtherSessions: true });
   *   console.log(`Code sent to the new phone ${otp.maskedPhone}`);
   * } catch (error) {
   *   if (error instanceof DvcError && error.code === 'carrier_mismatch') showCarrierMessage();
   * }
   * ```
   */
  startPhoneChange(accessToken: string, body: StartPhoneChangeRequest, options?: CallOptions): Promise<AccountChangeStarted> {
    return startPhoneChange(this, accessToken, body, options);
  }

  /**
   * Adds the 12-digit CCCD to the signed-in citizen's account registered with a 9-digit CMND (no
   * longer an ID document since 1/1/2025): the current password (counted as at sign-in) and the CCCD,
   * whose birth year must be the account's (`validation_failed`, `id_number_birth_year` on `cccd`);
   * the register that verified the account must know the CCCD as its holder's (`carrier_mismatch`,
   * or `bhxh_mismatch` for an account made by social insurance); then a code to the registered phone.
   * Once {@link DvcClient.verifyAccountChangeCode} answers `next: 'done'`, the CMND and the CCCD both
   * sign in to the one account (the same `sub`), on every portal. An account that already signs in
   * with a CCCD gets `cccd_already_added`; a CCCD that signs in to another account, `cccd_in_use`
   * (told only once the code is confirmed, as registration tells `account_exists`).
   *
   * @param accessToken - the citizen's access token (its session must be live).
   * @example
   * ```ts
   * try {
   *   const { changeId, otp } = await client.startCccdAddition(tokens.accessToken, { currentPassword, cccd: '001090001234' });
   *   console.log(`Code sent to ${otp.maskedPhone}`);
   *   await client.verifyAccountChangeCode(tokens.accessToken, changeId, { code }, { idempotencyKey: crypto.randomUUID() });
   *   const account = await client.getAccount(tokens.accessToken);
   *   console.log(account.idNumbersMasked); // ['123***789', '001******234']
   * } catch (error) {
   *   if (error instanceof DvcError && error.code === 'cccd_already_added') showAccount();
   * }
   * ```
   */
  startCccdAddition(accessToken: string, body: StartCccdAdditionRequest, options?: CallOptions): Promise<AccountChangeStarted> {
    return startCccdAddition(this, accessToken, body, options);
  }

  /**
   * Checks the code of an account change. An email, phone or CCCD change is made now (`next: 'done'`, with
   * how many other sessions ended); a password change goes on to
   * {@link DvcClient.completePasswordChange} (`next: 'password'`). With an `idempotencyKey` (one per
   * change and code), a network failure is retried safely.
   *
   * @example
   * ```ts
   * try {
   *   const { next } = await client.verifyAccountChangeCode(accessToken, changeId, { code }, { idempotencyKey });
   * } catch (error) {
   *   if (error instanceof DvcError && error.code === 'otp_invalid') console.log(`${error.remainingAttempts} tries left`);
   * }
   * ```
   */
  verifyAccountChangeCode(accessToken: string, changeId: string, body: { code: string }, options?: CallOptions): Promise<AccountChangeCodeVerified> {
    return verifyAccountChangeCode(this, accessToken, changeId, body, options);
  }

  /**
   * Sends a new code for an account change ("Gửi lại OTP"), to where the first went; the previous one
   * stops working.
   *
   * @example
   * ```ts
   * const { otp } = await client.resendAccountChangeCode(accessToken, changeId);
   * ```
   */
  resendAccountChangeCode(accessToken: string, changeId: string, options?: CallOptions): Promise<AccountChangeCodeResent> {
    return resendAccountChangeCode(this, accessToken, changeId, options);
  }

  /**
   * Sets the new password of a password change after its code: the portal's policy, and not one of
   * the account's last 5 passwords (`password_reused` on `password`). The other sessions end unless
   * the change was started with `endOtherSessions: false`; this one stays signed in.
   *
   * @example
   * ```ts
   * const { otherSessionsEnded } = await client.completePasswordChange(accessToken, changeId, { password, passwordConfirmation: password }, { idempotencyKey });
   * ```
   */
  completePasswordChange(accessToken: string, changeId: string, body: CompletePasswordChangeRequest, options?: CallOptions): Promise<PasswordChanged> {
    return completePasswordChange(this, accessToken, changeId, body, options);
  }

  /**
   * Signs the citizen out everywhere: every session of the account ends, on every portal, this one
   * too (their refresh tokens stop working). To end only this session, use {@link DvcClient.signOut}.
   *
   * @example
   * ```ts
   * const { sessionsEnded } = await client.signOutEverywhere(tokens.accessToken);
   * ```
   */
  signOutEverywhere(accessToken: string, options?: CallOptions): Promise<SignedOutEverywhere> {
    return signOutEverywhere(this, accessToken, options);
  }

  /** Trades a refresh token for new tokens; the old refresh token stops working. */
  refresh(refreshToken: string, options?: CallOptions): Promise<TokenSet> {
    return refresh(this, refreshToken, options);
  }

  /** Ends the session the refresh token belongs to, on every portal. */
  signOut(refreshToken: string, options?: CallOptions): Promise<void> {
    return signOut(this, refreshToken, options);
  }

  /**
   * The signed-in account, read with an access token (`GET /v1/userinfo`): what an account page shows —
   * name, level and method, every ID number, the phone and e-mail masked, whether a CCCD may be added.
   *
   * @example
   * ```ts
   * const account = await client.getAccount(tokens.accessToken);
   * console.log(account.phoneMasked, account.canAddCccd); // '097****398' false
   * ```
   */
  getAccount(accessToken: string, options?: CallOptions): Promise<AccountDetails> {
    return getAccount(this, accessToken, options);
  }

  /**
   * Starts adding a passkey to the signed-in account: the current password, on a sign-in at most the
   * service's `passkeys.recentSignInSeconds` old (else `recent_sign_in_required`: sign in again). The
   * answer's `options` go to `navigator.credentials.create()` (e.g. with @simplewebauthn/browser's
   * `startRegistration({ optionsJSON })`), and what it gives back to {@link DvcClient.addPasskey}.
   *
   * @example
   * ```ts
   * import { startRegistration } from '@simplewebauthn/browser';
   * const { registrationId, options } = await client.startPasskeyRegistration(tokens.accessToken, { currentPassword });
   * const credential = await startRegistration({ optionsJSON: options });
   * const { passkey } = await client.addPasskey(tokens.accessToken, { registrationId, credential, name: 'Điện thoại của tôi' });
   * ```
   */
  startPasskeyRegistration(accessToken: string, body: StartPasskeyRegistrationRequest, options?: CallOptions): Promise<PasskeyRegistrationStarted> {
    return startPasskeyRegistration(this, accessToken, body, options);
  }

  /**
   * Adds the passkey the browser made from {@link DvcClient.startPasskeyRegistration}'s options. Refused
   * as `passkey_verification_failed` (made on another page or for another service, or too late),
   * `passkey_already_added` or `passkey_limit_reached`.
   */
  addPasskey(accessToken: string, body: AddPasskeyRequest, options?: CallOptions): Promise<PasskeyAdded> {
    return addPasskey(this, accessToken, body, options);
  }

  /** The signed-in account's passkeys, oldest first (names, kinds, dates; never a key). */
  listPasskeys(accessToken: string, options?: CallOptions): Promise<PasskeyList> {
    return listPasskeys(this, accessToken, options);
  }

  /** Removes a passkey of the signed-in account (`passkey_not_found` when it has none with that id). */
  removePasskey(accessToken: string, passkeyId: string, options?: CallOptions): Promise<void> {
    return removePasskey(this, accessToken, passkeyId, options);
  }

  /**
   * A new passkey challenge for a sign-in after its password, when the one {@link DvcClient.startSignIn}
   * answered with was spent by a failed or cancelled try. A bounded number per sign-in
   * (`too_many_attempts` after that; the SMS code still answers).
   */
  newSignInPasskeyOptions(signInId: string, options?: CallOptions): Promise<SignInPasskeyOptions> {
    return newSignInPasskeyOptions(this, signInId, options);
  }

  /**
   * Ends a sign-in with a passkey instead of the SMS code: `startSignIn` answered `passkey` options (the
   * account has passkeys); the browser's answer to them goes here. The tokens carry AAL2 and `amr` with
   * `hwk` or `swk`. Refused as `passkey_verification_failed` or `passkey_not_found`; the code still works.
   *
   * @example
   * ```ts
   * import { startAuthentication } from '@simplewebauthn/browser';
   * const { signInId, otp, passkey } = await client.startSignIn({ idNumber, password });
   * if (passkey) {
   *   const credential = await startAuthentication({ optionsJSON: passkey });
   *   const { tokens } = await client.verifySignInPasskey(signInId, credential, { idempotencyKey: crypto.randomUUID() });
   * }
   * ```
   */
  verifySignInPasskey(signInId: string, credential: PasskeyAssertion, options?: CallOptions): Promise<SignedIn> {
    return verifySignInPasskey(this, signInId, credential, options);
  }

  /**
   * The truth about the access token's session, from the service's store rather than the token: the
   * account's identity level and how it was proven (an upgrade on any portal shows at once), and how and
   * when the citizen signed in. A session that ended (signed out, password changed, expired) is
   * `unauthorized`, though its token may not have expired yet.
   *
   * @example
   * ```ts
   * const { ial, ialMethod, aal, amr, authTime } = await client.getSessionAssurance(tokens.accessToken);
   * ```
   */
  getSessionAssurance(accessToken: string, options?: CallOptions): Promise<SessionAssuranceView> {
    return getSessionAssurance(this, accessToken, options);
  }

  /**
   * Asks the service whether the access token's session meets a requirement, by the service's clock:
   * `meets`, and what is `missing` (each part with the value asked for). What a gate "as verified by the
   * service" asks before it shows what it guards.
   *
   * @example
   * ```ts
   * const { meets, missing } = await client.checkSessionAssurance(tokens.accessToken, { ial: 3, aal: 2, maxAge: 900 });
   * if (!meets && missing.ial) offerUpgradeBySignature();
   * ```
   */
  checkSessionAssurance(accessToken: string, requirement: AssuranceRequirement, options?: CallOptions): Promise<AssuranceCheck> {
    return checkSessionAssurance(this, accessToken, requirement, options);
  }
}
