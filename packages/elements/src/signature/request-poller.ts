import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DvcErrorCore, getSignatureRequest, type DvcClientCore } from '@dvc-kit/sdk';
import type { SignatureRequestState } from '@dvc-kit/sdk/contract';
import type { Clock } from '../shared/clock.js';

/** A request the holder is confirming on the phone, and when to ask about it next (epoch milliseconds). */
export interface PendingRequest {
  readonly requestId: string;
  readonly pollAt: number;
}

/** What {@link RequestPoller} reads from its widget. */
export interface RequestPollerOptions {
  readonly clock: () => Clock;
  readonly client: () => DvcClientCore | undefined;
  /** The request on screen, or `undefined` while none is pending. */
  readonly pending: () => PendingRequest | undefined;
  /** The poll's answer (or its failure) for that request; the widget drops it when the step has changed. */
  readonly answered: (request: PendingRequest, answer: SignatureRequestState | DvcErrorCore) => void;
}

/**
 * While a SIM-signature or remote-signing request is pending: re-renders its widget every second (the
 * time left) and asks the service about the request once its poll is due — one question at a time, with
 * the widget's clock, so a test moves time instead of waiting. Stops when no request is pending or the
 * widget leaves the page.
 */
export class RequestPoller implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: RequestPollerOptions;
  #stop: (() => void) | undefined;
  #asking = false;

  constructor(host: ReactiveControllerHost, options: RequestPollerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.#options.pending() && !this.#stop) this.#stop = this.#options.clock().every(1000, () => this.#tick());
    else if (!this.#options.pending()) this.hostDisconnected();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  #tick(): void {
    this.#host.requestUpdate();
    const request = this.#options.pending();
    if (request && !this.#asking && this.#options.clock().now() >= request.pollAt) void this.#ask(request);
  }

  async #ask(request: PendingRequest): Promise<void> {
    const client = this.#options.client();
    if (!client) return;
    this.#asking = true;
    let answer: SignatureRequestState | DvcErrorCore;
    try {
      answer = await getSignatureRequest(client, request.requestId);
    } catch (error) {
      answer = error instanceof DvcErrorCore ? error : new DvcErrorCore('network', { cause: error });
    } finally {
      this.#asking = false;
    }
    this.#options.answered(request, answer);
  }
}
