// The Mocha globals @web/test-runner provides, as far as these tests use them (no @types/mocha needed).
/** What `this` is inside a Mocha hook or test written as a `function`: here, only the time-out. */
interface MochaContext {
  timeout(ms: number): void;
}
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;
declare function before(body: (this: MochaContext) => void | Promise<void>): void;
declare function after(body: (this: MochaContext) => void | Promise<void>): void;
