/**
 * A clock tests move by hand. It starts at the real time (so tokens it stamps still verify with
 * libraries that read the real clock) and only moves when told.
 */
export class TestClock {
  #now: number;

  constructor(start: Date = new Date()) {
    this.#now = Math.floor(start.getTime() / 1000) * 1000;
  }

  /** The clock function to inject. */
  readonly now = (): Date => new Date(this.#now);

  /** Moves time forward. */
  advance(seconds: number): void {
    this.#now += seconds * 1000;
  }
}
