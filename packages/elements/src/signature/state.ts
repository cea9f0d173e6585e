import type { Account, ServiceConfig } from '@dvc-kit/sdk';
import type { CertificateDetails, SignatureChallenge, SignatureMethod } from '@dvc-kit/sdk/contract';
import type { SignerCertificate } from '@dvc-kit/sdk/signer';
import type { StepProblem } from '../shared/feedback.js';

/** What `<dvc-signature>` does with the signature: raise the signed-in account to IAL3, or sign in. */
export type SignatureOperationName = 'upgrade' | 'sign-in';

/** The methods where the holder confirms on the phone and the service polls the provider. */
export type RemoteMethod = Exclude<SignatureMethod, 'usb_token'>;

/** What every step after the configuration carries: the configuration and the methods offered here. */
interface Offered {
  readonly config: ServiceConfig;
  readonly methods: readonly SignatureMethod[];
}

/**
 * The steps of `<dvc-signature>`, one at a time: `choose` a method (when more than one is offered; none
 * offered says so), then for a USB token `token` (the signer's certificates, read on entering; the
 * citizen picks one when there are several) → `confirm` (what the service read from it, before "Xác nhận
 * ký") → `done`; for a SIM signature or remote signing `holder` (whom the provider asks) → `waiting`
 * ("Xác nhận trên điện thoại", until `expiresAt`, the next poll at `pollAt`, epoch milliseconds of the
 * widget's clock) → `done`. `done` holds what the service answered, never less.
 */
export type SignatureState =
  | { readonly step: 'loading' }
  | ({ readonly step: 'error' } & StepProblem)
  | ({ readonly step: 'choose' } & Offered)
  | ({ readonly step: 'token'; readonly certificates?: readonly SignerCertificate[] } & Offered)
  | ({
      readonly step: 'confirm';
      readonly certificates: readonly SignerCertificate[];
      readonly certificate: SignerCertificate;
      readonly challenge: SignatureChallenge;
      readonly preview: CertificateDetails;
    } & Offered)
  | ({ readonly step: 'holder'; readonly method: RemoteMethod } & Offered)
  | ({ readonly step: 'waiting'; readonly method: RemoteMethod; readonly requestId: string; readonly expiresAt: number; readonly pollAt: number } & Offered)
  | ({ readonly step: 'done'; readonly account: Account } & Offered);

/** The name of one step of `<dvc-signature>`. */
export type SignatureStep = SignatureState['step'];
