import { css, html, LitElement, nothing } from 'lit';
import { DvcErrorCore, getHumanCheckChallenge, type DvcClientCore } from '@dvc-kit/sdk';
import { LocalizeController } from '../i18n/localize.js';
import { emit, type DvcErrorDetail } from '../shared/events.js';
import { later } from '../shared/later-module.js';
import { problemOf, type StepProblem } from '../shared/feedback.js';
import { fieldError } from '../shared/field.js';
import { baseStyles } from '../shared/styles.js';

/** Detail of `dvc-human-check-solved`: the payload to send as `humanCheck`. */
export interface HumanCheckSolvedDetail {
  readonly payload: string;
}


type HumanCheckState =
  | { readonly status: 'idle' }
  | { readonly status: 'solving'; readonly progress: number; readonly abort: AbortController; readonly quiet: boolean }
  | { readonly status: 'solved'; readonly payload: string }
  | ({ readonly status: 'failed' } & StepProblem);

/**
 * "Tôi không phải là người máy": a checkbox that, when ticked, fetches a proof-of-work puzzle from the
 * service (`getHumanCheckChallenge(client)`, ALTCHA format) and solves it in the browser with Web
 * Crypto — the number n in 0..maxnumber whose SHA-256(salt + n) is the challenge. The box stays
 * ticked (`aria-busy`) while it works and until it is solved, unticks if the puzzle cannot be had.
 * No third party sees the citizen. The solved `payload`
 * (base64 of `{ algorithm, challenge, number, salt, signature }`) goes with the next request; the
 * service accepts it once, so call `renew()` after the service has answered: the box stays ticked
 * and a new puzzle is solved quietly in the background (said aloud only if that fails).
 *
 * @fires {HumanCheckSolvedDetail} dvc-human-check-solved - The puzzle is solved; `detail` is `{ payload }`.
 * @fires {DvcErrorDetail} dvc-error - The puzzle could not be fetched; `detail` is `{ code, message }`.
 * @csspart checkbox - The checkbox.
 * @csspart label - Its label.
 * @csspart status - The progress text.
 * @csspart error - The error message.
 * @example
 * ```html
 * <dvc-human-check></dvc-human-check>
 * <script type="module">
 *   const check = document.querySelector('dvc-human-check');
 *   check.client = client;
 *   check.addEventListener('dvc-human-check-solved', (event) => send({ humanCheck: event.detail.payload }));
 * </script>
 * ```
 */
export class DvcHumanCheck extends LitElement {
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  static override styles = [
    baseStyles,
    css`
      .choice {
        margin: 0;
      }
      .status {
        margin: 0.3em 0 0 2.1em;
        color: var(--_muted);
      }
      .status:empty {
        display: none;
      }
    `,
  ];

  static override properties = {
    client: { attribute: false },
    error: { type: String },
    state: { state: true },
  };

  /** The client that fetches the puzzle. */
  declare client: DvcClientCore | undefined;
  /** Error text tied to the checkbox, already in the citizen's language. */
  declare error: string | undefined;
  private declare state: HumanCheckState;

  // Part of the sign-in's first step: its strings are first-step strings.
  readonly #localize = new LocalizeController(this, { firstStepOnly: () => true });
  #pending: Promise<string | undefined> | undefined;

  constructor() {
    super();
    this.state = { status: 'idle' };
  }

  /** Renders once the strings of the citizen's language are in. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.#localize.whenReady(() => super.scheduleUpdate());
  }

  /** The box shows the state after every render, whatever a click did to it (a puzzle that fails unticks it). */
  protected override updated(): void {
    const status = this.state.status;
    this.renderRoot.querySelector('input')!.checked = status === 'solving' || status === 'solved';
  }

  /** The solved payload to send as `humanCheck`, or `undefined` until solved. */
  get payload(): string | undefined {
    return this.state.status === 'solved' ? this.state.payload : undefined;
  }

  /** Whether the puzzle is solved. */
  get solved(): boolean {
    return this.state.status === 'solved';
  }

  /**
   * After the service took the solution (it takes each once): keeps the box ticked and solves a new
   * puzzle quietly, so the citizen does not tick again after a refused attempt. Nothing when not solved.
   */
  renew(): void {
    if (this.state.status !== 'solved') return;
    this.#begin(true);
  }

  /** Forgets the solution (the service takes each once) so the citizen ticks again. */
  reset(): void {
    if (this.state.status === 'solving') this.state.abort.abort();
    this.state = { status: 'idle' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.state.status === 'solving') this.reset();
  }

  /**
   * The payload once the puzzle in progress is solved: at once when solved, after the search when
   * the citizen has ticked the box and it is still working, `undefined` when not ticked or failed.
   */
  ready(): Promise<string | undefined> {
    return this.state.status === 'solving' ? this.#pending! : Promise.resolve(this.payload);
  }

  #start(): void {
    if (this.state.status === 'solving' || this.state.status === 'solved') {
      this.requestUpdate();
      return;
    }
    this.#begin(false);
  }

  #begin(quiet: boolean): void {
    const abort = new AbortController();
    this.state = { status: 'solving', progress: 0, abort, quiet };
    this.#pending = this.#solve(abort).then(() => this.payload);
  }

  async #solve(abort: AbortController): Promise<void> {
    try {
      if (!this.client) throw new DvcErrorCore('unknown_client');
      const [challenge, { solveHumanCheck }] = await Promise.all([getHumanCheckChallenge(this.client, { signal: abort.signal }), later.load()]);
      const payload = await solveHumanCheck(challenge, {
        signal: abort.signal,
        onProgress: (progress) => {
          if (this.state.status === 'solving' && progress - this.state.progress >= 0.01) this.state = { ...this.state, progress };
        },
      });
      if (abort.signal.aborted) return;
      this.state = { status: 'solved', payload };
      emit<HumanCheckSolvedDetail>(this, 'dvc-human-check-solved', { payload });
    } catch (caught) {
      if (abort.signal.aborted) return;
      const problem: StepProblem = caught instanceof DvcErrorCore ? problemOf(caught) : { code: 'human_check_failed' };
      this.state = { status: 'failed', ...problem };
      await this.#localize.ready();
      emit<DvcErrorDetail>(this, 'dvc-error', { code: problem.code, message: this.#localize.problem(problem.code, problem.detail) });
    }
  }

  protected override render() {
    const t = this.#localize.t;
    const state = this.state;
    const error = this.error;
    // The search in progress, shown and said unless it runs quietly after a renew().
    const progress = state.status === 'solving' && !state.quiet ? state.progress : undefined;
    const status =
      progress !== undefined ? t.humanCheckSolving : state.status === 'failed' ? this.#localize.problem(state.code, state.detail) : state.status === 'idle' ? '' : t.humanCheckSolved;
    return html`<div class="field ${error ? 'field--error' : ''}" part="field">
      ${fieldError('human-check', error, t.errorPrefix)}
      <div class="choice">
        <input
          id="human-check"
          type="checkbox"
          part="checkbox"
          aria-describedby="${error ? 'human-check-error ' : ''}human-check-status"
          aria-invalid=${!!error}
          aria-busy=${progress !== undefined}
          @change=${this.#start}
        />
        <label for="human-check" part="label">${t.humanCheckLabel}</label>
      </div>
      <p id="human-check-status" class="status" part="status" role="status" aria-live="polite">${status || nothing}</p>
      ${progress === undefined ? nothing : html`<p class="status" part="progress" aria-hidden="true">${Math.round(progress * 100)}%</p>`}
    </div>`;
  }
}
