import type { RemoteMethod, SignatureOperationName } from './state.js';

/** How a SIM-signature or remote-signing request ended without a signature. */
export type RequestOutcome = 'refused' | 'timed_out' | 'cancelled' | 'failed';

/**
 * The strings of `<dvc-signature>`, one object per language (`signature/vi.ts`, `signature/en.ts`), in the
 * widgets' catalogue as `signature`: the Vietnamese ones come with the later steps, the English ones with the
 * later English strings, so a Vietnamese page never fetches them in English (the method names, "Tiếp tục",
 * "Thử lại" and the signer's refusals are the widgets' and the SDK's).
 */
export interface SignatureCatalogue {
  /** The choice of method's heading, by what the signature is for. */
  readonly heading: Readonly<Record<SignatureOperationName | 'register', string>>;
  readonly chooseLegend: string;
  readonly noMethod: string;
  readonly otherMethod: string;
  /** The error summary's name for the signature ("Ký số: …"). */
  readonly term: string;
  readonly tokenIntro: string;
  readonly readingToken: string;
  readonly readAgain: string;
  readonly certificateLegend: string;
  /** A certificate in the picker: holder, issuer, valid until. */
  readonly certificateOption: (holder: string, issuer: string, until: string) => string;
  readonly confirmHeading: string;
  readonly confirmIntro: string;
  readonly holderTerm: string;
  readonly organisationTerm: string;
  readonly idNumberTerm: string;
  readonly validityTerm: string;
  readonly validity: (from: string, until: string) => string;
  readonly issuerTerm: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly holderLabel: Readonly<Record<RemoteMethod, string>>;
  readonly holderHint: Readonly<Record<RemoteMethod, string>>;
  readonly sendRequest: string;
  readonly waitingHeading: string;
  readonly waitingText: string;
  /** The time left to confirm on the phone, `m:ss`. */
  readonly timeLeft: (time: string) => string;
  readonly outcome: Readonly<Record<RequestOutcome, string>>;
  /** The account after an upgrade, at `level`. */
  readonly upgraded: (level: number) => string;
}
