/** One text message. */
export interface SmsMessage {
  /** E.164 phone number. */
  readonly to: string;
  /** The text (ASCII is the safest for SMS). */
  readonly text: string;
}

/** Sends text messages. The service sends one-time codes through it. */
export interface SmsGateway {
  /**
   * Sends one message.
   * @throws {SmsUnavailableError} when the gateway cannot take it now (answered as 503 `sms_unavailable`).
   */
  send(message: SmsMessage): Promise<void>;
}

/** The SMS gateway failed or timed out. */
export class SmsUnavailableError extends Error {
  override readonly name = 'SmsUnavailableError';
  readonly code = 'sms_unavailable';
  constructor(message = 'SMS gateway unavailable', options: { cause?: unknown } = {}) {
    super(message, options);
  }
}
