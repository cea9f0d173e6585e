export * from './timing.js';
export * from './flow-lifetimes.js';
