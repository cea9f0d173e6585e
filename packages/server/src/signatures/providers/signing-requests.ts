import { randomBytes } from 'node:crypto';
import { normalizeIdNumber, parsePhone } from '@dvc-kit/sdk';
import {
  SIGNATURE_METHOD_SUBJECTS,
  type RemoteSignatureMethod,
  type SignatureRequestStarted,
  type SignatureRequestState,
  type SigningHolder,
} from '@dvc-kit/sdk/contract';
import type { Clock } from '../../config.js';
import type { Logger } from '../../log.js';
import { keyedHash } from '../../server-keys.js';
import type { SigningRequestRecord, SigningSettlement } from '../../store/signing-requests.js';
import type { Store } from '../../store/store.js';
import { SignatureError, type SignatureFailure } from '../errors.js';
import { signatureMatches } from '../signature.js';
import type { Signatures } from '../signatures.js';
import { SigningRequestError } from './errors.js';
import { ProviderUnavailableError, type ProviderHolder, type SigningOutcome, type SigningProvider } from './provider.js';

/** What {@link SigningRequests} is made of. */
export interface SigningRequestsOptions {
  /** The provider of each method offered (`signatures.methods` ∩ configured or sandbox). */
  readonly providers: Readonly<Partial<Record<RemoteSignatureMethod, SigningProvider>>>;
  readonly signatures: Signatures;
  readonly clock: Clock;
  readonly log: Logger;
  /** Key of the holder's keyed hash (the service's log-hash key). */
  readonly hashKey: string;
  /** Seconds the holder has to confirm (`signatures.requests.ttlSeconds`). */
  readonly ttlSeconds: number;
  /** Seconds between polls, and the least time between two questions to the provider about one request. */
  readonly pollIntervalSeconds: number;
  /** The service's name on the holder's phone (its issuer URL's host). */
  readonly serviceName: string;
}

/** Who starts a request: the portal and its name (shown on the phone). */
export interface SigningRequester {
  readonly clientId: string;
  readonly clientName: string;
}

const REQUEST_ID_PREFIX = 'sgr_';
const OPERATION_TEXT = { register: 'đăng ký tài khoản', sign_in: 'đăng nhập', upgrade: 'nâng mức xác minh tài khoản' } as const;

/** The holder as the provider gets it: a phone in E.164, an ID number's digits, or the account as typed. */
export function normalizeHolder(holder: SigningHolder): ProviderHolder {
  if (holder.phone !== undefined) {
    const phone = parsePhone(holder.phone);
    if (phone.ok) return { kind: 'phone', value: phone.e164 };
  }
  if (holder.idNumber !== undefined) return { kind: 'id_number', value: normalizeIdNumber(holder.idNumber) };
  return { kind: 'account', value: (holder.account ?? '').toLowerCase() };
}

/**
 * SIM-signature and remote-signing requests: the service asks the method's {@link SigningProvider} to
 * have the holder sign a challenge's bytes on their phone, and settles the request once — `signed`
 * (after the certificate and signature passed every check), `refused`, `timed_out`, `cancelled` or
 * `failed` — by one conditional statement, so parallel polls and a cancel agree on one outcome. The
 * provider is asked at most once per `pollIntervalSeconds` per request, whatever the number of polls.
 */
export class SigningRequests {
  readonly #options: SigningRequestsOptions;

  constructor(options: SigningRequestsOptions) {
    this.#options = options;
  }

  /** Whether the method has a provider (it is offered and configured, or the sandbox in development). */
  offers(method: RemoteSignatureMethod): boolean {
    return this.#options.providers[method] !== undefined;
  }

  /** The keyed hash a holder is counted and matched by (never the identifier itself). */
  holderKey(holder: ProviderHolder): string {
    return keyedHash(this.#options.hashKey, `signing-holder:${holder.kind}:${holder.value}`);
  }

  /**
   * Starts a request for an open challenge of this portal: stores it `pending` (one per challenge),
   * then asks the provider. A holder the provider does not know settles it `refused`; a provider that
   * cannot answer settles it `failed` and throws.
   *
   * @throws {SignatureError} `challenge_not_found`, `challenge_used` (it has a request already), `challenge_expired`.
   * @throws {SigningRequestError} `method_not_offered`, `provider_unavailable`.
   */
  async start(store: Store, request: { challengeId: string; method: RemoteSignatureMethod; holder: ProviderHolder }, requester: SigningRequester): Promise<SignatureRequestStarted> {
    const { signatures, clock, ttlSeconds, pollIntervalSeconds, log } = this.#options;
    const provider = this.#options.providers[request.method];
    if (!provider) throw new SigningRequestError('method_not_offered');
    const challenge = await signatures.openChallenge(store, request.challengeId, requester.clientId);
    if (!(SIGNATURE_METHOD_SUBJECTS[request.method] as readonly string[]).includes(challenge.subjectType)) throw new SigningRequestError('method_not_offered');
    const now = clock();
    const expiresAt = new Date(Math.min(challenge.expiresAt.getTime(), now.getTime() + ttlSeconds * 1000));
    const record: SigningRequestRecord = {
      id: REQUEST_ID_PREFIX + randomBytes(16).toString('base64url'),
      challengeId: challenge.id,
      clientId: requester.clientId,
      method: request.method,
      holderKind: request.holder.kind,
      holderKey: this.holderKey(request.holder),
      providerRef: null,
      state: 'pending',
      createdAt: now,
      expiresAt,
      checkedAt: null,
      settledAt: null,
      result: null,
      details: null,
      failure: null,
    };
    if ((await store.signingRequests.create(record)) === 'challenge_taken') throw new SignatureError('challenge_used');
    try {
      const started = await provider.start({
        reference: record.id,
        method: request.method,
        holder: request.holder,
        dataToSign: signatures.signedMessage(challenge),
        displayText: `${this.#options.serviceName} – ${requester.clientName}: xác nhận ký số để ${OPERATION_TEXT[challenge.operation]} (mã ${challenge.id.slice(-6)})`,
        expiresAt,
      });
      if (started.kind === 'unknown_holder') await this.#settle(store, record, { state: 'refused', failure: 'provider_refused' }, 'unknown_holder');
      else await store.signingRequests.setProviderRef(record.id, started.transactionId);
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      log.error('signature_request.provider_unavailable', { method: request.method, step: 'start', reason: error.message });
      await this.#settle(store, record, { state: 'failed', failure: 'provider_unavailable' }, 'provider_unavailable');
      throw new SigningRequestError('provider_unavailable');
    }
    log.info('signature_request.started', { method: request.method, client: requester.clientId, holderKind: request.holder.kind, holder: record.holderKey.slice(0, 16) });
    return { requestId: record.id, expiresAt: expiresAt.toISOString(), pollAfterSeconds: pollIntervalSeconds };
  }

  /**
   * Where a request stands, asking the provider when it is pending and was not asked within the poll
   * interval; past its expiry a pending request is `timed_out` (and withdrawn at the provider). A short
   * poll: it answers at once.
   *
   * @throws {SigningRequestError} `request_not_found` (none for this portal).
   */
  async state(store: Store, requestId: string, clientId: string): Promise<SignatureRequestState> {
    const { clock, pollIntervalSeconds } = this.#options;
    let record = await this.#find(store, requestId, clientId);
    if (record.state === 'pending') {
      const now = clock();
      if (now.getTime() >= record.expiresAt.getTime()) {
        record = await this.#settle(store, record, { state: 'timed_out', failure: 'provider_timeout' }, 'expired');
        if (record.state === 'timed_out') await this.#withdraw(record);
      } else {
        const claimed = await store.signingRequests.claimCheck(record.id, clientId, now, new Date(now.getTime() - pollIntervalSeconds * 1000));
        if (claimed) record = await this.#ask(store, claimed);
      }
    }
    return this.view(record);
  }

  /**
   * Cancels a pending request (and withdraws it at the provider); a request already settled keeps
   * its state. Either way the answer is where it stands now.
   *
   * @throws {SigningRequestError} `request_not_found`.
   */
  async cancel(store: Store, requestId: string, clientId: string): Promise<SignatureRequestState> {
    let record = await this.#find(store, requestId, clientId);
    if (record.state === 'pending') {
      record = await this.#settle(store, record, { state: 'cancelled' }, 'cancelled');
      if (record.state === 'cancelled') await this.#withdraw(record);
    }
    return this.view(record);
  }

  /** A request as the page sees it. */
  view(record: SigningRequestRecord): SignatureRequestState {
    return {
      requestId: record.id,
      method: record.method,
      state: record.state,
      expiresAt: record.expiresAt.toISOString(),
      ...(record.state === 'pending' ? { pollAfterSeconds: this.#options.pollIntervalSeconds } : {}),
      ...(record.state === 'signed' && record.details ? { certificate: record.details } : {}),
      ...(record.failure ? { code: record.failure } : {}),
    };
  }

  async #find(store: Store, requestId: string, clientId: string): Promise<SigningRequestRecord> {
    const record = await store.signingRequests.find(requestId, clientId);
    if (!record) throw new SigningRequestError('request_not_found');
    return record;
  }

  /** Asks the provider (this caller claimed the check) and settles what it says. */
  async #ask(store: Store, record: SigningRequestRecord): Promise<SigningRequestRecord> {
    const provider = this.#options.providers[record.method];
    let outcome: SigningOutcome;
    try {
      if (!provider) throw new ProviderUnavailableError('No provider for this method any more');
      outcome = await provider.outcome(record.providerRef!);
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      // A provider that does not answer now may answer at the next poll; the expiry ends the wait.
      this.#options.log.warn('signature_request.provider_unavailable', { method: record.method, step: 'outcome', reason: error.message });
      return record;
    }
    switch (outcome.kind) {
      case 'pending':
        return record;
      case 'refused':
        return this.#settle(store, record, { state: 'refused', failure: 'provider_refused' }, 'refused');
      case 'timed_out':
        return this.#settle(store, record, { state: 'timed_out', failure: 'provider_timeout' }, 'provider_timed_out');
      case 'failed':
        return this.#settle(store, record, { state: 'failed', failure: 'provider_unavailable' }, 'provider_failed');
      case 'signed':
        return this.#settle(store, record, await this.#checked(store, record, outcome), 'signed');
    }
  }

  /**
   * What a provider's signature is worth: the certificate checked for the challenge's subject type
   * (path, dates, key usage, revocation, the number it carries — the ID number the holder was named
   * by, when it was), and the signature over the challenge's bytes. The challenge is not used up here:
   * the signing flow does that, with `verifySignatureRequest`.
   */
  async #checked(store: Store, record: SigningRequestRecord, outcome: Extract<SigningOutcome, { kind: 'signed' }>): Promise<SigningSettlement> {
    const { signatures } = this.#options;
    try {
      const challenge = await store.signatureChallenges.find(record.challengeId, record.clientId);
      if (!challenge) throw new SignatureError('challenge_not_found');
      const inspected = await signatures.inspect({ certificate: outcome.certificate, intermediates: outcome.intermediates }, challenge.subjectType);
      if (record.holderKind === 'id_number') {
        const carried = inspected.details.idNumber;
        if (carried === undefined || this.holderKey({ kind: 'id_number', value: normalizeIdNumber(carried) }) !== record.holderKey) throw new SignatureError('subject_mismatch');
      }
      if (!signatureMatches(inspected.leaf, outcome.algorithm, signatures.signedMessage(challenge), Buffer.from(outcome.signature, 'base64'))) {
        throw new SignatureError('signature_mismatch');
      }
      return {
        state: 'signed',
        result: { certificate: outcome.certificate, intermediates: outcome.intermediates, algorithm: outcome.algorithm, signature: outcome.signature },
        details: inspected.details,
      };
    } catch (error) {
      if (!(error instanceof SignatureError)) throw error;
      const failure: SignatureFailure = error.code === 'certificate_format' || error.code === 'challenge_not_found' ? 'cert_untrusted' : error.code;
      this.#options.log.warn('signature_request.signature_refused', { method: record.method, code: error.code });
      return { state: 'failed', failure };
    }
  }

  /** Settles once; when another caller settled first, their outcome is the one. */
  async #settle(store: Store, record: SigningRequestRecord, settlement: SigningSettlement, reason: string): Promise<SigningRequestRecord> {
    const settled = await store.signingRequests.settle(record.id, record.clientId, settlement, this.#options.clock());
    if (settled) {
      this.#options.log.info('signature_request.settled', { method: record.method, state: settled.state, reason });
      return settled;
    }
    return (await store.signingRequests.find(record.id, record.clientId)) ?? record;
  }

  /** Withdraws a request at the provider, best effort (it times out there anyway). */
  async #withdraw(record: SigningRequestRecord): Promise<void> {
    const provider = this.#options.providers[record.method];
    if (!provider || !record.providerRef) return;
    try {
      await provider.cancel(record.providerRef);
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      this.#options.log.warn('signature_request.provider_unavailable', { method: record.method, step: 'cancel', reason: error.message });
    }
  }
}
