import type { RemoteSignatureMethod, SignatureAlgorithm } from '@dvc-kit/sdk/contract';

/**
 * Who a provider is asked to have sign, normalised: a phone in E.164 (`+84…`), an ID number as its
 * digits, or the holder's account name at the provider.
 */
export interface ProviderHolder {
  readonly kind: 'phone' | 'id_number' | 'account';
  readonly value: string;
}

/** What the service asks a provider to have signed. */
export interface SigningOrder {
  /** The service's id of the request (the provider may show it or log it; it is no secret). */
  readonly reference: string;
  readonly method: RemoteSignatureMethod;
  readonly holder: ProviderHolder;
  /** The exact bytes to sign (the challenge's `toBeSigned`, decoded), with SHA-256. */
  readonly dataToSign: Uint8Array;
  /** A short text for the holder's phone: which service and portal ask, and for what. */
  readonly displayText: string;
  /** After this the holder's answer no longer counts. */
  readonly expiresAt: Date;
}

/** How a provider took an order: started (with its own reference), or the holder is not its customer. */
export type SigningStart = { readonly kind: 'started'; readonly transactionId: string } | { readonly kind: 'unknown_holder' };

/** What came of an order, as the provider tells it. */
export type SigningOutcome =
  | { readonly kind: 'pending' }
  | {
      readonly kind: 'signed';
      /** The holder's certificate, base64 DER or PEM. */
      readonly certificate: string;
      /** Intermediate CA certificates, base64 DER or PEM. */
      readonly intermediates: readonly string[];
      readonly algorithm: SignatureAlgorithm;
      /** The signature over the order's bytes, base64 or base64url. */
      readonly signature: string;
    }
  | { readonly kind: 'refused' }
  | { readonly kind: 'timed_out' }
  | { readonly kind: 'failed' };

/**
 * A SIM-signature or remote-signing provider: the service asks it to have a holder sign bytes and the
 * holder confirms on their phone (SIM PIN, or the provider's app); the service then polls for the
 * outcome. The sandbox ({@link SandboxSigningProvider}) acts it out over fictional holders in
 * development; an operator points the HTTP one ({@link HttpSigningProvider}) at the real provider.
 *
 * Every method throws {@link ProviderUnavailableError} when the provider cannot answer now.
 */
export interface SigningProvider {
  /** Asks the provider to send the request to the holder's phone. */
  start(order: SigningOrder): Promise<SigningStart>;
  /** Where the order stands now. */
  outcome(transactionId: string): Promise<SigningOutcome>;
  /** Withdraws the order (the page cancelled, or the service's time ran out); best effort. */
  cancel(transactionId: string): Promise<void>;
}

/** The provider did not answer, answered an error, or answered nonsense (503 `provider_unavailable`). */
export class ProviderUnavailableError extends Error {
  override readonly name = 'ProviderUnavailableError';
  readonly code = 'provider_unavailable';
  constructor(message = 'Signing provider unavailable', options: { cause?: unknown } = {}) {
    super(message, options);
  }
}
