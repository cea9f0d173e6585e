import type { AuditList, PhoneReplaced, PhoneReplacementRequest } from '../contract/operator.js';
import { OPERATOR_PATHS } from '../contract/paths.js';
import type { Language } from '../messages/codes.js';
import type { CallOptions } from './client.js';
import { DvcError } from './error.js';
import { Transport } from './transport.js';

/** Options of a {@link DvcOperatorClient}. */
export interface DvcOperatorClientOptions {
  /** Base URL of the identity service, e.g. `https://id.example.gov.vn`. */
  readonly baseUrl: string;
  /**
   * The operator's bearer token, as issued by the identity service's operator (the service keeps only
   * its SHA-256). Keep it on the counter's back-office server: never in a browser.
   */
  readonly token: string;
  /** Language of problem texts; Vietnamese by default. */
  readonly lang?: Language;
  /** Milliseconds before a call is given up with `timeout`. Default 15000. */
  readonly timeoutMs?: number;
  /** Extra tries of idempotent calls (the audit read) after a network failure or a 502/503/504. Default 2. */
  readonly retries?: number;
  /** A `fetch` to use instead of the global one (tests, proxies). */
  readonly fetch?: typeof fetch;
}

/**
 * A client of the identity service's operator API, for a one-stop counter's back office on Node
 * ("bộ phận một cửa"): replacing the phone of a citizen who lost it, after checking the citizen's
 * identity document in person, and reading an account's audit log. It speaks to `/operator/v1`,
 * which portals cannot reach (no CORS, no client id: an operator credential). Every failure is a
 * {@link DvcError} with a stable `code`: `unauthorized` (missing or wrong token),
 * `account_not_found`, `validation_failed` (with field errors), `too_many_attempts` (with `retryAfter`).
 *
 * @example
 * ```ts
 * import { DvcOperatorClient } from '@dvc-kit/sdk';
 * const operator = new DvcOperatorClient({ baseUrl: 'https://id.dichvucong.gov.vn', token: process.env.DVC_OPERATOR_TOKEN! });
 * const { accountSub, maskedPhone, sessionsEnded } = await operator.replacePhone({
 *   idNumber: '001090001234',
 *   phone: '0961234398',
 *   officerId: 'bn-mc-017',
 *   officerName: 'Nguyễn Thị Hoa',
 *   evidence: { documentType: 'cccd_chip', note: 'Đối chiếu ảnh trên thẻ, khớp' },
 * });
 * console.log(`Codes now go to ${maskedPhone}; ${sessionsEnded} sessions ended`);
 * const { entries } = await operator.listAudit(accountSub);
 * ```
 */
export class DvcOperatorClient {
  readonly baseUrl: string;
  lang: Language;
  readonly #token: string;
  readonly #transport: Transport;

  constructor(options: DvcOperatorClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.lang = options.lang ?? 'vi';
    this.#token = options.token;
    this.#transport = new Transport({
      baseUrl: this.baseUrl,
      timeoutMs: options.timeoutMs ?? 15_000,
      retries: options.retries ?? 2,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      headers: () => ({ 'Accept-Language': this.lang }),
      errors: DvcError,
    });
  }

  /**
   * Replaces the phone of the account with this ID number, after the officer checked the citizen's
   * document in person. The phone is replaced, every session of the account ends and an audit entry
   * naming the officer is written in one transaction; the new phone gets a notice text. Not retried
   * on its own: after a network failure, read the audit log before trying again.
   *
   * @example
   * ```ts
   * try {
   *   await operator.replacePhone({ idNumber, phone, officerId, officerName, evidence: { documentType: 'cccd_chip' } });
   * } catch (error) {
   *   if (error instanceof DvcError && error.code === 'account_not_found') console.log('No account: the citizen may register');
   * }
   * ```
   */
  replacePhone(body: PhoneReplacementRequest, options?: Pick<CallOptions, 'signal'>): Promise<PhoneReplaced> {
    return this.#transport.call({ method: 'POST', path: OPERATOR_PATHS.phoneReplacements, body, bearer: this.#token, idempotent: false }, options);
  }

  /**
   * The audit entries of an account (`accountSub`: the `sub` of its tokens, or `accountSub` of
   * {@link DvcOperatorClient.replacePhone}'s answer), newest first.
   *
   * @example
   * ```ts
   * const { entries } = await operator.listAudit(accountSub);
   * for (const entry of entries) console.log(entry.at, entry.action, entry.officerName, entry.documentType);
   * ```
   */
  listAudit(accountSub: string, options?: Pick<CallOptions, 'signal'>): Promise<AuditList> {
    const path = `${OPERATOR_PATHS.audit}?accountSub=${encodeURIComponent(accountSub)}`;
    return this.#transport.call({ method: 'GET', path, bearer: this.#token, idempotent: true }, options);
  }

}
