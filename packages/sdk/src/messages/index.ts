export * from './codes.js';
export * from './format.js';
export { fillMessage } from './fill.js';
// Each language's catalogue on its own, for a bundle that loads the second language only when needed.
export * from './vi.js';
export * from './en.js';
