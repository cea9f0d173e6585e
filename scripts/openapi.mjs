#!/usr/bin/env node
// Generates docs/openapi.json from the zod schemas in @dvc-kit/sdk/contract — the same schemas the
// service validates with — so the document can never drift from the wire. `npm run docs` runs it.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as contract from '@dvc-kit/sdk/contract';

const schema = contract.toJsonSchema;
const json = (s) => ({ content: { 'application/json': { schema: schema(s) } } });
// A request body: what the service accepts, unknown properties ignored (not refused).
const body = (s) => ({ required: true, content: { 'application/json': { schema: schema(s, 'input') } } });
const problem = (description) => ({ description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
const clientHeader = { name: contract.CLIENT_HEADER, in: 'header', required: true, description: 'The portal (client id) the request comes from.', schema: { type: 'string' } };
const idempotencyKey = { name: 'Idempotency-Key', in: 'header', required: false, description: 'Makes a retry safe: a repeat with the same key and body gets the first answer.', schema: { type: 'string', maxLength: 255 } };
const language = { name: 'Accept-Language', in: 'header', required: false, description: 'vi (default) or en: the language of problem texts.', schema: { type: 'string' } };
const flowId = (name) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
// The signed-in citizen's own account: a live access token, checked against its session in the store.
const signedIn = [{ bearer: [] }];
const noToken = { 401: problem('No access token, or its session ended (signed out, password changed elsewhere, expired); see WWW-Authenticate') };
const currentPassword = { 401: problem('No live access token (unauthorized), or the current password is wrong (invalid_credentials, counted as a sign-in attempt)'), 429: problem('Too many password attempts (for this ID number or from this address) or codes sent; see Retry-After') };
// The operator API: an operator's bearer token (only its SHA-256 is configured), never a portal's client id or a browser origin.
const operator = [{ operatorToken: [] }];
const operatorProblems = { 401: problem('Operator credential missing or wrong (operator_unauthorized); see WWW-Authenticate'), 403: problem('Called from a browser page (Origin present): the operator API has no CORS'), 429: problem('Too many calls of this operator; see Retry-After') };
const common = { 400: problem('Validation failed, unknown client or failed human check'), 403: problem('Origin not allowed for this client') };
const unavailable = { 503: problem('Registry or SMS gateway unavailable; try again later') };
const otpErrors = { 404: problem('Flow not found or expired'), 409: problem('Step not available yet'), 410: problem('Code expired'), 429: problem('Too many tries or sends; see Retry-After') };

// Every operation that takes a body can be refused at the edge, before its own checks.
const edgeProblems = { 413: problem('Body larger than the service accepts (body_too_large)'), 415: problem('Body not application/json (unsupported_media_type)') };
const withEdgeProblems = (paths) => {
  for (const operation of Object.values(paths).flatMap((path) => Object.values(path))) {
    if (operation.requestBody) Object.assign(operation.responses, edgeProblems);
  }
  return paths;
};

export function buildOpenApi() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'DVC Kit identity service',
      version: '1',
      description: 'One citizen account for every Vietnamese public-service portal. Errors are RFC 9457 problem details with a stable `code`, field `errors` and `Retry-After` where a limit applies.',
    },
    paths: withEdgeProblems({
      [contract.PATHS.config]: { get: { summary: 'What a widget renders from for this portal', parameters: [clientHeader], responses: { 200: { description: 'Configuration', ...json(contract.ServiceConfigSchema) }, ...common } } },
      [contract.PATHS.humanCheckChallenge]: { get: { summary: 'A proof-of-work human check', parameters: [clientHeader], responses: { 200: { description: 'Challenge', ...json(contract.HumanCheckChallengeSchema) } } } },
      [contract.PATHS.registrations]: { post: { summary: 'Start registering by mobile subscriber (method mobile) or social insurance (method bhxh)', parameters: [clientHeader, idempotencyKey, language], requestBody: body(contract.StartRegistrationSchema), responses: { 201: { description: 'Code sent', ...json(contract.RegistrationStartedSchema) }, ...common, 422: problem('Carrier record (carrier_mismatch) or social-insurance record (bhxh_mismatch) does not match, or idempotency conflict'), 429: problem('Too many register look-ups from this address or about this ID number, or too many codes sent; see Retry-After'), 503: problem('Registry or SMS gateway unavailable') } } },
      '/v1/registrations/{registrationId}/otp/verify': { post: { summary: 'Check the registration code', parameters: [clientHeader, idempotencyKey, language, flowId('registrationId')], requestBody: body(contract.VerifyCodeSchema), responses: { 200: { description: 'Code accepted', ...json(contract.RegistrationCodeVerifiedSchema) }, ...common, ...otpErrors, 409: problem('Account exists for this ID number'), 422: problem('Idempotency conflict') } } },
      '/v1/registrations/{registrationId}/otp/resend': { post: { summary: 'Send a new registration code', parameters: [clientHeader, language, flowId('registrationId')], responses: { 200: { description: 'New code sent', ...json(contract.CodeResentSchema) }, ...common, ...otpErrors, ...unavailable } } },
      '/v1/registrations/{registrationId}/password': { post: { summary: 'Set the password and create the account', parameters: [clientHeader, idempotencyKey, language, flowId('registrationId')], requestBody: body(contract.CompleteRegistrationSchema), responses: { 201: { description: 'Account created', ...json(contract.RegistrationCompletedSchema) }, ...common, 404: problem('Flow not found or expired'), 409: problem('Code not verified yet, or account exists'), 422: problem('Idempotency conflict') } } },
      [contract.PATHS.signIns]: { post: { summary: 'ID number and password', parameters: [clientHeader, language], requestBody: body(contract.StartSignInSchema), responses: { 200: { description: 'Code sent to the registered phone', ...json(contract.SignInStartedSchema) }, ...common, 401: problem('Invalid credentials (the same for an unknown ID number)'), 429: problem('Too many attempts (for this ID number or from this address) or codes sent; see Retry-After'), ...unavailable } } },
      '/v1/sign-ins/{signInId}/otp/verify': { post: { summary: 'Check the sign-in code', parameters: [clientHeader, idempotencyKey, language, flowId('signInId')], requestBody: body(contract.VerifyCodeSchema), responses: { 200: { description: 'Signed in (a repeat with the same Idempotency-Key gets the same tokens while their refresh token is live)', ...json(contract.SignedInSchema) }, ...common, ...otpErrors, 422: problem('Idempotency conflict') } } },
      '/v1/sign-ins/{signInId}/otp/resend': { post: { summary: 'Send a new sign-in code', parameters: [clientHeader, language, flowId('signInId')], responses: { 200: { description: 'New code sent', ...json(contract.CodeResentSchema) }, ...common, ...otpErrors, ...unavailable } } },
      [contract.PATHS.recoveries]: { post: { summary: 'Forgot password: ID number and human check (the same answer whether or not the ID number has an account)', parameters: [clientHeader, language], requestBody: body(contract.StartRecoverySchema), responses: { 201: { description: 'Recovery started; a code went to the registered phone if the ID number has an account', ...json(contract.RecoveryStartedSchema) }, ...common, 429: problem('Too many recovery starts from this address or for this ID number, or too many codes sent; see Retry-After') } } },
      '/v1/recoveries/{recoveryId}/otp/verify': { post: { summary: 'Check the recovery code', parameters: [clientHeader, idempotencyKey, language, flowId('recoveryId')], requestBody: body(contract.VerifyCodeSchema), responses: { 200: { description: 'Code accepted', ...json(contract.RecoveryCodeVerifiedSchema) }, ...common, ...otpErrors, 422: problem('Idempotency conflict') } } },
      '/v1/recoveries/{recoveryId}/otp/resend': { post: { summary: 'Send a new recovery code', parameters: [clientHeader, language, flowId('recoveryId')], responses: { 200: { description: 'New code sent (if the ID number has an account)', ...json(contract.RecoveryCodeResentSchema) }, ...common, ...otpErrors } } },
      '/v1/recoveries/{recoveryId}/password': { post: { summary: 'Set a new password; every session of the account ends', parameters: [clientHeader, idempotencyKey, language, flowId('recoveryId')], requestBody: body(contract.CompleteRecoverySchema), responses: { 200: { description: 'Password changed; sign in with it', ...json(contract.RecoveryCompletedSchema) }, ...common, 404: problem('Flow not found or expired'), 409: problem('Code not verified yet'), 422: problem('Idempotency conflict') } } },
      [contract.PATHS.phoneRecoveries]: { post: { summary: 'Lost phone ("Mất số điện thoại nhận OTP"): ID number, BHXH code, name, birth date and the NEW phone, matched afresh by the social-insurance register and the carrier; offered when GET /v1/config says lostPhoneRecovery', parameters: [clientHeader, language], requestBody: body(contract.StartPhoneRecoverySchema), responses: { 201: { description: 'Details confirmed; a code went to the new phone', ...json(contract.PhoneRecoveryStartedSchema) }, ...common, 404: problem('Not offered by this service (no social-insurance register)'), 422: problem('Details not confirmed (phone_recovery_unconfirmed), the same answer whether or not the ID number has an account or a BHXH code: visit a one-stop counter'), 429: problem('Too many register look-ups from this address or about this ID number (mismatches included), or codes sent; see Retry-After'), ...unavailable } } },
      '/v1/phone-recoveries/{phoneRecoveryId}/otp/verify': { post: { summary: 'Check the code sent to the new phone: the phone is replaced and every session of the account ends', parameters: [clientHeader, idempotencyKey, language, flowId('phoneRecoveryId')], requestBody: body(contract.VerifyCodeSchema), responses: { 200: { description: 'Phone replaced; sign in again', ...json(contract.PhoneRecoveredSchema) }, ...common, ...otpErrors, 409: problem('Step not available, or the phone changed meanwhile'), 422: problem('Idempotency conflict') } } },
      '/v1/phone-recoveries/{phoneRecoveryId}/otp/resend': { post: { summary: 'Send a new code to the new phone', parameters: [clientHeader, language, flowId('phoneRecoveryId')], responses: { 200: { description: 'New code sent', ...json(contract.PhoneRecoveryCodeResentSchema) }, ...common, ...otpErrors, ...unavailable } } },
      [contract.PATHS.passwordChanges]: { post: { summary: 'Start changing the password: the current one, then a code to the registered phone', parameters: [clientHeader, language], security: signedIn, requestBody: body(contract.StartPasswordChangeSchema), responses: { 201: { description: 'Code sent to the registered phone', ...json(contract.AccountChangeStartedSchema) }, ...common, ...currentPassword, ...unavailable } } },
      [contract.PATHS.emailChanges]: { post: { summary: 'Start changing the email: the current password and the new address, then a code to the registered phone', parameters: [clientHeader, language], security: signedIn, requestBody: body(contract.StartEmailChangeSchema), responses: { 201: { description: 'Code sent to the registered phone', ...json(contract.AccountChangeStartedSchema) }, ...common, ...currentPassword, ...unavailable } } },
      [contract.PATHS.phoneChanges]: { post: { summary: 'Start changing the phone: the current password and the new number, matched by the carrier; the code goes to the new phone', parameters: [clientHeader, language], security: signedIn, requestBody: body(contract.StartPhoneChangeSchema), responses: { 201: { description: 'Code sent to the new phone', ...json(contract.AccountChangeStartedSchema) }, ...common, ...currentPassword, 422: problem('The carrier does not have the new number in the holder’s name (carrier_mismatch)'), 429: problem('Too many password attempts, register look-ups (mismatches included) or codes sent; see Retry-After'), ...unavailable } } },
      '/v1/account/changes/{changeId}/otp/verify': { post: { summary: 'Check the code of an account change: an email or phone change is made now, a password change goes on', parameters: [clientHeader, idempotencyKey, language, flowId('changeId')], security: signedIn, requestBody: body(contract.VerifyCodeSchema), responses: { 200: { description: 'Code accepted', ...json(contract.AccountChangeCodeVerifiedSchema) }, ...common, ...noToken, ...otpErrors, 404: problem('Change not found: expired, or started by another citizen or session'), 422: problem('Idempotency conflict') } } },
      '/v1/account/changes/{changeId}/otp/resend': { post: { summary: 'Send a new code for an account change', parameters: [clientHeader, language, flowId('changeId')], security: signedIn, responses: { 200: { description: 'New code sent', ...json(contract.AccountChangeCodeResentSchema) }, ...common, ...noToken, ...otpErrors, ...unavailable } } },
      '/v1/account/changes/{changeId}/password': { post: { summary: 'Set the new password of a password change; the other sessions end unless asked not to', parameters: [clientHeader, idempotencyKey, language, flowId('changeId')], security: signedIn, requestBody: body(contract.CompletePasswordChangeSchema), responses: { 200: { description: 'Password changed', ...json(contract.PasswordChangedSchema) }, ...common, ...noToken, 404: problem('Change not found or expired'), 409: problem('Code not verified yet, or a parallel change landed first'), 422: problem('Idempotency conflict') } } },
      [contract.PATHS.signOutEverywhere]: { post: { summary: 'Sign out everywhere: every session of the account ends, on every portal', parameters: [clientHeader, language], security: signedIn, responses: { 200: { description: 'Signed out everywhere', ...json(contract.SignedOutEverywhereSchema) }, ...noToken } } },
      [contract.PATHS.refresh]: { post: { summary: 'Rotate a refresh token', parameters: [clientHeader], requestBody: body(contract.RefreshSchema), responses: { 200: { description: 'New tokens', ...json(contract.TokenSetSchema) }, 401: problem('Refresh token invalid, reused after the double-submit grace, or session ended') } } },
      [contract.PATHS.signOut]: { post: { summary: 'End the session everywhere', parameters: [clientHeader], requestBody: body(contract.RefreshSchema), responses: { 204: { description: 'Signed out (also for an unknown token)' }, 403: problem('The session belongs to another portal (client_mismatch); it stays signed in') } } },
      [contract.PATHS.userinfo]: { get: { summary: 'The signed-in account', parameters: [clientHeader], security: [{ bearer: [] }], responses: { 200: { description: 'Account', ...json(contract.AccountSchema) }, 401: problem('No valid access token') } } },
      [contract.OPERATOR_PATHS.phoneReplacements]: { post: { summary: 'Operator API (one-stop counter, operator credential; no CORS, no client id): replace a lost phone after an in-person check; every session ends and an audit entry names the officer, in one transaction', security: operator, parameters: [language], requestBody: body(contract.PhoneReplacementSchema), responses: { 200: { description: 'Phone replaced', ...json(contract.PhoneReplacedSchema) }, 400: problem('Validation failed (unchanged: the account already has this phone)'), ...operatorProblems, 404: problem('No account has this ID number (account_not_found), or the operator API is not configured'), 409: problem('A parallel change of the phone landed first; try again') } } },
      [contract.OPERATOR_PATHS.audit]: { get: { summary: 'Operator API: the audit entries of an account, newest first', security: operator, parameters: [language, { name: 'accountSub', in: 'query', required: true, description: 'The account’s subject identifier (UUID).', schema: { type: 'string', format: 'uuid' } }], responses: { 200: { description: 'Audit entries', ...json(contract.AuditListSchema) }, 400: problem('accountSub missing or not a UUID'), ...operatorProblems, 404: problem('The operator API is not configured') } } },
      [contract.PATHS.jwks]: { get: { summary: 'Public keys that sign ID and access tokens (ES256)', responses: { 200: { description: 'JSON Web Key Set' } } } },
    }),
    components: {
      schemas: { Problem: schema(contract.ProblemSchema) },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, operatorToken: { type: 'http', scheme: 'bearer', description: 'An operator credential (`operators[].tokenSha256` holds its SHA-256).' } },
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = new URL('../docs/openapi.json', import.meta.url);
  await writeFile(target, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
  console.log(`Wrote ${fileURLToPath(target)}`);
}
