/** What the service asks a mobile carrier: is this SIM registered to this person? */
export interface SubscriberQuery {
  /** Normalised ID number (digits only). */
  readonly idNumber: string;
  /** NFC full name. */
  readonly fullName: string;
  /** `yyyy-mm-dd`. */
  readonly birthDate: string;
  /** E.164 phone. */
  readonly phone: string;
}

/** The carrier's answer. */
export type SubscriberMatch = 'match' | 'mismatch';

/**
 * A mobile carriers' subscriber register (thuê bao di động), checked at registration by mobile
 * subscriber. The sandbox reads fictional citizens from a fixture; an operator points the HTTP one
 * at the carriers' verification gateway.
 */
export interface CarrierRegistry {
  /**
   * Whether the phone's subscriber is the person named.
   * @throws {RegistryUnavailableError} when the register cannot answer now (503 `registry_unavailable`).
   */
  verifySubscriber(query: SubscriberQuery): Promise<SubscriberMatch>;
}

/** A register did not answer, answered an error, or answered nonsense. */
export class RegistryUnavailableError extends Error {
  override readonly name = 'RegistryUnavailableError';
  readonly code = 'registry_unavailable';
  constructor(message = 'Registry unavailable', options: { cause?: unknown } = {}) {
    super(message, options);
  }
}
