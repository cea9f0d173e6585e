import * as z from 'zod/mini';
import { PasswordField } from './fields.js';
import { typeRule } from './type-rule.js';

// The WebAuthn shapes here are the JSON forms of WebAuthn Level 3 (`PublicKeyCredential.toJSON()`, what
// @simplewebauthn/browser's startRegistration / startAuthentication give back): binary values as
// base64url text. The service reads only what it checks; the browser API reads the options as they are
// (an options object may carry members these schemas leave out, e.g. `extensions` or `hints`).

/** Base64url text (RFC 4648 §5, no padding), at most `max` characters. */
const base64url = (max: number) => z.string(typeRule()).check(z.maxLength(max, 'too_long'), z.regex(/^[A-Za-z0-9_-]*$/, 'invalid_type'));

/** A credential id as base64url; WebAuthn caps the raw id at 1023 bytes (1364 characters). */
export const PasskeyIdField = base64url(1364).check(z.minLength(1, 'required'));

/**
 * `navigator.credentials.create()` options, as JSON: what `PublicKeyCredential.parseCreationOptionsFromJSON`
 * or @simplewebauthn/browser's `startRegistration({ optionsJSON })` take.
 */
export const PasskeyCreationOptionsSchema = z.object({
  /** The relying party: `id` is the configured RP ID (a domain the portals' origins share, or one they relate to). */
  rp: z.object({ id: z.optional(z.string()), name: z.string() }),
  /** The account: `id` an opaque handle (base64url), `name` the masked ID number, `displayName` the citizen's name. */
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ type: z.string(), alg: z.number() })),
  timeout: z.optional(z.number()),
  /** The account's passkeys already added, so the same authenticator is not added twice. */
  excludeCredentials: z.optional(z.array(z.object({ id: z.string(), type: z.string(), transports: z.optional(z.array(z.string())) }))),
  authenticatorSelection: z.optional(
    z.object({
      authenticatorAttachment: z.optional(z.string()),
      residentKey: z.optional(z.string()),
      requireResidentKey: z.optional(z.boolean()),
      userVerification: z.optional(z.string()),
    }),
  ),
  attestation: z.optional(z.string()),
});
/** `navigator.credentials.create()` options as JSON. */
export type PasskeyCreationOptions = z.infer<typeof PasskeyCreationOptionsSchema>;

/**
 * `navigator.credentials.get()` options, as JSON: what `PublicKeyCredential.parseRequestOptionsFromJSON`
 * or @simplewebauthn/browser's `startAuthentication({ optionsJSON })` take.
 */
export const PasskeyRequestOptionsSchema = z.object({
  challenge: z.string(),
  timeout: z.optional(z.number()),
  rpId: z.optional(z.string()),
  /** The account's passkeys: only these may answer. */
  allowCredentials: z.optional(z.array(z.object({ id: z.string(), type: z.string(), transports: z.optional(z.array(z.string())) }))),
  userVerification: z.optional(z.string()),
});
/** `navigator.credentials.get()` options as JSON. */
export type PasskeyRequestOptions = z.infer<typeof PasskeyRequestOptionsSchema>;

const Transports = z.optional(z.array(z.string(typeRule()).check(z.maxLength(32, 'too_long'))).check(z.maxLength(8, 'too_long')));
const ClientExtensionResults = z.optional(z.record(z.string(), z.unknown()));

/** A new passkey as the browser gives it (`PublicKeyCredential.toJSON()` after `create()`). */
export const PasskeyAttestationSchema = z.object({
  id: PasskeyIdField,
  rawId: PasskeyIdField,
  type: z.literal('public-key', typeRule()),
  response: z.object({
    clientDataJSON: base64url(8192).check(z.minLength(1, 'required')),
    attestationObject: base64url(65536).check(z.minLength(1, 'required')),
    transports: Transports,
    authenticatorData: z.optional(base64url(65536)),
    publicKey: z.optional(base64url(8192)),
    publicKeyAlgorithm: z.optional(z.number(typeRule())),
  }),
  authenticatorAttachment: z.optional(z.string(typeRule()).check(z.maxLength(32, 'too_long'))),
  clientExtensionResults: ClientExtensionResults,
});
/** A new passkey as the browser gives it. */
export type PasskeyAttestation = z.infer<typeof PasskeyAttestationSchema>;

/** A passkey's answer to a challenge as the browser gives it (`PublicKeyCredential.toJSON()` after `get()`). */
export const PasskeyAssertionSchema = z.object({
  id: PasskeyIdField,
  rawId: PasskeyIdField,
  type: z.literal('public-key', typeRule()),
  response: z.object({
    clientDataJSON: base64url(8192).check(z.minLength(1, 'required')),
    authenticatorData: base64url(65536).check(z.minLength(1, 'required')),
    signature: base64url(2048).check(z.minLength(1, 'required')),
    userHandle: z.optional(base64url(128)),
  }),
  authenticatorAttachment: z.optional(z.string(typeRule()).check(z.maxLength(32, 'too_long'))),
  clientExtensionResults: ClientExtensionResults,
});
/** A passkey's answer to a challenge as the browser gives it. */
export type PasskeyAssertion = z.infer<typeof PasskeyAssertionSchema>;

/**
 * `POST /v1/account/passkeys/options` (with the citizen's access token): the current password, on a
 * session signed in (with password and code, or a passkey) within the service's
 * `passkeys.recentSignInSeconds`; otherwise 403 `recent_sign_in_required` (sign in again). The password
 * counts against the ID number's wrong-password slow-down, as a sign-in does.
 */
export const StartPasskeyRegistrationSchema = z.object({
  currentPassword: PasswordField,
});
/** Body of `POST /v1/account/passkeys/options`. */
export type StartPasskeyRegistrationRequest = z.infer<typeof StartPasskeyRegistrationSchema>;

/** `POST /v1/account/passkeys/options` response (200): the options for `navigator.credentials.create()`. */
export const PasskeyRegistrationStartedSchema = z.object({
  /** Names this addition in `POST /v1/account/passkeys`; single use, valid until `expiresAt`. */
  registrationId: z.string(),
  options: PasskeyCreationOptionsSchema,
  expiresAt: z.iso.datetime(),
});
/** Response of `POST /v1/account/passkeys/options`. */
export type PasskeyRegistrationStarted = z.infer<typeof PasskeyRegistrationStartedSchema>;

/** A name the citizen gives a passkey ("Điện thoại của tôi"): 1–64 characters, trimmed. */
export const PasskeyNameField = z.string(typeRule()).check(z.trim(), z.minLength(1, 'required'), z.maxLength(64, 'too_long'), z.regex(/^[^\p{Cc}]*$/u, 'name_control'));

/** `POST /v1/account/passkeys` (with the citizen's access token): the new passkey, from the browser. */
export const AddPasskeySchema = z.object({
  registrationId: z.string(typeRule()).check(z.minLength(1, 'required'), z.maxLength(64, 'too_long')),
  credential: PasskeyAttestationSchema,
  name: z.optional(PasskeyNameField),
});
/** Body of `POST /v1/account/passkeys`. */
export type AddPasskeyRequest = z.infer<typeof AddPasskeySchema>;

/** A passkey of the account as the service shows it: never its key. */
export const PasskeySchema = z.object({
  /** The credential id (base64url): `DELETE /v1/account/passkeys/{id}` removes it. */
  id: z.string(),
  /** The name the citizen gave it, or `null`. */
  name: z.nullable(z.string()),
  /** How the browser reaches it: `internal` (this device), `hybrid` (a phone nearby), `usb`, `nfc`, `ble`. */
  transports: z.array(z.string()),
  /** `multi_device`: synced between devices (a password manager, a platform account); `single_device`: bound to one authenticator. */
  deviceType: z.enum(['single_device', 'multi_device']),
  /** Whether a synced passkey is backed up now. */
  backedUp: z.boolean(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.nullable(z.iso.datetime()),
});
/** A passkey of the account. */
export type Passkey = z.infer<typeof PasskeySchema>;

/** `POST /v1/account/passkeys` response (201): the passkey added. */
export const PasskeyAddedSchema = z.object({ passkey: PasskeySchema });
/** Response of `POST /v1/account/passkeys`. */
export type PasskeyAdded = z.infer<typeof PasskeyAddedSchema>;

/** `GET /v1/account/passkeys` response: the account's passkeys, oldest first. */
export const PasskeyListSchema = z.object({ passkeys: z.array(PasskeySchema) });
/** Response of `GET /v1/account/passkeys`. */
export type PasskeyList = z.infer<typeof PasskeyListSchema>;

/** `POST /v1/sign-ins/{id}/passkey/options` response: a new challenge for the sign-in's passkeys. */
export const SignInPasskeyOptionsSchema = z.object({ passkey: PasskeyRequestOptionsSchema });
/** Response of `POST /v1/sign-ins/{id}/passkey/options`. */
export type SignInPasskeyOptions = z.infer<typeof SignInPasskeyOptionsSchema>;

/**
 * `POST /v1/sign-ins/{id}/passkey`: a passkey of the account answers the sign-in's challenge instead of
 * the SMS code. The answer is the code step's: tokens (AAL2, `amr` with `hwk` or `swk`) and the account.
 */
export const VerifySignInPasskeySchema = z.object({ credential: PasskeyAssertionSchema });
/** Body of `POST /v1/sign-ins/{id}/passkey`. */
export type VerifySignInPasskeyRequest = z.infer<typeof VerifySignInPasskeySchema>;
