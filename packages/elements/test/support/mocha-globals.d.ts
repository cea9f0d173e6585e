// The Mocha globals @web/test-runner provides, as far as these tests use them (no @types/mocha needed).
declare function describe(title: string, body: () => void): void;
declare function it(title: string, body: () => void | Promise<void>): void;
declare function beforeEach(body: () => void | Promise<void>): void;
declare function afterEach(body: () => void | Promise<void>): void;
declare function before(body: (this: { timeout(ms: number): void }) => void | Promise<void>): void;
