import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  cancelSignatureRequest,
  createSignatureChallenge,
  DvcErrorCore,
  formatCountdown,
  previewSignatureCertificate,
  signInWithSignature,
  startSignatureRequest,
  upgradeAssurance,
  type ProblemCode,
  type ServiceConfig,
  type SignedIn,
  type SubjectType,
} from '@dvc-kit/sdk';
import type { AssuranceUpgraded, AssuranceUpgradeRequest, CertificateDetails, SignatureMethod, SignatureRequestState, SigningHolder } from '@dvc-kit/sdk/contract';
import { SignerError, signerMessage, type Signer, type SignerCertificate } from '@dvc-kit/sdk/signer';
import { emit, type DvcSignedInDetail } from '../shared/events.js';
import { textField } from '../shared/field.js';
import { FlowElement } from '../shared/flow-element.js';
import { flowStyles } from '../shared/flow-styles.js';
import { refusal } from '../shared/refusal.js';
import { baseStyles } from '../shared/styles.js';
import type { RequestOutcome, SignatureCatalogue } from './catalogue.js';
import type { DvcAssuranceUpgradedDetail } from './events.js';
import { readHolder } from './holder.js';
import { signatureTransition, type SignatureEvent } from './machine.js';
import { RequestPoller, type PendingRequest } from './request-poller.js';
import { renderCertificate, renderCertificatePicker } from './token-steps.js';
import type { RemoteMethod, SignatureOperationName, SignatureState } from './state.js';

type Step<N extends SignatureState['step']> = Extract<SignatureState, { step: N }>;

/** Every signature method, in the order the choice shows them. */
const METHODS: readonly SignatureMethod[] = ['usb_token', 'sim_signature', 'remote_signing'];
/** Seconds between two polls when the service names none. */
const POLL_SECONDS = 2;

/** The bytes of a challenge's `toBeSigned` (base64url). */
const bytesOf = (base64url: string) => Uint8Array.from(atob(base64url.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));

/**
 * `<dvc-signature>`: one digital signature against the identity service, to raise the signed-in account
 * to IAL3 (`operation="upgrade"`, with the `accessToken` property) or to sign in (`operation="sign-in"`).
 * The methods are those `GET /v1/config` offers for the subject type (narrowed by `methods`); the citizen
 * chooses when there are several.
 *
 * - USB token ("USB ký số", only with a `signer` from `@dvc-kit/sdk/signer`): the signer's certificates
 *   (a choice when there are several), then what the service read from the chosen one after its checks —
 *   holder, organisation, the ID number found, validity, issuing CA — and only on "Xác nhận ký" the
 *   signer signs the challenge and the operation is called with it.
 * - SIM signature and remote signing: whom the provider asks (the SIM's phone; an account or ID number),
 *   then "Xác nhận trên điện thoại" with the time left and "Huỷ" while the widget polls the request, then
 *   the operation with the signed request.
 *
 * A visible state machine: `choose → token → confirm → done`, `choose → holder → waiting → done`. Every
 * refusal (the signer's, the service's, the request's outcome) is shown on the step and announced. It
 * never shows a success the service did not answer.
 *
 * @fires {DvcSignedInDetail} dvc-signed-in - Signed in (`operation="sign-in"`); `detail` is `{ account, tokens }`.
 * @fires {DvcAssuranceUpgradedDetail} dvc-assurance-upgraded - The account is at IAL3 (`operation="upgrade"`); `detail.upgrade` is the service's answer.
 * @fires {undefined} dvc-signature-cancelled - The citizen cancelled ("Huỷ" before signing, or on the phone step): a widget that opened the signature closes it.
 * @fires {DvcErrorDetail} dvc-error - A problem stopped the citizen, or the widget cannot reach the service.
 * @csspart heading - The step heading.
 * @csspart caption - "Bước n/m" above it, as a step of `<dvc-register>` (see `step`).
 * @csspart details - What the certificate says.
 * @csspart form - Each step's form.
 * @csspart fieldset - The certificates to choose from.
 * @csspart legend - Its legend.
 * @csspart radio - A certificate's radio button.
 * @csspart field - A field (label, hint, error, input).
 * @csspart label - A label.
 * @csspart hint - A hint.
 * @csspart input - A text input.
 * @csspart error - A field's error message.
 * @csspart error-summary - The error summary at the top of a step.
 * @csspart error-summary-link - A link in it.
 * @csspart button - A button.
 * @csspart button-secondary - The methods, "Huỷ", "Chọn cách ký khác".
 * @csspart countdown - The time left to confirm on the phone.
 * @csspart done - The notice after the signature.
 * @csspart progress - What a slow step is waiting for.
 * @cssprop --dvc-color-primary - Buttons, links. Default `#1d5ea8`.
 * @cssprop --dvc-color-on-primary - Text on buttons. Default white.
 * @cssprop --dvc-color-text - Text. Default `#0b0c0c`.
 * @cssprop --dvc-color-muted - Hints, the time left. Default `#484f54`.
 * @cssprop --dvc-color-error - Errors. Default `#c0281b`.
 * @cssprop --dvc-color-success - The notice after the signature. Default `#00703c`.
 * @cssprop --dvc-color-border - Input borders.
 * @cssprop --dvc-color-background - Input background.
 * @cssprop --dvc-color-focus - Focus highlight. Default `#ffdd00`.
 * @cssprop --dvc-font-family - Typeface.
 * @cssprop --dvc-font-size - Base size. Default `1rem`.
 * @cssprop --dvc-radius - Corner radius. Default `4px`.
 * @cssprop --dvc-spacing - Base spacing. Default `1rem`.
 * @example
 * ```html
 * <dvc-signature service="https://id.example.gov.vn" client-id="provincial-portal" operation="upgrade"></dvc-signature>
 * <script type="module">
 *   import { PluginSigner } from '@dvc-kit/sdk/signer';
 *   const signature = document.querySelector('dvc-signature');
 *   signature.accessToken = tokens.accessToken;
 *   signature.signer = new PluginSigner(vendorBinding); // offers the USB token
 *   signature.addEventListener('dvc-assurance-upgraded', (event) => console.log(event.detail.upgrade.account.ial)); // 3
 * </script>
 * ```
 */
export class DvcSignature extends FlowElement<SignatureState, SignatureEvent> {
  static override styles = [
    baseStyles,
    flowStyles,
    css`dl{display:grid;grid-template-columns:max-content 1fr;gap:.3em 1em;margin:0 0 var(--_space)}dt{font-weight:700}dd{margin:0;overflow-wrap:anywhere}.actions{margin:0;padding:0;list-style:none}`,
  ];

  static override properties = {
    ...FlowElement.properties,
    operation: { type: String },
    subjectType: { type: String, attribute: 'subject-type' },
    methods: { type: String },
    accessToken: { attribute: false },
    signer: { attribute: false },
  };

  /** `upgrade` (the signed-in account to IAL3; needs `accessToken`) or `sign-in`. */
  declare operation: SignatureOperationName;
  /** Whose certificate signs: `citizen` (the default), `enterprise` or `agency`. */
  declare subjectType: SubjectType;
  /** Optional comma list narrowing the methods offered: `usb_token,sim_signature,remote_signing`. */
  declare methods: string | undefined;
  /** The signed-in citizen's access token, for `upgrade`. */
  declare accessToken: string | undefined;
  /** Reaches the USB token (a `Signer` from `@dvc-kit/sdk/signer`); without one the USB token is not offered. */
  declare signer: Signer | undefined;
  /**
   * `<dvc-register>`'s own use (not an attribute): the signature proves a registration at IAL3 instead of
   * an upgrade or a sign-in. It takes the proof (a signed `register` challenge, or a signed request's id),
   * the method and what the certificate says, starts the registration, and gives back the service's
   * refusal, if any, for this element to show.
   */
  declare registration: ((proof: AssuranceUpgradeRequest, method: SignatureMethod, certificate: CertificateDetails | undefined) => Promise<DvcErrorCore | undefined>) | undefined;
  /**
   * With {@link DvcSignature.registration}: the number typed, which the certificate must carry (the preview
   * checks it) — the ID number, or with `subject-type="enterprise"` the tax code.
   */
  declare idNumber: string | undefined;
  /** With {@link DvcSignature.registration}: where the signature stands in the registration ("Bước 3/5"), shown above its headings. */
  declare step: readonly [number, number] | undefined;
  protected readonly transition = (state: SignatureState, event: SignatureEvent) => signatureTransition(state, event, (config) => this.#offered(config));
  /** No step keeps a flow open on the service (a challenge's expiry is answered when it is used). */
  protected readonly lifetimeMs = 0;
  #listedFor: SignatureState | undefined;
  /** While the holder confirms on the phone: the time left every second, and a poll when it is due. */
  protected readonly poller = new RequestPoller(this, {
    clock: () => this.clock,
    client: () => this.calls.client,
    pending: () => (this.state.step === 'waiting' ? this.state : undefined),
    answered: (request, answer) => this.#polled(request, answer),
  });

  constructor() {
    super();
    this.operation = 'upgrade';
    this.subjectType = 'citizen';
    this.methods = undefined;
    this.accessToken = undefined;
    this.signer = undefined;
  }

  get #s(): SignatureCatalogue {
    return this.localize.t.signature;
  }

  /** The methods this configuration offers here: for the subject type, for sign-in when signing in, narrowed by `methods`, a USB token only with a signer. */
  #offered(config: ServiceConfig): readonly SignatureMethod[] {
    const wanted = this.methods ? this.methods.split(',').map((method) => method.trim()) : undefined;
    const available = config.subjectTypes.find((entry) => entry.subjectType === this.subjectType)?.methods.filter((choice) => choice.available).map((choice) => choice.method) ?? [];
    return METHODS.filter(
      (method) =>
        available.includes(method) &&
        (method !== 'usb_token' || this.signer) &&
        (!wanted || wanted.includes(method)) &&
        (this.operation !== 'sign-in' || config.signInMethods.includes(method)),
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const state = this.state;
    // The USB token's certificates are read once on entering its step (again on "Đọc lại USB ký số").
    if (state.step === 'token' && !state.certificates && this.#listedFor !== state) void this.#list();
  }


  /** The challenge's operation on the wire. */
  get #operation(): 'upgrade' | 'sign_in' | 'register' {
    return this.registration ? 'register' : this.operation === 'sign-in' ? 'sign_in' : 'upgrade';
  }

  /** A refusal shown on the step in the citizen's language, announced; `code` names it (the text is `text`). */
  #say(code: ProblemCode, text: string): void {
    this.feedback.show({ problem: { code, detail: text }, fields: {} });
  }

  /** A refusal of the signer or the service, on the step on screen (the session gone, or an account at IAL3 already, ends the flow). */
  #refused(error: unknown): void {
    if (error instanceof SignerError) return this.#say('internal', signerMessage(error.code, this.localize.lang));
    const failure = error instanceof DvcErrorCore ? error : new DvcErrorCore('internal', { cause: error });
    if (failure.code === 'aborted') return;
    if (failure.code === 'unauthorized' || failure.code === 'already_ial3') return this.fail(failure);
    const feedback = refusal(failure);
    // A rule broken on a field this step does not have (a certificate's format …) is said for the whole step.
    const field = this.state.step === 'holder' ? 'holder' : '';
    const [first] = Object.values(feedback.fields);
    this.feedback.show(feedback.problem || !first ? feedback : { fields: { [field]: first } });
  }

  /** Back a step (from `confirm` or `waiting`), then the refusal shown there. */
  #back(error: unknown): void {
    this.send({ type: 'back' });
    this.#refused(error);
  }

  async #list(): Promise<void> {
    const state = this.state;
    this.#listedFor = state;
    try {
      const certificates = await this.calls.hold(this.signer!.listCertificates());
      if (this.state !== state) return;
      if (!certificates.length) throw new SignerError('no_certificate');
      this.send({ type: 'listed', certificates });
      // One certificate: nothing to choose, straight to what the service reads from it.
      if (certificates.length === 1) await this.#preview(certificates[0]!);
    } catch (error) {
      if (this.state === state) this.#refused(error);
    }
  }

  /** A challenge, and the service's reading of the certificate (after every check a signature gets), for the citizen to confirm. */
  async #preview(certificate: SignerCertificate): Promise<void> {
    const state = this.state;
    const result = await this.calls.call(async (client, signal) => {
      const challenge = await createSignatureChallenge(client, { operation: this.#operation, subjectType: this.subjectType }, { signal });
      const intermediates = certificate.intermediates?.length ? { intermediates: [...certificate.intermediates] } : {};
      const expected = this.idNumber ? { [this.subjectType === 'enterprise' ? 'taxCode' : 'idNumber']: this.idNumber } : {};
      const read = await previewSignatureCertificate(client, challenge.challengeId, { certificate: certificate.certificate, ...intermediates, ...expected }, { signal });
      return { challenge, preview: read.certificate };
    });
    if (this.state !== state) return;
    if (result.ok) this.send({ type: 'previewed', certificate, ...result.value });
    else this.#refused(result.error);
  }

  /** "Xác nhận ký": the signer signs the challenge's bytes, then the operation takes the signed challenge. */
  async #sign(state: Step<'confirm'>): Promise<void> {
    if (this.busy) return;
    const { certificate, challenge } = state;
    try {
      const made = await this.calls.hold(this.signer!.sign({ certificateId: certificate.id, data: bytesOf(challenge.toBeSigned) }));
      if (this.state !== state) return;
      const intermediates = made.intermediates?.length ? { intermediates: [...made.intermediates] } : {};
      const signed = { challengeId: challenge.challengeId, certificate: made.certificate, ...intermediates, algorithm: made.algorithm, signature: made.signature };
      await this.#finish(signed, 'usb_token', state.preview);
    } catch (error) {
      if (this.state === state) this.#back(error);
    }
  }

  /** The operation with its proof; `done` and the event only with the service's answer. A registration goes on in `<dvc-register>`. */
  async #finish(proof: AssuranceUpgradeRequest, method: SignatureMethod, certificate: CertificateDetails | undefined): Promise<void> {
    const state = this.state;
    if (this.registration) {
      const refused = await this.registration(proof, method, certificate);
      if (refused && this.state === state) this.#back(refused);
      return;
    }
    const result = await this.calls.call<SignedIn | AssuranceUpgraded>((client, signal) =>
      this.operation === 'sign-in' ? signInWithSignature(client, proof, { signal }) : upgradeAssurance(client, this.accessToken ?? '', proof, { signal }),
    );
    if (this.state !== state) return;
    if (!result.ok) return this.#back(result.error);
    const value = result.value;
    this.send({ type: 'signed', account: value.account });
    if ('tokens' in value) emit<DvcSignedInDetail>(this, 'dvc-signed-in', { account: value.account, tokens: value.tokens });
    else emit<DvcAssuranceUpgradedDetail>(this, 'dvc-assurance-upgraded', { upgrade: value });
  }

  readonly #cancelled = (): void => {
    emit(this, 'dvc-signature-cancelled', undefined);
  };

  /** Whom the provider asks, read from the holder step's field: the SIM's phone, or an ID number (digits) or account at the remote-signing provider. */
  #submitHolder(event: SubmitEvent, method: RemoteMethod): void {
    event.preventDefault();
    if (this.busy) return;
    const read = readHolder(String(new FormData(event.currentTarget as HTMLFormElement).get('holder')).trim(), method);
    if ('problem' in read) return this.feedback.show({ fields: { holder: read.problem } });
    void this.#request(method, read.holder);
  }

  async #request(method: RemoteMethod, holder: SigningHolder): Promise<void> {
    const state = this.state;
    const result = await this.calls.call(async (client, signal) => {
      const { challengeId } = await createSignatureChallenge(client, { operation: this.#operation, subjectType: this.subjectType }, { signal });
      return startSignatureRequest(client, { challengeId, method, holder }, { signal });
    });
    if (this.state !== state) return;
    if (!result.ok) return this.#refused(result.error);
    const { requestId, expiresAt, pollAfterSeconds } = result.value;
    this.send({ type: 'started', requestId, expiresAt: Date.parse(expiresAt), pollAt: this.clock.now() + pollAfterSeconds * 1000 });
  }

  /** A poll's answer: again after its interval (or the service's `Retry-After`) while pending, else its outcome. */
  #polled(request: PendingRequest, answer: SignatureRequestState | DvcErrorCore): void {
    const state = this.state;
    if (state !== request || state.step !== 'waiting') return;
    const later = (seconds: number | undefined) => this.send({ type: 'polled', pollAt: this.clock.now() + (seconds ?? POLL_SECONDS) * 1000 });
    if (answer instanceof DvcErrorCore) return answer.code === 'not_found' ? this.fail(answer) : later(answer.retryAfter);
    if (answer.state === 'pending') return later(answer.pollAfterSeconds);
    if (answer.state === 'signed') return void this.#finish({ signatureRequestId: state.requestId }, state.method, answer.certificate);
    this.#ended(answer.state);
  }

  /** The request ended without a signature: back to the holder step, saying how. */
  #ended(outcome: RequestOutcome): void {
    this.send({ type: 'back' });
    const code = ({ refused: 'provider_refused', timed_out: 'provider_timeout', failed: 'provider_unavailable', cancelled: 'flow_step' } as const)[outcome];
    this.#say(code, this.#s.outcome[outcome]);
  }

  /** "Huỷ" while waiting: the request withdrawn at the provider, then `dvc-signature-cancelled`. */
  async #cancel(state: Step<'waiting'>): Promise<void> {
    if (this.busy) return;
    const result = await this.calls.call((client, signal) => cancelSignatureRequest(client, state.requestId, { signal }));
    if (this.state !== state) return;
    if (!result.ok) return this.#refused(result.error);
    this.#ended('cancelled');
    this.#cancelled();
  }

  /** Each heading with the registration's {@link DvcSignature.step}, when it is a step of one. */
  protected override renderHeading(text: string, step = this.step): TemplateResult {
    return super.renderHeading(text, step);
  }

  protected override renderStep(): TemplateResult {
    const state = this.state;
    const t = this.localize.t;
    const s = this.#s;
    const busy = this.busy ? 'true' : 'false';
    const summary = this.feedback.renderSummary(state.step === 'holder' ? [{ name: 'holder', id: 'holder', label: () => s.holderLabel[state.method] }] : []);
    const button = (text: string, click: () => void, secondary = true) =>
      html`<button type="button" class=${secondary ? 'secondary' : ''} part=${secondary ? 'button button-secondary' : 'button'} aria-disabled=${busy} @click=${click}>${text}</button>`;
    // Another method, when there are several, and "Huỷ" back to where the signature was opened (a refused certificate is no dead end).
    const other = html`${'methods' in state && state.methods.length > 1 ? button(s.otherMethod, () => this.send({ type: 'methods' })) : nothing} ${button(s.cancel, this.#cancelled)}`;
    const date = (iso: string) => new Date(iso).toLocaleDateString(this.localize.lang === 'en' ? 'en-GB' : 'vi-VN');
    switch (state.step) {
      case 'loading':
        return this.setup.renderLoading(html`<p class="hint" role="status">${t.loading}</p>`);
      case 'error':
        return this.renderFailure(state, true);
      case 'choose':
        return html`${this.renderHeading(s.heading[this.registration ? 'register' : this.operation])}
          ${state.methods.length
            ? html`<p id="choose">${s.chooseLegend}</p>
                <ul class="actions" aria-labelledby="choose">
                  ${state.methods.map((method) => html`<li>${button(t.methodNames[method], () => this.send({ type: 'chosen', method }))}</li>`)}
                </ul>`
            : html`<p>${s.noMethod}</p>`}
          ${button(s.cancel, this.#cancelled)}`;
      case 'token': {
        const { certificates } = state;
        return html`${this.renderHeading(t.methodNames.usb_token)} ${summary}
          <p>${s.tokenIntro}</p>
          ${certificates
            ? renderCertificatePicker(s, certificates, { busy, submitText: t.continue, date, onSubmit: (event) => this.#choose(event, certificates) })
            : this.busy
              ? html`<p class="hint" role="status">${s.readingToken}</p>`
              : button(s.readAgain, () => void this.#list(), false)}
          ${other}`;
      }
      case 'confirm': {
        return html`${this.renderHeading(s.confirmHeading)} ${summary}
          <p>${s.confirmIntro}</p>
          ${renderCertificate(s, state.preview, date, t.taxCodeLabel)}
          ${button(s.confirm, () => void this.#sign(state), false)}
          ${button(s.cancel, () => {
            this.send({ type: 'back' });
            this.#cancelled();
          })}`;
      }
      case 'holder': {
        const sim = state.method === 'sim_signature';
        return html`${this.renderHeading(t.methodNames[state.method])} ${summary}
          <form part="form" novalidate aria-busy=${busy} @submit=${(event: SubmitEvent) => this.#submitHolder(event, state.method)}>
            ${textField({
              id: 'holder',
              name: 'holder',
              label: s.holderLabel[state.method],
              hint: s.holderHint[state.method],
              error: this.feedback.fieldError('holder'),
              errorPrefix: t.errorPrefix,
              ...(sim ? { type: 'tel', inputmode: 'tel', autocomplete: 'tel', short: true } : { autocomplete: 'username' }),
            })}
            <button type="submit" part="button" aria-disabled=${busy}>${s.sendRequest}</button>
          </form>
          ${other}`;
      }
      case 'waiting':
        return html`${this.renderHeading(s.waitingHeading)} ${summary}
          <p>${s.waitingText}</p>
          <p class="hint" part="countdown">${s.timeLeft(formatCountdown((state.expiresAt - this.clock.now()) / 1000))}</p>
          ${button(s.cancel, () => void this.#cancel(state))}`;
      case 'done':
        return html`<div class="panel" part="done" role="status">
          ${this.renderHeading(this.operation === 'sign-in' ? t.signedIn(state.account.fullName, state.account.ial) : s.upgraded(state.account.ial))}
        </div>`;
    }
  }

  #choose(event: SubmitEvent, certificates: readonly SignerCertificate[]): void {
    event.preventDefault();
    const id = new FormData(event.currentTarget as HTMLFormElement).get('certificate');
    const chosen = certificates.find((certificate) => certificate.id === id);
    if (!this.busy && chosen) void this.#preview(chosen);
  }
}
