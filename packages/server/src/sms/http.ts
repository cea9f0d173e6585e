import { OperatorEndpoint, type OperatorEndpointOptions } from '../http/operator-endpoint.js';
import { SmsUnavailableError, type SmsGateway, type SmsMessage } from './gateway.js';

/**
 * Options of {@link HttpSms}: the operator's SMS endpoint, its bearer token and how long a send may
 * take before it is given up.
 */
export type HttpSmsOptions = OperatorEndpointOptions;

/**
 * Sends text messages through an operator's HTTP gateway: `POST <url>` with
 * `{"to": "+84971234398", "text": "…"}` and a bearer token; any 2xx answer means accepted. Any other
 * answer, a network error or the time-out is {@link SmsUnavailableError}.
 *
 * @example
 * ```ts
 * const sms = new HttpSms({ url: 'https://sms.internal/send', token: process.env.SMS_TOKEN! });
 * ```
 */
export class HttpSms implements SmsGateway {
  readonly #endpoint: OperatorEndpoint;

  constructor(options: HttpSmsOptions) {
    this.#endpoint = new OperatorEndpoint(options, { name: 'SMS gateway', error: SmsUnavailableError });
  }

  async send(message: SmsMessage): Promise<void> {
    await this.#endpoint.post({ to: message.to, text: message.text });
  }
}
