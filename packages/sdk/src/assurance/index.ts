export * from './levels.js';
export * from './registration-choices.js';
