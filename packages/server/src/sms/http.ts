import { SmsUnavailableError, type SmsGateway, type SmsMessage } from './gateway.js';

/** Options of {@link HttpSms}. */
export interface HttpSmsOptions {
  /** The operator's SMS endpoint. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Milliseconds before the send is given up. Default 5000. */
  readonly timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  readonly fetch?: typeof fetch;
}

/**
 * Sends text messages through an operator's HTTP gateway: `POST <url>` with
 * `{"to": "+84971234398", "text": "…"}` and a bearer token; any 2xx answer means accepted.
 *
 * @example
 * ```ts
 * const sms = new HttpSms({ url: 'https://sms.internal/send', token: process.env.SMS_TOKEN! });
 * ```
 */
export class HttpSms implements SmsGateway {
  readonly #options: HttpSmsOptions;

  constructor(options: HttpSmsOptions) {
    this.#options = options;
  }

  async send(message: SmsMessage): Promise<void> {
    const fetcher = this.#options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await fetcher(this.#options.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.#options.token}` },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(this.#options.timeoutMs ?? 5000),
      });
    } catch (error) {
      throw new SmsUnavailableError('SMS gateway unreachable', { cause: error });
    }
    await response.body?.cancel();
    if (!response.ok) throw new SmsUnavailableError(`SMS gateway answered ${response.status}`);
  }
}
