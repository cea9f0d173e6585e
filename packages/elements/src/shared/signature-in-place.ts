import { html, type TemplateResult } from 'lit';
import type { Signer } from '@dvc-kit/sdk/signer';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SignatureOperationName } from '../signature/state.js';
import { definePart } from './define-part.js';
import type { InPlaceHost } from './in-place.js';
import { DvcSignature } from '../signature/signature.js';

/** What a widget that opens `<dvc-signature>` in place gives it besides its client and clock. */
export interface SignatureInPlace {
  readonly operation: SignatureOperationName;
  /** Whose certificate signs (`citizen` when absent): an enterprise's registration, or `<dvc-login subject-type>`. */
  readonly subjectType?: string | undefined;
  /** The one method to use (a registration's chosen method); all those offered when absent. */
  readonly methods?: string;
  /** A registration's: see `DvcSignature.registration` and `idNumber` (an enterprise's tax code). */
  readonly registration?: DvcSignature['registration'];
  readonly idNumber?: string;
  /** A registration's "Bước n/m" for the signature's headings (see `DvcSignature.step`). */
  readonly step?: readonly [number, number];
  /** The page's signer (the widget's `signer` property): without one the USB token is not offered. */
  readonly signer: Signer | undefined;
  readonly accessToken?: string | undefined;
  /** "Huỷ": back to where the signature was opened from. */
  readonly cancelled: (event: Event) => void;
}

/** The parts of `<dvc-signature>` the widget that opens it exports as its own. */
const PARTS = 'heading, caption, details, form, fieldset, legend, radio, field, label, hint, input, error, error-summary, error-summary-link, button, button-secondary, countdown, done, progress';

/**
 * `<dvc-signature>` opened in place by `<dvc-login>` ("Đăng nhập bằng chữ ký số"), `<dvc-account>`
 * ("Nâng lên mức 3 bằng chữ ký số") or `<dvc-register>` (an IAL3 method, after the details), with the widget's client, clock and signer, its parts exported as the
 * widget's. With the later steps. Its events bubble out
 * through the host, so the page hears `dvc-signed-in` or `dvc-assurance-upgraded` from the widget it placed.
 */
export function renderSignatureInPlace(host: InPlaceHost, options: SignatureInPlace): TemplateResult {
  definePart('dvc-signature', DvcSignature);
  return html`<dvc-signature
    autofocus
    operation=${options.operation}
    subject-type=${ifDefined(options.subjectType)}
    methods=${ifDefined(options.methods)}
    .registration=${options.registration}
    .idNumber=${options.idNumber}
    .step=${options.step}
    .client=${host.calls.client}
    .clock=${host.clock}
    .signer=${options.signer}
    .accessToken=${options.accessToken}
    exportparts=${PARTS}
    @dvc-signature-cancelled=${options.cancelled}
  ></dvc-signature>`;
}
