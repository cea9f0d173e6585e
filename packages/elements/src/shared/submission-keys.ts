/**
 * `Idempotency-Key`s for a flow's submissions: the same key while the citizen repeats the same
 * submission (a retry after a lost answer, a second press of the button), a new key for anything
 * else. With it a repeat gets the service's first answer instead of a refusal (`flow_step`), even
 * when the first request's answer was lost to a network failure or a restart of the service.
 *
 * @example
 * ```ts
 * const keys = new SubmissionKeys();
 * const idempotencyKey = keys.keyFor({ signInId, code });
 * await verifySignInCode(client, signInId, { code }, { idempotencyKey });
 * keys.reset(); // after success: the next submission is a new one
 * ```
 */
export class SubmissionKeys {
  #last: { fingerprint: string; key: string } | undefined;

  /** The key for a submission of `body`: the last one while `body` is unchanged, else a new one. */
  keyFor(body: unknown): string {
    const fingerprint = JSON.stringify(body);
    if (this.#last?.fingerprint !== fingerprint) this.#last = { fingerprint, key: crypto.randomUUID() };
    return this.#last.key;
  }

  /** Forgets the last submission, so the next one gets a new key. */
  reset(): void {
    this.#last = undefined;
  }
}
