import type { Clock } from '../config.js';
import type { OutboxMessage, SmsOutboxRepository } from '../store/sms-outbox.js';
import type { SmsGateway, SmsMessage } from './gateway.js';

/**
 * The development SMS gateway: messages go to the `sms_outbox` table instead of a phone, and are
 * shown at `GET /dev/outbox` (and `GET /dev/outbox.json?phone=…`). Never use it in production: the
 * outbox holds the codes in clear.
 *
 * @example
 * ```ts
 * const [latest] = await outbox.messages({ to: '+84971234398' });
 * const code = /\d{6}/.exec(latest.text)?.[0];
 * ```
 */
export class OutboxSms implements SmsGateway {
  readonly #outbox: SmsOutboxRepository;
  readonly #clock: Clock;

  constructor(outbox: SmsOutboxRepository, clock: Clock) {
    this.#outbox = outbox;
    this.#clock = clock;
  }

  async send(message: SmsMessage): Promise<void> {
    await this.#outbox.add({ to: message.to, text: message.text, createdAt: this.#clock() });
  }

  /** Messages kept so far, newest first, to one phone (E.164) when given. */
  messages(options: { readonly to?: string; readonly limit?: number } = {}): Promise<OutboxMessage[]> {
    return this.#outbox.list(options);
  }
}
