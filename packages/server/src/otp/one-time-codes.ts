import { randomBytes } from 'node:crypto';
import { maskPhone, type OtpChallenge } from '@dvc-kit/sdk';
import type { Clock, ServerConfig } from '../config.js';
import { ProblemError } from '../http/problem.js';
import type { Logger } from '../log.js';
import { SmsUnavailableError, type SmsGateway } from '../sms/gateway.js';
import type { FlowRecord } from '../store/flows.js';
import type { OtpChallengeRecord, OtpPurpose } from '../store/otp-challenges.js';
import type { LimitBucket } from '../store/send-limits.js';
import type { Store } from '../store/store.js';
import { codeHmac, codeMatches, generateCode, OTP_LENGTH } from './code.js';
import { codeMessage } from './sms-text.js';

/** What {@link OneTimeCodes} needs. */
export interface OneTimeCodesOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly otp: ServerConfig['otp'];
  /** HMAC key of stored codes. */
  readonly key: string;
  readonly sms: SmsGateway;
  readonly log: Logger;
}

/** A code made but not yet sent: the stored challenge and the code in clear, for the SMS only. */
export interface IssuedCode {
  readonly challenge: OtpChallengeRecord;
  readonly code: string;
}

/**
 * The one-time-code rules of the service: 6 digits from the CSPRNG, stored as an HMAC bound to the
 * flow, purpose and phone; valid `ttlSeconds`; at most `maxAttempts` tries, counted atomically; used
 * once; superseded by a resend, which is allowed after `resendAfterSeconds`; sends limited per phone
 * and per client address in sliding windows.
 */
export class OneTimeCodes {
  readonly #o: OneTimeCodesOptions;

  constructor(options: OneTimeCodesOptions) {
    this.#o = options;
  }

  /**
   * The send limits of one phone (`otp.perPhonePerMinute`, `otp.perPhonePerHour`), shared by every text
   * the service sends it — codes of every purpose and notices alike — so no flow can text a phone past them.
   */
  phoneSendLimit(phone: string): LimitBucket {
    const { otp, log } = this.#o;
    return { key: `phone:${log.hash('phone', phone)}`, limits: [{ max: otp.perPhonePerMinute, windowSeconds: 60 }, { max: otp.perPhonePerHour, windowSeconds: 3600 }] };
  }

  /**
   * Makes a code for a flow inside the caller's transaction, after taking one send from the phone's
   * and the address's limits.
   * @throws {ProblemError} `otp_rate_limited` (with `retryAfter`) when a limit is reached.
   */
  async issue(tx: Store, flow: Pick<FlowRecord, 'id' | 'phone'>, purpose: OtpPurpose, address: string): Promise<IssuedCode> {
    const now = this.#o.clock();
    const { otp, log } = this.#o;
    const limit = await tx.sendLimits.take(
      [
        this.phoneSendLimit(flow.phone),
        { key: `address:${log.hash('address', address)}`, limits: [{ max: otp.perAddressPer5Minutes, windowSeconds: 300 }] },
      ],
      now,
    );
    if (!limit.ok) {
      log.warn('otp.rate_limited', { phone: log.hash('phone', flow.phone), address: log.hash('address', address), retryAfter: limit.retryAfterSeconds });
      throw new ProblemError('otp_rate_limited', { retryAfter: limit.retryAfterSeconds });
    }
    const id = randomBytes(16).toString('base64url');
    const code = generateCode();
    const challenge: OtpChallengeRecord = {
      id,
      flowId: flow.id,
      purpose,
      phone: flow.phone,
      codeHmac: codeHmac(this.#o.key, { challengeId: id, purpose, phone: flow.phone }, code),
      attempts: 0,
      maxAttempts: otp.maxAttempts,
      status: 'active',
      createdAt: now,
      expiresAt: new Date(now.getTime() + otp.ttlSeconds * 1000),
      resendAt: new Date(now.getTime() + otp.resendAfterSeconds * 1000),
    };
    if (!(await tx.otpChallenges.create(challenge))) {
      // A parallel resend stored its code first.
      throw new ProblemError('otp_resend_too_soon', { retryAfter: otp.resendAfterSeconds });
    }
    return { challenge, code };
  }

  /**
   * Sends an issued code by SMS.
   * @throws {ProblemError} `sms_unavailable` when the gateway fails.
   */
  async deliver(issued: IssuedCode): Promise<void> {
    try {
      await this.#o.sms.send({ to: issued.challenge.phone, text: codeMessage(issued.code, this.#o.otp.ttlSeconds) });
      this.#o.log.info('otp.sent', { purpose: issued.challenge.purpose, phone: this.#o.log.hash('phone', issued.challenge.phone) });
    } catch (error) {
      this.#o.log.error('otp.send_failed', { purpose: issued.challenge.purpose, error: error instanceof SmsUnavailableError ? error.message : 'unexpected' });
      // A gateway's own failure and an unexpected one are the same to the citizen: try again later.
      throw new ProblemError('sms_unavailable', { retryAfter: 30 });
    }
  }

  /**
   * Checks a typed code against the flow's active code. Each try is counted before comparing, in one
   * statement, so parallel guesses never get more than `maxAttempts` comparisons. The code is not
   * marked used here: the caller does it in the transaction that moves the flow on.
   *
   * @throws {ProblemError} `otp_invalid` (wrong code, with `remainingAttempts`), `otp_expired`,
   *   `otp_attempts_exceeded`, or `flow_step` (no code waiting).
   */
  async check(flow: Pick<FlowRecord, 'id' | 'phone'>, purpose: OtpPurpose, code: string): Promise<OtpChallengeRecord> {
    const now = this.#o.clock();
    const attempt = await this.#o.store.otpChallenges.takeAttempt(flow.id, now);
    if (attempt === 'none') throw new ProblemError('flow_step');
    if (attempt === 'expired') throw new ProblemError('otp_expired');
    if (attempt === 'exhausted') throw new ProblemError('otp_attempts_exceeded');
    const binding = { challengeId: attempt.id, purpose, phone: flow.phone };
    const right = attempt.purpose === purpose && attempt.phone === flow.phone && codeMatches(this.#o.key, binding, code, attempt.codeHmac);
    if (!right) {
      const remainingAttempts = attempt.maxAttempts - attempt.attempts;
      this.#o.log.info('otp.wrong', { purpose, remainingAttempts });
      throw new ProblemError('otp_invalid', { extensions: { remainingAttempts } });
    }
    return attempt;
  }

  /**
   * Replaces the flow's code with a new one ("Gửi lại OTP") and sends it; the old code stops working.
   * @throws {ProblemError} `otp_resend_too_soon` (with `retryAfter`), `otp_rate_limited`, `sms_unavailable`.
   */
  async resend(flow: Pick<FlowRecord, 'id' | 'phone'>, purpose: OtpPurpose, address: string): Promise<OtpChallengeRecord> {
    const now = this.#o.clock();
    const issued = await this.#o.store.transaction(async (tx) => {
      if (!(await tx.otpChallenges.supersedeForResend(flow.id, now))) {
        const current = await tx.otpChallenges.active(flow.id);
        const wait = current ? Math.ceil((current.resendAt.getTime() - now.getTime()) / 1000) : 1;
        throw new ProblemError('otp_resend_too_soon', { retryAfter: Math.max(1, wait) });
      }
      return this.issue(tx, flow, purpose, address);
    });
    try {
      await this.deliver(issued);
    } catch (error) {
      await this.#o.store.otpChallenges.markFailed(issued.challenge.id);
      throw error;
    }
    return issued.challenge;
  }

  /** What the citizen is shown of a code: where it went and its timing. */
  view(challenge: OtpChallengeRecord): OtpChallenge {
    return {
      maskedPhone: maskPhone(challenge.phone),
      length: OTP_LENGTH,
      expiresAt: challenge.expiresAt.toISOString(),
      resendAt: challenge.resendAt.toISOString(),
    };
  }
}
