import { SIGNATURE_METHOD_SUBJECTS } from '../contract/signatures.js';
import { StartSignatureRequestSchema, type RemoteSignatureMethod, type SignatureRequestState, type SignatureRequestStatus } from '../contract/signature-requests.js';
import type { SubjectType } from '../contract/common.js';
import { normalizeIdNumber } from '../identity/id-number.js';
import { parsePhone } from '../identity/phone.js';
import { mockCertificateDetails } from './signatures.js';
import type { RouteContext } from './route.js';

/** What a mock holder does on the phone once {@link MOCK_SIGNING_DELAY_SECONDS} have passed. */
type MockAnswer = 'sign' | 'refuse' | 'ignore' | 'fail';

/**
 * Fictional holders the mock's signing provider knows, as a page names them (the same people as the
 * service's sandbox): `signs` signs after the delay, `refuses` declines on the phone, `ignores` never
 * answers (the request times out after {@link MOCK_SIGNING_TTL_SECONDS}), `fails` makes the provider
 * fail; `enterprise` signs for the enterprise `MST:0101234567`. Anyone else is refused at once, as by a
 * provider that does not know them.
 */
export const MOCK_SIGNING_HOLDERS = {
  signs: { phone: '0971234398' },
  signsById: { idNumber: '001090001234' },
  signsByAccount: { account: 'an.nguyen' },
  refuses: { phone: '0912345678' },
  ignores: { phone: '0901234567' },
  fails: { phone: '0321234567' },
  enterprise: { account: 'mst-0101234567' },
} as const;

/** Seconds before a mock holder answers. */
export const MOCK_SIGNING_DELAY_SECONDS = 3;
/** Seconds a mock holder has to confirm. */
export const MOCK_SIGNING_TTL_SECONDS = 120;
const POLL_SECONDS = 2;

const ANSWERS: ReadonlyMap<string, MockAnswer> = new Map([
  ['phone:+84971234398', 'sign'],
  ['id_number:001090001234', 'sign'],
  ['account:an.nguyen', 'sign'],
  ['phone:+84912345678', 'refuse'],
  ['phone:+84901234567', 'ignore'],
  ['phone:+84321234567', 'fail'],
  ['account:mst-0101234567', 'sign'],
]);

/** A signing request the mock started. */
export interface MockSignatureRequest {
  readonly requestId: string;
  readonly clientId: string;
  readonly challengeId: string;
  readonly method: RemoteSignatureMethod;
  readonly subjectType: SubjectType;
  /** What the holder does; `undefined` for a holder the provider does not know. */
  readonly answer: MockAnswer | undefined;
  readonly startedAt: number;
  readonly expiresAt: number;
  state: SignatureRequestStatus;
  code: string | undefined;
}

function holderKey(holder: { phone?: string | undefined; idNumber?: string | undefined; account?: string | undefined }): string {
  if (holder.phone !== undefined) {
    const phone = parsePhone(holder.phone);
    return `phone:${phone.ok ? phone.e164 : holder.phone}`;
  }
  if (holder.idNumber !== undefined) return `id_number:${normalizeIdNumber(holder.idNumber)}`;
  return `account:${(holder.account ?? '').toLowerCase()}`;
}

/**
 * `POST /v1/signature-requests`: `validation_failed` for a bad body (`method_not_offered` on `method`
 * for a challenge of a subject type the method does not serve), `not_found` for another portal's or an
 * unknown challenge, `challenge_used` when it was used or has a request, `challenge_expired`.
 */
export function startSignatureRequest(context: RouteContext): Response {
  const { scenario } = context;
  const parsed = StartSignatureRequestSchema.safeParse(context.body);
  if (!parsed.success) return context.invalid(parsed.error.issues)!;
  const { challengeId, method, holder } = parsed.data;
  const stored = scenario.signatureChallenges.get(challengeId);
  if (!stored || stored.clientId !== context.clientId) return context.problem('not_found');
  if (!(SIGNATURE_METHOD_SUBJECTS[method] as readonly string[]).includes(stored.challenge.subjectType)) {
    return context.problem('validation_failed', { fieldErrors: [{ field: 'method', code: 'method_not_offered' }] });
  }
  const now = scenario.now();
  if (stored.used || [...scenario.signatureRequests.values()].some((request) => request.challengeId === challengeId)) return context.problem('challenge_used');
  if (Date.parse(stored.challenge.expiresAt) <= now) return context.problem('challenge_expired');
  const answer = ANSWERS.get(holderKey(holder));
  const request: MockSignatureRequest = {
    requestId: scenario.nextId('sgr'),
    clientId: context.clientId,
    challengeId,
    method,
    subjectType: stored.challenge.subjectType,
    answer,
    startedAt: now,
    expiresAt: Math.min(Date.parse(stored.challenge.expiresAt), now + MOCK_SIGNING_TTL_SECONDS * 1000),
    state: answer === undefined ? 'refused' : 'pending',
    code: answer === undefined ? 'provider_refused' : undefined,
  };
  scenario.signatureRequests.set(request.requestId, request);
  return context.json({ requestId: request.requestId, expiresAt: new Date(request.expiresAt).toISOString(), pollAfterSeconds: POLL_SECONDS }, 201);
}

/** @internal Settles a pending request by the clock: the holder's answer after the delay, `timed_out` after the expiry. */
export function advanceMockRequest(request: MockSignatureRequest, now: number): void {
  if (request.state !== 'pending') return;
  if (now >= request.expiresAt) {
    request.state = 'timed_out';
    request.code = 'provider_timeout';
  } else if (now >= request.startedAt + MOCK_SIGNING_DELAY_SECONDS * 1000) {
    if (request.answer === 'sign') request.state = 'signed';
    else if (request.answer === 'refuse') [request.state, request.code] = ['refused', 'provider_refused'];
    else if (request.answer === 'fail') [request.state, request.code] = ['failed', 'provider_unavailable'];
  }
}

function view(request: MockSignatureRequest): SignatureRequestState {
  return {
    requestId: request.requestId,
    method: request.method,
    state: request.state,
    expiresAt: new Date(request.expiresAt).toISOString(),
    ...(request.state === 'pending' ? { pollAfterSeconds: POLL_SECONDS } : {}),
    ...(request.state === 'signed' ? { certificate: mockCertificateDetails(request.subjectType) } : {}),
    ...(request.code !== undefined ? { code: request.code } : {}),
  };
}

function found(context: RouteContext): MockSignatureRequest | undefined {
  const request = context.scenario.signatureRequests.get(String(context.params.requestId ?? ''));
  return request && request.clientId === context.clientId ? request : undefined;
}

/** `GET /v1/signature-requests/{id}`: where it stands by the scenario's clock; `not_found` for another portal's. */
export function getSignatureRequest(context: RouteContext): Response {
  const request = found(context);
  if (!request) return context.problem('not_found');
  advanceMockRequest(request, context.scenario.now());
  return context.json(view(request));
}

/** `DELETE /v1/signature-requests/{id}`: cancels it while pending; answers where it stands. */
export function cancelSignatureRequest(context: RouteContext): Response {
  const request = found(context);
  if (!request) return context.problem('not_found');
  advanceMockRequest(request, context.scenario.now());
  if (request.state === 'pending') request.state = 'cancelled';
  return context.json(view(request));
}
